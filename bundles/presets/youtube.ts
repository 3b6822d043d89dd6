// dist/presets/youtube.js: an add-on preset file; a site adds its tag before consentry.js.
import { youtube } from '../../presets/youtube';
import { registerPreset } from '../../src/script-tag/chunk-registry';

registerPreset(youtube.definition);
