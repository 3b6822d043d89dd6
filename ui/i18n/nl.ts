// Dutch texts: built into dist/i18n/nl.js and fetched only when the page needs nl.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Cookies op deze website',
  text: 'We gebruiken cookies en vergelijkbare technieken voor statistieken en advertenties, maar alleen als u daarmee instemt. U kunt alles accepteren, alles weigeren of zelf kiezen wat u toestaat, en uw keuze altijd wijzigen.',
  'accept-all': 'Alles accepteren',
  'reject-all': 'Alles weigeren',
  preferences: 'Aanpassen',
  privacyPolicy: 'Privacybeleid',
  noticeTitle: 'Uw privacykeuzes',
  noticeText: 'Wij en onze partners gebruiken cookies voor statistieken en advertenties. Dat kan gelden als verkoop of delen van uw persoonsgegevens. U kunt daar altijd bezwaar tegen maken.',
  ok: 'OK',
  'do-not-sell': 'Mijn persoonsgegevens niet verkopen of delen',
  optedOut: 'U heeft bezwaar gemaakt tegen de verkoop en het delen van uw persoonsgegevens.',
  prefsTitle: 'Privacyvoorkeuren',
  prefsText: 'Kies welke cookies en vergelijkbare technieken we mogen gebruiken. Noodzakelijke cookies staan altijd aan, omdat de website niet zonder kan.',
  save: 'Keuzes opslaan',
  close: 'Sluiten',
  alwaysOn: 'Altijd aan',
  services: 'Diensten en cookies',
  lifetime: 'Bewaartermijn',
  signal: 'Opt-outsignaal gerespecteerd',
  reopen: 'Privacy-instellingen',
  'categories.essential.label': 'Noodzakelijk',
  'categories.essential.description': 'Nodig om de website te laten werken, bijvoorbeeld om uw privacykeuzes te onthouden. Deze kunnen niet worden uitgeschakeld.',
  'categories.analytics.label': 'Statistieken',
  'categories.analytics.description': 'Helpen ons te begrijpen hoe de website wordt gebruikt, zodat we die kunnen verbeteren.',
  'categories.advertising.label': 'Advertenties',
  'categories.advertising.description': 'Laten advertentiepartners campagnes meten en u relevante advertenties tonen op andere websites.',
};
export default texts;
