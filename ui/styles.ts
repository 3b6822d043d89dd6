// The UI's stylesheet, adopted by its shadow root (see adopt-styles.ts). Themable through
// `--consentry-*` custom properties set anywhere above the host (`:root` or `consentry-ui`);
// each is read with a fallback, so an unset one keeps the light or dark default.
// Logical properties (inline-start/end) mirror the layout for right-to-left languages;
// lengths are px/em, never rem, so the page's root font size cannot resize the UI.
const colors = (bg: string, fg: string, accent: string, accentFg: string, border: string): string =>
  `:host{--bg:var(--consentry-bg,${bg});--fg:var(--consentry-fg,${fg});--ac:var(--consentry-accent,${accent});` +
  `--af:var(--consentry-accent-fg,${accentFg});--bd:var(--consentry-border,${border})}`;

export const CSS =
  colors('#fff', '#1d1d1f', '#1a56db', '#fff', '#8a8a93') +
  `@media(prefers-color-scheme:dark){${colors('#1f2023', '#f4f4f5', '#8ab4f8', '#111', '#74747c')}}` +
  ':host{all:initial;--sp:var(--consentry-space,16px);--r:var(--consentry-radius,8px)}' +
  '.b,.d{box-sizing:border-box;padding:var(--sp);border:0;font:15px/1.5 var(--consentry-font,system-ui,sans-serif);color:var(--fg);background:var(--bg);box-shadow:0 0 0 1px var(--bd),0 4px 24px #0004}' +
  '.b{position:fixed;z-index:var(--consentry-z,2147483600)}' +
  '.bar,.top{left:0;right:0;bottom:0}.top{bottom:auto;top:0}.b>*{max-width:60em;margin-inline:auto}' +
  '.box{bottom:var(--sp);inset-inline-end:var(--sp);width:26em;max-width:calc(100% - 2*var(--sp))}' +
  '.d{width:40em}::backdrop{background:#000a}.box,.d,button{border-radius:var(--r)}' +
  'h2{font-size:1.2em;margin:0}p{margin:.5em 0}a,summary{color:var(--ac)}ul{list-style:none;padding:0}' +
  'li{margin:4px 0;overflow-wrap:anywhere}li li{margin-inline-start:12px}label,b{font-weight:600}' +
  '.a{display:grid;grid-template-columns:repeat(auto-fit,minmax(10em,1fr));gap:8px;margin-top:var(--sp)}' +
  // Every choice is the same element in the same style, so none looks more inviting
  // (EDPB cookie banner taskforce report, 2023; CCPA regulations §7004, symmetry in choice).
  'button{font:inherit;font-weight:600;min-height:44px;padding:8px;border:0;background:var(--ac);color:var(--af);cursor:pointer}' +
  '.x{width:44px;background:none;color:inherit;font-size:24px}:focus-visible{outline:3px solid var(--ac);outline-offset:2px}' +
  '.h,.r{display:flex;align-items:center;justify-content:space-between;gap:12px}.c{border-top:1px solid var(--bd);padding-top:8px}' +
  '[role=switch]{width:22px;height:22px;margin:0;accent-color:var(--ac)}.n{font-style:italic}' +
  '.s{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}';
