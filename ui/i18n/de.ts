// German texts: built into dist/i18n/de.js and fetched only when the page needs de.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Cookies auf dieser Website',
  text: 'Wir verwenden Cookies für Statistik und Werbung nur mit Ihrer Einwilligung, die Sie jederzeit ändern können.',
  'accept-all': 'Alle akzeptieren',
  'reject-all': 'Alle ablehnen',
  preferences: 'Anpassen',
  privacyPolicy: 'Datenschutzerklärung',
  noticeText: 'Wir und unsere Partner verwenden Cookies für Statistik und Werbung. Das kann als Verkauf oder Weitergabe Ihrer personenbezogenen Daten gelten.',
  ok: 'OK',
  'do-not-sell': 'Meine personenbezogenen Daten nicht verkaufen oder weitergeben',
  optedOut: 'Ihre personenbezogenen Daten werden nicht verkauft oder weitergegeben.',
  prefsTitle: 'Datenschutzeinstellungen',
  prefsText: 'Wählen Sie, welche Cookies wir verwenden dürfen. Notwendige Cookies sind immer aktiv.',
  save: 'Auswahl speichern',
  close: 'Schließen',
  alwaysOn: 'Immer aktiv',
  services: 'Dienste und Cookies',
  signal: 'Opt-out-Präferenzsignal berücksichtigt',
  reopen: 'Datenschutzeinstellungen',
  'categories.essential.label': 'Notwendig',
  'categories.essential.description': 'Erforderlich, damit die Website funktioniert, zum Beispiel um diese Auswahl zu speichern.',
  'categories.analytics.label': 'Statistik',
  'categories.analytics.description': 'Zeigen uns, wie die Website genutzt wird, damit wir sie verbessern können.',
  'categories.advertising.label': 'Werbung',
  'categories.advertising.description': 'Ermöglichen Werbepartnern, Kampagnen zu messen und Ihnen passende Werbung zu zeigen.',
};
export default texts;
