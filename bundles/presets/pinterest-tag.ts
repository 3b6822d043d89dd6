// dist/presets/pinterest-tag.js: an add-on preset file; a site adds its tag before consentry.js.
import { pinterestTag } from '../../presets/pinterest-tag';
import { registerPreset } from '../../src/script-tag/chunk-registry';

registerPreset(pinterestTag.definition);
