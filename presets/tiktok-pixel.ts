import { definePreset } from '../src/index';
import { checkOption } from './check-option';

const SDK = 'https://analytics.tiktok.com/i18n/pixel/events.js';
// The methods TikTok's base code queues until events.js has loaded.
const METHODS =
  'page track identify instances debug on off once ready alias group enableCookie disableCookie holdConsent revokeConsent grantConsent'.split(' ');

/**
 * TikTok Pixel, loaded once `advertising` is granted. Its consent API gets `holdConsent()`
 * while undecided, then `grantConsent()` / `revokeConsent()` on every change
 * (business-api.tiktok.com/portal/docs?id=1739585600931842).
 * ```ts
 * createConsent({ presets: [tiktokPixel({ id: 'C4ABCDEFGH1234567890' })] })
 * ```
 */
export const tiktokPixel = definePreset<{ id: string }>({
  name: 'tiktok-pixel',
  label: 'TikTok Pixel',
  category: 'advertising',
  hosts: ['analytics.tiktok.com', 'analytics.us.tiktok.com'],
  cookies: [
    { name: '_ttp', purpose: 'Identifies the browser for ad measurement', lifetime: '13 months' },
    { name: 'ttcsid*', purpose: 'Links events within a session', lifetime: '13 months' },
    { name: '_tt_enable_cookie', purpose: 'Checks that cookies can be set', lifetime: '13 months' },
  ],
  options: ['id'],
  validate: (entry) =>
    checkOption(entry, /^[A-Z0-9]{16,24}$/, 'a TikTok pixel id of 16–24 upper-case letters and digits like "C4ABCDEFGH1234567890"'),
  setup({ window: w, category, state }) {
    // TikTok's base code, minus the script it inserts: a queue object named by TiktokAnalyticsObject.
    if (!w.ttq) {
      w.TiktokAnalyticsObject = 'ttq';
      const ttq: any = (w.ttq = []);
      const defer = (target: any, m: string) => (target[m] = (...args: unknown[]) => void target.push([m, ...args]));
      METHODS.forEach((m) => defer(ttq, m));
      ttq.instance = (id: string) => {
        const i = (ttq._i || {})[id] || [];
        METHODS.forEach((m) => defer(i, m));
        return i;
      };
    }
    w.ttq[state[category] ? 'grantConsent' : 'holdConsent']();
  },
  load({ window: w, entry, src, loadScript }) {
    const ttq = w.ttq;
    const id = entry.id as string;
    // What the base code's ttq.load(id) records for events.js to find.
    (ttq._i = ttq._i || {})[id] = Object.assign([], { _u: SDK });
    (ttq._t = ttq._t || {})[id] = +new Date();
    (ttq._o = ttq._o || {})[id] = {};
    loadScript(src(SDK + '?sdkid=' + id + '&lib=ttq'));
    ttq.page();
  },
  onChange({ window: w, category, state, previous }) {
    if (!state[category] != !previous?.[category]) w.ttq[state[category] ? 'grantConsent' : 'revokeConsent']();
  },
});
