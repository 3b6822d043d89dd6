// dist/consentry-embeds.js: the placeholders of held iframes, fetched by the script tag once the
// page holds an embed whose category is denied.
import { embedHolder } from '../src/browser/embed-holder';
import { register } from '../src/script-tag/chunk-registry';

register('embedHolder', embedHolder);
