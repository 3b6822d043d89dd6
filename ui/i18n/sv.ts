// Swedish texts: built into dist/i18n/sv.js and fetched only when the page needs sv.
import type { LanguageTexts } from './en';

const texts: LanguageTexts = {
  title: 'Cookies på den här webbplatsen',
  text: 'Vi använder cookies för statistik och annonsering bara med ditt samtycke, som du kan ändra när som helst.',
  acceptAll: 'Godkänn alla',
  rejectAll: 'Avvisa alla',
  customize: 'Anpassa',
  privacyPolicy: 'Integritetspolicy',
  noticeText:
    'Vi och våra partner använder cookies för statistik och annonsering, vilket kan räknas som försäljning eller delning av dina personuppgifter.',
  doNotSell: 'Sälj eller dela inte mina personuppgifter',
  prefsTitle: 'Integritetsinställningar',
  prefsText: 'Välj vilka cookies vi får använda. Nödvändiga är alltid på.',
  save: 'Spara val',
  close: 'Stäng',
  alwaysOn: 'Alltid på',
  services: 'Tjänster och cookies',
  cookieName: 'Cookie',
  purpose: 'Syfte',
  lifetime: 'Lagringstid',
  optOut: 'Välj bort',
  signal: 'Din signal om att avböja har respekterats',
  reopen: 'Integritetsinställningar',
  regionLabel: 'Samtycke till cookies',
  essentialLabel: 'Nödvändiga',
  essentialDescription: 'Behövs för att webbplatsen ska fungera, till exempel för att komma ihåg dessa val.',
  analyticsLabel: 'Statistik',
  analyticsDescription: 'Visar oss hur webbplatsen används så att vi kan förbättra den.',
  advertisingLabel: 'Annonsering',
  advertisingDescription: 'Låter annonspartner mäta kampanjer och visa dig relevanta annonser.',
  // Placeholders of held embeds (shown by consentry.js, which loads this file for them).
  embedBlocked: 'Det här innehållet är blockerat tills du tillåter {category}',
  embedAllow: 'Tillåt {category}',
  embedOnce: 'Ladda bara den här gången',
};
export default texts;
