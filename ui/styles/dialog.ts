// The preferences dialog: header, a list that scrolls between a header and a footer that
// stay in view, one row per category with its switch, and the services table. The switch is
// the native checkbox restyled: its thumb is a background gradient, because pseudo-elements
// on <input> are not specified and Chromium does not restyle them when the box is checked.
export const DIALOG = `
.dialog{display:none;width:min(640px,calc(100% - 2 * var(--space)));max-width:none;max-height:min(760px,calc(100% - 2 * var(--space)));margin:auto;padding:0;flex-direction:column}
.dialog[open]{display:flex}
.dialog::backdrop{background:var(--backdrop)}
.dialog-header{display:flex;align-items:center;justify-content:space-between;gap:var(--space);padding:var(--space) var(--space-lg);border-bottom:1px solid var(--border)}
.dialog-body{display:grid;gap:var(--space);padding:var(--space) var(--space-lg) var(--space-lg);overflow-y:auto;overscroll-behavior:contain}
.dialog-footer{padding:var(--space) var(--space-lg);border-top:1px solid var(--border)}
.dialog-footer .actions{grid-template-columns:repeat(auto-fit,minmax(9.5em,1fr))}
.categories{display:grid;gap:var(--space-sm);margin:0;padding:0;list-style:none}
.category{display:grid;gap:var(--space-xs);padding:var(--space-md) var(--space);background:var(--surface);border-radius:var(--radius-control)}
.category-head{display:flex;align-items:center;gap:var(--space-sm);min-height:32px}
.category-label{font-weight:600;cursor:pointer}
.category-head .switch{margin-inline-start:auto}
.category-description,.note{margin:0;color:var(--muted);font-size:.94em}
.note{font-style:italic}
.badge{padding:2px var(--space-sm);font-size:.8em;font-weight:600;line-height:1.5;color:var(--badge-fg);background:var(--badge-bg);border-radius:999px;white-space:nowrap}
.switch{appearance:none;flex:none;width:44px;height:26px;margin:0;border-radius:13px;cursor:pointer;background:var(--switch-off) radial-gradient(circle,var(--switch-thumb) 9.5px,transparent 10.5px) no-repeat left center / 26px 26px;transition:background .15s}
.switch:checked{background-color:var(--accent);background-position:right center}
.switch:dir(rtl){background-position:right center}
.switch:dir(rtl):checked{background-position:left center}
.switch:focus-visible{outline-offset:3px}
@media (forced-colors:active){.switch{appearance:auto;width:22px;height:22px;background:none}}
.switch:disabled{cursor:default;opacity:.6}
.links{display:flex;flex-wrap:wrap;gap:var(--space-xs) var(--space);margin:0;padding:0;list-style:none;font-size:.94em}
.services{margin-top:var(--space-xs)}
.services>summary{display:inline-flex;align-items:center;gap:var(--space-xs);color:var(--accent);font-weight:500;font-size:.94em;cursor:pointer;list-style:none;border-radius:4px}
.services>summary::-webkit-details-marker{display:none}
.chevron{width:16px;height:16px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round;transition:transform .15s}
.chevron:dir(rtl){transform:scaleX(-1)}
.services[open] .chevron{transform:rotate(90deg)}
.service-table{width:100%;margin-top:var(--space-sm);border-collapse:collapse;font-size:.88em;background:var(--bg);border-radius:var(--radius-control);overflow:hidden}
.service-table th,.service-table td{padding:var(--space-sm) var(--space-md);text-align:start;vertical-align:top;border-top:1px solid var(--border)}
.service-table thead th{border-top:0;color:var(--muted);font-weight:600;font-size:.9em}
.service-table .service-name{font-weight:600}
.service-table .service-name .links{display:inline-flex;margin-inline-start:var(--space-sm);font-weight:400}
.service-table code{direction:ltr;unicode-bidi:isolate;font:.95em ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
@media (max-width:600px){
.dialog{width:100%;max-height:92vh;margin:auto 0 0;border-radius:var(--radius) var(--radius) 0 0;border-width:1px 0 0}
.dialog-header,.dialog-footer{padding-inline:var(--space)}
.dialog-body{padding-inline:var(--space)}
.dialog-footer .actions{grid-template-columns:1fr}
.service-table th,.service-table td{padding:var(--space-xs) var(--space-sm)}
}`;
