// The theme: every colour, radius, font, spacing and shadow the UI uses, each one a
// `--consentry-*` custom property a site may set anywhere above the host (`:root` or
// `consentry-ui`), with the default look as fallback. Custom properties inherit into the
// shadow root, so a site themes the UI without reaching inside it. The internal names
// (`--bg`, `--accent`…) are set on the UI's root element, so one a page happens to define
// never leaks in.

/** Light defaults. The accent is an indigo, not a system colour: white on it is 7.1:1. */
const LIGHT = `
--bg:var(--consentry-bg,#fff);
--fg:var(--consentry-fg,#1b1e27);
--muted:var(--consentry-muted,#525868);
--surface:var(--consentry-surface,#f3f4f7);
--border:var(--consentry-border,#dfe2e8);
--accent:var(--consentry-accent,#3b48cc);
--accent-hover:var(--consentry-accent-hover,#2e39a8);
--button-bg:var(--consentry-button-bg,#eceefc);
--button-hover:var(--consentry-button-hover,#dfe3fa);
--button-fg:var(--consentry-button-fg,#2a349c);
--button-border:var(--consentry-button-border,#cdd2f3);
--switch-off:var(--consentry-switch-off,#6b7284);
--switch-thumb:var(--consentry-switch-thumb,#fff);
--badge-bg:var(--consentry-badge-bg,#e3f2e8);
--badge-fg:var(--consentry-badge-fg,#17603a);
--shadow:var(--consentry-shadow,0 12px 32px -8px #141a3340,0 2px 8px #141a3314);
--backdrop:var(--consentry-backdrop,#0f121c73);
color-scheme:light;`;

/** Dark defaults: light text on a deep slate card, a lighter indigo accent with dark text on it. */
const DARK = `
--bg:var(--consentry-bg,#1d2029);
--fg:var(--consentry-fg,#eceef4);
--muted:var(--consentry-muted,#aeb4c2);
--surface:var(--consentry-surface,#272b36);
--border:var(--consentry-border,#3a3f4d);
--accent:var(--consentry-accent,#a3adff);
--accent-hover:var(--consentry-accent-hover,#c0c7ff);
--button-bg:var(--consentry-button-bg,#2b3050);
--button-hover:var(--consentry-button-hover,#363c63);
--button-fg:var(--consentry-button-fg,#d3d8ff);
--button-border:var(--consentry-button-border,#444b78);
--switch-off:var(--consentry-switch-off,#8a91a3);
--switch-thumb:var(--consentry-switch-thumb,#161a3d);
--badge-bg:var(--consentry-badge-bg,#1f3d2c);
--badge-fg:var(--consentry-badge-fg,#9be0b5);
--shadow:var(--consentry-shadow,0 12px 32px -8px #0009,0 2px 8px #0006);
--backdrop:var(--consentry-backdrop,#0009);
color-scheme:dark;`;

/**
 * Sizes, shared by both schemes. One spacing unit (`--consentry-space`, 16px) and its steps;
 * lengths are px, never rem, so the page's root font size cannot resize the UI.
 */
const SHAPE = `
--font:var(--consentry-font,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);
--font-size:var(--consentry-font-size,15px);
--radius:var(--consentry-radius,14px);
--radius-control:var(--consentry-radius-control,9px);
--space:var(--consentry-space,16px);
--space-xs:calc(var(--space) / 4);
--space-sm:calc(var(--space) / 2);
--space-md:calc(var(--space) * 3 / 4);
--space-lg:calc(var(--space) * 3 / 2);
--box-width:var(--consentry-box-width,380px);
--focus:var(--consentry-focus,var(--accent));`;

// `theme-auto` follows the visitor's preference; ui/theme.ts picks `theme-light` or
// `theme-dark` instead when the page declares a single colour scheme of its own.
export const TOKENS = `
.consentry{${SHAPE}${LIGHT}}
.theme-dark{${DARK}}
@media (prefers-color-scheme:dark){.theme-auto{${DARK}}}`;
