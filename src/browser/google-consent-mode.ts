// Google Consent Mode v2: consent defaults before any Google tag, then an update per change.
// Types and calls: support.google.com/tagmanager/answer/13802165 and
// developers.google.com/tag-platform/security/guides/consent.
import type { Consent, ConsentState, GoogleConsentModeOptions } from '../core/types';
import { internalsOf } from '../core/internals';
import { hasOwn } from '../core/has-own';
import { noOptions } from '../core/config/own-copy';

/** The page's `gtag()` function. */
export type Gtag = (...args: unknown[]) => void;

/**
 * The page's `gtag()`: `window.gtag` when the page has one, else a function that pushes its
 * `arguments` object to `window.dataLayer` (and becomes `window.gtag`). gtag.js and GTM read a
 * dataLayer entry as a command only when it is an `arguments` object; a plain array is
 * silently ignored (nuxt/scripts#770), so no rest parameters here. Shared by Consent Mode and
 * the gtag.js presets, so both write to the same queue the same way.
 * ```ts
 * pageGtag(window)('config', 'G-ABC123')
 * ```
 */
export function pageGtag(page: Window & { dataLayer?: unknown[]; gtag?: Gtag }): Gtag {
  if (!page.gtag)
    page.gtag = function () {
      (page.dataLayer = page.dataLayer || []).push(arguments);
    };
  return page.gtag;
}

/** Consent types from category state: essential → security, custom categories by `google`. */
function consentTypes(consent: Consent, state: ConsentState): Record<string, string> {
  // Own properties: the denied default is computed from an empty state, which must not pick up
  // what another script put on Object.prototype (`analytics: true`).
  const on = (category: string): boolean => hasOwn(state, category) && state[category] === true;
  const value = (category: string) => (on(category) ? 'granted' : 'denied');
  const ads = value('advertising');
  const result: Record<string, string> = {
    ad_storage: ads,
    ad_user_data: ads,
    ad_personalization: ads,
    analytics_storage: value('analytics'),
    functionality_storage: 'denied',
    personalization_storage: 'denied',
    security_storage: 'granted',
  };
  for (const category of internalsOf(consent).categories)
    if (on(category.name)) for (const type of category.google) result[type] = 'granted';
  return result;
}

/**
 * Pushes `gtag('consent', 'default', …)` (all denied but `security_storage`), then an `update`
 * from the current state when the visitor has decided or something is granted, and another
 * `update` on every change. Active when a preset is a Google tag or `googleConsentMode` is set,
 * never when it is `false`. With `urlPassthrough`, `gtag('set', 'url_passthrough', true)` goes
 * with the default; `ads_data_redaction` follows `ad_storage` unless `adsDataRedaction` fixes it.
 * Returns the function that stops the updates (nothing when it is not active).
 * ```ts
 * const stop = startGoogleConsentMode(consent) // before any Google tag loads
 * ```
 */
export function startGoogleConsentMode(consent: Consent): (() => void) | void {
  try {
    const option = internalsOf(consent).config.googleConsentMode;
    if (option === false || !(option || internalsOf(consent).presets.some((preset) => preset.definition.google)))
      return;
    const options: GoogleConsentModeOptions = typeof option == 'object' ? option : noOptions();
    const gtag = pageGtag(window as Window & { gtag?: Gtag });

    // Redacts ad click ids in Google requests while ad_storage is denied (or as configured);
    // set with the default, then again only when the value changes.
    let redacted: boolean | undefined;
    const setRedaction = (adStorage: string): void => {
      if (options.adsDataRedaction === false) return;
      const next = options.adsDataRedaction ?? adStorage == 'denied';
      if (next === redacted) return;
      redacted = next;
      gtag('set', 'ads_data_redaction', next);
    };
    const tell = (command: 'default' | 'update', types: Record<string, unknown>): void => {
      gtag('consent', command, types);
      setRedaction(types.ad_storage as string);
    };

    const denied = consentTypes(consent, {});
    tell('default', { ...denied, wait_for_update: options.waitForUpdate ?? 500 });
    if (options.urlPassthrough) gtag('set', 'url_passthrough', true);
    const update = (state: ConsentState): void => tell('update', consentTypes(consent, state));
    // A stored decision, or a default that grants something (opt-out mode), is told at once.
    const grantsSomething = JSON.stringify(consentTypes(consent, consent.state)) != JSON.stringify(denied);
    if (consent.decided || grantsSomething) update(consent.state);
    // Ahead of the presets' own change listeners (subscribed after this), so an update reaches
    // gtag before a newly granted Google tag loads.
    return internalsOf(consent).onVendorChange(update);
  } catch (error) {
    console.error('consentry: Google Consent Mode could not start', error);
  }
}
