// dist/presets/reddit-pixel.js: an add-on preset file; a site adds its tag before consentry.js.
import { redditPixel } from '../../presets/reddit-pixel';
import { registerPreset } from '../../src/script-tag/chunk-registry';

registerPreset(redditPixel.definition);
