// dist/presets/intercom.js: an add-on preset file; a site adds its tag before consentry.js.
import { intercom } from '../../presets/intercom';
import { registerPreset } from '../../src/script-tag/chunk-registry';

registerPreset(intercom.definition);
