// Dutch texts: built into dist/i18n/nl.js and fetched only when the page needs nl.
import type { LanguageTexts } from './en';

const texts: LanguageTexts = {
  title: 'Cookies op deze website',
  text: 'We gebruiken cookies voor statistieken en advertenties alleen met uw toestemming, die u altijd kunt wijzigen.',
  acceptAll: 'Alles accepteren',
  rejectAll: 'Alles weigeren',
  customize: 'Aanpassen',
  privacyPolicy: 'Privacybeleid',
  noticeText:
    'Wij en onze partners gebruiken cookies voor statistieken en advertenties. Dat kan gelden als verkoop of delen van uw persoonsgegevens.',
  doNotSell: 'Mijn persoonsgegevens niet verkopen of delen',
  prefsTitle: 'Privacyvoorkeuren',
  prefsText: 'Kies welke cookies we mogen gebruiken. Noodzakelijke cookies staan altijd aan.',
  save: 'Keuzes opslaan',
  close: 'Sluiten',
  alwaysOn: 'Altijd aan',
  services: 'Diensten en cookies',
  cookieName: 'Cookie',
  purpose: 'Doel',
  lifetime: 'Bewaartermijn',
  optOut: 'Afmelden',
  signal: 'Opt-outsignaal gerespecteerd',
  reopen: 'Privacy-instellingen',
  regionLabel: 'Cookietoestemming',
  essentialLabel: 'Noodzakelijk',
  essentialDescription: 'Nodig om de website te laten werken, bijvoorbeeld om deze keuzes te onthouden.',
  analyticsLabel: 'Statistieken',
  analyticsDescription: 'Laten ons zien hoe de website wordt gebruikt, zodat we die kunnen verbeteren.',
  advertisingLabel: 'Advertenties',
  advertisingDescription: 'Laten advertentiepartners campagnes meten en u relevante advertenties tonen.',
  // Placeholders of held embeds (shown by consentry.js, which loads this file for them).
  embedBlocked: 'Deze inhoud is geblokkeerd tot u {category} toestaat',
  embedAllow: '{category} toestaan',
  embedOnce: 'Alleen deze keer laden',
};
export default texts;
