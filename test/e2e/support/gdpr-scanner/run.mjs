// Runs @slashgear/gdpr-cookie-scanner (MIT, unmodified from npm) on one URL, as its CLI would,
// and prints the scan result as JSON. Run as `node run.mjs <url>`: the hooks registered first
// hand the scanner a Playwright that drives the system's Chromium (see playwright.mjs), so no
// browser is downloaded. The scanner declares Node >= 24; its code runs on Node 20.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
const { Scanner } = await import('@slashgear/gdpr-cookie-scanner');

const url = process.argv[2];
// The options its `scan()` defaults to (dist/index.js), with no report file written.
const scanner = new Scanner({
  url,
  timeout: 30_000,
  screenshots: false,
  locale: 'en-US',
  verbose: false,
  formats: [],
  viewport: 'desktop',
  strict: false,
});
process.stdout.write(JSON.stringify(await scanner.run()));
