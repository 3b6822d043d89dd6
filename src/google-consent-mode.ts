// Google Consent Mode v2: consent defaults before any Google tag, then an update per change.
// Types and calls: support.google.com/tagmanager/answer/13802165 and
// developers.google.com/tag-platform/security/guides/consent.
import type { Consent, ConsentState } from './types';

const GRANTED = 'granted';
const DENIED = 'denied';
const AD = 'ad_storage';

/**
 * Pushes `gtag('consent', 'default', …)` (all denied but `security_storage`), then an `update`
 * from the current state when the visitor has decided or something is granted, and another
 * `update` on every change. Active when a preset is a Google tag or `googleConsentMode` is set,
 * never when it is `false`.
 * ```ts
 * startGoogleConsentMode(consent) // before any Google tag loads
 * ```
 */
export function startGoogleConsentMode(consent: Consent): void {
  try {
    const option = consent.config.googleConsentMode;
    if (option === false || !(option || consent.presets.some((preset) => preset.definition.google))) return;
    const w = window as Window & { dataLayer?: unknown[]; gtag?: unknown };
    // gtag.js and GTM read a dataLayer entry as a command only when it is an `arguments`
    // object; arrays are silently ignored (nuxt/scripts#770), so no rest parameters here.
    const gtag = function () {
      (w.dataLayer = w.dataLayer || []).push(arguments);
    } as (...args: unknown[]) => void;
    w.gtag = w.gtag || gtag;

    /** Consent types from category state: essential → security, custom categories by `google`. */
    const types = (state: ConsentState): Record<string, string> => {
      const value = (on: unknown) => (on === true ? GRANTED : DENIED);
      const ads = value(state.advertising);
      const result: Record<string, string> = {
        [AD]: ads,
        ad_user_data: ads,
        ad_personalization: ads,
        analytics_storage: value(state.analytics),
        functionality_storage: DENIED,
        personalization_storage: DENIED,
        security_storage: GRANTED,
      };
      for (const category of consent.categories)
        if (state[category.name] === true) for (const type of category.google || []) result[type] = GRANTED;
      return result;
    };

    const denied = types({});
    const wait = typeof option == 'object' && option.waitForUpdate;
    gtag('consent', 'default', { ...denied, wait_for_update: typeof wait == 'number' ? wait : 500 });
    // Redacts ad click ids in Google requests while ad_storage is denied.
    let redacted = true;
    gtag('set', 'ads_data_redaction', redacted);

    const update = (state: ConsentState): void => {
      const next = types(state);
      gtag('consent', 'update', next);
      if (redacted != (next[AD] == DENIED)) gtag('set', 'ads_data_redaction', (redacted = !redacted));
    };
    const now = types(consent.state);
    if (consent.decided || Object.keys(now).some((type) => now[type] != denied[type])) update(consent.state);
    consent.on('change', update);
  } catch (error) {
    console.error('consentry: Google Consent Mode could not start', error);
  }
}
