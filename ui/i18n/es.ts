// Spanish texts: built into dist/i18n/es.js and fetched only when the page needs es.
import type { LanguageTexts } from './en';

const texts: LanguageTexts = {
  title: 'Cookies en este sitio',
  text: 'Usamos cookies para analítica y publicidad solo con su consentimiento, que puede cambiar en cualquier momento.',
  acceptAll: 'Aceptar todas',
  rejectAll: 'Rechazar todas',
  customize: 'Personalizar',
  privacyPolicy: 'Política de privacidad',
  noticeText:
    'Nosotros y nuestros socios usamos cookies para analítica y publicidad, lo que puede considerarse vender o compartir su información personal.',
  doNotSell: 'No vender ni compartir mi información personal',
  prefsTitle: 'Preferencias de privacidad',
  prefsText: 'Elija qué cookies podemos usar. Las esenciales están siempre activas.',
  save: 'Guardar selección',
  close: 'Cerrar',
  alwaysOn: 'Siempre activas',
  services: 'Servicios y cookies',
  cookieName: 'Cookie',
  purpose: 'Finalidad',
  lifetime: 'Duración',
  optOut: 'Exclusión',
  signal: 'Señal de exclusión voluntaria respetada',
  reopen: 'Configuración de privacidad',
  regionLabel: 'Consentimiento de cookies',
  essentialLabel: 'Esenciales',
  essentialDescription: 'Necesarias para que el sitio funcione, por ejemplo para recordar esta selección.',
  analyticsLabel: 'Analítica',
  analyticsDescription: 'Nos muestran cómo se usa el sitio para poder mejorarlo.',
  advertisingLabel: 'Publicidad',
  advertisingDescription: 'Permiten a los socios publicitarios medir campañas y mostrarle anuncios relevantes.',
  // Placeholders of held embeds (shown by consentry.js, which loads this file for them).
  embedBlocked: 'Este contenido está bloqueado hasta que permita: {category}',
  embedAllow: 'Permitir: {category}',
  embedOnce: 'Cargar solo esta vez',
};
export default texts;
