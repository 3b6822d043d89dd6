import { checkOption, definePreset } from 'consentry';
import { ahead, defineQueue, firstLoad } from './vendor-queue';

export interface XPixelOptions {
  /** Pixel id from X Ads › Tools › Events manager: 5–10 lower-case letters and digits (`o1abc`). */
  id: string;
}

/**
 * X (Twitter) Pixel, loaded once `advertising` is granted. X's base code: a queueing `twq()`
 * (version 1.1), https://static.ads-twitter.com/uwt.js and `twq('config', id)`, which also
 * counts the page view (business.x.com/en/help/campaign-measurement-and-analytics/conversion-tracking-for-websites).
 * X documents no consent API: not loading it is the control; on withdrawal the core deletes
 * its first-party click-id cookie and reloads the page.
 * ```ts
 * createConsent({ presets: [xPixel({ id: 'o1abc' })] })
 * ```
 */
export const xPixel = /* @__PURE__ */ definePreset<XPixelOptions>({
  name: 'x-pixel',
  label: 'X Pixel',
  category: 'advertising',
  vendor: { name: 'X Corp.', privacyPolicy: 'https://x.com/en/privacy' },
  // The tag (static.ads-twitter.com) and its conversion requests (analytics.twitter.com, t.co).
  hosts: ['ads-twitter.com', 'analytics.twitter.com', 't.co/i/adsct', 't.co/1/i/adsct'],
  cookies: [{ name: '_twclid', purpose: 'Last X ad click', lifetime: '2 years' }],
  options: ['id'],
  validate: (entry) => checkOption(entry, /^[a-z0-9]{5,10}$/, 'an X pixel id like "o1abc"'),
  setup({ window: page }) {
    // X's base code without its script tag: `twq()` queues until uwt.js takes over.
    const twq: any = function () {
      if (twq.exe) twq.exe.apply(twq, arguments);
      else twq.queue.push(arguments);
    };
    defineQueue(page, 'twq', Object.assign(twq, { version: '1.1', queue: [] }));
  },
  load({ window: page, entry, src, loadScript }) {
    const twq = page.twq;
    const first = firstLoad(page, 'twq');
    if (first) loadScript(src('https://static.ads-twitter.com/uwt.js'));
    ahead(first && twq.queue, () => twq('config', entry.id));
  },
});
