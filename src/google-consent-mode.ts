// Google Consent Mode v2: consent defaults before any Google tag, then an update per change.
// Types and calls: support.google.com/tagmanager/answer/13802165 and
// developers.google.com/tag-platform/security/guides/consent.
import type { Consent, ConsentState } from './types';

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
    const types = (state: ConsentState): Record<string, unknown> => {
      const value = (on: boolean | undefined) => (on ? 'granted' : 'denied');
      const ads = value(state.advertising);
      const result: Record<string, unknown> = {
        ad_storage: ads,
        ad_user_data: ads,
        ad_personalization: ads,
        analytics_storage: value(state.analytics),
        functionality_storage: 'denied',
        personalization_storage: 'denied',
        security_storage: 'granted',
      };
      for (const category of consent.categories)
        if (state[category.name]) for (const type of category.google) result[type] = 'granted';
      return result;
    };

    // Redacts ad click ids in Google requests while ad_storage is denied; set with the
    // default, then again whenever that changes.
    let redacted: boolean | undefined;
    const tell = (command: string, next: Record<string, unknown>): void => {
      gtag('consent', command, next);
      if (redacted !== (redacted = next.ad_storage == 'denied')) gtag('set', 'ads_data_redaction', redacted);
    };
    const denied = types({});
    tell('default', {
      ...denied,
      wait_for_update: (option as { waitForUpdate?: number } | undefined)?.waitForUpdate ?? 500,
    });
    const update = (state: ConsentState): void => tell('update', types(state));
    // A stored decision, or a default that grants something (opt-out mode), is told at once.
    if (consent.decided || JSON.stringify(types(consent.state)) != JSON.stringify(denied)) update(consent.state);
    consent.on('change', update);
  } catch (error) {
    console.error('consentry: Google Consent Mode could not start', error);
  }
}
