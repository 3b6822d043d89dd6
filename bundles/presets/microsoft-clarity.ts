// dist/presets/microsoft-clarity.js: an add-on preset file; a site adds its tag before consentry.js.
import { microsoftClarity } from '../../presets/microsoft-clarity';
import { registerPreset } from '../../src/script-tag/chunk-registry';

registerPreset(microsoftClarity.definition);
