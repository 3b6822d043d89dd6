import { checkOption, definePreset } from 'consentry';

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
 * (developers.facebook.com/docs/meta-pixel/implementation/data-processing-options).
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
  load({ window: page, entry, src, loadScript }) {
    // Meta's base code: a queue until fbevents.js takes over; a second pixel only adds `init`.
    if (!page.fbq) {
      const fbq: any =
        (page.fbq =
        page._fbq =
          function () {
            if (fbq.callMethod) fbq.callMethod.apply(fbq, arguments);
            else fbq.queue.push(arguments);
          });
      Object.assign(fbq, { push: fbq, loaded: true, version: '2.0', queue: [] });
      loadScript(src('https://connect.facebook.net/en_US/fbevents.js'));
    }
    if (entry.limitedDataUse) page.fbq('dataProcessingOptions', ['LDU'], 0, 0);
    page.fbq('init', entry.id);
    page.fbq('track', 'PageView');
  },
  onChange({ window: page, granted }) {
    // Before the first load there is no pixel to tell.
    if (page.fbq) page.fbq('consent', granted ? 'grant' : 'revoke');
  },
});
