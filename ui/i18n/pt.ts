// Portuguese (European) texts: built into dist/i18n/pt.js and fetched only when the page needs pt.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Cookies neste site',
  text: 'Utilizamos cookies para estatísticas e publicidade apenas com o seu consentimento, que pode alterar a qualquer momento.',
  'accept-all': 'Aceitar tudo',
  'reject-all': 'Rejeitar tudo',
  preferences: 'Personalizar',
  privacyPolicy: 'Política de privacidade',
  noticeText: 'Nós e os nossos parceiros utilizamos cookies para estatísticas e publicidade, o que pode constituir venda ou partilha das suas informações pessoais.',
  ok: 'OK',
  'do-not-sell': 'Não vender nem partilhar as minhas informações pessoais',
  optedOut: 'As suas informações pessoais não serão vendidas nem partilhadas.',
  prefsTitle: 'Preferências de privacidade',
  prefsText: 'Escolha que cookies podemos utilizar. Os essenciais estão sempre ativos.',
  save: 'Guardar escolhas',
  close: 'Fechar',
  alwaysOn: 'Sempre ativos',
  services: 'Serviços e cookies',
  signal: 'Sinal de preferência de exclusão respeitado',
  reopen: 'Definições de privacidade',
  'categories.essential.label': 'Essenciais',
  'categories.essential.description': 'Necessários para o funcionamento do site, por exemplo para memorizar estas escolhas.',
  'categories.analytics.label': 'Estatísticas',
  'categories.analytics.description': 'Mostram-nos como o site é utilizado, para o podermos melhorar.',
  'categories.advertising.label': 'Publicidade',
  'categories.advertising.description': 'Permitem que parceiros de publicidade meçam campanhas e lhe mostrem anúncios relevantes.',
};
export default texts;
