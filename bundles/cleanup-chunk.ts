// dist/consentry-cleanup.js: deletes a withdrawn category's cookies and storage keys, fetched by
// the script tag the first time a category is withdrawn.
import { clearCategory } from '../src/browser/clear-category';
import { register } from '../src/script-tag/chunk-registry';

register('clearCategory', clearCategory);
