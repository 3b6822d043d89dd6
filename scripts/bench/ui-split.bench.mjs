// Whether the banner would show sooner if the UI chunk left the dialog for later. `consentry-ui.js`
// carries the banner and the preferences dialog (its categories, services table, industry links and
// styles). This builds the chunk again with rollup's own configuration for it, the dialog taken
// out, serves the benchmark site's `consentry build` file twice, once with each chunk (the second
// file's chunk integrity swapped for the new chunk's), and times first visits of both, interleaved
// with vanilla-cookieconsent, on both networks of vs-cookieconsent.bench.mjs. Writes its section
// of RESULTS.md.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { launchChromium } from '../../test/e2e/support/harness.ts';
import { median, writeSection } from './results.mjs';
import { NETWORKS, SITES, buildSiteFile, page, startBenchServer, visit } from './vs-cookieconsent.bench.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS) || 15);
const sri = (bytes) => 'sha256-' + createHash('sha256').update(bytes).digest('base64');
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** The modules that make the dialog, each replaced by an empty stand-in; rollup drops what they imported. */
const withoutDialog = {
  name: 'without-the-dialog',
  load(id) {
    if (id.endsWith('/ui/preferences.tsx')) return 'export const Preferences = () => null;';
    if (id.endsWith('/ui/styles/dialog.ts')) return "export const DIALOG = '';";
    return null;
  },
};

/** `dist/consentry-ui.js` as rollup.config.mjs builds it, with `extra` plugins first. */
async function buildUIChunk(extra) {
  const configs = (await import(pathToFileURL(ROOT + 'rollup.config.mjs').href)).default;
  const config = configs.find((c) => c.output?.file === 'dist/consentry-ui.js');
  const bundle = await rollup({ ...config, plugins: [...extra, ...config.plugins] });
  const { output } = await bundle.generate(config.output);
  await bundle.close();
  return Buffer.from(output[0].code);
}

const METRICS = [
  ['banner', 'navigation → banner visible (ms)'],
  ['bannerBytes', 'bytes until the banner is visible (KB)'],
  ['script', 'main-thread script time (ms)'],
  ['tasks', 'main-thread tasks (ms)'],
  ['cpu', 'main-thread CPU time (ms)'],
];

export default async function uiSplit() {
  // rollup.config.mjs names its inputs relative to the repository's root.
  process.chdir(ROOT);
  const whole = readFileSync(ROOT + 'dist/consentry-ui.js');
  const split = await buildUIChunk([withoutDialog]);
  const siteDir = await buildSiteFile();
  const built = readFileSync(join(siteDir, 'consentry.js'), 'utf8');
  if (!built.includes(sri(whole))) throw new Error('the built file does not carry the UI chunk’s integrity');
  const { server, origin } = await startBenchServer(siteDir, {
    '/site-split.html': page('<script defer src="/split/consentry.js"></script>'),
    '/split/consentry.js': built.replace(sri(whole), sri(split)),
    '/split/consentry-ui.js': split,
    '/split/consentry-leftovers.js': readFileSync(join(siteDir, 'consentry-leftovers.js')),
  });
  const ours = SITES.find((site) => site.path === '/site.html');
  const baseline = SITES.find((site) => site.baseline);
  const pages = [
    { ...ours, name: '`consentry build`, whole UI chunk' },
    { ...ours, name: '`consentry build`, UI chunk without the dialog', path: '/site-split.html' },
    baseline,
  ];
  const browser = await launchChromium();
  const version = browser.version();
  const tables = [];
  const failures = [];
  try {
    for (const network of NETWORKS) {
      const samples = Object.fromEntries(pages.map((site) => [site.name, []]));
      for (let round = 0; round <= ROUNDS; round++)
        for (const site of round % 2 ? [...pages].reverse() : pages) {
          try {
            const first = await visit(browser, origin + site.path, network, site);
            // Round 0 warms the server, the disk cache and Chromium; it is not counted.
            if (round > 0) samples[site.name].push(first);
          } catch (error) {
            failures.push(`${network.name}, ${site.name}, round ${round}: ${error.message.split('\n')[0]}`);
          }
        }
      const rows = [
        `| First visit | ${pages.map((site) => site.name).join(' | ')} |`,
        `|---|${pages.map(() => '---|').join('')}`,
      ];
      for (const [key, label] of METRICS) {
        const values = (site) => samples[site.name].map((result) => result[key]).filter((x) => typeof x === 'number');
        const base = median(values(baseline));
        const cells = pages.map((site) => {
          const xs = values(site);
          if (!xs.length) return 'n/a';
          const range = `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
          return site === baseline ? range : `${range}: **${(median(xs) / base).toFixed(2)}×**`;
        });
        rows.push(`| ${label} | ${cells.join(' | ')} |`);
      }
      tables.push(`**${network.name}**\n\n${rows.join('\n')}`);
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(siteDir, { recursive: true, force: true });
  }
  const markdown = [
    '## The UI chunk with and without the dialog',
    '',
    `Chromium ${version}, ${ROUNDS} interleaved rounds per network after one warm-up round; first visits of the benchmark site's \`consentry build\` file, ` +
      `once with \`consentry-ui.js\` as shipped (${gzip(whole)} B gzip -9) and once with the same chunk built without the dialog (${gzip(split)} B), ` +
      "median (min–max) and the ratio to vanilla-cookieconsent's median in the same run.",
    '',
    ...tables.map((t) => t + '\n'),
    failures.length ? `Runs that failed (not counted):\n${failures.map((f) => `- ${f}`).join('\n')}` : '',
  ].join('\n');
  console.log(markdown);
  writeSection('ui-split', markdown);
}
