// dist/presets/posthog.js: an add-on preset file; a site adds its tag before consentry.js.
import { posthog } from '../../presets/posthog';
import { registerPreset } from '../../src/script-tag/chunk-registry';

registerPreset(posthog.definition);
