// Dutch texts: built into dist/i18n/nl.js and fetched only when the page needs nl.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Cookies op deze website',
  text: 'We gebruiken cookies voor statistieken en advertenties alleen met uw toestemming, die u altijd kunt wijzigen.',
  'accept-all': 'Alles accepteren',
  'reject-all': 'Alles weigeren',
  preferences: 'Aanpassen',
  privacyPolicy: 'Privacybeleid',
  noticeText: 'Wij en onze partners gebruiken cookies voor statistieken en advertenties. Dat kan gelden als verkoop of delen van uw persoonsgegevens.',
  ok: 'OK',
  'do-not-sell': 'Mijn persoonsgegevens niet verkopen of delen',
  optedOut: 'Uw persoonsgegevens worden niet verkocht of gedeeld.',
  prefsTitle: 'Privacyvoorkeuren',
  prefsText: 'Kies welke cookies we mogen gebruiken. Noodzakelijke cookies staan altijd aan.',
  save: 'Keuzes opslaan',
  close: 'Sluiten',
  alwaysOn: 'Altijd aan',
  services: 'Diensten en cookies',
  signal: 'Opt-outsignaal gerespecteerd',
  reopen: 'Privacy-instellingen',
  'categories.essential.label': 'Noodzakelijk',
  'categories.essential.description': 'Nodig om de website te laten werken, bijvoorbeeld om deze keuzes te onthouden.',
  'categories.analytics.label': 'Statistieken',
  'categories.analytics.description': 'Laten ons zien hoe de website wordt gebruikt, zodat we die kunnen verbeteren.',
  'categories.advertising.label': 'Advertenties',
  'categories.advertising.description': 'Laten advertentiepartners campagnes meten en u relevante advertenties tonen.',
};
export default texts;
