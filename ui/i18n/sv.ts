// Swedish texts: built into dist/i18n/sv.js and fetched only when the page needs sv.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Cookies på den här webbplatsen',
  text: 'Vi använder cookies och liknande tekniker för statistik och annonsering bara om du godkänner det. Du kan godkänna alla, avvisa alla eller välja vad du tillåter, och ändra dig när som helst.',
  'accept-all': 'Godkänn alla',
  'reject-all': 'Avvisa alla',
  preferences: 'Anpassa',
  privacyPolicy: 'Integritetspolicy',
  noticeTitle: 'Dina integritetsval',
  noticeText: 'Vi och våra partner använder cookies för statistik och annonsering, vilket kan räknas som försäljning eller delning av dina personuppgifter. Du kan invända när som helst.',
  ok: 'OK',
  'do-not-sell': 'Sälj eller dela inte mina personuppgifter',
  optedOut: 'Du har invänt mot försäljning och delning av dina personuppgifter.',
  prefsTitle: 'Integritetsinställningar',
  prefsText: 'Välj vilka cookies och liknande tekniker vi får använda. Nödvändiga är alltid på eftersom webbplatsen inte fungerar utan dem.',
  save: 'Spara val',
  close: 'Stäng',
  alwaysOn: 'Alltid på',
  services: 'Tjänster och cookies',
  lifetime: 'Lagringstid',
  signal: 'Din signal om att avböja har respekterats',
  reopen: 'Integritetsinställningar',
  'categories.essential.label': 'Nödvändiga',
  'categories.essential.description': 'Behövs för att webbplatsen ska fungera, till exempel för att komma ihåg dina integritetsval. De kan inte stängas av.',
  'categories.analytics.label': 'Statistik',
  'categories.analytics.description': 'Hjälper oss att förstå hur webbplatsen används så att vi kan förbättra den.',
  'categories.advertising.label': 'Annonsering',
  'categories.advertising.description': 'Låter annonspartner mäta kampanjer och visa dig relevanta annonser på andra webbplatser.',
};
export default texts;
