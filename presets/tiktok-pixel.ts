import { checkOption, definePreset } from 'consentry';

const SDK = 'https://analytics.tiktok.com/i18n/pixel/events.js';

export interface TiktokPixelOptions {
  /** Pixel id from TikTok Events Manager: 16–24 upper-case letters and digits (`C4ABCDEFGH1234567890`). */
  id: string;
}

/**
 * TikTok Pixel, loaded once `advertising` is granted; later withdrawals and grants are
 * forwarded with `ttq.revokeConsent()` / `ttq.grantConsent()`
 * (business-api.tiktok.com/portal/docs?id=1739585600931842).
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
  load({ window: page, entry, src, loadScript }) {
    // TikTok's base code: a queue named by TiktokAnalyticsObject, and what its ttq.load(id)
    // records for events.js to find.
    const ttq: any = (page.ttq = page.ttq || []);
    const id = entry.id as string;
    page.TiktokAnalyticsObject = 'ttq';
    for (const method of 'page track identify revokeConsent grantConsent'.split(' '))
      ttq[method] = ttq[method] || ((...args: unknown[]) => void ttq.push([method, ...args]));
    // What ttq.load(id) records: the pixel's queue (with the SDK URL), load time and options.
    const pixelQueue: unknown[] & { _u?: string } = [];
    pixelQueue._u = SDK;
    ttq._i = ttq._i || {};
    ttq._i[id] = pixelQueue;
    ttq._t = ttq._t || {};
    ttq._t[id] = Date.now();
    ttq._o = ttq._o || {};
    ttq._o[id] = {};
    loadScript(src(SDK + '?sdkid=' + id + '&lib=ttq'));
    ttq.page();
  },
  onChange({ window: page, granted }) {
    // Before the first load there is no pixel to tell.
    if (page.ttq) page.ttq[granted ? 'grantConsent' : 'revokeConsent']();
  },
});
