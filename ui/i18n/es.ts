// Spanish texts: built into dist/i18n/es.js and fetched only when the page needs es.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Cookies en este sitio',
  text: 'Usamos cookies para analítica y publicidad solo con su consentimiento, que puede cambiar en cualquier momento.',
  'accept-all': 'Aceptar todas',
  'reject-all': 'Rechazar todas',
  preferences: 'Personalizar',
  privacyPolicy: 'Política de privacidad',
  noticeText: 'Nosotros y nuestros socios usamos cookies para analítica y publicidad, lo que puede considerarse vender o compartir su información personal.',
  ok: 'Aceptar',
  'do-not-sell': 'No vender ni compartir mi información personal',
  optedOut: 'Su información personal no se venderá ni se compartirá.',
  prefsTitle: 'Preferencias de privacidad',
  prefsText: 'Elija qué cookies podemos usar. Las esenciales están siempre activas.',
  save: 'Guardar selección',
  close: 'Cerrar',
  alwaysOn: 'Siempre activas',
  services: 'Servicios y cookies',
  signal: 'Señal de exclusión voluntaria respetada',
  reopen: 'Configuración de privacidad',
  'categories.essential.label': 'Esenciales',
  'categories.essential.description': 'Necesarias para que el sitio funcione, por ejemplo para recordar esta selección.',
  'categories.analytics.label': 'Analítica',
  'categories.analytics.description': 'Nos muestran cómo se usa el sitio para poder mejorarlo.',
  'categories.advertising.label': 'Publicidad',
  'categories.advertising.description': 'Permiten a los socios publicitarios medir campañas y mostrarle anuncios relevantes.',
};
export default texts;
