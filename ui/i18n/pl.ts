// Polish texts: built into dist/i18n/pl.js and fetched only when the page needs pl.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Pliki cookie w tej witrynie',
  text: 'Używamy plików cookie do celów analitycznych i reklamowych wyłącznie za Twoją zgodą, którą możesz w każdej chwili zmienić.',
  'accept-all': 'Zaakceptuj wszystkie',
  'reject-all': 'Odrzuć wszystkie',
  preferences: 'Dostosuj',
  privacyPolicy: 'Polityka prywatności',
  noticeText: 'My i nasi partnerzy używamy plików cookie do celów analitycznych i reklamowych, co może oznaczać sprzedaż lub udostępnianie Twoich danych osobowych.',
  ok: 'OK',
  'do-not-sell': 'Nie sprzedawaj ani nie udostępniaj moich danych osobowych',
  optedOut: 'Twoje dane osobowe nie będą sprzedawane ani udostępniane.',
  prefsTitle: 'Ustawienia prywatności',
  prefsText: 'Wybierz, których plików cookie możemy używać. Niezbędne są zawsze włączone.',
  save: 'Zapisz wybór',
  close: 'Zamknij',
  alwaysOn: 'Zawsze włączone',
  services: 'Usługi i pliki cookie',
  signal: 'Uwzględniono sygnał rezygnacji (opt-out)',
  reopen: 'Ustawienia prywatności',
  'categories.essential.label': 'Niezbędne',
  'categories.essential.description': 'Potrzebne do działania witryny, na przykład do zapamiętania tych wyborów.',
  'categories.analytics.label': 'Analityczne',
  'categories.analytics.description': 'Pokazują nam, jak korzystasz z witryny, abyśmy mogli ją ulepszać.',
  'categories.advertising.label': 'Reklamowe',
  'categories.advertising.description': 'Pozwalają partnerom reklamowym mierzyć skuteczność kampanii i wyświetlać Ci trafne reklamy.',
};
export default texts;
