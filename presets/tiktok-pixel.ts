import { checkOption, definePreset } from '../src/index';

const SDK = 'https://analytics.tiktok.com/i18n/pixel/events.js';

/**
 * TikTok Pixel, loaded once `advertising` is granted. Its consent API gets `holdConsent()`
 * while not granted, then `grantConsent()` / `revokeConsent()` on every change
 * (business-api.tiktok.com/portal/docs?id=1739585600931842).
 * ```ts
 * createConsent({ presets: [tiktokPixel({ id: 'C4ABCDEFGH1234567890' })] })
 * ```
 */
export const tiktokPixel = /* @__PURE__ */ definePreset<{ id: string }>({
  name: 'tiktok-pixel',
  label: 'TikTok Pixel',
  category: 'advertising',
  hosts: ['analytics.tiktok.com', 'analytics.us.tiktok.com'],
  cookies: [
    { name: '_ttp', purpose: 'Identifies the browser', lifetime: '13 months' },
    { name: 'ttcsid*', purpose: 'Session events', lifetime: '13 months' },
    { name: '_tt_enable_cookie', purpose: 'Cookie check', lifetime: '13 months' },
  ],
  options: ['id'],
  validate: (entry) => checkOption(entry, /^[A-Z0-9]{16,24}$/, 'a TikTok pixel id like "C4ABCDEFGH1234567890"'),
  setup({ window: w, category, state }) {
    // TikTok's base code without the script it inserts: a queue named by TiktokAnalyticsObject.
    if (!w.ttq) {
      const ttq: any = (w.ttq = []);
      w.TiktokAnalyticsObject = 'ttq';
      'page track identify debug on off once ready alias group enableCookie disableCookie holdConsent revokeConsent grantConsent'
        .split(' ')
        .forEach((m) => (ttq[m] = (...args: unknown[]) => void ttq.push([m, ...args])));
    }
    w.ttq[state[category] ? 'grantConsent' : 'holdConsent']();
  },
  load({ window: w, entry, src, loadScript }) {
    const ttq = w.ttq;
    const id = entry.id as string;
    // What the base code's ttq.load(id) records for events.js to find.
    (ttq._i = ttq._i || {})[id] = Object.assign([], { _u: SDK });
    (ttq._t = ttq._t || {})[id] = Date.now();
    (ttq._o = ttq._o || {})[id] = {};
    loadScript(src(SDK + '?sdkid=' + id + '&lib=ttq'));
    ttq.page();
  },
  onChange({ window: w, category, state, previous }) {
    if (!state[category] != !previous![category]) w.ttq[state[category] ? 'grantConsent' : 'revokeConsent']();
  },
});
