// The card both layers share, the type scale, links, the choice buttons and focus rings.
export const BASE = `
:host{all:initial}
.consentry{font:400 var(--font-size)/1.5 var(--font);color:var(--fg);-webkit-font-smoothing:antialiased}
.card{box-sizing:border-box;color:var(--fg);background:var(--bg);border:1px solid var(--border);border-radius:var(--radius);box-shadow:var(--shadow);overflow-wrap:anywhere}
.card *{box-sizing:border-box}
.title{margin:0;font-size:1.2em;font-weight:650;line-height:1.3;letter-spacing:-.01em}
.body{margin:0;color:var(--muted)}
.link{color:var(--accent);font-weight:500;text-decoration:underline;text-underline-offset:2px;text-decoration-thickness:1px}
.link:hover{color:var(--accent-hover);text-decoration-thickness:2px}
.actions{display:grid;grid-auto-rows:1fr;gap:var(--space-sm)}
.choice{min-height:44px;margin:0;padding:var(--space-sm) var(--space);font:600 .94em/1.25 var(--font);color:var(--button-fg);background:var(--button-bg);border:1px solid var(--button-border);border-radius:var(--radius-control);cursor:pointer;transition:background-color .15s,transform .1s}
.choice:hover{background:var(--button-hover)}
.choice:active{transform:translateY(1px)}
:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
.icon-button{display:grid;place-items:center;flex:none;width:40px;height:40px;margin:-4px;padding:0;color:var(--muted);background:transparent;border:0;border-radius:50%;cursor:pointer;transition:background-color .15s}
.icon-button:hover{color:var(--fg);background:var(--surface)}
.icon-button svg{width:20px;height:20px}
.banner,.dialog[open]{animation:consentry-enter .2s cubic-bezier(.2,.8,.2,1)}
@media (prefers-reduced-motion:reduce){.consentry *{animation:none!important;transition:none!important}}`;

/** The banner's and the dialog's entrance; apart, because a keyframes rule cannot be nested in a style rule. */
export const KEYFRAMES = `
@keyframes consentry-enter{from{opacity:0;transform:translateY(12px)}}`;
