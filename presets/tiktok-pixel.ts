import { checkOption, definePreset } from 'consentry';
import { ahead, defineQueue, firstLoad, requested } from './vendor-queue';

const SDK = 'https://analytics.tiktok.com/i18n/pixel/events.js';
/** The methods TikTok's base code queues (`ttq.methods`) until events.js arrives. */
const METHODS =
  'page track identify instances debug on off once ready alias group enableCookie disableCookie holdConsent revokeConsent grantConsent';

export interface TiktokPixelOptions {
  /** Pixel id from TikTok Events Manager: 16–24 upper-case letters and digits (`C4ABCDEFGH1234567890`). */
  id: string;
}

/**
 * TikTok Pixel, loaded once `advertising` is granted; later withdrawals and grants are
 * forwarded with `ttq.revokeConsent()` / `ttq.grantConsent()`
 * (business-api.tiktok.com/portal/docs?id=1739585600931842). `ttq` and its methods exist from
 * the start (the base code's queue, ads.tiktok.com/help/article/get-started-pixel): site calls
 * wait in it and reach TikTok, after the pixel's page view, once advertising is granted.
 * ```ts
 * createConsent({ presets: [tiktokPixel({ id: 'C4ABCDEFGH1234567890' })] })
 * ```
 */
export const tiktokPixel = /* @__PURE__ */ definePreset<TiktokPixelOptions>({
  name: 'tiktok-pixel',
  label: 'TikTok Pixel',
  category: 'advertising',
  vendor: { name: 'TikTok', privacyPolicy: 'https://www.tiktok.com/legal/page/eea/privacy-policy/en' },
  hosts: ['analytics.tiktok.com', 'analytics.us.tiktok.com'],
  cookies: [
    { name: '_ttp', purpose: 'Identifies the browser', lifetime: '13 months' },
    { name: 'ttcsid*', purpose: 'Session events', lifetime: '13 months' },
  ],
  options: ['id'],
  validate: (entry) => checkOption(entry, /^[A-Z0-9]{16,24}$/, 'a TikTok pixel id like "C4ABCDEFGH1234567890"'),
  setup({ window: page }) {
    // TikTok's base code without `ttq.load`: a queue whose methods record their calls, so site
    // code such as `ttq.track('Lead')` works before consent and after a refusal.
    defineQueue(page, 'ttq', []);
    const ttq = page.ttq;
    for (const method of METHODS.split(' '))
      ttq[method] = ttq[method] || ((...args: unknown[]) => void ttq.push([method, ...args]));
  },
  load({ window: page, entry, src, loadScript }) {
    const ttq = page.ttq;
    const id = entry.id as string;
    const first = firstLoad(page, 'ttq');
    page.TiktokAnalyticsObject = 'ttq';
    // What the base code's ttq.load(id) records for events.js: the pixel's queue (with the SDK
    // URL), load time and options.
    const pixelQueue: unknown[] & { _u?: string } = [];
    pixelQueue._u = SDK;
    ttq._i = ttq._i || {};
    ttq._i[id] = pixelQueue;
    ttq._t = ttq._t || {};
    ttq._t[id] = Date.now();
    ttq._o = ttq._o || {};
    ttq._o[id] = {};
    loadScript(src(SDK + '?sdkid=' + id + '&lib=ttq'));
    ahead(first && ttq, () => ttq.page());
  },
  onChange({ window: page, granted }) {
    // Before the first load there is no pixel to tell.
    if (requested(page, 'ttq')) page.ttq[granted ? 'grantConsent' : 'revokeConsent']();
  },
});
