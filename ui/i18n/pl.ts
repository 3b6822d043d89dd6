// Polish texts: built into dist/i18n/pl.js and fetched only when the page needs pl.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Pliki cookie w tej witrynie',
  text: 'Używamy plików cookie i podobnych technologii do celów analitycznych i reklamowych wyłącznie za Twoją zgodą. Możesz zaakceptować wszystkie, odrzucić wszystkie lub wybrać, na co się zgadzasz, i w każdej chwili zmienić zdanie.',
  'accept-all': 'Zaakceptuj wszystkie',
  'reject-all': 'Odrzuć wszystkie',
  preferences: 'Dostosuj',
  privacyPolicy: 'Polityka prywatności',
  noticeTitle: 'Twoje wybory dotyczące prywatności',
  noticeText: 'My i nasi partnerzy używamy plików cookie do celów analitycznych i reklamowych, co może oznaczać sprzedaż lub udostępnianie Twoich danych osobowych. W każdej chwili możesz się temu sprzeciwić.',
  ok: 'OK',
  'do-not-sell': 'Nie sprzedawaj ani nie udostępniaj moich danych osobowych',
  optedOut: 'Zgłoszono sprzeciw wobec sprzedaży i udostępniania Twoich danych osobowych.',
  prefsTitle: 'Ustawienia prywatności',
  prefsText: 'Wybierz, których plików cookie i podobnych technologii możemy używać. Niezbędne są zawsze włączone, ponieważ bez nich witryna nie działa.',
  save: 'Zapisz wybór',
  close: 'Zamknij',
  alwaysOn: 'Zawsze włączone',
  services: 'Usługi i pliki cookie',
  lifetime: 'Okres przechowywania',
  signal: 'Uwzględniono sygnał rezygnacji (opt-out)',
  reopen: 'Ustawienia prywatności',
  'categories.essential.label': 'Niezbędne',
  'categories.essential.description': 'Potrzebne do działania witryny, na przykład do zapamiętania Twoich wyborów dotyczących prywatności. Nie można ich wyłączyć.',
  'categories.analytics.label': 'Analityczne',
  'categories.analytics.description': 'Pomagają nam zrozumieć, jak korzystasz z witryny, abyśmy mogli ją ulepszać.',
  'categories.advertising.label': 'Reklamowe',
  'categories.advertising.description': 'Pozwalają partnerom reklamowym mierzyć skuteczność kampanii i wyświetlać Ci trafne reklamy w innych witrynach.',
};
export default texts;
