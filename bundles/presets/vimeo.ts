// dist/presets/vimeo.js: an add-on preset file; a site adds its tag before consentry.js.
import { vimeo } from '../../presets/vimeo';
import { registerPreset } from '../../src/script-tag/chunk-registry';

registerPreset(vimeo.definition);
