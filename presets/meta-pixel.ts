import { checkOption, definePreset } from 'consentry';
import { ahead, defineQueue, firstLoad, requested } from './vendor-queue';

export interface MetaPixelOptions {
  /** Pixel (dataset) id from Meta Events Manager: 15–16 digits, as a string. */
  id: string;
  /**
   * Sends `fbq('dataProcessingOptions', ['LDU'], 0, 0)` before `init`: Meta's Limited Data Use
   * for the US states it covers, Meta geolocating the visitor. Meant for opt-out mode.
   * @default false
   */
  limitedDataUse?: boolean;
}

/**
 * Meta (Facebook) Pixel, loaded once `advertising` is granted; later withdrawals and grants
 * are forwarded with `fbq('consent', 'revoke' | 'grant')`
 * (developers.facebook.com/docs/meta-pixel/implementation/gdpr). `limitedDataUse: true` sets
 * Limited Data Use before `init`, letting Meta geolocate visitors to the US states it covers
 * (developers.facebook.com/docs/meta-pixel/implementation/data-processing-options). `fbq`
 * exists from the start (the base code's queue, developers.facebook.com/docs/meta-pixel/get-started):
 * site calls wait in it and reach Meta, after the pixel's `init`, once advertising is granted.
 * ```ts
 * createConsent({ presets: [metaPixel({ id: '1234567890123456', limitedDataUse: true })] })
 * ```
 */
export const metaPixel = /* @__PURE__ */ definePreset<MetaPixelOptions>({
  name: 'meta-pixel',
  label: 'Meta Pixel',
  category: 'advertising',
  vendor: {
    name: 'Meta Platforms',
    privacyPolicy: 'https://www.facebook.com/privacy/policy/',
    optOut: 'https://www.facebook.com/adpreferences/',
  },
  hosts: ['connect.facebook.net'],
  // developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc
  cookies: [
    { name: '_fbp', purpose: 'Identifies the browser', lifetime: '90 days' },
    { name: '_fbc', purpose: 'Last ad click', lifetime: '90 days' },
  ],
  options: ['id', 'limitedDataUse'],
  validate: (entry) =>
    checkOption(entry, /^\d{15,16}$/, 'a Meta pixel id like "1234567890123456"').concat(
      checkOption(entry, 'boolean', 'true or false', 'limitedDataUse'),
    ),
  setup({ window: page }) {
    // Meta's base code without its script tag: `fbq()` queues until fbevents.js takes over, so
    // site code such as `fbq('track', 'Lead')` works before consent and after a refusal.
    const fbq: any = function () {
      if (fbq.callMethod) fbq.callMethod.apply(fbq, arguments);
      else fbq.queue.push(arguments);
    };
    defineQueue(page, 'fbq', Object.assign(fbq, { push: fbq, version: '2.0', queue: [] }));
    page._fbq = page._fbq || page.fbq;
  },
  load({ window: page, entry, src, loadScript }) {
    const fbq = page.fbq;
    // `loaded` is what the base code sets when it adds fbevents.js; a second pixel only adds `init`.
    const first = firstLoad(page, 'fbq');
    if (first) {
      fbq.loaded = true;
      loadScript(src('https://connect.facebook.net/en_US/fbevents.js'));
    }
    ahead(first && fbq.queue, () => {
      if (entry.limitedDataUse) fbq('dataProcessingOptions', ['LDU'], 0, 0);
      fbq('init', entry.id);
      fbq('track', 'PageView');
    });
  },
  onChange({ window: page, granted }) {
    // Before the first load there is no pixel to tell.
    if (requested(page, 'fbq')) page.fbq('consent', granted ? 'grant' : 'revoke');
  },
});
