import { checkOption, definePreset } from 'consentry';
import { defineGtag, loadGtag } from './load-gtag';

export interface GoogleAdsOptions {
  /** Google Ads tag id: `AW-` and digits, under Tools › Data manager › Google tag. */
  id: string;
}

/**
 * Google Ads conversion tracking and remarketing through gtag.js (shares the loader with
 * Google Analytics). Consent Mode v2 forwards `ad_storage`, `ad_user_data`, `ad_personalization`.
 * ```ts
 * createConsent({ presets: [googleAds({ id: 'AW-123456789' })] })
 * ```
 */
export const googleAds = /* @__PURE__ */ definePreset<GoogleAdsOptions>({
  name: 'google-ads',
  label: 'Google Ads',
  category: 'advertising',
  vendor: {
    name: 'Google',
    privacyPolicy: 'https://policies.google.com/privacy',
    optOut: 'https://myadcenter.google.com/',
  },
  google: true,
  // Google publishes no exhaustive list; these serve the tag and its conversion beacons.
  hosts: ['www.googletagmanager.com/gtag/', 'googleadservices.com', 'doubleclick.net', 'www.google.com/pagead/'],
  // support.google.com/tagmanager/answer/13802165 documents the `_gcl_*` family.
  cookies: [
    { name: '_gcl_*', purpose: 'Ad clicks and conversions', lifetime: '90 days' },
    { name: '_gac_*', purpose: 'Campaign of an ad click', lifetime: '90 days' },
  ],
  options: ['id'],
  validate: (entry) => checkOption(entry, /^AW-\d+$/, 'a Google Ads tag id like "AW-123456789"'),
  setup: defineGtag,
  load: loadGtag,
});
