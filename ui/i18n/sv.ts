// Swedish texts: built into dist/i18n/sv.js and fetched only when the page needs sv.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Cookies på den här webbplatsen',
  text: 'Vi använder cookies för statistik och annonsering bara med ditt samtycke, som du kan ändra när som helst.',
  'accept-all': 'Godkänn alla',
  'reject-all': 'Avvisa alla',
  preferences: 'Anpassa',
  privacyPolicy: 'Integritetspolicy',
  noticeText: 'Vi och våra partner använder cookies för statistik och annonsering, vilket kan räknas som försäljning eller delning av dina personuppgifter.',
  ok: 'OK',
  'do-not-sell': 'Sälj eller dela inte mina personuppgifter',
  optedOut: 'Dina personuppgifter kommer inte att säljas eller delas.',
  prefsTitle: 'Integritetsinställningar',
  prefsText: 'Välj vilka cookies vi får använda. Nödvändiga är alltid på.',
  save: 'Spara val',
  close: 'Stäng',
  alwaysOn: 'Alltid på',
  services: 'Tjänster och cookies',
  signal: 'Din signal om att avböja har respekterats',
  reopen: 'Integritetsinställningar',
  'categories.essential.label': 'Nödvändiga',
  'categories.essential.description': 'Behövs för att webbplatsen ska fungera, till exempel för att komma ihåg dessa val.',
  'categories.analytics.label': 'Statistik',
  'categories.analytics.description': 'Visar oss hur webbplatsen används så att vi kan förbättra den.',
  'categories.advertising.label': 'Annonsering',
  'categories.advertising.description': 'Låter annonspartner mäta kampanjer och visa dig relevanta annonser.',
};
export default texts;
