// The UI's stylesheet, adopted by its shadow root (see adopt-styles.ts). Colours default to
// CSS system colours under `color-scheme: light dark`, so the UI follows the visitor's
// light or dark preference (and forced-colours modes) with no media query; each one, and
// the radius, font and spacing, can be themed with a `--consentry-*` custom
// property set anywhere above the host (`:root` or `consentry-ui`). Logical properties
// mirror the layout for right-to-left languages; lengths are px/em, never rem, so the page's
// root font size cannot resize the UI. Nothing moves (no animation or transition), so there
// is nothing to hold back for visitors who ask for reduced motion.
export const CSS =
  ':host{all:initial;color-scheme:light dark}' +
  '.b,.d{box-sizing:border-box;padding:var(--consentry-space,16px);border:0;outline:1px solid var(--consentry-border,GrayText);font:15px/1.5 var(--consentry-font,system-ui);color:var(--consentry-fg,CanvasText);background:var(--consentry-bg,Canvas)}' +
  '.b{position:fixed;z-index:2147483600;inset:auto 0 0}.bar-top{bottom:auto;top:0}' +
  '.box{bottom:1em;inset-inline:auto 1em;width:26em;max-width:calc(100% - 2em)}' +
  '.box,.d,button{border-radius:var(--consentry-radius,8px)}.d{width:40em;overflow-wrap:anywhere}::backdrop{background:#000a}' +
  'h2{font-size:1.2em;margin:0}a,summary{color:var(--consentry-accent,LinkText)}ul{list-style:none;padding:0}' +
  '.a{display:grid;grid-template-columns:repeat(auto-fit,minmax(10em,1fr));gap:8px}' +
  // Every choice is the same element in the same style, so none looks more inviting
  // (EDPB cookie banner taskforce report, 2023; CCPA regulations §7004, symmetry in choice).
  'button{font:inherit;font-weight:600;min-height:44px;border:0;color:var(--consentry-accent-fg,Canvas);background:var(--consentry-accent,LinkText)}' +
  '.x{width:44px;color:inherit;background:0;font-size:24px}:focus-visible{outline:3px solid var(--consentry-accent,LinkText)}' +
  '.h,.r{display:flex;align-items:center;justify-content:space-between;gap:1em}.c{border-top:1px solid var(--consentry-border,GrayText)}' +
  'input{width:22px;height:22px;accent-color:var(--consentry-accent,LinkText)}';
