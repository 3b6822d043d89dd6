// Arabic (right-to-left) texts: built into dist/i18n/ar.js and fetched only when the page needs ar.
import type { Texts } from './en';

const texts: Texts = {
  title: 'ملفات تعريف الارتباط على هذا الموقع',
  text: 'نستخدم ملفات تعريف الارتباط لأغراض التحليلات والإعلانات بموافقتك فقط، ويمكنك تغييرها في أي وقت.',
  'accept-all': 'قبول الكل',
  'reject-all': 'رفض الكل',
  preferences: 'تخصيص',
  privacyPolicy: 'سياسة الخصوصية',
  noticeText: 'نستخدم نحن وشركاؤنا ملفات تعريف الارتباط لأغراض التحليلات والإعلانات، وقد يُعدّ ذلك بيعًا لمعلوماتك الشخصية أو مشاركةً لها.',
  ok: 'حسنًا',
  'do-not-sell': 'لا تبع معلوماتي الشخصية ولا تشاركها',
  optedOut: 'لن يتم بيع معلوماتك الشخصية أو مشاركتها.',
  prefsTitle: 'تفضيلات الخصوصية',
  prefsText: 'اختر ملفات تعريف الارتباط التي يمكننا استخدامها. الملفات الضرورية مفعّلة دائمًا.',
  save: 'حفظ الاختيارات',
  close: 'إغلاق',
  alwaysOn: 'مفعّلة دائمًا',
  services: 'الخدمات وملفات تعريف الارتباط',
  signal: 'تم احترام إشارة تفضيل إلغاء الاشتراك',
  reopen: 'إعدادات الخصوصية',
  'categories.essential.label': 'ضرورية',
  'categories.essential.description': 'لازمة لعمل الموقع، مثل تذكّر هذه الاختيارات.',
  'categories.analytics.label': 'التحليلات',
  'categories.analytics.description': 'توضح لنا كيفية استخدام الموقع لنتمكن من تحسينه.',
  'categories.advertising.label': 'الإعلانات',
  'categories.advertising.description': 'تتيح لشركاء الإعلانات قياس الحملات وعرض إعلانات ملائمة لك.',
};
export default texts;
