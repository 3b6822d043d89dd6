// German texts: built into dist/i18n/de.js and fetched only when the page needs de.
import type { LanguageTexts } from './en';

const texts: LanguageTexts = {
  title: 'Cookies auf dieser Website',
  text: 'Wir verwenden Cookies für Statistik und Werbung nur mit Ihrer Einwilligung, die Sie jederzeit ändern können.',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  customize: 'Anpassen',
  privacyPolicy: 'Datenschutzerklärung',
  noticeText:
    'Wir und unsere Partner verwenden Cookies für Statistik und Werbung. Das kann als Verkauf oder Weitergabe Ihrer personenbezogenen Daten gelten.',
  doNotSell: 'Meine personenbezogenen Daten nicht verkaufen oder weitergeben',
  prefsTitle: 'Datenschutzeinstellungen',
  prefsText: 'Wählen Sie, welche Cookies wir verwenden dürfen. Notwendige Cookies sind immer aktiv.',
  save: 'Auswahl speichern',
  close: 'Schließen',
  alwaysOn: 'Immer aktiv',
  services: 'Dienste und Cookies',
  cookieName: 'Cookie',
  purpose: 'Zweck',
  lifetime: 'Speicherdauer',
  optOut: 'Widerspruch',
  signal: 'Opt-out-Präferenzsignal berücksichtigt',
  reopen: 'Datenschutzeinstellungen',
  regionLabel: 'Cookie-Einwilligung',
  essentialLabel: 'Notwendig',
  essentialDescription: 'Erforderlich, damit die Website funktioniert, zum Beispiel um diese Auswahl zu speichern.',
  analyticsLabel: 'Statistik',
  analyticsDescription: 'Zeigen uns, wie die Website genutzt wird, damit wir sie verbessern können.',
  advertisingLabel: 'Werbung',
  advertisingDescription: 'Ermöglichen Werbepartnern, Kampagnen zu messen und Ihnen passende Werbung zu zeigen.',
  // Placeholders of held embeds (shown by consentry.js, which loads this file for them).
  embedBlocked: 'Dieser Inhalt ist blockiert, bis Sie {category} erlauben',
  embedAllow: '{category} erlauben',
  embedOnce: 'Nur dieses Mal laden',
};
export default texts;
