// One self-contained HTML file a site owner can send on: the verdict, the findings with their
// evidence, screenshots of the banner and the dialog (embedded as data: URLs), a per-phase
// timeline of third-party requests, and the cookie table with classifications and sources.
// It makes no request: its Content-Security-Policy allows only its own stylesheet (by hash) and
// data: images, and it has no script and no inline style attribute.
import { createHash } from 'node:crypto';
import { CHECKS, fails } from './checks';
import { openCookieDatabase } from './open-cookie-database';
import type { AuditReport, Finding } from './types';
import { PHASES } from './types';

const escapeHtml = (value: unknown): string =>
  String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const CSS = `
:root{color-scheme:light;--ink:#1b1f2a;--muted:#5b6172;--line:#dfe2ea;--error:#b3261e;--warn:#8a5a00;--info:#3d4a66;--pass:#1e6b3a}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f6f7fa}
main{max-width:1100px;margin:0 auto;padding:32px 24px 64px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:40px 0 12px;border-bottom:1px solid var(--line);padding-bottom:6px}
h3{font-size:16px;margin:24px 0 8px}
.meta{color:var(--muted);margin:0 0 16px}
.verdict{display:inline-block;padding:6px 14px;border-radius:6px;font-weight:700;color:#fff}
.verdict.passed{background:var(--pass)}.verdict.failed{background:var(--error)}.verdict.blocked{background:var(--info)}
.counts{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.count{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:120px}
.count b{display:block;font-size:22px}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid var(--line);font-size:13px}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
th{background:#eef0f5;font-weight:600}
td.url,td.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}
.sev{font-weight:700;text-transform:uppercase;font-size:12px}
.sev.error{color:var(--error)}.sev.warn{color:var(--warn)}.sev.info{color:var(--info)}
.tag{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:0 5px;margin-left:4px;font-size:11px;color:var(--muted)}
.finding{background:#fff;border:1px solid var(--line);border-left:4px solid var(--info);border-radius:6px;padding:10px 14px;margin:0 0 10px}
.finding.error{border-left-color:var(--error)}.finding.warn{border-left-color:var(--warn)}
.finding p{margin:2px 0}.finding dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0 0;font-size:13px}
.finding dt{color:var(--muted)}.finding dd{margin:0;word-break:break-all}
.shots{display:flex;gap:16px;flex-wrap:wrap}.shots figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px;max-width:100%}
.shots img{display:block;max-width:100%;height:auto}
figcaption{color:var(--muted);font-size:13px;margin-top:4px}
ul.limits li{margin:4px 0}
footer{margin-top:48px;color:var(--muted);font-size:12px}
`;

const STYLE_HASH = `sha256-${createHash('sha256').update(CSS).digest('base64')}`;

function findingBlock(finding: Finding, report: AuditReport, strict: boolean): string {
  const evidence = finding.evidence;
  const details = Object.entries(evidence)
    .filter(
      ([key, value]) =>
        value !== undefined && value !== '' && !['url', 'initiator', 'at', 'classifiedBy'].includes(key),
    )
    .map(
      ([key, value]) =>
        `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(typeof value == 'object' ? JSON.stringify(value) : value)}</dd>`,
    )
    .join('');
  const tags = [
    fails(finding, report.failOn, strict) ? 'fails the audit' : '',
    finding.flaky ? `flaky: ${finding.runs} of ${report.runs} runs` : '',
    finding.accepted ? 'accepted in the baseline' : '',
  ]
    .filter(Boolean)
    .map((tag) => `<span class="tag">${escapeHtml(tag)}</span>`)
    .join('');
  return `<div class="finding ${finding.severity}">
<p><span class="sev ${finding.severity}">${finding.severity}</span> <b>${escapeHtml(finding.check)}</b> · ${escapeHtml(finding.phase)}${tags}</p>
<p>${escapeHtml(finding.message)}</p>
<dl><dt>URL</dt><dd>${escapeHtml(evidence.url)}</dd><dt>time</dt><dd>${escapeHtml(evidence.at)} ms after the page's navigation</dd>
<dt>initiator</dt><dd>${escapeHtml(evidence.initiator)}</dd><dt>classified by</dt><dd>${escapeHtml(evidence.classifiedBy || '—')}</dd>${details}</dl>
</div>`;
}

const expiry = (expires: number) => (expires < 0 ? 'session' : new Date(expires * 1000).toISOString().slice(0, 10));

/** The report as one HTML document. */
export function htmlReport(report: AuditReport, strict: boolean): string {
  const verdict = report.exitCode == 0 ? 'passed' : report.exitCode == 1 ? 'failed' : 'blocked';
  const verdictText = report.exitCode == 0 ? 'Passed' : report.exitCode == 1 ? 'Failed' : 'Could not audit';
  const count = (severity: string) => report.findings.filter((f) => f.severity == severity).length;
  const shots = [
    report.screenshots.banner &&
      `<figure><img src="${escapeHtml(report.screenshots.banner)}" alt="The consent banner as the audit found it"><figcaption>The banner (first layer)</figcaption></figure>`,
    report.screenshots.dialog &&
      `<figure><img src="${escapeHtml(report.screenshots.dialog)}" alt="The preferences dialog before any choice"><figcaption>The preferences (second layer), before any choice</figcaption></figure>`,
  ].filter(Boolean);
  const timeline = PHASES.map((phase) => {
    const rows = report.requests.filter((r) => r.phase == phase);
    if (!rows.length) return '';
    return `<h3>${escapeHtml(phase)}</h3><table><thead><tr><th>time</th><th>page</th><th>request</th><th>type</th><th>initiator</th><th>category</th><th>classified by</th></tr></thead><tbody>
${rows
  .map(
    (r) =>
      `<tr><td>${r.afterChoice ? 'after choice, ' : ''}+${r.at} ms</td><td class="url">${escapeHtml(r.page)}</td><td class="url">${escapeHtml(r.url)}</td><td>${escapeHtml(r.type)}</td><td class="url">${escapeHtml(r.initiator)}</td><td>${escapeHtml(r.classification.category)}</td><td>${escapeHtml(r.classification.by)}</td></tr>`,
  )
  .join('\n')}</tbody></table>`;
  }).join('\n');
  const cookies = report.cookies
    .map(
      (c) =>
        `<tr><td class="mono">${escapeHtml(c.name)}</td><td class="mono">${escapeHtml(c.domain)}</td><td>${escapeHtml(c.phase)}${c.afterChoice ? ' (after choice)' : ''}</td><td>${expiry(c.expires)}</td><td>${escapeHtml(c.classification.category)}</td><td>${escapeHtml(c.classification.vendor)}</td><td>${escapeHtml(c.classification.by)}</td><td class="url">${escapeHtml(c.setBy)}</td></tr>`,
    )
    .join('\n');
  const sorted = [...report.findings].sort(
    (a, b) => Number(fails(b, report.failOn, strict)) - Number(fails(a, report.failOn, strict)),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src '${STYLE_HASH}'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Consent audit of ${escapeHtml(report.url)}</title>
<style>${CSS}</style></head>
<body><main>
<h1>Consent audit of ${escapeHtml(report.url)}</h1>
<p class="meta">${escapeHtml(report.startedAt)} · ${report.runs} run${report.runs == 1 ? '' : 's'} · ${report.pages.length} page${report.pages.length == 1 ? '' : 's'} · ${(report.durationMs / 1000).toFixed(1)} s · fails on ${escapeHtml(report.failOn)} · config: ${escapeHtml(report.config.source)}${report.config.presets.length ? ` (${escapeHtml(report.config.presets.join(', '))})` : ''}</p>
<p><span class="verdict ${verdict}">${verdictText}</span>${report.error ? ` ${escapeHtml(report.error)}` : ''}</p>
<div class="counts"><div class="count"><b>${count('error')}</b>errors</div><div class="count"><b>${count('warn')}</b>warnings</div><div class="count"><b>${count('info')}</b>notes</div><div class="count"><b>${report.findings.filter((f) => f.flaky).length}</b>flaky</div></div>
<h2>Pages</h2><ul>${report.pages.map((p) => `<li class="url">${escapeHtml(p)}</li>`).join('')}</ul>
<h2>Phases</h2><table><thead><tr><th>phase</th><th>status</th><th>note</th></tr></thead><tbody>
${report.phases.map((p) => `<tr><td>${escapeHtml(p.phase)}</td><td>${escapeHtml(p.status)}</td><td>${escapeHtml(p.reason ?? '')}</td></tr>`).join('\n')}</tbody></table>
<h2>Findings</h2>
${sorted.length ? sorted.map((f) => findingBlock(f, report, strict)).join('\n') : '<p>No findings.</p>'}
<h2>Checks</h2><table><thead><tr><th>check</th><th>what it asks</th><th>default severity</th></tr></thead><tbody>
${Object.entries(CHECKS)
  .map(
    ([id, check]) =>
      `<tr><td class="mono">${id}</td><td>${escapeHtml(check.title)}</td><td>${check.severity}</td></tr>`,
  )
  .join('\n')}</tbody></table>
${shots.length ? `<h2>Banner</h2><div class="shots">${shots.join('')}</div>` : ''}
<h2>Requests by phase</h2>
<p class="meta">Third-party requests, and the site's own ones that a rule names; time since the page's navigation started.</p>
${timeline || '<p>None.</p>'}
<h2>Cookies</h2>
${cookies ? `<table><thead><tr><th>name</th><th>domain</th><th>phase</th><th>expires</th><th>category</th><th>vendor</th><th>classified by</th><th>set by</th></tr></thead><tbody>${cookies}</tbody></table>` : '<p>None.</p>'}
<h2>Sources</h2><table><thead><tr><th>source</th><th>version</th><th>licence</th></tr></thead><tbody>
${report.sources.map((s) => `<tr><td>${escapeHtml(s.name)}</td><td>${escapeHtml(s.version)}</td><td>${escapeHtml(s.licence ?? '')}</td></tr>`).join('\n')}</tbody></table>
<h2>What this audit does not prove</h2>
<ul class="limits">
<li>It sees the pages it visited, from one browser, one location and one time zone (Europe/Paris), in the runs it made. Pages behind a login, a form or a checkout, other countries' banners and tags that fire on other actions were not seen.</li>
<li>A request or cookie is classified by the site's config, then Consentry's presets, then the Open Cookie Database: their categories are claims, not a legal assessment of purpose. "Unclassified" means no source knows it.</li>
<li>It cannot see what servers do with the data they receive, server-side tagging, fingerprinting without storage, or what happens in other browsers.</li>
<li>Passing is not a statement of compliance with the GDPR, the ePrivacy Directive or any other law.</li>
</ul>
<footer>Made by consentry audit. Classifications use the Open Cookie Database by Jack Kwakman and contributors (${escapeHtml(openCookieDatabase.licence)}), ${escapeHtml(openCookieDatabase.source)} at ${escapeHtml(openCookieDatabase.commit)}, reduced to names, platforms, categories and domains.</footer>
</main></body></html>
`;
}
