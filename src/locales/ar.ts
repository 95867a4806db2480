/**
 * `pat-elements/locales/ar`: Arabic strings for every element, as one `PatStrings` object,
 * registered for `lang="ar"` (and `ar-EG`, `ar-SA`, …) when this module is imported. Set
 * `dir="rtl"` with it: the elements then lay out from the right.
 *
 * ```ts
 * import 'pat-elements/locales/ar'; // then lang="ar" dir="rtl" on the page (or an ancestor)
 * ```
 *
 * Typed as the full `PatStrings`, so a string added to an element fails the type-check here
 * until it is translated. Modern Standard Arabic; « » quotation marks, the Arabic comma and
 * question mark (، ؟). Counts use all six CLDR categories: zero, one (رمز وصول واحد), two
 * (رمزا وصول), few for 3–10 (3 رموز وصول), many for 11–99 (11 رمز وصول), other for 100 and up.
 */
import { registerLocale } from '../internal/localize.js';
import type { PatStrings } from '../internal/pat-strings.js';
// The global typings (tags and events) for a host that imports only this module.
import '../global-types.js';

export const ar: PatStrings = {
  // Errors
  errorNetwork: 'تعذّر الاتصال بالخادم. تحقّق من اتصالك ثم أعد المحاولة.',
  errorTimeout: 'استغرق الخادم وقتًا طويلًا للرد. أعد المحاولة.',
  errorContract: 'تعذّر فهم رد الخادم (الحقل «{field}» مفقود أو نوعه غير صحيح).',
  errorContractNoField: 'تعذّر فهم رد الخادم (لم يكن بتنسيق JSON صالح).',
  errorContractShape: 'تعذّر فهم رد الخادم (بنيته ليست البنية المتوقعة).',
  errorUnauthorized: 'لم تسجّل الدخول، أو انتهت صلاحية جلستك. سجّل الدخول مجددًا ثم أعد المحاولة.',
  errorForbidden: 'ليس لديك إذن بتنفيذ هذا الإجراء.',
  errorNotFound: 'لم يُعثر على خدمة رموز الوصول في هذا العنوان.',
  errorConflict: 'يتعارض الطلب مع رمز وصول موجود.',
  errorValidation: 'لم تُقبل بعض القيم.',
  errorRateLimited: 'طلبات كثيرة جدًا. انتظر لحظة ثم أعد المحاولة.',
  errorServer: 'واجه الخادم مشكلة (HTTP {status}). أعد المحاولة بعد قليل.',
  errorHttp: 'تعذّر تنفيذ الطلب (HTTP {status}).',
  errorUnknown: 'حدث خطأ ما. أعد المحاولة.',

  // <pat-token-list>
  tableCaption: 'رموز الوصول الشخصية',
  generateButton: 'إنشاء رمز وصول جديد',
  loadingTokens: 'جارٍ تحميل رموز الوصول…',
  tokenCount: {
    zero: 'لا توجد رموز وصول',
    one: 'رمز وصول واحد',
    two: 'رمزا وصول',
    few: '{count} رموز وصول',
    many: '{count} رمز وصول',
    other: '{count} رمز وصول',
  },
  filteredCount: 'عرض {shown} من {total}',
  filterLabel: 'تصفية رموز الوصول',
  filterPlaceholder: 'الاسم أو الوصف',
  sortBy: 'الترتيب حسب',
  columnName: 'الاسم',
  columnKey: 'المفتاح',
  columnCreated: 'تاريخ الإنشاء',
  columnExpires: 'تاريخ الانتهاء',
  columnLastUsed: 'آخر استخدام',
  columnActions: 'الإجراءات',
  keyStartingWith: 'مفتاح يبدأ بـ {partialKey}',
  keyHidden: 'المفتاح مخفي',
  expiresNever: 'لا تنتهي',
  expiredBadge: 'منتهي الصلاحية',
  expiresTodayBadge: 'تنتهي صلاحيته اليوم',
  expiresInDays: {
    zero: 'تنتهي صلاحيته اليوم',
    one: 'تنتهي صلاحيته بعد يوم واحد',
    two: 'تنتهي صلاحيته بعد يومين',
    few: 'تنتهي صلاحيته بعد {days} أيام',
    many: 'تنتهي صلاحيته بعد {days} يومًا',
    other: 'تنتهي صلاحيته بعد {days} يوم',
  },
  lastUsedNever: 'لم يُستخدم قط',
  newBadge: 'جديد',
  deleteButton: 'حذف',
  deleteButtonLabel: 'حذف رمز الوصول «{name}»',
  deletingButton: 'جارٍ الحذف…',
  deletingButtonLabel: 'جارٍ حذف رمز الوصول «{name}»',
  confirmDeleteHeading: 'هل تريد حذف رمز الوصول «{name}»؟',
  confirmDeleteBody: 'سيتوقف كل ما يستخدمه عن العمل فورًا. لا يمكن التراجع عن هذا الإجراء.',
  confirmDeleteCancel: 'إلغاء',
  confirmDeleteConfirm: 'حذف رمز الوصول',
  tokenDeleted: 'تم حذف رمز الوصول «{name}».',
  deleteFailed: 'تعذّر حذف «{name}». {reason}',
  loadFailed: 'تعذّر تحميل رموز الوصول الخاصة بك.',
  refreshFailed: 'تعذّر تحديث القائمة. {reason}',
  retryButton: 'إعادة المحاولة',
  dismissButton: 'إغلاق',
  emptyHeading: 'لا توجد رموز وصول بعد',
  emptyBody:
    'أنشئ رمز وصول ليتمكّن برنامج نصي أو أداة سطر أوامر أو تكامل من العمل نيابةً عنك. يملك الرمز الأذونات نفسها التي يملكها حسابك.',
  noMatches: 'لا توجد رموز وصول تطابق «{filter}».',
  clearFilter: 'مسح عامل التصفية',

  // <pat-generate-dialog>
  dialogHeading: 'إنشاء رمز وصول جديد',
  dialogPermissionsNote:
    'يستطيع هذا الرمز فعل كل ما يستطيعه حسابك. ويمكن لأي شخص يملكه أن يتصرّف باسمك، لذا تعامل معه كما تتعامل مع كلمة المرور.',
  dialogScopedNote:
    'لا يستطيع هذا الرمز إلا ما تسمح به أدناه. ويمكن لأي شخص يملكه أن يفعل ذلك باسمك، لذا تعامل معه كما تتعامل مع كلمة المرور.',
  dialogClose: 'إغلاق',
  dialogNameLabel: 'الاسم',
  dialogNameHint: 'ما الغرض من هذا الرمز؟ على سبيل المثال «نشر CI» أو «CLI الحاسوب المحمول».',
  dialogDescriptionLabel: 'الوصف (اختياري)',
  dialogExpirationLabel: 'مدة الصلاحية',
  dialogExpirationDays: {
    zero: '{days} يوم',
    one: 'يوم واحد',
    two: 'يومان',
    few: '{days} أيام',
    many: '{days} يومًا',
    other: '{days} يوم',
  },
  dialogExpirationCustom: 'تاريخ مخصّص…',
  dialogExpirationNever: 'بلا تاريخ انتهاء',
  dialogCustomDateLabel: 'تاريخ انتهاء الصلاحية',
  dialogExpiresOn: 'تنتهي صلاحيته في {date}',
  dialogNeverExpires: 'لا تنتهي صلاحية هذا الرمز أبدًا. وإذا تسرّب، فسيظل يعمل إلى أن يحذفه أحد.',
  dialogPickDate: 'اختر التاريخ الذي يتوقف فيه الرمز عن العمل.',
  dialogCancel: 'إلغاء',
  dialogSubmit: 'إنشاء الرمز',
  dialogSubmitting: 'جارٍ الإنشاء…',
  dialogNameRequired: 'أدخل اسمًا للرمز.',
  dialogNameTooLong: 'الحد الأقصى لعدد الأحرف هو {max} (العدد الحالي: {length}).',
  dialogDescriptionTooLong: 'الحد الأقصى لعدد الأحرف هو {max} (العدد الحالي: {length}).',
  dialogDateRequired: 'اختر تاريخ انتهاء الصلاحية.',
  dialogDateOutOfRange: 'اختر تاريخًا من {min} إلى {max}.',
  dialogDateTooEarly: 'اختر تاريخًا بعد اليوم.',
  dialogNotConfigured: 'هذا النموذج غير متصل بأي خدمة لرموز الوصول: عيّن نقطة النهاية أو العميل الخاص به.',
  dialogScopesLabel: 'الأذونات',
  dialogScopesSelectAll: 'تحديد الكل',
  dialogScopesRequired: 'اختر إذنًا واحدًا على الأقل.',
  dialogScopesAll: 'كل أذوناتك',
  dialogRegenerateHeading: 'إعادة إنشاء رمز الوصول',
  dialogRegenerateNote: 'يحصل الرمز الجديد على قيمة سرية جديدة ويحتفظ بالاسم والوصف والأذونات. حدّث كل ما يستخدم الرمز الحالي.',
  dialogRegenerateSubmit: 'إعادة إنشاء الرمز',
  dialogRegenerateSubmitting: 'جارٍ إعادة الإنشاء…',
  dialogGraceLabel: 'فترة السماح للرمز الحالي',
  dialogGraceImmediately: 'بلا فترة سماح (يتوقف فورًا)',
  dialogGraceHours: {
    zero: '{count} ساعة',
    one: 'ساعة واحدة',
    two: 'ساعتان',
    few: '{count} ساعات',
    many: '{count} ساعة',
    other: '{count} ساعة',
  },
  dialogGraceDays: {
    zero: '{count} يوم',
    one: 'يوم واحد',
    two: 'يومان',
    few: '{count} أيام',
    many: '{count} يومًا',
    other: '{count} يوم',
  },
  dialogGraceNone: 'يتوقف الرمز الحالي عن العمل فورًا.',
  dialogGraceUntil: 'يظل الرمز الحالي يعمل حتى {date}.',
  dialogTokenGone: 'لم يعد هذا الرمز موجودًا، فقد حُذف أو أُعيد إنشاؤه في مكان آخر.',

  // <pat-token-reveal>
  revealHeading: 'انسخ رمز الوصول الجديد الآن',
  revealHeadingNamed: 'انسخ رمز الوصول الجديد «{name}» الآن',
  revealWarning: 'لن تتمكّن من رؤيته مرة أخرى. احفظه في مكان آمن، مثل مدير كلمات المرور.',
  revealSecretLabel: 'رمز الوصول',
  revealCopy: 'نسخ الرمز',
  revealCopied: 'تم النسخ',
  revealShow: 'إظهار',
  revealHide: 'إخفاء',
  revealUsageLabel: 'مثال على الاستخدام',
  revealCopyUsage: 'نسخ المثال',
  revealCopiedStatus: 'تم نسخ الرمز إلى الحافظة.',
  revealUsageCopiedStatus: 'تم نسخ المثال إلى الحافظة.',
  revealCopyFailed: 'تعذّر النسخ إلى الحافظة. الرمز محدَّد: اضغط Ctrl+C (أو ⌘C على Mac) لنسخه بنفسك.',
  revealUsageCopyFailed: 'تعذّر النسخ إلى الحافظة. المثال محدَّد: اضغط Ctrl+C (أو ⌘C على Mac) لنسخه بنفسك.',
  revealAcknowledge: 'لقد حفظت هذا الرمز في مكان آمن',
  revealDone: 'تم',
  revealDoneHint: 'للإنهاء، انسخ الرمز أو حدّد المربع بعد حفظه.',
  revealDismissBlocked: 'لا يزال الرمز ظاهرًا على الشاشة. انسخه أو أكّد أنك حفظته، ثم اختر «تم».',
};

registerLocale('ar', ar);
