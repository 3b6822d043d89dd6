import { checkOption, definePreset } from '../src/index';

/**
 * Meta (Facebook) Pixel, loaded once `advertising` is granted. The `fbq` queue exists from the
 * start with `fbq('consent', 'revoke' | 'grant')` set before `init`, and every later change is
 * forwarded (developers.facebook.com/docs/meta-pixel/implementation/gdpr).
 * `limitedDataUse: true` flags visitors under opt-out (US state-law) mode for Limited Data Use,
 * letting Meta geolocate them (developers.facebook.com/docs/meta-pixel/implementation/data-processing-options).
 * ```ts
 * createConsent({ presets: [metaPixel({ id: '1234567890123456', limitedDataUse: true })] })
 * ```
 */
export const metaPixel = /* @__PURE__ */ definePreset<{ id: string; limitedDataUse?: boolean }>({
  name: 'meta-pixel',
  label: 'Meta Pixel',
  category: 'advertising',
  hosts: ['connect.facebook.net', 'www.facebook.com/tr'],
  // developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc
  cookies: [
    { name: '_fbp', purpose: 'Identifies the browser', lifetime: '90 days' },
    { name: '_fbc', purpose: 'Last ad click', lifetime: '90 days' },
  ],
  options: ['id', 'limitedDataUse'],
  validate(entry) {
    const issues = checkOption(entry, /^\d{15,16}$/, 'a Meta pixel id like "1234567890123456"');
    const ldu = entry.limitedDataUse;
    if (ldu !== undefined && typeof ldu != 'boolean')
      issues.push({ path: 'limitedDataUse', message: `expected true or false, got ${JSON.stringify(ldu)}` });
    return issues;
  },
  setup({ window: w, category, state }) {
    // The base code's queue (same shape as Meta's snippet), without loading fbevents.js yet.
    if (!w.fbq) {
      const fbq: any = (w.fbq = w._fbq = function () {
        fbq.callMethod ? fbq.callMethod.apply(fbq, arguments) : fbq.queue.push(arguments);
      });
      Object.assign(fbq, { push: fbq, loaded: true, version: '2.0', queue: [] });
    }
    w.fbq('consent', state[category] ? 'grant' : 'revoke');
  },
  load({ window: w, entry, consent, src, loadScript }) {
    if (entry.limitedDataUse && consent.mode == 'opt-out') w.fbq('dataProcessingOptions', ['LDU'], 0, 0);
    w.fbq('init', entry.id);
    w.fbq('track', 'PageView');
    loadScript(src('https://connect.facebook.net/en_US/fbevents.js'));
  },
  onChange({ window: w, category, state, previous }) {
    if (!state[category] != !previous![category]) w.fbq('consent', state[category] ? 'grant' : 'revoke');
  },
});
