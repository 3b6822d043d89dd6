// Danish texts: built into dist/i18n/da.js and fetched only when the page needs da.
import type { LanguageTexts } from './en';

const texts: LanguageTexts = {
  title: 'Cookies på denne hjemmeside',
  text: 'Vi bruger kun cookies til statistik og markedsføring med dit samtykke, som du når som helst kan ændre.',
  acceptAll: 'Accepter alle',
  rejectAll: 'Afvis alle',
  customize: 'Tilpas',
  privacyPolicy: 'Privatlivspolitik',
  noticeText:
    'Vi og vores partnere bruger cookies til statistik og markedsføring, hvilket kan betragtes som salg eller deling af dine personoplysninger.',
  doNotSell: 'Sælg eller del ikke mine personoplysninger',
  prefsTitle: 'Privatlivsindstillinger',
  prefsText: 'Vælg, hvilke cookies vi må bruge. Nødvendige cookies er altid slået til.',
  save: 'Gem valg',
  close: 'Luk',
  alwaysOn: 'Altid slået til',
  services: 'Tjenester og cookies',
  cookieName: 'Cookie',
  purpose: 'Formål',
  lifetime: 'Udløb',
  optOut: 'Fravalg',
  signal: 'Dit fravalgssignal er respekteret',
  reopen: 'Privatlivsindstillinger',
  regionLabel: 'Samtykke til cookies',
  essentialLabel: 'Nødvendige',
  essentialDescription: 'Kræves for at hjemmesiden kan fungere, for eksempel for at huske disse valg.',
  analyticsLabel: 'Statistik',
  analyticsDescription: 'Viser os, hvordan hjemmesiden bruges, så vi kan forbedre den.',
  advertisingLabel: 'Markedsføring',
  advertisingDescription: 'Lader annoncepartnere måle kampagner og vise dig relevante annoncer.',
  // Placeholders of held embeds (shown by consentry.js, which loads this file for them).
  embedBlocked: 'Dette indhold er blokeret, indtil du tillader {category}',
  embedAllow: 'Tillad {category}',
  embedOnce: 'Indlæs kun denne gang',
};
export default texts;
