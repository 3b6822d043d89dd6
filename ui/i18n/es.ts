// Spanish texts: built into dist/i18n/es.js and fetched only when the page needs es.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Cookies en este sitio',
  text: 'Usamos cookies y tecnologías similares para analítica y publicidad solo si usted lo acepta. Puede aceptar todas, rechazar todas o elegir qué permite, y cambiar de opinión en cualquier momento.',
  'accept-all': 'Aceptar todas',
  'reject-all': 'Rechazar todas',
  preferences: 'Personalizar',
  privacyPolicy: 'Política de privacidad',
  noticeTitle: 'Sus opciones de privacidad',
  noticeText: 'Nosotros y nuestros socios usamos cookies para analítica y publicidad, lo que puede considerarse vender o compartir su información personal. Puede oponerse en cualquier momento.',
  ok: 'Aceptar',
  'do-not-sell': 'No vender ni compartir mi información personal',
  optedOut: 'Ha indicado que no se venda ni se comparta su información personal.',
  prefsTitle: 'Preferencias de privacidad',
  prefsText: 'Elija qué cookies y tecnologías similares podemos usar. Las esenciales están siempre activas porque el sitio no puede funcionar sin ellas.',
  save: 'Guardar selección',
  close: 'Cerrar',
  alwaysOn: 'Siempre activas',
  services: 'Servicios y cookies',
  lifetime: 'Duración',
  signal: 'Señal de exclusión voluntaria respetada',
  reopen: 'Configuración de privacidad',
  'categories.essential.label': 'Esenciales',
  'categories.essential.description': 'Necesarias para que el sitio funcione, por ejemplo para recordar sus opciones de privacidad. No se pueden desactivar.',
  'categories.analytics.label': 'Analítica',
  'categories.analytics.description': 'Nos ayudan a entender cómo se usa el sitio para poder mejorarlo.',
  'categories.advertising.label': 'Publicidad',
  'categories.advertising.description': 'Permiten a los socios publicitarios medir campañas y mostrarle anuncios relevantes en otros sitios.',
};
export default texts;
