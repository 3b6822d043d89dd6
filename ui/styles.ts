// The UI's stylesheet, adopted by its shadow root (see adopt-styles.ts): theme tokens, the
// shared card and controls, the banner layouts and the dialog. Readable class names; the
// shipped bundle is minified as a whole.
import { BASE } from './styles/base';
import { DIALOG } from './styles/dialog';
import { LAYOUTS } from './styles/layouts';
import { TOKENS } from './styles/tokens';

export const CSS = TOKENS + BASE + LAYOUTS + DIALOG;
