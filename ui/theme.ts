// Picks the colour scheme class of the UI's root from `ui.theme`. `light` is the default, so
// a light site never gets a dark banner by surprise. `auto` first honours the page's own
// declaration (`<meta name="color-scheme">` or `color-scheme` on the root element, CSS Color
// Adjustment Module Level 1, §2): a page that supports only one scheme gets that one. A page
// that supports both, or declares nothing, gets the visitor's `prefers-color-scheme`,
// followed live by a media query in styles/tokens.ts.
import type { UIConfig } from 'consentry';

export type SchemeClass = 'theme-light' | 'theme-dark' | 'theme-auto';

/** The schemes the page says it supports, from its meta tag and its root's computed style. */
function pageSchemes(): string {
  const meta = document.querySelector('meta[name="color-scheme" i]');
  const root = getComputedStyle(document.documentElement).colorScheme || '';
  return ((meta && meta.getAttribute('content')) || '') + ' ' + root;
}

export function schemeClass(theme: UIConfig['theme']): SchemeClass {
  if (theme == 'dark') return 'theme-dark';
  if (theme != 'auto') return 'theme-light';
  const declared = pageSchemes();
  const light = /\blight\b/.test(declared);
  const dark = /\bdark\b/.test(declared);
  if (light && !dark) return 'theme-light';
  if (dark && !light) return 'theme-dark';
  return 'theme-auto';
}
