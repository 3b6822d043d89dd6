// The dashboard's stylesheet, served as /dashboard.css (the CSP allows styles from the server
// only). The banner's palette and shapes (ui/styles/tokens.ts): the same indigo accent, slate
// surfaces, rounded cards, system font; light by default, dark when the visitor's system is.
export const DASHBOARD_CSS = `
:root{
--bg:#f6f7fa;--card:#fff;--fg:#1b1e27;--muted:#525868;--surface:#f3f4f7;--border:#dfe2e8;
--accent:#3b48cc;--accent-fg:#fff;--button-bg:#eceefc;--button-fg:#2a349c;--button-border:#cdd2f3;
--warn-bg:#fdf1dc;--warn-fg:#7a4a00;--ok-bg:#e3f2e8;--ok-fg:#17603a;
--s0:#3b48cc;--s1:#0f7b6c;--s2:#b4531a;--s3:#a3308f;--s4:#52606d;--s5:#8a6d00;
--shadow:0 12px 32px -8px #141a3326,0 2px 8px #141a330f;
--font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color-scheme:light;
}
@media (prefers-color-scheme:dark){:root{
--bg:#14161d;--card:#1d2029;--fg:#eceef4;--muted:#aeb4c2;--surface:#272b36;--border:#3a3f4d;
--accent:#a3adff;--accent-fg:#161a3d;--button-bg:#2b3050;--button-fg:#d3d8ff;--button-border:#444b78;
--warn-bg:#3d3019;--warn-fg:#f3cf8e;--ok-bg:#1f3d2c;--ok-fg:#9be0b5;
--s0:#a3adff;--s1:#5fd3bf;--s2:#f4a36b;--s3:#ec8fd9;--s4:#b9c2cc;--s5:#e6c65c;
--shadow:0 12px 32px -8px #0009,0 2px 8px #0006;
color-scheme:dark;
}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 var(--font)}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:16px;top:16px;background:var(--card);padding:8px 12px;border-radius:9px}
header.top{display:flex;align-items:center;justify-content:space-between;gap:16px;padding:14px 24px;background:var(--card);border-bottom:1px solid var(--border)}
.brand{font-weight:700;font-size:17px;display:flex;align-items:center;gap:10px}
.brand .mark{width:22px;height:22px;border-radius:7px;background:var(--accent);display:inline-block}
main{max-width:1120px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:17px;margin:0 0 12px}
.lead{color:var(--muted);margin:0 0 20px}
.card{background:var(--card);border:1px solid var(--border);border-radius:14px;padding:20px;box-shadow:var(--shadow);margin-bottom:20px}
.toolbar{display:flex;flex-wrap:wrap;align-items:flex-end;gap:12px}
label{display:flex;flex-direction:column;gap:4px;font-weight:600;font-size:13px;color:var(--muted)}
input{font:inherit;color:var(--fg);background:var(--surface);border:1px solid var(--border);border-radius:9px;padding:8px 10px;min-height:40px}
button,.button{font:inherit;font-weight:700;min-height:40px;padding:8px 16px;border-radius:9px;border:1px solid var(--button-border);background:var(--button-bg);color:var(--button-fg);cursor:pointer;text-decoration:none;display:inline-flex;align-items:center}
button.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-fg)}
.metrics{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:12px;margin:0;padding:0;list-style:none}
.metric{background:var(--surface);border-radius:12px;padding:14px 16px}
.metric .label{display:block;color:var(--muted);font-size:13px;font-weight:600}
.metric .value{display:block;font-size:26px;font-weight:700;margin-top:2px;font-variant-numeric:tabular-nums}
.chart{width:100%;height:auto;display:block}
.chart .grid{stroke:var(--border);stroke-width:1}
.chart .axis{fill:var(--muted);font-size:12px}
.chart .line{fill:none;stroke-width:2.5;stroke-linejoin:round;stroke-linecap:round}
.series-0{stroke:var(--s0);fill:var(--s0)}.series-1{stroke:var(--s1);fill:var(--s1)}.series-2{stroke:var(--s2);fill:var(--s2)}
.series-3{stroke:var(--s3);fill:var(--s3)}.series-4{stroke:var(--s4);fill:var(--s4)}.series-5{stroke:var(--s5);fill:var(--s5)}
.chart .line{fill:none}
.legend{display:flex;flex-wrap:wrap;gap:16px;margin:8px 0 0;padding:0;list-style:none;color:var(--muted);font-size:13px}
.legend li{display:flex;align-items:center;gap:6px}
.swatch{width:14px;height:4px;border-radius:2px;display:inline-block}
.swatch.series-0{background:var(--s0)}.swatch.series-1{background:var(--s1)}.swatch.series-2{background:var(--s2)}
.swatch.series-3{background:var(--s3)}.swatch.series-4{background:var(--s4)}.swatch.series-5{background:var(--s5)}
.shares{display:block;width:100%;height:14px;border-radius:7px;background:var(--surface);margin:14px 0 0}
.shares .accept{fill:var(--s0)}.shares .reject{fill:var(--s2)}.shares .custom{fill:var(--s1)}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,680px),1fr));gap:20px}
.grid2 .card{margin-bottom:0;min-width:0;overflow-x:auto}
.row-gap{margin-bottom:20px}
table{width:100%;border-collapse:collapse;font-size:14px;font-variant-numeric:tabular-nums}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--border);vertical-align:top}
th{color:var(--muted);font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.02em}
td.num,th.num{text-align:right}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
code.gpp{overflow-wrap:anywhere}
.badge{display:inline-block;border-radius:999px;padding:1px 8px;font-size:12px;font-weight:700}
.badge.warn{background:var(--warn-bg);color:var(--warn-fg)}.badge.ok{background:var(--ok-bg);color:var(--ok-fg)}
details summary{cursor:pointer;color:var(--accent);font-weight:600;margin-top:8px}
.empty{color:var(--muted)}
.history li{margin-bottom:14px}
.history{padding-left:20px}
.login{max-width:420px;margin:10vh auto}
.login form{display:flex;flex-direction:column;gap:14px}
.error{background:var(--warn-bg);color:var(--warn-fg);border-radius:9px;padding:8px 12px;margin:0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:600px){main{padding:14px}header.top{padding:12px 14px}.metric .value{font-size:22px}}
`;
