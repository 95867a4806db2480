/**
 * `pat-elements/locales/zh-CN`: Simplified Chinese strings for every element, as one
 * `PatStrings` object, registered when this module is imported for `lang="zh-CN"`, `zh-SG` and
 * `zh-Hans`. Not for `lang="zh"` alone: `zh-TW` and `zh-HK` would fall back to it, and readers of
 * Traditional Chinese should not get Simplified by default. A page whose `zh` means Simplified
 * registers it: `registerLocale('zh', zhCN)`.
 *
 * ```ts
 * import 'pat-elements/locales/zh-CN'; // then lang="zh-CN" on the page (or an ancestor)
 * ```
 *
 * Typed as the full `PatStrings`, so a string added to an element fails the type-check here
 * until it is translated. “您”, full-width punctuation and “ ” quotation marks, a space between
 * Chinese and Latin words or numbers (“3 天后过期”). Chinese has one plural form: `other`.
 */
import { registerLocale } from '../internal/localize.js';
import type { PatStrings } from '../internal/pat-strings.js';
// The global typings (tags and events) for a host that imports only this module.
import '../global-types.js';

export const zhCN: PatStrings = {
  // Errors
  errorNetwork: '无法连接到服务器。请检查网络连接，然后重试。',
  errorTimeout: '服务器响应超时。请重试。',
  errorContractNoField: '无法解析服务器的响应（不是有效的 JSON）。',
  errorContractShape: '无法解析服务器的响应（结构与预期不符）。',
  errorUnauthorized: '您尚未登录，或会话已过期。请重新登录后重试。',
  errorForbidden: '您没有执行此操作的权限。',
  errorNotFound: '在此地址未找到令牌服务。',
  errorConflict: '该请求与现有令牌冲突。',
  errorValidation: '部分值未被接受。',
  errorRateLimited: '请求过于频繁。请稍候再试。',
  errorServer: '服务器出现问题（HTTP {status}）。请稍后重试。',
  errorHttp: '请求失败（HTTP {status}）。',
  errorUnknown: '出了点问题。请重试。',

  // <pat-token-list>
  tableCaption: '个人访问令牌',
  generateButton: '生成新令牌',
  loadingTokens: '正在加载令牌…',
  tokenCount: { other: '{count} 个令牌' },
  filteredCount: '显示 {shown} 个，共 {total} 个',
  filterLabel: '筛选令牌',
  filterPlaceholder: '名称或描述',
  sortBy: '排序方式',
  columnName: '名称',
  columnKey: '密钥',
  columnCreated: '创建时间',
  columnExpires: '过期时间',
  columnLastUsed: '上次使用',
  columnScopes: '权限',
  columnActions: '操作',
  keyStartingWith: '以 {partialKey} 开头的密钥',
  keyHidden: '密钥已隐藏',
  expiresNever: '永不过期',
  expiredBadge: '已过期',
  expiresTodayBadge: '今天过期',
  expiresInDays: { other: '{days} 天后过期' },
  lastUsedNever: '从未',
  newBadge: '新',
  replacedBadge: '已替换',
  stopsWorking: '将于{when}失效',
  scopesAll: '全部权限',
  scopesNone: '无',
  scopesMore: '+{count} 项',
  scopesMoreLabel: { other: '+{count} 项：“{name}”的更多权限' },
  scopesFewer: '收起',
  regenerateButton: '重新生成',
  regenerateButtonLabel: '重新生成令牌“{name}”',
  deleteButton: '删除',
  deleteButtonLabel: '删除令牌“{name}”',
  deletingButton: '正在删除…',
  deletingButtonLabel: '正在删除令牌“{name}”',
  confirmDeleteHeading: '要删除令牌“{name}”吗？',
  confirmDeleteBody: '所有使用它的地方都会立即停止工作。此操作无法撤消。',
  confirmDeleteCancel: '取消',
  confirmDeleteConfirm: '删除令牌',
  tokenDeleted: '已删除令牌“{name}”。',
  deleteFailed: '无法删除此令牌。{reason}',
  loadFailed: '无法加载您的令牌。',
  refreshFailed: '无法刷新列表。',
  tokensLeftOut: { other: '有 {count} 个令牌无法显示：无法理解服务器对它们的响应。' },
  retryButton: '重试',
  retryingButton: '正在重试…',
  dismissButton: '关闭',
  emptyHeading: '还没有令牌',
  emptyBody: '生成令牌后，脚本、CLI 或集成即可代表您执行操作。令牌拥有与您的账号相同的权限。',
  noMatches: '没有与“{filter}”匹配的令牌。',
  clearFilter: '清除筛选',
  revokedLeaked: '已于{date}自动撤销：在公开代码中发现，位置 {url}',
  revokedLeakedNoUrl: '已于{date}自动撤销：在公开代码中发现。',
  revokedByAdmin: '已于{date}被管理员撤销。',
  revokedWithAccount: '为保护你的账户，已于{date}与你的所有令牌一起撤销。',

  // <pat-generate-dialog>
  dialogHeading: '生成新令牌',
  dialogPermissionsNote: '此令牌可以执行您的账号能执行的所有操作。任何持有它的人都能以您的身份操作，请像对待密码一样保管它。',
  dialogScopedNote: '此令牌只能执行您在下方允许的操作。任何持有它的人都能以您的身份执行这些操作，请像对待密码一样保管它。',
  dialogClose: '关闭',
  dialogNameLabel: '名称',
  dialogNameHint: '这个令牌用于什么？例如“CI 部署”或“笔记本 CLI”。',
  dialogDescriptionLabel: '描述（可选）',
  dialogExpirationLabel: '有效期',
  dialogExpirationDays: { other: '{days} 天' },
  dialogExpirationCustom: '自定义日期…',
  dialogExpirationNever: '永不过期',
  dialogCustomDateLabel: '过期日期',
  dialogExpiresOn: '将于 {date} 过期',
  dialogNeverExpires: '此令牌永不过期。一旦泄露，它会一直有效，直到有人将其删除。',
  dialogPickDate: '请选择令牌停止生效的日期。',
  dialogCancel: '取消',
  dialogSubmit: '生成令牌',
  dialogSubmitting: '正在生成…',
  dialogNameRequired: '请输入令牌名称。',
  dialogNameTooLong: '最多 {max} 个字符（当前为 {length} 个）。',
  dialogDescriptionTooLong: '最多 {max} 个字符（当前为 {length} 个）。',
  dialogDateRequired: '请选择过期日期。',
  dialogDateOutOfRange: '请选择 {min} 至 {max} 之间的日期。',
  dialogDateTooEarly: '请选择今天之后的日期。',
  dialogNotConfigured: '此表单未连接到任何令牌服务：请设置其端点或客户端。',
  dialogScopesLabel: '权限',
  dialogScopesSelectAll: '全选',
  dialogScopesRequired: '请至少选择一项权限。',
  dialogScopesAll: '您的全部权限',
  dialogRegenerateHeading: '重新生成令牌',
  dialogRegenerateNote: '新令牌的值会重新生成，名称、描述和权限保持不变。请更新所有使用当前令牌的地方。',
  dialogRegenerateSubmit: '重新生成令牌',
  dialogRegenerateSubmitting: '正在重新生成…',
  dialogGraceLabel: '当前令牌的宽限期',
  dialogGraceImmediately: '无（立即失效）',
  dialogGraceHours: { other: '{count} 小时' },
  dialogGraceDays: { other: '{count} 天' },
  dialogGraceNone: '当前令牌将立即失效。',
  dialogGraceUntil: '当前令牌在 {date} 之前仍可使用。',
  dialogTokenGone: '此令牌已不存在。它已在其他地方被删除或重新生成。',

  // <pat-token-reveal>
  revealHeading: '立即复制您的新令牌',
  revealHeadingNamed: '立即复制您的新令牌“{name}”',
  revealWarning: '此令牌之后将无法再次查看。请将其保存在安全的地方，例如密码管理器。',
  revealSecretLabel: '令牌',
  revealCopy: '复制令牌',
  revealCopied: '已复制',
  revealShow: '显示',
  revealHide: '隐藏',
  revealUsageLabel: '用法示例',
  revealCopyUsage: '复制示例',
  revealCopiedStatus: '令牌已复制到剪贴板。',
  revealUsageCopiedStatus: '示例已复制到剪贴板。',
  revealCopyFailed: '无法复制到剪贴板。令牌已选中：请按 Ctrl+C（Mac 上按 ⌘C）自行复制。',
  revealUsageCopyFailed: '无法复制到剪贴板。示例已选中：请按 Ctrl+C（Mac 上按 ⌘C）自行复制。',
  revealAcknowledge: '我已将此令牌保存在安全的地方',
  revealDone: '完成',
  revealDoneHint: '请复制令牌，或在保存后勾选此复选框，以完成操作。',
  revealDismissBlocked: '您的令牌仍显示在屏幕上。请复制它或确认已保存，然后选择“完成”。',
};

for (const tag of ['zh-CN', 'zh-SG', 'zh-Hans']) registerLocale(tag, zhCN);
