// Portuguese (European) texts: built into dist/i18n/pt.js and fetched only when the page needs pt.
import type { LanguageTexts } from './en';

const texts: LanguageTexts = {
  title: 'Cookies neste site',
  text: 'Utilizamos cookies para estatísticas e publicidade apenas com o seu consentimento, que pode alterar a qualquer momento.',
  acceptAll: 'Aceitar tudo',
  rejectAll: 'Rejeitar tudo',
  customize: 'Personalizar',
  privacyPolicy: 'Política de privacidade',
  noticeText:
    'Nós e os nossos parceiros utilizamos cookies para estatísticas e publicidade, o que pode constituir venda ou partilha das suas informações pessoais.',
  doNotSell: 'Não vender nem partilhar as minhas informações pessoais',
  prefsTitle: 'Preferências de privacidade',
  prefsText: 'Escolha que cookies podemos utilizar. Os essenciais estão sempre ativos.',
  save: 'Guardar escolhas',
  close: 'Fechar',
  alwaysOn: 'Sempre ativos',
  services: 'Serviços e cookies',
  cookieName: 'Cookie',
  purpose: 'Finalidade',
  lifetime: 'Duração',
  optOut: 'Exclusão',
  signal: 'Sinal de preferência de exclusão respeitado',
  reopen: 'Definições de privacidade',
  regionLabel: 'Consentimento de cookies',
  essentialLabel: 'Essenciais',
  essentialDescription: 'Necessários para o funcionamento do site, por exemplo para memorizar estas escolhas.',
  analyticsLabel: 'Estatísticas',
  analyticsDescription: 'Mostram-nos como o site é utilizado, para o podermos melhorar.',
  advertisingLabel: 'Publicidade',
  advertisingDescription: 'Permitem que parceiros de publicidade meçam campanhas e lhe mostrem anúncios relevantes.',
  // Placeholders of held embeds (shown by consentry.js, which loads this file for them).
  embedBlocked: 'Este conteúdo está bloqueado até permitir: {category}',
  embedAllow: 'Permitir: {category}',
  embedOnce: 'Carregar só desta vez',
};
export default texts;
