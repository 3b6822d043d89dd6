// Auto-blocking overhead in real Chromium: a page appends 10,000 elements (1% of them tracker
// scripts, the rest divs, links, spans and images) with the script-tag build, `autoBlock` on and
// off, interleaved over N rounds (BENCH_ROUNDS, default 15). Reports the medians and their
// ratio (target ≤ 1.15×), and the gzip size gating and auto-blocking add to dist/consentry.js.
// Writes its section of scripts/bench/RESULTS.md. Never fails.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium, scriptTagPage, startServer } from '../../test/e2e/support/harness.ts';
import { median, writeSection } from './results.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS) || 15);
const ELEMENTS = 10_000;

// Every shipped preset, so the page carries the full rule list.
const config = (autoBlock) => ({
  mode: 'opt-in',
  autoBlock,
  presets: [
    { name: 'google-analytics', id: 'G-BENCH1234' },
    { name: 'google-tag-manager', id: 'GTM-BENCH12' },
    { name: 'google-ads', id: 'AW-123456789' },
    { name: 'pendo', apiKey: '0a1b2c3d-1111-4222-8333-444455556666' },
    { name: 'meta-pixel', id: '1234567890123456' },
    { name: 'linkedin-insight', id: '123456' },
    { name: 'microsoft-uet', id: '12345678' },
    { name: 'tiktok-pixel', id: 'ABCDEFGHIJ1234567890' },
  ],
  // The tracker host resolves to the local server (harness), so without autoBlock its scripts
  // are fetched and fail fast with a 404 instead of waiting on request interception.
  blockList: [{ host: 'tracker.shop.test', path: '/t', category: 'advertising' }],
});

/**
 * Runs in the page: appends the elements, waits for the mutation observers, and returns the
 * time in ms; the best of five repetitions (each into a fresh container), which filters out
 * pauses caused by other processes on a busy machine.
 */
async function append({ count, tracker, trackers }) {
  // Defined in here: this function runs in the page, where nothing outside it exists.
  /** The i-th ordinary element of a page: text, an image, a link or a tag, in turn. */
  const pageElement = (i) => {
    if (i % 4 == 0) {
      const div = document.createElement('div');
      div.textContent = `item ${i}`;
      return div;
    }
    if (i % 4 == 1) {
      const img = document.createElement('img');
      img.alt = '';
      img.setAttribute('src', `/i/${i % 50}.gif`);
      return img;
    }
    if (i % 4 == 2) {
      const link = document.createElement('a');
      link.href = `/p/${i}`;
      link.textContent = 'link';
      return link;
    }
    const span = document.createElement('span');
    span.className = 'tag';
    return span;
  };
  const times = [];
  for (let repeat = 0; repeat < 5; repeat++) {
    const host = document.body.appendChild(document.createElement('main'));
    await new Promise((done) => setTimeout(done));
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      if (trackers && i % 100 == 99) {
        const script = document.createElement('script');
        script.async = true;
        script.src = `${tracker}?n=${i}`;
        host.append(script);
      } else host.append(pageElement(i));
    }
    await new Promise((done) => setTimeout(done)); // mutation observer callbacks have run
    times.push(performance.now() - start);
    if (repeat < 4) host.remove();
  }
  return Math.min(...times);
}

/**
 * Runs in the autoBlock page: the same appends (no trackers) alternately with the page's
 * patched functions and with the browser's own, taken from a fresh frame (DOM methods work
 * across frames), so that only the interception differs. Returns the best time of each.
 */
async function samePageAB({ count }) {
  // Defined in here: this function runs in the page, where nothing outside it exists.
  /** The i-th ordinary element of a page: text, an image, a link or a tag, in turn. */
  const pageElement = (i) => {
    if (i % 4 == 0) {
      const div = document.createElement('div');
      div.textContent = `item ${i}`;
      return div;
    }
    if (i % 4 == 1) {
      const img = document.createElement('img');
      img.alt = '';
      img.setAttribute('src', `/i/${i % 50}.gif`);
      return img;
    }
    if (i % 4 == 2) {
      const link = document.createElement('a');
      link.href = `/p/${i}`;
      link.textContent = 'link';
      return link;
    }
    const span = document.createElement('span');
    span.className = 'tag';
    return span;
  };
  const frame = document.body.appendChild(document.createElement('iframe'));
  const types = ['HTMLScriptElement', 'HTMLIFrameElement', 'HTMLImageElement'];
  const ours = {
    setAttribute: Element.prototype.setAttribute,
    src: types.map((t) => Object.getOwnPropertyDescriptor(window[t].prototype, 'src')),
  };
  const native = {
    setAttribute: frame.contentWindow.Element.prototype.setAttribute,
    src: types.map((t) => Object.getOwnPropertyDescriptor(frame.contentWindow[t].prototype, 'src')),
  };
  const use = (set) => {
    Element.prototype.setAttribute = set.setAttribute;
    types.forEach((t, i) => Object.defineProperty(window[t].prototype, 'src', set.src[i]));
  };
  const best = { native: Infinity, patched: Infinity };
  for (let repeat = 0; repeat < 5; repeat++)
    for (const [name, set] of [
      ['native', native],
      ['patched', ours],
    ]) {
      use(set);
      const host = document.body.appendChild(document.createElement('main'));
      await new Promise((done) => setTimeout(done));
      const start = performance.now();
      for (let i = 0; i < count; i++) host.append(pageElement(i));
      await new Promise((done) => setTimeout(done));
      best[name] = Math.min(best[name], performance.now() - start);
      host.remove();
    }
  use(ours);
  frame.remove();
  return best;
}

const cell = (xs) => `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;

/** gzip -9 of the script-tag bundle (esbuild, minified) with the given modules replaced by no-ops. */
async function bundleSize(stubbed) {
  const stubs = {
    gating: 'export const startRuntime = () => ({ placeholders: false, scan() {}, setTexts() {}, stop() {} })',
    autoblock: 'export const installAutoBlock = () => ({ follow: () => () => {}, releaseAll() {}, uninstall() {} })',
  };
  const modules = { '../gating/start-runtime': 'gating', '../autoblock': 'autoblock' };
  const result = await build({
    stdin: {
      contents: `import { bootScriptTag } from './src/script-tag/boot.ts'; import { presetRegistry } from './presets/registry.ts'; bootScriptTag({ registry: presetRegistry });`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    write: false,
    plugins: [
      {
        name: 'stub',
        setup(b) {
          b.onResolve({ filter: /^\.\.\/(gating\/start-runtime|autoblock)$/ }, (a) =>
            stubbed.includes(modules[a.path]) ? { path: modules[a.path], namespace: 'stub' } : null,
          );
          b.onLoad({ filter: /.*/, namespace: 'stub' }, (a) => ({ contents: stubs[a.path], loader: 'js' }));
        },
      },
    ],
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

export default async function autoblockBench() {
  if (!existsSync(ROOT + 'dist/consentry.js')) throw new Error('dist/consentry.js is missing: run npm run build');
  const server = await startServer();
  const browser = await launchChromium();
  const SCENARIOS = [
    { name: '1% trackers', trackers: true },
    // The same work on both sides (nothing to hold): the cost of interception alone.
    { name: 'no trackers', trackers: false },
  ];
  const failures = [];
  const samples = Object.fromEntries(SCENARIOS.map((s) => [s.name, { off: [], on: [] }]));
  const ab = { native: [], patched: [] };
  try {
    for (const mode of ['off', 'on']) server.set(`/${mode}.html`, scriptTagPage(config(mode == 'on')));
    for (let round = -1; round < ROUNDS; round++)
      for (const scenario of SCENARIOS)
        for (const mode of round % 2 ? ['off', 'on'] : ['on', 'off']) {
          const context = await browser.newContext();
          try {
            const page = await context.newPage();
            await page.goto(`${server.origin}/${mode}.html`);
            await page.waitForLoadState('networkidle');
            const tracker = server.origin.replace('www.', 'cdn.tracker.') + '/t/p.js';
            const ms = await page.evaluate(append, { count: ELEMENTS, tracker, trackers: scenario.trackers });
            if (round >= 0) samples[scenario.name][mode].push(ms);
            if (round >= 0 && mode == 'on' && !scenario.trackers) {
              const best = await page.evaluate(samePageAB, { count: ELEMENTS });
              ab.native.push(best.native);
              ab.patched.push(best.patched);
            }
            if (round == 0) {
              const held = await page.evaluate(() => document.querySelectorAll('script[src*="/t/p.js"]').length);
              console.log(`${scenario.name}, autoBlock ${mode}: ${held} tracker scripts given their URL`);
            }
          } catch (error) {
            failures.push(
              `${scenario.name}, autoBlock ${mode}, round ${round}: ${String(error.message).split('\n')[0]}`,
            );
          } finally {
            await context.close();
          }
        }
  } finally {
    await browser.close();
    await server.close();
  }

  const ratio = (name, of = median) => of(samples[name].on) / of(samples[name].off);
  const least = (xs) => Math.min(...xs);
  const all = await bundleSize([]);
  const gating = all - (await bundleSize(['gating']));
  const autoblock = all - (await bundleSize(['autoblock']));
  const markdown = `## Auto-blocking overhead

Chromium ${browser.version()}, ${ROUNDS} interleaved rounds after one warm-up, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. A page with the script-tag build and all eight presets appends ${ELEMENTS.toLocaleString('en')} elements one by one (1% tracker scripts created with \`createElement\` to a blocked host, the rest divs, links, spans and first-party images) and waits for the mutation observers; the time is \`performance.now()\` around that, in ms, best of five repetitions per page.

| Elements appended | autoBlock off: median (min–max), ms | autoBlock on | Ratio of medians | Ratio of minimums |
|---|---|---|---|---|
${SCENARIOS.map(({ name }) => `| ${name} | ${cell(samples[name].off)} | ${cell(samples[name].on)} | **${ratio(name).toFixed(2)}×** | ${ratio(name, least).toFixed(2)}× |`).join('\n')}

Same page, same appends without trackers, alternating the page's intercepting \`setAttribute\` and \`src\` setters with the browser's own (so nothing else differs): native ${cell(ab.native)}, intercepting ${cell(ab.patched)}, **${(median(ab.patched) / median(ab.native)).toFixed(2)}×**.

Target: ≤ 1.15× (ratio of medians). With trackers, autoBlock also saves the fetches it holds back, so the run without trackers shows the cost of interception alone. On a busy machine the spread between page loads is wide; the same-page comparison is the steadier estimate of the interception cost.

Size added to \`dist/consentry.js\` (esbuild-minified, gzip -9, measured by removing each part): gating (markup, embeds, withdrawal, events, with the Consent Mode and presets runtime it starts) ${gating} B; auto-blocking ${autoblock} B; whole bundle ${all} B.${failures.length ? `\n\nRuns that failed (not counted):\n${failures.map((f) => `- ${f}`).join('\n')}` : ''}`;
  console.log(markdown);
  writeSection('autoblock', markdown);
}
