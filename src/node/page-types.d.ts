// core/types.ts names the page's `Window` in what it hands browser presets (PresetContext);
// Node code only passes such types along. Declared empty here, so that without the DOM lib
// `window`, `document` and every DOM value stay unknown to src/node/.
interface Window {}
