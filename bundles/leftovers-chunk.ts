// dist/consentry-leftovers.js: the look for vendor snippets left outside gating, fetched when the
// browser is idle on a page view that shows the banner, and by `Consentry.debug()`.
import { leftoverScripts, leftoverWarning } from '../src/browser/leftover-scripts';
import { register } from '../src/script-tag/chunk-registry';

register('leftovers', { find: leftoverScripts, warning: leftoverWarning });
