// The UI's stylesheet, adopted by its shadow root (see adopt-styles.ts): theme tokens, the
// shared card and controls, the banner layouts and the dialog. Readable class names; the
// shipped bundle is minified as a whole.
import { BASE, KEYFRAMES } from './styles/base';
import { DIALOG } from './styles/dialog';
import { LAYOUTS } from './styles/layouts';
import { TOKENS } from './styles/tokens';

const RULES = TOKENS + BASE + LAYOUTS + DIALOG;

export const CSS = RULES + KEYFRAMES;

/** The attribute that marks the host of a UI rendered in the page's DOM (`ui.shadow: false`). */
export const LIGHT_HOST = 'data-consentry-ui';

/**
 * The same rules for the page's own DOM (`ui.shadow: false`), nested under the host (CSS Nesting
 * Module, https://www.w3.org/TR/css-nesting-1/), so they style nothing else on the page and win
 * over the page's element and class selectors. The host and the UI's root element generate no
 * box (`display: contents`): the card is what is seen, so tools that test whether the host is
 * visible look at it. First, every element of the UI goes back to the browser's own styles
 * (`all: revert`, CSS Cascade 4 §7.3), so a page's `button {…}` or `h2 {…}` cannot restyle what
 * the rules below leave unset; SVG keeps its presentation attributes, which `revert` would drop.
 * The root then resets what would otherwise inherit from the page, as `:host` does in a shadow root.
 */
export const LIGHT_CSS = `[${LIGHT_HOST}]{display:contents;:not(svg,svg *){all:revert}.consentry{all:initial;display:contents}${RULES}}${KEYFRAMES}`;
