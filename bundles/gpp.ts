// dist/gpp.js: the IAB GPP add-on, loaded before consentry.js by sites whose config has `gpp`.
// It installs the `__gpp` stub as it runs and registers the part that checks `gpp` and serves the
// full API once consentry.js has made the instance; sites without GPP never download it.
import { register } from '../src/script-tag/chunk-registry';
import { createGppPart } from '../src/script-tag/gpp-part';

register('gpp', createGppPart());
