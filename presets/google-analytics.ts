import { checkOption, definePreset } from 'consentry';
import { defineGtag, loadGtag } from './load-gtag';

export interface GoogleAnalyticsOptions {
  /** GA4 measurement id (`G-` and 4–12 letters or digits), under Admin › Data streams. */
  id: string;
}

/**
 * Google Analytics 4 through gtag.js. Consent Mode v2 defaults are pushed by the core before
 * any Google tag can load; the tag itself loads only once `analytics` is granted (basic mode).
 * ```ts
 * createConsent({ presets: [googleAnalytics({ id: 'G-ABC123' })] })
 * ```
 */
export const googleAnalytics = /* @__PURE__ */ definePreset<GoogleAnalyticsOptions>({
  name: 'google-analytics',
  label: 'Google Analytics',
  category: 'analytics',
  vendor: {
    name: 'Google',
    privacyPolicy: 'https://policies.google.com/privacy',
    optOut: 'https://tools.google.com/dlpage/gaoptout',
  },
  google: true,
  // developers.google.com/analytics/devguides/collection/gtagjs; GA4 hits go to /g/collect.
  hosts: ['www.googletagmanager.com/gtag/', 'google-analytics.com', 'analytics.google.com'],
  // support.google.com/analytics/answer/11397207
  cookies: [
    { name: '_ga', purpose: 'Distinguishes visitors', lifetime: '2 years' },
    { name: '_ga_*', purpose: 'Session state', lifetime: '2 years' },
  ],
  options: ['id'],
  validate: (entry) => checkOption(entry, /^G-[A-Z0-9]{4,12}$/, 'a GA4 measurement id like "G-ABC123"'),
  setup: defineGtag,
  load: loadGtag,
});
