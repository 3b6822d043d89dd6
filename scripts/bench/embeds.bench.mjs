// Holding and unloading many embeds in real Chromium: a page with 40 marked-up iframes and the
// script-tag build. Each round grants the category, waits until every embed has loaded, then
// times `consent.update({ advertising: false })` in the page: unloading all 40 and putting them
// back behind sized placeholders, one main-thread task. Rounds: BENCH_ROUNDS (default 15).
// Writes its section of scripts/bench/RESULTS.md. Never fails.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  documentsInIframes,
  interceptThirdParty,
  launchChromium,
  scriptTagPage,
  startServer,
} from '../../test/e2e/support/harness.ts';
import { median, writeSection } from './results.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS) || 15);
const EMBEDS = 40;

const page = scriptTagPage(
  { mode: 'opt-in' },
  {
    body: Array.from(
      { length: EMBEDS },
      (_, i) =>
        `<iframe data-consent="advertising" data-src="https://video.vendor.test/embed/${i}" title="Video ${i}" width="320" height="180"></iframe>`,
    ).join(''),
  },
);

/** Waits until every iframe shows `what` ('cross-origin': its embed; 'about:blank': unloaded). */
async function settle(tab, what) {
  for (let tries = 0; tries < 200; tries++) {
    if ((await documentsInIframes(tab)).every((shown) => shown == what)) return;
    await new Promise((wait) => setTimeout(wait, 50));
  }
  throw new Error(`the embeds never all showed ${what}`);
}

export default async function embeds() {
  if (!existsSync(ROOT + 'dist/consentry.js')) throw new Error('dist/consentry.js is missing: run npm run build');
  const server = await startServer();
  const browser = await launchChromium();
  const times = [];
  try {
    const context = await browser.newContext();
    await interceptThirdParty(context);
    const tab = await context.newPage();
    server.set('/embeds.html', page);
    await tab.goto(server.origin + '/embeds.html');
    await tab.waitForFunction(() => window.Consentry);
    for (let round = 0; round < ROUNDS; round++) {
      await tab.evaluate(() => window.Consentry.update({ advertising: true }));
      await settle(tab, 'cross-origin');
      times.push(
        await tab.evaluate(() => {
          const start = performance.now();
          window.Consentry.update({ advertising: false });
          return performance.now() - start;
        }),
      );
      await settle(tab, 'about:blank');
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  const markdown = `## Withdrawing ${EMBEDS} loaded embeds

${ROUNDS} rounds in Chromium with the script-tag build: the main-thread time of \`update({ advertising: false })\`, which unloads every embed and puts it back behind a sized placeholder.

| Embeds | Median (ms) | Min–max (ms) |
|---|---|---|
| ${EMBEDS} | ${median(times).toFixed(1)} | ${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)} |`;
  console.log(markdown);
  writeSection('embeds', markdown);
}
