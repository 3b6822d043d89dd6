// Danish texts: built into dist/i18n/da.js and fetched only when the page needs da.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Cookies på denne hjemmeside',
  text: 'Vi bruger cookies og lignende teknologier til statistik og markedsføring, men kun hvis du giver samtykke. Du kan acceptere alle, afvise alle eller selv vælge, hvad du tillader, og ændre dit valg når som helst.',
  'accept-all': 'Accepter alle',
  'reject-all': 'Afvis alle',
  preferences: 'Tilpas',
  privacyPolicy: 'Privatlivspolitik',
  noticeTitle: 'Dine privatlivsvalg',
  noticeText: 'Vi og vores partnere bruger cookies til statistik og markedsføring, hvilket kan betragtes som salg eller deling af dine personoplysninger. Du kan til enhver tid frabede dig det.',
  ok: 'OK',
  'do-not-sell': 'Sælg eller del ikke mine personoplysninger',
  optedOut: 'Du har frabedt dig salg og deling af dine personoplysninger.',
  prefsTitle: 'Privatlivsindstillinger',
  prefsText: 'Vælg, hvilke cookies og lignende teknologier vi må bruge. Nødvendige cookies er altid slået til, fordi hjemmesiden ikke kan fungere uden dem.',
  save: 'Gem valg',
  close: 'Luk',
  alwaysOn: 'Altid slået til',
  services: 'Tjenester og cookies',
  lifetime: 'Opbevaringsperiode',
  signal: 'Dit fravalgssignal er respekteret',
  reopen: 'Privatlivsindstillinger',
  'categories.essential.label': 'Nødvendige',
  'categories.essential.description': 'Kræves for at hjemmesiden kan fungere, for eksempel for at huske dine privatlivsvalg. De kan ikke slås fra.',
  'categories.analytics.label': 'Statistik',
  'categories.analytics.description': 'Hjælper os med at forstå, hvordan hjemmesiden bruges, så vi kan forbedre den.',
  'categories.advertising.label': 'Markedsføring',
  'categories.advertising.description': 'Lader annoncepartnere måle kampagner og vise dig relevante annoncer på andre hjemmesider.',
};
export default texts;
