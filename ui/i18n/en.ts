// English texts, built into the UI. Every other language is a separate file with the same
// keys (the `Texts` type makes TypeScript check that none is missing). Category texts use
// the config's own paths (`categories.analytics.label`) so `ui.texts` reads like the config.
export const en = {
  title: 'Cookies on this site',
  text: 'We use cookies for analytics and advertising only with your consent, which you can change at any time.',
  'accept-all': 'Accept all',
  'reject-all': 'Reject all',
  preferences: 'Customize',
  privacyPolicy: 'Privacy policy',
  noticeText: 'We and our partners use cookies for analytics and advertising, which may count as selling or sharing your personal information.',
  ok: 'OK',
  'do-not-sell': 'Do Not Sell or Share My Personal Information',
  optedOut: 'Your personal information will not be sold or shared.',
  prefsTitle: 'Privacy preferences',
  prefsText: 'Choose which cookies we may use. Essential ones are always on.',
  save: 'Save choices',
  close: 'Close',
  alwaysOn: 'Always on',
  services: 'Services and cookies',
  signal: 'Opt-out preference signal honoured',
  reopen: 'Privacy settings',
  'categories.essential.label': 'Essential',
  'categories.essential.description': 'Needed for the site to work, such as remembering these choices.',
  'categories.analytics.label': 'Analytics',
  'categories.analytics.description': 'Show us how the site is used, so we can improve it.',
  'categories.advertising.label': 'Advertising',
  'categories.advertising.description': 'Let ad partners measure campaigns and show you relevant ads.',
};

/** Every text key of the UI; `ui.texts` may override any of them per language. */
export type Texts = typeof en;
