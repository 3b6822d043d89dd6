// dist/presets/google-maps.js: an add-on preset file; a site adds its tag before consentry.js.
import { googleMaps } from '../../presets/google-maps';
import { registerPreset } from '../../src/script-tag/chunk-registry';

registerPreset(googleMaps.definition);
