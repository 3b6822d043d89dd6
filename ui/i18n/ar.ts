// Arabic (right-to-left) texts: built into dist/i18n/ar.js and fetched only when the page needs ar.
import type { Texts } from './en';

const texts: Texts = {
  title: 'ملفات تعريف الارتباط على هذا الموقع',
  text: 'نستخدم ملفات تعريف الارتباط والتقنيات المشابهة لأغراض التحليلات والإعلانات فقط بموافقتك. يمكنك قبول الكل أو رفض الكل أو اختيار ما تسمح به، وتغيير رأيك في أي وقت.',
  'accept-all': 'قبول الكل',
  'reject-all': 'رفض الكل',
  preferences: 'تخصيص',
  privacyPolicy: 'سياسة الخصوصية',
  noticeTitle: 'خيارات الخصوصية الخاصة بك',
  noticeText: 'نستخدم نحن وشركاؤنا ملفات تعريف الارتباط لأغراض التحليلات والإعلانات، وقد يُعدّ ذلك بيعًا لمعلوماتك الشخصية أو مشاركةً لها. يمكنك إلغاء الاشتراك في أي وقت.',
  ok: 'حسنًا',
  'do-not-sell': 'لا تبع معلوماتي الشخصية ولا تشاركها',
  optedOut: 'لقد اخترت عدم بيع معلوماتك الشخصية أو مشاركتها.',
  prefsTitle: 'تفضيلات الخصوصية',
  prefsText: 'اختر ملفات تعريف الارتباط والتقنيات المشابهة التي يمكننا استخدامها. الملفات الضرورية مفعّلة دائمًا لأن الموقع لا يعمل بدونها.',
  save: 'حفظ الاختيارات',
  close: 'إغلاق',
  alwaysOn: 'مفعّلة دائمًا',
  services: 'الخدمات وملفات تعريف الارتباط',
  lifetime: 'مدة الاحتفاظ',
  signal: 'تم احترام إشارة تفضيل إلغاء الاشتراك',
  reopen: 'إعدادات الخصوصية',
  'categories.essential.label': 'ضرورية',
  'categories.essential.description': 'لازمة لعمل الموقع، مثل تذكّر خيارات الخصوصية الخاصة بك. لا يمكن إيقافها.',
  'categories.analytics.label': 'التحليلات',
  'categories.analytics.description': 'تساعدنا على فهم كيفية استخدام الموقع لنتمكن من تحسينه.',
  'categories.advertising.label': 'الإعلانات',
  'categories.advertising.description': 'تتيح لشركاء الإعلانات قياس الحملات وعرض إعلانات ملائمة لك على مواقع أخرى.',
};
export default texts;
