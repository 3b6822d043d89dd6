// French texts: built into dist/i18n/fr.js and fetched only when the page needs fr.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Cookies sur ce site',
  text: 'Nous utilisons des cookies et des technologies similaires pour la mesure d’audience et la publicité uniquement avec votre accord. Vous pouvez tout accepter, tout refuser ou choisir ce que vous autorisez, et changer d’avis à tout moment.',
  'accept-all': 'Tout accepter',
  'reject-all': 'Tout refuser',
  preferences: 'Personnaliser',
  privacyPolicy: 'Politique de confidentialité',
  noticeTitle: 'Vos choix en matière de confidentialité',
  noticeText: 'Nos partenaires et nous utilisons des cookies pour la mesure d’audience et la publicité, ce qui peut constituer une vente ou un partage de vos informations personnelles. Vous pouvez vous y opposer à tout moment.',
  ok: 'OK',
  'do-not-sell': 'Ne pas vendre ni partager mes informations personnelles',
  optedOut: 'Vous vous êtes opposé à la vente et au partage de vos informations personnelles.',
  prefsTitle: 'Préférences de confidentialité',
  prefsText: 'Choisissez les cookies et technologies similaires que nous pouvons utiliser. Les cookies essentiels sont toujours actifs, car le site ne peut pas fonctionner sans eux.',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  alwaysOn: 'Toujours actifs',
  services: 'Services et cookies',
  lifetime: 'Durée de conservation',
  signal: 'Signal de refus respecté',
  reopen: 'Paramètres de confidentialité',
  'categories.essential.label': 'Essentiels',
  'categories.essential.description': 'Nécessaires au fonctionnement du site, par exemple pour mémoriser vos choix de confidentialité. Ils ne peuvent pas être désactivés.',
  'categories.analytics.label': 'Mesure d’audience',
  'categories.analytics.description': 'Nous aident à comprendre comment le site est utilisé afin de l’améliorer.',
  'categories.advertising.label': 'Publicité',
  'categories.advertising.description': 'Permettent à nos partenaires publicitaires de mesurer leurs campagnes et de vous montrer des publicités pertinentes sur d’autres sites.',
};
export default texts;
