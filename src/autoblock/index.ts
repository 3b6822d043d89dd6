// Auto-blocking for the script-tag build: holds known trackers added without markup.
export { installAutoBlock } from './install-auto-block';
export type { AutoBlock, AutoBlockOptions } from './install-auto-block';
