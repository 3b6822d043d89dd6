// dist/consentry-check.js: the config check, fetched by a file made by `consentry build` only
// when the page gives a config of its own (the built-in one was checked at build time).
import { checkPageConfig } from '../src/script-tag/check-page-config';
import { register } from '../src/script-tag/chunk-registry';

register('checkPageConfig', checkPageConfig);
