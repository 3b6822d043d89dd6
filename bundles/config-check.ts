// dist/consentry-check.js: the config validator, fetched by a file made by `consentry build`
// only when the page gives a config of its own (the built-in one was checked at build time).
import { validateConfig } from '../src/core/config/validate';
import { register } from '../src/script-tag/chunk-registry';

register('validateConfig', validateConfig);
