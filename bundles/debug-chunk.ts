// dist/consentry-debug.js: the report `Consentry.debug()` prints, fetched on its first call.
import { debugReport } from '../src/browser/debug-report';
import { register } from '../src/script-tag/chunk-registry';

register('debugReport', debugReport);
