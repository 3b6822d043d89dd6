// The dashboard's pages, rendered on the server: plain HTML forms and links (no script), so it
// works with the keyboard and a screen reader as any document does, under a CSP without scripts.
import type { ConfigSnapshot, StatsSummaryRow, StoredHistory } from './view-types';
import type { Stats, Summary } from '../database/store';
import { rateChart } from './chart';
import { escapeHtml as esc } from './escape';

export { DASHBOARD_CSS } from './styles';

const percent = (value: number | null | undefined): string =>
  value == null ? '–' : `${(value * 100).toFixed(value > 0 && value < 0.1 ? 1 : 0)}%`;
const count = (value: number): string => value.toLocaleString('en-US');
const day = (time: number): string => new Date(time).toISOString().slice(0, 10);
const time = (value: number): string => new Date(value).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/dashboard.css">
</head>
<body>
${body}
</body>
</html>
`;
}

const brand = `<span class="brand"><span class="mark" aria-hidden="true"></span>Consentry records</span>`;

export function renderLogin({ keySet, failed = false }: { keySet: boolean; failed?: boolean }): string {
  const body = keySet
    ? `${failed ? '<p class="error" role="alert">That key is not right.</p>' : ''}
<form method="post" action="/login">
<label for="key">Read key</label>
<input id="key" name="key" type="password" autocomplete="current-password" required autofocus>
<button class="primary" type="submit">Sign in</button>
</form>`
    : `<p class="error" role="alert">No read key is set. Start the service with <code>CONSENTRY_API_KEY</code> or <code>--api-key-file</code> to open the dashboard.</p>`;
  return page(
    'Sign in · Consentry records',
    `<main class="login"><div class="card">
<p>${brand}</p>
<h1>Sign in</h1>
<p class="lead">The dashboard of this consent-records service. Sign in with its read key.</p>
${body}
</div></main>`,
  );
}

export interface DashboardView {
  from: number;
  to: number;
  byDay: Stats;
  byRegion: Stats;
  byConfig: Stats;
  configs: ConfigSnapshot[];
  consentId?: string;
  history: StoredHistory[] | null;
}

function metrics(total: Summary): string {
  const items: Array<[string, string]> = [
    ['Banners shown', count(total.impressions)],
    ['Decisions', count(total.decisions)],
    ['Interaction rate', percent(total.interactionRate)],
    ['Accept all', percent(total.shares.acceptAll)],
    ['Reject all', percent(total.shares.rejectAll)],
    ['Custom choice', percent(total.shares.custom)],
    ['With GPC', percent(total.gpcShare)],
    ['With Do-Not-Track', percent(total.dntShare)],
  ];
  return `<ul class="metrics">${items
    .map(
      ([label, value]) =>
        `<li class="metric"><span class="label">${label}</span><span class="value">${value}</span></li>`,
    )
    .join('')}</ul>`;
}

function sharesBar(total: Summary): string {
  const { acceptAll, rejectAll, custom } = total.shares;
  if (!total.decisions) return '';
  // Widths as SVG geometry, not inline styles: the CSP allows no style attributes.
  const parts: Array<[string, number]> = [
    ['accept', acceptAll],
    ['reject', rejectAll],
    ['custom', custom],
  ];
  let offset = 0;
  const rects = parts
    .map(([name, share]) => {
      const rect = `<rect class="${name}" x="${(offset * 100).toFixed(2)}" y="0" width="${(share * 100).toFixed(2)}" height="10"/>`;
      offset += share;
      return rect;
    })
    .join('');
  return `<svg class="shares" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">${rects}</svg>`;
}

function categoryChart(byDay: Stats, from: number, to: number): string {
  const days: string[] = [];
  for (let at = from; at < to; at += 864e5) days.push(day(at));
  const names = Object.keys(byDay.total.categories).filter((name) => name != 'essential');
  if (!names.length || !byDay.total.decisions) return `<p class="empty">No decisions in this period yet.</p>`;
  const groups = new Map(byDay.groups.map((group) => [group.key, group as Summary & { key: string }]));
  const series = names.map((name) => ({
    name,
    values: days.map((date) => {
      const entry = groups.get(date)?.categories[name];
      return entry && entry.total ? entry.granted / entry.total : null;
    }),
  }));
  const legend = names
    .map(
      (name, index) =>
        `<li><span class="swatch series-${index % 6}" aria-hidden="true"></span>${esc(name)} ${percent(byDay.total.categories[name]!.rate)}</li>`,
    )
    .join('');
  const rows = days
    .filter((date) => groups.has(date))
    .map(
      (date) =>
        `<tr><th scope="row">${date}</th>${names
          .map((name) => `<td class="num">${percent(groups.get(date)!.categories[name]?.rate)}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `<p id="rate-title" class="visually-hidden">Consent rate per category per day, ${esc(days[0])} to ${esc(days[days.length - 1])}; the same numbers are in the table below.</p>
${rateChart(days, series, 'rate-title')}
<ul class="legend">${legend}</ul>
<details><summary>Table of the chart</summary>
<table><caption class="visually-hidden">Consent rate per category per day</caption>
<thead><tr><th scope="col">Day</th>${names.map((name) => `<th scope="col" class="num">${esc(name)}</th>`).join('')}</tr></thead>
<tbody>${rows}</tbody></table></details>`;
}

function breakdown(title: string, stats: Stats, keyLabel: string, label: (key: string) => string): string {
  const rows: StatsSummaryRow[] = stats.groups as StatsSummaryRow[];
  if (!rows.length)
    return `<section class="card" aria-labelledby="${keyLabel}-title"><h2 id="${keyLabel}-title">${title}</h2><p class="empty">Nothing in this period.</p></section>`;
  return `<section class="card" aria-labelledby="${keyLabel}-title"><h2 id="${keyLabel}-title">${title}</h2>
<table><thead><tr><th scope="col">${keyLabel}</th><th scope="col" class="num">Shown</th><th scope="col" class="num">Decisions</th><th scope="col" class="num">Accept all</th><th scope="col" class="num">Reject all</th><th scope="col" class="num">Custom</th><th scope="col" class="num">GPC</th></tr></thead>
<tbody>${rows
    .map(
      (row) =>
        `<tr><th scope="row">${label(row.key)}</th><td class="num">${count(row.impressions)}</td><td class="num">${count(row.decisions)}</td><td class="num">${percent(row.shares.acceptAll)}</td><td class="num">${percent(row.shares.rejectAll)}</td><td class="num">${percent(row.shares.custom)}</td><td class="num">${percent(row.gpcShare)}</td></tr>`,
    )
    .join('')}</tbody></table></section>`;
}

/** What a record's config showed: its categories with their texts, and the vendors (presets). */
function configSummary(config: unknown): string {
  if (!config || typeof config != 'object')
    return '<p class="empty">This config was never registered (<code>consentry serve --config</code>).</p>';
  const {
    categories = {},
    presets = [],
    ui,
  } = config as {
    categories?: Record<string, { label?: string; description?: string }>;
    presets?: Array<{ name?: string; id?: string }>;
    ui?: { texts?: Record<string, Record<string, string>> };
  };
  const categoryItems = Object.entries(categories)
    .map(
      ([name, category]) =>
        `<li><strong>${esc(category.label ?? name)}</strong>${category.description ? `: ${esc(category.description)}` : ''}</li>`,
    )
    .join('');
  const vendors = presets
    .map((preset) => `<li>${esc(preset.name)}${preset.id ? ` <code>${esc(preset.id)}</code>` : ''}</li>`)
    .join('');
  const texts = Object.entries(ui?.texts ?? {})
    .map(
      ([language, entries]) =>
        `<li><strong>${esc(language)}</strong>: ${Object.entries(entries)
          .map(([textKey, text]) => `${esc(textKey)} “${esc(text)}”`)
          .join('; ')}</li>`,
    )
    .join('');
  return `<details><summary>What this visitor was shown</summary>
${categoryItems ? `<p>Categories as configured (built-in ones use the library's texts for the version and language above):</p><ul>${categoryItems}</ul>` : '<p>Built-in categories and texts of the version and language above.</p>'}
${vendors ? `<p>Vendors:</p><ul>${vendors}</ul>` : ''}
${texts ? `<p>Texts set by the site:</p><ul>${texts}</ul>` : ''}
</details>`;
}

function lookup(view: DashboardView): string {
  const form = `<form method="get" action="/" class="toolbar" role="search">
<input type="hidden" name="from" value="${day(view.from)}"><input type="hidden" name="to" value="${day(view.to - 864e5)}">
<label for="consent">Consent id<input id="consent" name="consent" value="${esc(view.consentId ?? '')}" spellcheck="false" autocomplete="off"></label>
<button type="submit">Look up</button></form>`;
  let result = '';
  if (view.consentId && view.history) {
    result = view.history.length
      ? `<ol class="history">${view.history
          .map(
            (
              record,
            ) => `<li><strong>${esc(record.action)}</strong> on ${time(record.createdAt)} (received ${time(record.receivedAt)})<br>
${Object.entries(record.choices)
  .map(
    ([name, granted]) =>
      `<span class="badge ${granted ? 'ok' : 'warn'}">${esc(name)}: ${granted ? 'granted' : 'denied'}</span>`,
  )
  .join(' ')}<br>
<span class="empty">${esc(record.mode)} · region ${esc(record.region ?? 'unknown')} · GPC ${record.signals.gpc ? 'on' : 'off'} · DNT ${record.signals.dnt ? 'on' : 'off'} · ${esc(record.language)} · v${esc(record.version)} · revision ${record.revision} · config <code>${esc(record.configHash)}</code> · ${esc(record.url)}</span>${
              record.gpp
                ? `<br>
<span class="empty">GPP string <code class="gpp">${esc(record.gpp)}</code></span>`
                : ''
            }
${configSummary(record.config)}</li>`,
          )
          .join('')}</ol>`
      : `<p class="empty" role="status">No records for <code>${esc(view.consentId)}</code>.</p>`;
  }
  return `<section class="card" aria-labelledby="lookup-title"><h2 id="lookup-title">Look up a visitor's consent</h2>
<p class="lead">Their consent id is in their <code>consentry</code> cookie (the second field); it is what a data-subject request gives you.</p>
${form}${result}</section>`;
}

export function renderDashboard(view: DashboardView): string {
  const { byDay, byRegion, byConfig, configs, from, to } = view;
  const registered = new Map(configs.map((config) => [config.hash, config]));
  const configLabel = (hash: string): string => {
    const known = registered.get(hash);
    const flag = known?.config
      ? '<span class="badge ok">registered</span>'
      : '<span class="badge warn">not registered</span>';
    return `<code>${esc(hash)}</code> ${flag}`;
  };
  const query = `from=${day(from)}&amp;to=${day(to - 864e5)}`;
  const body = `<a class="skip" href="#main">Skip to the dashboard</a>
<header class="top">${brand}<form method="post" action="/logout"><button type="submit">Sign out</button></form></header>
<main id="main">
<h1>Consent records</h1>
<p class="lead">${day(from)} to ${day(to - 864e5)} (UTC), from the daily counts.</p>
<section class="card" aria-labelledby="period-title"><h2 id="period-title" class="visually-hidden">Period</h2>
<form method="get" action="/" class="toolbar">
<label for="from">From<input id="from" name="from" type="date" value="${day(from)}" required></label>
<label for="to">To<input id="to" name="to" type="date" value="${day(to - 864e5)}" required></label>
<button type="submit">Show</button>
<a class="button" href="/export.csv?${query}" download>Export CSV</a>
</form></section>
<section class="card" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>${metrics(byDay.total)}${sharesBar(byDay.total)}</section>
<section class="card" aria-labelledby="chart-title"><h2 id="chart-title">Consent rate per category</h2>${categoryChart(byDay, from, to)}</section>
<div class="grid2 row-gap">
${breakdown('By region', byRegion, 'Region', esc)}
${breakdown('By config version', byConfig, 'Config', configLabel)}
</div>
${lookup(view)}
</main>`;
  return page('Consentry records', body);
}
