// English texts, built into the UI. Every other language is a separate file with the same
// keys (the `Texts` type makes TypeScript check that none is missing). Category texts are
// `<category>Label` and `<category>Description`, for custom categories in `ui.texts` too.

import type { PlaceholderTexts } from 'consentry';

/** Every text key of the UI; `ui.texts` may override any of them per language. */
export interface Texts {
  title: string;
  text: string;
  acceptAll: string;
  rejectAll: string;
  customize: string;
  privacyPolicy: string;
  noticeText: string;
  doNotSell: string;
  prefsTitle: string;
  prefsText: string;
  save: string;
  close: string;
  alwaysOn: string;
  services: string;
  cookieName: string;
  purpose: string;
  lifetime: string;
  optOut: string;
  signal: string;
  reopen: string;
  /** The accessible name of the UI's host element while the banner shows (a `region` landmark). */
  regionLabel: string;
  essentialLabel: string;
  essentialDescription: string;
  analyticsLabel: string;
  analyticsDescription: string;
  advertisingLabel: string;
  advertisingDescription: string;
}

export const en: Texts = {
  title: 'Cookies on this site',
  text: 'We use cookies for analytics and advertising only with your consent, which you can change at any time.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Customize',
  privacyPolicy: 'Privacy policy',
  noticeText:
    'We and our partners use cookies for analytics and advertising, which may count as selling or sharing your personal information.',
  doNotSell: 'Do Not Sell or Share My Personal Information',
  prefsTitle: 'Privacy preferences',
  prefsText: 'Choose which cookies we may use. Essential ones are always on.',
  save: 'Save choices',
  close: 'Close',
  alwaysOn: 'Always on',
  services: 'Services and cookies',
  cookieName: 'Cookie',
  purpose: 'Purpose',
  lifetime: 'Lifetime',
  optOut: 'Opt out',
  signal: 'Opt-out preference signal honoured',
  reopen: 'Privacy settings',
  regionLabel: 'Cookie consent',
  essentialLabel: 'Essential',
  essentialDescription: 'Needed for the site to work, such as remembering these choices.',
  analyticsLabel: 'Analytics',
  analyticsDescription: 'Show us how the site is used, so we can improve it.',
  advertisingLabel: 'Advertising',
  advertisingDescription: 'Let ad partners measure campaigns and show you relevant ads.',
};

/**
 * Texts of held-embed placeholders. English ones live in consentry.js itself (gating), so they
 * are not part of the UI bundle; the other languages carry them for consentry.js to load.
 */
export type EmbedTexts = PlaceholderTexts;

/** What a language file holds: every UI text and the embed placeholder texts. */
export type LanguageTexts = { [key in keyof Texts | keyof EmbedTexts]: string };
