// French texts: built into dist/i18n/fr.js and fetched only when the page needs fr.
import type { LanguageTexts } from './en';

const texts: LanguageTexts = {
  title: 'Cookies sur ce site',
  text: 'Nous utilisons des cookies pour la mesure d’audience et la publicité uniquement avec votre consentement, que vous pouvez modifier à tout moment.',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  customize: 'Personnaliser',
  privacyPolicy: 'Politique de confidentialité',
  noticeText:
    'Nos partenaires et nous utilisons des cookies pour la mesure d’audience et la publicité, ce qui peut constituer une vente ou un partage de vos informations personnelles.',
  doNotSell: 'Ne pas vendre ni partager mes informations personnelles',
  prefsTitle: 'Préférences de confidentialité',
  prefsText: 'Choisissez les cookies que nous pouvons utiliser. Les cookies essentiels sont toujours actifs.',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  alwaysOn: 'Toujours actifs',
  services: 'Services et cookies',
  cookieName: 'Cookie',
  purpose: 'Finalité',
  lifetime: 'Durée',
  optOut: 'Désactivation',
  signal: 'Signal de refus respecté',
  reopen: 'Paramètres de confidentialité',
  regionLabel: 'Consentement aux cookies',
  essentialLabel: 'Essentiels',
  essentialDescription: 'Nécessaires au fonctionnement du site, par exemple pour mémoriser ces choix.',
  analyticsLabel: 'Mesure d’audience',
  analyticsDescription: 'Nous montrent comment le site est utilisé, afin de l’améliorer.',
  advertisingLabel: 'Publicité',
  advertisingDescription:
    'Permettent à nos partenaires publicitaires de mesurer leurs campagnes et de vous montrer des publicités pertinentes.',
  // Placeholders of held embeds (shown by consentry.js, which loads this file for them).
  embedBlocked: 'Ce contenu est bloqué tant que vous n’autorisez pas : {category}',
  embedAllow: 'Autoriser : {category}',
  embedOnce: 'Charger cette fois seulement',
};
export default texts;
