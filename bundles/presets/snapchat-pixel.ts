// dist/presets/snapchat-pixel.js: an add-on preset file; a site adds its tag before consentry.js.
import { snapchatPixel } from '../../presets/snapchat-pixel';
import { registerPreset } from '../../src/script-tag/chunk-registry';

registerPreset(snapchatPixel.definition);
