// Italian texts: built into dist/i18n/it.js and fetched only when the page needs it.
import type { LanguageTexts } from './en';

const texts: LanguageTexts = {
  title: 'Cookie su questo sito',
  text: 'Utilizziamo cookie per statistiche e pubblicità solo con il tuo consenso, che puoi modificare in qualsiasi momento.',
  acceptAll: 'Accetta tutto',
  rejectAll: 'Rifiuta tutto',
  customize: 'Personalizza',
  privacyPolicy: 'Informativa sulla privacy',
  noticeText:
    'Noi e i nostri partner utilizziamo cookie per statistiche e pubblicità, il che può costituire una vendita o condivisione dei tuoi dati personali.',
  doNotSell: 'Non vendere né condividere i miei dati personali',
  prefsTitle: 'Preferenze sulla privacy',
  prefsText: 'Scegli quali cookie possiamo utilizzare. Quelli essenziali sono sempre attivi.',
  save: 'Salva le scelte',
  close: 'Chiudi',
  alwaysOn: 'Sempre attivi',
  services: 'Servizi e cookie',
  cookieName: 'Cookie',
  purpose: 'Finalità',
  lifetime: 'Durata',
  optOut: 'Opt-out',
  signal: 'Segnale di opt-out rispettato',
  reopen: 'Impostazioni privacy',
  regionLabel: 'Consenso ai cookie',
  essentialLabel: 'Essenziali',
  essentialDescription: 'Necessari per il funzionamento del sito, ad esempio per ricordare queste scelte.',
  analyticsLabel: 'Statistiche',
  analyticsDescription: 'Ci mostrano come viene utilizzato il sito, per poterlo migliorare.',
  advertisingLabel: 'Pubblicità',
  advertisingDescription:
    'Consentono ai partner pubblicitari di misurare le campagne e di mostrarti annunci pertinenti.',
  // Placeholders of held embeds (shown by consentry.js, which loads this file for them).
  embedBlocked: 'Questo contenuto è bloccato finché non consenti: {category}',
  embedAllow: 'Consenti: {category}',
  embedOnce: 'Carica solo questa volta',
};
export default texts;
