// Arabic (right-to-left) texts: built into dist/i18n/ar.js and fetched only when the page needs ar.
import type { LanguageTexts } from './en';

const texts: LanguageTexts = {
  title: 'ملفات تعريف الارتباط على هذا الموقع',
  text: 'نستخدم ملفات تعريف الارتباط لأغراض التحليلات والإعلانات بموافقتك فقط، ويمكنك تغييرها في أي وقت.',
  acceptAll: 'قبول الكل',
  rejectAll: 'رفض الكل',
  customize: 'تخصيص',
  privacyPolicy: 'سياسة الخصوصية',
  noticeText:
    'نستخدم نحن وشركاؤنا ملفات تعريف الارتباط لأغراض التحليلات والإعلانات، وقد يُعدّ ذلك بيعًا لمعلوماتك الشخصية أو مشاركةً لها.',
  doNotSell: 'لا تبع معلوماتي الشخصية ولا تشاركها',
  prefsTitle: 'تفضيلات الخصوصية',
  prefsText: 'اختر ملفات تعريف الارتباط التي يمكننا استخدامها. الملفات الضرورية مفعّلة دائمًا.',
  save: 'حفظ الاختيارات',
  close: 'إغلاق',
  alwaysOn: 'مفعّلة دائمًا',
  services: 'الخدمات وملفات تعريف الارتباط',
  cookieName: 'ملف تعريف الارتباط',
  purpose: 'الغرض',
  lifetime: 'المدة',
  optOut: 'إلغاء الاشتراك',
  signal: 'تم احترام إشارة تفضيل إلغاء الاشتراك',
  reopen: 'إعدادات الخصوصية',
  regionLabel: 'الموافقة على ملفات تعريف الارتباط',
  essentialLabel: 'ضرورية',
  essentialDescription: 'لازمة لعمل الموقع، مثل تذكّر هذه الاختيارات.',
  analyticsLabel: 'التحليلات',
  analyticsDescription: 'توضح لنا كيفية استخدام الموقع لنتمكن من تحسينه.',
  advertisingLabel: 'الإعلانات',
  advertisingDescription: 'تتيح لشركاء الإعلانات قياس الحملات وعرض إعلانات ملائمة لك.',
  // Placeholders of held embeds (shown by consentry.js, which loads this file for them).
  embedBlocked: 'هذا المحتوى محظور حتى تسمح بفئة: {category}',
  embedAllow: 'السماح بفئة: {category}',
  embedOnce: 'التحميل هذه المرة فقط',
};
export default texts;
