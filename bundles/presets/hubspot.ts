// dist/presets/hubspot.js: an add-on preset file; a site adds its tag before consentry.js.
import { hubspot } from '../../presets/hubspot';
import { registerPreset } from '../../src/script-tag/chunk-registry';

registerPreset(hubspot.definition);
