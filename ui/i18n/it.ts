// Italian texts: built into dist/i18n/it.js and fetched only when the page needs it.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Cookie su questo sito',
  text: 'Utilizziamo cookie e tecnologie simili per statistiche e pubblicità solo con il tuo consenso. Puoi accettare tutto, rifiutare tutto o scegliere cosa consentire, e cambiare idea in qualsiasi momento.',
  'accept-all': 'Accetta tutto',
  'reject-all': 'Rifiuta tutto',
  preferences: 'Personalizza',
  privacyPolicy: 'Informativa sulla privacy',
  noticeTitle: 'Le tue scelte sulla privacy',
  noticeText: 'Noi e i nostri partner utilizziamo cookie per statistiche e pubblicità, il che può costituire una vendita o condivisione dei tuoi dati personali. Puoi opporti in qualsiasi momento.',
  ok: 'OK',
  'do-not-sell': 'Non vendere né condividere i miei dati personali',
  optedOut: 'Hai scelto di non consentire la vendita e la condivisione dei tuoi dati personali.',
  prefsTitle: 'Preferenze sulla privacy',
  prefsText: 'Scegli quali cookie e tecnologie simili possiamo utilizzare. Quelli essenziali sono sempre attivi perché il sito non può funzionare senza.',
  save: 'Salva le scelte',
  close: 'Chiudi',
  alwaysOn: 'Sempre attivi',
  services: 'Servizi e cookie',
  lifetime: 'Durata',
  signal: 'Segnale di opt-out rispettato',
  reopen: 'Impostazioni privacy',
  'categories.essential.label': 'Essenziali',
  'categories.essential.description': 'Necessari per il funzionamento del sito, ad esempio per ricordare le tue scelte sulla privacy. Non possono essere disattivati.',
  'categories.analytics.label': 'Statistiche',
  'categories.analytics.description': 'Ci aiutano a capire come viene utilizzato il sito per poterlo migliorare.',
  'categories.advertising.label': 'Pubblicità',
  'categories.advertising.description': 'Consentono ai partner pubblicitari di misurare le campagne e di mostrarti annunci pertinenti su altri siti.',
};
export default texts;
