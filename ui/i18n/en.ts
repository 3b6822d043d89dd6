// English texts, built into the UI. Every other language is a separate file with the same
// keys (the `Texts` type makes TypeScript check that none is missing). Category texts use
// the config's own paths (`categories.analytics.label`) so `ui.texts` reads like the config.
export const en = {
  title: 'Cookies on this site',
  text: 'We use cookies for analytics and advertising only if you agree. Accept all, reject all or choose what to allow; you can change your mind at any time.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Customize',
  privacyPolicy: 'Privacy policy',
  noticeTitle: 'Your privacy choices',
  noticeText: 'We and our partners use cookies for analytics and advertising, which may count as selling or sharing your personal information. You can opt out at any time.',
  ok: 'OK',
  doNotSell: 'Do Not Sell or Share My Personal Information',
  optedOut: 'You opted out of the sale and sharing of your personal information.',
  prefsTitle: 'Privacy preferences',
  prefsText: 'Choose which cookies we may use. Essential ones are always on: the site cannot work without them.',
  save: 'Save choices',
  close: 'Close',
  alwaysOn: 'Always on',
  services: 'Services and cookies',
  lifetime: 'Lifetime',
  signal: 'Opt-out preference signal honoured',
  reopen: 'Privacy settings',
  'categories.essential.label': 'Essential',
  'categories.essential.description': 'Needed for the site to work, such as remembering your privacy choices.',
  'categories.analytics.label': 'Analytics',
  'categories.analytics.description': 'Help us understand how the site is used, so we can improve it.',
  'categories.advertising.label': 'Advertising',
  'categories.advertising.description': 'Let ad partners measure campaigns and show you relevant ads on other sites.',
};

/** Every text key of the UI; `ui.texts` may override any of them per language. */
export type Texts = typeof en;
