import { checkOption, definePreset, type ConsentState } from 'consentry';
import { ahead, defineQueue, firstLoad } from './vendor-queue';

export interface MicrosoftClarityOptions {
  /** Project id from Clarity › Settings › Overview: 8–12 lower-case letters and digits (`abcdef1234`). */
  id: string;
}

const value = (on: unknown) => (on ? 'granted' : 'denied');

/**
 * Microsoft Clarity (heatmaps, session recordings), loaded once `analytics` is granted: it
 * records how visitors use the page. Clarity's tag loader is a queueing `clarity()` and
 * https://www.clarity.ms/tag/<id> (learn.microsoft.com/clarity/setup-and-installation/clarity-setup).
 * Since 31 October 2025 Clarity requires a consent signal for EEA, UK and Swiss visitors: the
 * Consent API v2 call `clarity('consentv2', { ad_Storage, analytics_Storage })` goes out right
 * after the tag and again on every consent change; `analytics_Storage` follows this preset's
 * category, `ad_Storage` the `advertising` category
 * (learn.microsoft.com/clarity/clarity-consent-api-v2). Denied, Clarity sets no cookies.
 * ```ts
 * createConsent({ presets: [microsoftClarity({ id: 'abcdef1234' })] })
 * ```
 */
export const microsoftClarity = /* @__PURE__ */ definePreset<MicrosoftClarityOptions>({
  name: 'microsoft-clarity',
  label: 'Microsoft Clarity',
  category: 'analytics',
  vendor: {
    name: 'Microsoft',
    privacyPolicy: 'https://privacy.microsoft.com/privacystatement',
    optOut: 'https://account.microsoft.com/privacy/ad-settings',
  },
  // The tag (www.clarity.ms), the recorder (scripts.clarity.ms) and its collectors (*.clarity.ms).
  hosts: ['clarity.ms'],
  // learn.microsoft.com/clarity/setup-and-installation/cookie-consent (the cookies Clarity sets)
  cookies: [
    { name: '_clck', purpose: 'Clarity user id and preferences', lifetime: '1 year' },
    { name: '_clsk', purpose: 'Joins page views into one recording', lifetime: '1 day' },
  ],
  options: ['id'],
  validate: (entry) => checkOption(entry, /^[a-z0-9]{8,12}$/, 'a Clarity project id like "abcdef1234"'),
  setup({ window: page }) {
    // Clarity's tag loader without its script tag: `clarity()` queues until the tag takes over.
    const clarity = function () {
      (clarity.q = clarity.q || []).push(arguments);
    } as ((...args: unknown[]) => void) & { q?: unknown[] };
    defineQueue(page, 'clarity', clarity);
  },
  load({ window: page, entry, src, loadScript, consent, category }) {
    const first = firstLoad(page, 'clarity');
    loadScript(src('https://www.clarity.ms/tag/' + entry.id));
    const tell = (state: ConsentState): void =>
      page.clarity('consentv2', { ad_Storage: value(state.advertising), analytics_Storage: value(state[category]) });
    // The consent signal goes ahead of what site code queued before consent.
    ahead(first && page.clarity.q, () => tell(consent.state));
    // Every change, not only this category's: ad_Storage follows `advertising`.
    consent.on('change', tell);
  },
});
