// German texts: built into dist/i18n/de.js and fetched only when the page needs de.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Cookies auf dieser Website',
  text: 'Wir verwenden Cookies und ähnliche Technologien für Statistik und Werbung nur mit Ihrer Einwilligung. Sie können alle akzeptieren, alle ablehnen oder selbst auswählen und Ihre Entscheidung jederzeit ändern.',
  'accept-all': 'Alle akzeptieren',
  'reject-all': 'Alle ablehnen',
  preferences: 'Anpassen',
  privacyPolicy: 'Datenschutzerklärung',
  noticeTitle: 'Ihre Datenschutzoptionen',
  noticeText: 'Wir und unsere Partner verwenden Cookies für Statistik und Werbung. Das kann als Verkauf oder Weitergabe Ihrer personenbezogenen Daten gelten. Sie können jederzeit widersprechen.',
  ok: 'OK',
  'do-not-sell': 'Meine personenbezogenen Daten nicht verkaufen oder weitergeben',
  optedOut: 'Sie haben dem Verkauf und der Weitergabe Ihrer personenbezogenen Daten widersprochen.',
  prefsTitle: 'Datenschutzeinstellungen',
  prefsText: 'Wählen Sie, welche Cookies und ähnlichen Technologien wir verwenden dürfen. Notwendige sind immer aktiv, weil die Website ohne sie nicht funktioniert.',
  save: 'Auswahl speichern',
  close: 'Schließen',
  alwaysOn: 'Immer aktiv',
  services: 'Dienste und Cookies',
  lifetime: 'Speicherdauer',
  signal: 'Opt-out-Präferenzsignal berücksichtigt',
  reopen: 'Datenschutzeinstellungen',
  'categories.essential.label': 'Notwendig',
  'categories.essential.description': 'Erforderlich, damit die Website funktioniert, zum Beispiel um Ihre Datenschutzauswahl zu speichern. Sie können nicht deaktiviert werden.',
  'categories.analytics.label': 'Statistik',
  'categories.analytics.description': 'Helfen uns zu verstehen, wie die Website genutzt wird, damit wir sie verbessern können.',
  'categories.advertising.label': 'Werbung',
  'categories.advertising.description': 'Ermöglichen Werbepartnern, Kampagnen zu messen und Ihnen auf anderen Websites passende Werbung zu zeigen.',
};
export default texts;
