// The `playwright` the scanner imports: playwright-core's Chromium, launched from the system's
// binary (CHROMIUM_PATH, else Debian's /usr/bin/chromium) with the scanner's own options. Every
// context it opens answers requests to other origins than the scanned page's with an empty
// 200, so vendor scripts are requested (the scanner sees and classifies each request) but
// nothing leaves the machine and no vendor code runs.
import { chromium as coreChromium } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const site = new URL(process.argv[2]).origin;

const EMPTY = { 'text/javascript': '', 'image/gif': Buffer.from('R0lGODlhAQABAAAAACw=', 'base64') };

async function answerThirdParties(context) {
  await context.route(
    (url) => url.origin != site,
    (route) => {
      const type = route.request().resourceType() == 'image' ? 'image/gif' : 'text/javascript';
      return route.fulfill({ status: 200, contentType: type, body: EMPTY[type] });
    },
  );
  return context;
}

export const chromium = {
  async launch(options) {
    const browser = await coreChromium.launch({ ...options, executablePath });
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (contextOptions) => answerThirdParties(await newContext(contextOptions));
    return browser;
  },
};
