// dist/presets/hotjar.js: an add-on preset file; a site adds its tag before consentry.js.
import { hotjar } from '../../presets/hotjar';
import { registerPreset } from '../../src/script-tag/chunk-registry';

registerPreset(hotjar.definition);
