// Danish texts: built into dist/i18n/da.js and fetched only when the page needs da.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Cookies på denne hjemmeside',
  text: 'Vi bruger kun cookies til statistik og markedsføring med dit samtykke, som du når som helst kan ændre.',
  'accept-all': 'Accepter alle',
  'reject-all': 'Afvis alle',
  preferences: 'Tilpas',
  privacyPolicy: 'Privatlivspolitik',
  noticeText: 'Vi og vores partnere bruger cookies til statistik og markedsføring, hvilket kan betragtes som salg eller deling af dine personoplysninger.',
  ok: 'OK',
  'do-not-sell': 'Sælg eller del ikke mine personoplysninger',
  optedOut: 'Dine personoplysninger bliver ikke solgt eller delt.',
  prefsTitle: 'Privatlivsindstillinger',
  prefsText: 'Vælg, hvilke cookies vi må bruge. Nødvendige cookies er altid slået til.',
  save: 'Gem valg',
  close: 'Luk',
  alwaysOn: 'Altid slået til',
  services: 'Tjenester og cookies',
  signal: 'Dit fravalgssignal er respekteret',
  reopen: 'Privatlivsindstillinger',
  'categories.essential.label': 'Nødvendige',
  'categories.essential.description': 'Kræves for at hjemmesiden kan fungere, for eksempel for at huske disse valg.',
  'categories.analytics.label': 'Statistik',
  'categories.analytics.description': 'Viser os, hvordan hjemmesiden bruges, så vi kan forbedre den.',
  'categories.advertising.label': 'Markedsføring',
  'categories.advertising.description': 'Lader annoncepartnere måle kampagner og vise dig relevante annoncer.',
};
export default texts;
