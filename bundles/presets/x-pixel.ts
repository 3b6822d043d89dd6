// dist/presets/x-pixel.js: an add-on preset file; a site adds its tag before consentry.js.
import { xPixel } from '../../presets/x-pixel';
import { registerPreset } from '../../src/script-tag/chunk-registry';

registerPreset(xPixel.definition);
