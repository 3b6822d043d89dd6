import { checkOption, definePreset } from 'consentry';
import { ahead, defineQueue, firstLoad } from './vendor-queue';

export interface RedditPixelOptions {
  /** Pixel id from Reddit Ads › Events Manager: `a2_` or `t2_` and 4–16 letters or digits. */
  id: string;
}

/**
 * Reddit Pixel, loaded once `advertising` is granted. Reddit's base code: a queueing `rdt()`
 * (`callQueue` until `sendEvent` exists), https://www.redditstatic.com/ads/pixel.js,
 * `rdt('init', id)` and `rdt('track', 'PageVisit')`
 * (business.reddithelp.com, "Install the Reddit Pixel on your website"). No consent API is
 * forwarded: not loading it is the control; on withdrawal the core deletes its cookie and reloads.
 * ```ts
 * createConsent({ presets: [redditPixel({ id: 'a2_abcdef123456' })] })
 * ```
 */
export const redditPixel = /* @__PURE__ */ definePreset<RedditPixelOptions>({
  name: 'reddit-pixel',
  label: 'Reddit Pixel',
  category: 'advertising',
  vendor: { name: 'Reddit', privacyPolicy: 'https://www.reddit.com/policies/privacy-policy' },
  // The tag and its configuration, and the event endpoint (alb.reddit.com).
  hosts: ['www.redditstatic.com/ads/', 'pixel-config.reddit.com', 'alb.reddit.com'],
  cookies: [{ name: '_rdt_uuid', purpose: 'Identifies the browser for Reddit ads', lifetime: '90 days' }],
  options: ['id'],
  validate: (entry) => checkOption(entry, /^[at]2_[a-z0-9]{4,16}$/, 'a Reddit pixel id like "a2_abcdef123456"'),
  setup({ window: page }) {
    // Reddit's base code without its script tag: `rdt()` queues until pixel.js takes over.
    const rdt: any = function () {
      if (rdt.sendEvent) rdt.sendEvent.apply(rdt, arguments);
      else rdt.callQueue.push(arguments);
    };
    defineQueue(page, 'rdt', Object.assign(rdt, { callQueue: [] }));
  },
  load({ window: page, entry, src, loadScript }) {
    const rdt = page.rdt;
    const first = firstLoad(page, 'rdt');
    if (first) loadScript(src('https://www.redditstatic.com/ads/pixel.js'));
    ahead(first && rdt.callQueue, () => {
      rdt('init', entry.id);
      rdt('track', 'PageVisit');
    });
  },
});
