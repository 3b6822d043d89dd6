// Portuguese (European) texts: built into dist/i18n/pt.js and fetched only when the page needs pt.
import type { Texts } from './en';

const texts: Texts = {
  title: 'Cookies neste site',
  text: 'Utilizamos cookies e tecnologias semelhantes para estatísticas e publicidade apenas com o seu consentimento. Pode aceitar tudo, rejeitar tudo ou escolher o que permite, e alterar a sua escolha a qualquer momento.',
  'accept-all': 'Aceitar tudo',
  'reject-all': 'Rejeitar tudo',
  preferences: 'Personalizar',
  privacyPolicy: 'Política de privacidade',
  noticeTitle: 'Opções de privacidade',
  noticeText: 'Nós e os nossos parceiros utilizamos cookies para estatísticas e publicidade, o que pode constituir venda ou partilha das suas informações pessoais. Pode opor-se a qualquer momento.',
  ok: 'OK',
  'do-not-sell': 'Não vender nem partilhar as minhas informações pessoais',
  optedOut: 'Optou por não permitir a venda nem a partilha das suas informações pessoais.',
  prefsTitle: 'Preferências de privacidade',
  prefsText: 'Escolha que cookies e tecnologias semelhantes podemos utilizar. Os essenciais estão sempre ativos, porque o site não funciona sem eles.',
  save: 'Guardar escolhas',
  close: 'Fechar',
  alwaysOn: 'Sempre ativos',
  services: 'Serviços e cookies',
  lifetime: 'Duração',
  signal: 'Sinal de preferência de exclusão respeitado',
  reopen: 'Definições de privacidade',
  'categories.essential.label': 'Essenciais',
  'categories.essential.description': 'Necessários para o funcionamento do site, por exemplo para memorizar as suas escolhas de privacidade. Não podem ser desativados.',
  'categories.analytics.label': 'Estatísticas',
  'categories.analytics.description': 'Ajudam-nos a perceber como o site é utilizado, para o podermos melhorar.',
  'categories.advertising.label': 'Publicidade',
  'categories.advertising.description': 'Permitem que parceiros de publicidade meçam campanhas e lhe mostrem anúncios relevantes noutros sites.',
};
export default texts;
