// What each part of Consentry's returning visit costs. A returning visitor who granted everything
// needs the cookie read and the granted vendors started; the benchmark site's own file
// (`consentry build`, GA4 + Meta Pixel) also does the rest a page view may need. This builds that
// file again from the sources with one part taken out at a time, and all of them at once, loads
// each as a returning visitor in real Chromium, interleaved with vanilla-cookieconsent, and prints
// the median main-thread script time and bytes of each, with what taking the part out saved. The
// last page does only the job itself, written by hand: the floor any consent manager pays.
// The parts are taken out by replacing the exact source lines below: when a line changes, the
// benchmark says so instead of measuring something else. Writes its section of RESULTS.md.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { launchChromium } from '../../test/e2e/support/harness.ts';
import { FROM_SOURCES, siteBuildEntry } from '../site-build-entry.mjs';
import { BENCH_SITE } from '../size.mjs';
import { median, slug, writeSection } from './results.mjs';
import {
  FBQ_INLINE,
  GTAG_INLINE,
  GTAG_URL,
  NETWORKS,
  SITES,
  buildSiteFile,
  page,
  startBenchServer,
  visit,
} from './vs-cookieconsent.bench.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS) || 15);

/** Edits to the entry `consentry build` writes, rather than to a source file. */
const ENTRY = 'the site entry';

/**
 * The parts, each taken out by switching a runtime feature off in the entry (the module is then
 * not bundled) or by replacing a line of a source file (what it imports is then tree-shaken).
 */
const PARTS = [
  { name: 'Google Consent Mode', features: { consentMode: false } },
  { name: 'cross-tab sync', features: { crossTab: false } },
  {
    name: 'reopen button',
    edits: [
      {
        file: 'src/script-tag/boot.ts',
        from: 'if (!consent.needsPrompt && !consent.error && internalsOf(consent).config.ui?.reopenButton !== false)',
        to: 'if (false)',
      },
      { file: ENTRY, from: '  mountReopenButton,', to: '  mountReopenButton: () => () => {},' },
    ],
  },
  {
    name: 'markup gating',
    edits: [
      {
        file: 'src/browser/gate.ts',
        from: 'const markup = gateMarkup(consent, { doc, pageState, nonce, texts: options.texts, embeds: parts.embeds });',
        to: 'const markup = { scan() {}, setTexts() {}, placeholders: false, stop() {} };',
      },
    ],
  },
  {
    name: 'withdrawal handling',
    edits: [
      {
        file: 'src/browser/gate.ts',
        from: 'const stopWithdrawal = handleWithdrawal(consent, pageState, doc, parts.clearCategory);',
        to: 'const stopWithdrawal = () => {};',
      },
    ],
  },
  {
    name: 'page events',
    edits: [
      {
        file: 'src/browser/gate.ts',
        from: 'const stopEvents = announceChanges(consent, doc.defaultView as Window & typeof globalThis);',
        to: 'const stopEvents = () => {};',
      },
    ],
  },
  {
    // The look itself is consentry-leftovers.js, which a returning visit that granted everything
    // never fetches: what is left in the file is the stand-in that would fetch it.
    name: 'leftover-snippet check',
    edits: [
      {
        file: 'src/script-tag/boot.ts',
        from: 'if (!followsConfig && consent.needsPrompt) leftovers.warnWhenIdle();',
        to: '',
      },
    ],
  },
  {
    name: 'preferences openers',
    edits: [
      {
        file: 'src/script-tag/boot.ts',
        from: 'const stopOpeners = onPreferencesOpeners(document, () => ui.showPreferences());',
        to: 'const stopOpeners = () => {};',
      },
    ],
  },
  {
    name: 'embed translations',
    edits: [
      { file: 'src/script-tag/boot.ts', from: 'translateEmbeds(runtime, consent, folder, options.languages);', to: '' },
    ],
  },
];
const ALL_PARTS = {
  name: 'all of the above',
  features: Object.assign({}, ...PARTS.map((part) => part.features)),
  edits: PARTS.flatMap((part) => part.edits ?? []),
};

/**
 * The job itself, by hand: if the consent cookie is there, Consent Mode's default and update,
 * then gtag.js and the Meta Pixel as their own snippets start them. It checks nothing.
 */
const JOB_ALONE = `(function () {
  if (!/(?:^|; )consentry=/.test(document.cookie)) return;
  window.dataLayer = window.dataLayer || [];
  function gtag() { dataLayer.push(arguments); }
  gtag('consent', 'default', { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied' });
  gtag('consent', 'update', { ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', analytics_storage: 'granted' });
  var script = document.createElement('script');
  script.async = true;
  script.src = ${JSON.stringify(GTAG_URL)};
  document.head.appendChild(script);
  ${GTAG_INLINE}
  ${FBQ_INLINE}
})();`;

/** `code` with each of `edits` made; each line to replace must be there exactly once. */
function edited(code, edits) {
  for (const { from, to, file } of edits) {
    if (code.split(from).length != 2) throw new Error(`${file} no longer has the line to take out: ${from}`);
    code = code.replace(from, () => to);
  }
  return code;
}

/** esbuild reads the edited source files through this plugin. */
function editsPlugin(edits) {
  const byFile = new Map();
  for (const edit of edits.filter((edit) => edit.file != ENTRY))
    byFile.set(join(ROOT, edit.file), [...(byFile.get(join(ROOT, edit.file)) ?? []), edit]);
  return {
    name: 'take-out-part',
    setup(buildApi) {
      buildApi.onLoad({ filter: /\.tsx?$/ }, (args) => {
        const fileEdits = byFile.get(args.path);
        if (!fileEdits) return undefined;
        return { contents: edited(readFileSync(args.path, 'utf8'), fileEdits), loader: 'ts' };
      });
    },
  };
}

/** The site's file without `part`, bundled as `consentry build` bundles it. */
async function buildWithout(part) {
  const result = await build({
    stdin: {
      contents: edited(
        await siteBuildEntry(BENCH_SITE, part.features),
        (part.edits ?? []).filter((edit) => edit.file == ENTRY),
      ),
      resolveDir: ROOT,
      loader: 'ts',
    },
    ...FROM_SOURCES,
    plugins: [...FROM_SOURCES.plugins, editsPlugin(part.edits ?? [])],
    minify: true,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}

export default async function returningParts() {
  const siteDir = await buildSiteFile();
  const variants = [{ name: 'the whole file, from the sources', features: {} }, ...PARTS, ALL_PARTS];
  const pages = {};
  for (const variant of variants) {
    const file = `${slug(variant.name)}.js`;
    writeFileSync(join(siteDir, file), await buildWithout(variant));
    variant.path = `/part-${slug(variant.name)}.html`;
    variant.bytes = gzipSync(readFileSync(join(siteDir, file)), { level: 9 }).length;
    pages[variant.path] = page(`<script defer src="/site/${file}"></script>`);
  }
  writeFileSync(join(siteDir, 'job-alone.js'), JOB_ALONE);
  const jobAlone = { name: 'the job alone (by hand, checks nothing)', path: '/part-job-alone.html' };
  jobAlone.bytes = gzipSync(JOB_ALONE, { level: 9 }).length;
  pages[jobAlone.path] = page('<script defer src="/site/job-alone.js"></script>');

  const vanilla = SITES.find((site) => site.baseline);
  const ours = SITES.find((site) => site.path === '/site.html');
  const { server, origin } = await startBenchServer(siteDir, pages);
  const browser = await launchChromium();
  const network = NETWORKS[0];
  try {
    // One first visit each gives the returning visitor's cookies (every variant reads the same cookie).
    const oursCookies = (await visit(browser, origin + ours.path, network, ours)).cookies;
    const vanillaCookies = (await visit(browser, origin + vanilla.path, network, vanilla)).cookies;
    const timed = [
      { ...vanilla, cookies: vanillaCookies },
      ...[...variants, jobAlone].map((variant) => ({ ...variant, cookies: oursCookies })),
    ];
    for (const entry of timed) entry.samples = [];
    // Round 0 warms the server and Chromium; it is not counted.
    for (let round = 0; round <= ROUNDS; round++) {
      for (const entry of round % 2 ? [...timed].reverse() : timed) {
        const result = await visit(browser, origin + entry.path, network, entry, entry.cookies);
        if (result.bannerShown) throw new Error(`${entry.name}: banner shown to a returning visitor`);
        if (result.ga === undefined) throw new Error(`${entry.name}: GA not started on a returning visit`);
        if (round > 0) entry.samples.push(result);
      }
    }
    const scriptOf = (entry) => median(entry.samples.map((sample) => sample.script));
    const base = scriptOf(timed[0]);
    const whole = timed[1];
    const rows = timed.map((entry) => {
      const script = scriptOf(entry);
      // A file without one part (or all of them): named so, with what leaving it out saved.
      const takenOut = [...PARTS, ALL_PARTS].some((part) => part.name === entry.name);
      const saved = takenOut ? `${(scriptOf(whole) - script).toFixed(1)} ms, ${whole.bytes - entry.bytes} B` : '';
      const bytes = median(entry.samples.map((sample) => sample.bytes)).toFixed(1);
      const name = takenOut ? `without ${entry.name}` : entry.name;
      return `| ${name} | ${script.toFixed(1)} | **${(script / base).toFixed(2)}×** | ${bytes} | ${saved} |`;
    });
    const markdown = [
      '## What each part of the returning visit costs',
      '',
      `Chromium ${browser.version()}, ${ROUNDS} interleaved rounds after one warm-up round, no network emulation, ${new Date().toISOString().slice(0, 10)}. ` +
        'A returning visitor who accepted everything, on the benchmark site (GA4 + Meta Pixel, opt-in). ' +
        "The site's `consentry build` file, bundled again from the sources with one part taken out (`scripts/bench/returning-parts.bench.mjs` names the lines), then all of them. " +
        'Script time is the median of CDP `Performance.getMetrics` ScriptDuration once the page is idle; the ratio is to vanilla-cookieconsent in the same run. ' +
        'Bytes are all first-party bytes of the visit (KB, gzip); "saved" is the whole file minus the file without the part, in script time and in the file\'s gzip bytes: the few milliseconds of a single part are within the spread between rounds, which the all-parts row is not.',
      '',
      '| Page | Script (ms) | vs vanilla | Bytes (KB) | Saved |',
      '|---|---:|---:|---:|---|',
      ...rows,
    ].join('\n');
    console.log(markdown);
    writeSection('returning-parts', markdown);
  } finally {
    await browser.close();
    server.close();
    rmSync(siteDir, { recursive: true, force: true });
  }
}
