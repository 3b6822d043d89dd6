import { checkOption, definePreset } from 'consentry';

export interface GoogleMapsOptions {
  /**
   * A Maps JavaScript API key (`AIza…`, 39 characters) from the Google Cloud console. With it,
   * the preset loads the API once the category is granted; without it, only embeds are gated.
   */
  apiKey?: string;
  /** Name of the page's global function the API calls when ready (`initMap`, `app.initMap`). */
  callback?: string;
}

/**
 * Google Maps: embeds (`<iframe data-consent="advertising"
 * data-src="https://www.google.com/maps/embed?pb=…">`) and the Maps JavaScript API, loaded the
 * way Google's direct script tag does it:
 * `https://maps.googleapis.com/maps/api/js?key=KEY&loading=async&callback=initMap`
 * (developers.google.com/maps/documentation/javascript/load-maps-js-api). Default category
 * `advertising`: maps on google.com carry Google's cookies, which serve ad personalisation
 * (policies.google.com/technologies/cookies). No consent API; the placeholder shows no static
 * map image (a request to Google).
 * ```ts
 * createConsent({ presets: [googleMaps({ apiKey: 'AIza…', callback: 'initMap' })] })
 * ```
 */
export const googleMaps = /* @__PURE__ */ definePreset<GoogleMapsOptions>({
  name: 'google-maps',
  label: 'Google Maps',
  category: 'advertising',
  vendor: {
    name: 'Google',
    privacyPolicy: 'https://policies.google.com/privacy',
    optOut: 'https://myadcenter.google.com/',
  },
  // The JS API and its tiles (maps.googleapis.com, maps.gstatic.com), embeds on google.com.
  hosts: ['maps.googleapis.com', 'maps.gstatic.com', 'www.google.com/maps', 'maps.google.com'],
  cookies: [
    { name: 'NID', purpose: 'Google preferences and ad personalisation', lifetime: '6 months', thirdParty: true },
  ],
  options: ['apiKey', 'callback'],
  validate: (entry) =>
    (entry.apiKey === undefined
      ? []
      : checkOption(entry, /^AIza[\w-]{35}$/, 'a Maps API key like "AIza…"', 'apiKey')
    ).concat(
      entry.callback === undefined
        ? []
        : checkOption(
            entry,
            /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/,
            'a global function name like "initMap"',
            'callback',
          ),
    ),
  load({ entry, src, loadScript }) {
    if (!entry.apiKey) return;
    const callback = entry.callback ? '&callback=' + entry.callback : '';
    loadScript(src(`https://maps.googleapis.com/maps/api/js?key=${entry.apiKey}&loading=async${callback}`));
  },
});
