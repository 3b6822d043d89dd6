// Where the banner sits: `layout-box` (corner card), `layout-bar` / `layout-bar-top` (full
// width), `layout-modal` (centred card, no backdrop: the page behind stays usable). On a narrow
// screen every layout becomes a bottom sheet with the choices stacked, no more than half the
// viewport high (it scrolls inside beyond that). Logical properties mirror it for RTL.
export const LAYOUTS = `
.banner{position:fixed;z-index:2147483600;display:grid;gap:var(--space);padding:var(--space-lg);max-height:calc(100vh - 2 * var(--space))}
.banner-text{display:grid;gap:var(--space-sm)}
.layout-box{bottom:var(--space);inset-inline-end:var(--space);width:var(--box-width)}
.layout-box .actions{grid-template-columns:1fr}
.layout-modal{inset:0;margin:auto;width:min(520px,calc(100% - 2 * var(--space)));height:fit-content}
.layout-modal .actions{grid-template-columns:repeat(3,1fr)}
.layout-bar,.layout-bar-top{inset-inline:0;border-radius:0;border-width:1px 0 0;grid-template-columns:minmax(0,1fr) auto;align-items:center;gap:var(--space) var(--space-lg);padding:var(--space) max(var(--space-lg),calc((100% - 1120px) / 2))}
.layout-bar{bottom:0}
.layout-bar-top{top:0;border-width:0 0 1px}
.layout-bar .actions,.layout-bar-top .actions{grid-template-columns:repeat(3,minmax(9em,13em))}
@media (max-width:860px){.layout-bar,.layout-bar-top{grid-template-columns:1fr}.layout-bar .actions,.layout-bar-top .actions{grid-template-columns:repeat(3,1fr)}}
@media (max-width:600px){
.banner{inset:auto 0 0;width:auto;height:auto;margin:0;max-height:50vh;overflow-y:auto;gap:var(--space-md);padding:14px var(--space);font-size:.94em;border-width:1px 0 0;border-radius:var(--radius) var(--radius) 0 0;grid-template-columns:1fr}
.banner-text{gap:var(--space-xs)}
.banner .actions{grid-template-columns:1fr;gap:6px}
.banner .choice{padding-block:6px}
.banner .body{line-height:1.45}
}`;
