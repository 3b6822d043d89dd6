// Polish texts: built into dist/i18n/pl.js and fetched only when the page needs pl.
import type { LanguageTexts } from './en';

const texts: LanguageTexts = {
  title: 'Pliki cookie w tej witrynie',
  text: 'Używamy plików cookie do celów analitycznych i reklamowych wyłącznie za Twoją zgodą, którą możesz w każdej chwili zmienić.',
  acceptAll: 'Zaakceptuj wszystkie',
  rejectAll: 'Odrzuć wszystkie',
  customize: 'Dostosuj',
  privacyPolicy: 'Polityka prywatności',
  noticeText:
    'My i nasi partnerzy używamy plików cookie do celów analitycznych i reklamowych, co może oznaczać sprzedaż lub udostępnianie Twoich danych osobowych.',
  doNotSell: 'Nie sprzedawaj ani nie udostępniaj moich danych osobowych',
  prefsTitle: 'Ustawienia prywatności',
  prefsText: 'Wybierz, których plików cookie możemy używać. Niezbędne są zawsze włączone.',
  save: 'Zapisz wybór',
  close: 'Zamknij',
  alwaysOn: 'Zawsze włączone',
  services: 'Usługi i pliki cookie',
  cookieName: 'Plik cookie',
  purpose: 'Cel',
  lifetime: 'Okres przechowywania',
  optOut: 'Rezygnacja',
  signal: 'Uwzględniono sygnał rezygnacji (opt-out)',
  reopen: 'Ustawienia prywatności',
  regionLabel: 'Zgoda na pliki cookie',
  essentialLabel: 'Niezbędne',
  essentialDescription: 'Potrzebne do działania witryny, na przykład do zapamiętania tych wyborów.',
  analyticsLabel: 'Analityczne',
  analyticsDescription: 'Pokazują nam, jak korzystasz z witryny, abyśmy mogli ją ulepszać.',
  advertisingLabel: 'Reklamowe',
  advertisingDescription: 'Pozwalają partnerom reklamowym mierzyć skuteczność kampanii i wyświetlać Ci trafne reklamy.',
  // Placeholders of held embeds (shown by consentry.js, which loads this file for them).
  embedBlocked: 'Ta treść jest zablokowana, dopóki nie zezwolisz na: {category}',
  embedAllow: 'Zezwól na: {category}',
  embedOnce: 'Załaduj tylko tym razem',
};
export default texts;
