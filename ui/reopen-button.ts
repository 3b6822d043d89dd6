// The small floating button that reopens the preferences (GDPR Art. 7(3): withdrawing must be
// as easy as giving consent). Plain DOM, no Preact, so the script-tag core can show it to a
// returning visitor without downloading the UI; the click then fetches the UI.
import { adoptStyles } from './adopt-styles';

// A 44 px target (WCAG 2.2 SC 2.5.8 asks for 24) in a corner, covering as little as possible.
// The default accent with a white ring and a soft shadow, so it stands out (3:1 or more,
// WCAG 1.4.11) on light and dark pages alike; `--consentry-*` properties theme it like the UI.
const CSS =
  ':host{position:fixed;bottom:16px;inset-inline-start:16px;z-index:2147483600}' +
  'button{display:grid;place-items:center;width:44px;height:44px;padding:0;border:0;border-radius:50%;cursor:pointer;' +
  'color:var(--consentry-accent-fg,#fff);background:var(--consentry-accent,#3b48cc);' +
  'box-shadow:0 0 0 2px var(--consentry-bg,#fff),0 6px 16px -4px #141a3366;transition:transform .15s}' +
  'button:hover{transform:translateY(-2px)}svg{width:24px;height:24px}' +
  'button:focus-visible{outline:2px solid var(--consentry-accent,#3b48cc);outline-offset:4px}' +
  '@media (prefers-reduced-motion:reduce){button{transition:none}}';

// A cookie with a bite taken out.
const ICON_PATH = 'M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5zM8 9a2 2 0 1 0 0 .1zm7 6a2 2 0 1 0 0 .1z';
const SVG = 'http://www.w3.org/2000/svg';

/**
 * The icon, built element by element: no `innerHTML`, which a page enforcing Trusted Types
 * (`require-trusted-types-for 'script'`) refuses for a plain string.
 */
function icon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  const path = document.createElementNS(SVG, 'path');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('fill', 'currentColor');
  svg.setAttribute('aria-hidden', 'true');
  path.setAttribute('d', ICON_PATH);
  svg.appendChild(path);
  return svg;
}

/** Tag of the reopen button's host element; there is at most one on the page. */
export const REOPEN_TAG = 'consentry-reopen';

export type MountReopenButton = typeof mountReopenButton;

/**
 * Shows the reopen button and returns the function that removes it. A button mounted
 * earlier (by the script tag) is replaced, so the page never shows two.
 * ```ts
 * const remove = mountReopenButton({ label: 'Privacy settings', onClick: () => ui.showPreferences() })
 * ```
 * `nonce` is accepted like the other mount options; the button inserts no script or style
 * element, so it needs none.
 */
export function mountReopenButton(options: { label: string; onClick(): void; nonce?: string }): () => void {
  document.querySelector(REOPEN_TAG)?.remove();
  const host = document.createElement(REOPEN_TAG);
  // delegatesFocus: focusing the host (to return focus after the dialog) focuses the button.
  const root = host.attachShadow({ mode: 'open', delegatesFocus: true });
  const button = document.createElement('button');
  adoptStyles(root, CSS);
  // The title is the accessible name and, on hover, a tooltip that explains the icon.
  button.title = options.label;
  button.appendChild(icon());
  // `consentry-reopen::part(button)` restyles it from the page.
  button.setAttribute('part', 'button');
  button.onclick = () => options.onClick();
  root.appendChild(button);
  // The script tag may run before <body> exists.
  (document.body || document.documentElement).appendChild(host);
  return () => host.remove();
}
