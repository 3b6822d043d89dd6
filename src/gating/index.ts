// Gating: markup, presets, embeds and withdrawal in the browser. Kept apart from the pure core.
export { gate } from './gate';
export type { Gate, GateOptions } from './gate';
export type { PlaceholderTexts } from './placeholder';
