// Per-call overhead of auto-blocking's request wrappers for calls to hosts no rule names, in real
// Chromium: the same calls (fetch, XMLHttpRequest open/send/abort, sendBeacon, new WebSocket)
// on a page with `autoBlock` and every shipped preset's hosts (the wrappers in place) and on the
// same page without `autoBlock` (the browser's own functions), interleaved over N rounds
// (BENCH_ROUNDS, default 15). Reports the median time per call of each and their difference in
// microseconds. Writes its section of scripts/bench/RESULTS.md. Never fails.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium, scriptTagPage, startServer } from '../../test/e2e/support/harness.ts';
import { median, writeSection } from './results.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS) || 15);
const CALLS = 2000;

const config = (autoBlock) => ({
  mode: 'opt-in',
  autoBlock,
  presets: [
    { name: 'google-analytics', id: 'G-BENCH1234' },
    { name: 'google-tag-manager', id: 'GTM-BENCH12' },
    { name: 'google-ads', id: 'AW-123456789' },
    { name: 'meta-pixel', id: '1234567890123456' },
    { name: 'linkedin-insight', id: '123456' },
    { name: 'microsoft-uet', id: '12345678' },
    { name: 'tiktok-pixel', id: 'ABCDEFGHIJ1234567890' },
    { name: 'posthog', apiKey: 'phc_BENCHbenchBENCHbench12' },
  ],
  blockList: [{ host: 'tracker.example', category: 'advertising' }],
});

/**
 * Runs in the page: `count` calls of one API to a host no rule names, timed around the calls
 * only (the synchronous part, where the wrapper's check runs). The best of three repetitions, which
 * filters out pauses caused by other processes on a busy machine. Microseconds per call.
 */
async function perCall({ api, count }) {
  // Defined in here: this function runs in the page, where nothing outside it exists.
  const url = (i) => `${location.origin}/none?n=${i}`;
  const calls = {
    // A data: URL: the browser answers it without the network, so only the call is timed.
    fetch: (i) => fetch(`data:text/plain,${i}`).catch(() => {}),
    xhr: (i) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url(i));
      xhr.send();
      xhr.abort();
    },
    sendBeacon: (i) => navigator.sendBeacon(url(i), ''),
    WebSocket: (i) => new WebSocket(`ws://${location.host}/socket?n=${i}`).close(),
  };
  const call = calls[api];
  let best = Infinity;
  for (let repeat = 0; repeat < 3; repeat++) {
    await new Promise((done) => setTimeout(done, 50));
    const start = performance.now();
    for (let i = 0; i < count; i++) call(i);
    best = Math.min(best, performance.now() - start);
  }
  return (best * 1000) / count;
}

const API_COUNTS = { fetch: CALLS, xhr: CALLS, sendBeacon: 200, WebSocket: 200 };

export default async function networkHoldBench() {
  if (!existsSync(ROOT + 'dist/consentry.js')) throw new Error('dist/consentry.js is missing: run npm run build');
  const server = await startServer();
  const browser = await launchChromium();
  const samples = Object.fromEntries(Object.keys(API_COUNTS).map((api) => [api, { off: [], on: [] }]));
  try {
    for (const mode of ['off', 'on']) server.set(`/${mode}.html`, scriptTagPage(config(mode == 'on')));
    for (let round = -1; round < ROUNDS; round++)
      for (const [api, count] of Object.entries(API_COUNTS))
        for (const mode of round % 2 ? ['off', 'on'] : ['on', 'off']) {
          const page = await browser.newPage();
          await page.goto(`${server.origin}/${mode}.html`);
          await page.waitForFunction(() => window.Consentry);
          const micros = await page.evaluate(perCall, { api, count });
          if (round >= 0) samples[api][mode].push(micros);
          await page.close();
        }
  } finally {
    await browser.close();
    await server.close();
  }
  const rows = Object.entries(samples).map(([api, { off, on }]) => {
    const native = median(off);
    const wrapped = median(on);
    return `| ${api} | ${native.toFixed(2)} | ${wrapped.toFixed(2)} | ${(wrapped - native).toFixed(2)} |`;
  });
  const table = [
    `Per-call time (µs, median of ${ROUNDS} rounds, best of 3 × ${CALLS} calls; 200 for sendBeacon and WebSocket) to a host no rule names, with every shipped preset's hosts and a blockList entry:`,
    '',
    '| API | without autoBlock | with autoBlock | overhead |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
  console.log(table);
  writeSection('network-hold', `## Auto-blocking: request wrappers (network-hold.bench.mjs)\n\n${table}`);
}
