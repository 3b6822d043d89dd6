// dist/i18n/es.js: the UI's and the embed placeholders' texts in this language, fetched only by pages in it.
import { registerTexts } from '../../src/script-tag/chunk-registry';
import texts from '../../ui/i18n/es';

registerTexts('es', texts);
