/**
 * `pat-elements/locales/ja`: Japanese strings for every element, as one `PatStrings` object,
 * registered for `lang="ja"` (and `ja-JP`) when this module is imported.
 *
 * ```ts
 * import 'pat-elements/locales/ja'; // then lang="ja" on the page (or an ancestor)
 * ```
 *
 * Typed as the full `PatStrings`, so a string added to an element fails the type-check here
 * until it is translated. Polite form (です・ます), 「」 quotation marks, full-width punctuation,
 * a half-width space around Latin words (「CI デプロイ」) but none between a number and its
 * counter (「3日」). Japanese has one plural form: `other`.
 */
import { registerLocale } from '../internal/localize.js';
import type { PatStrings } from '../internal/pat-strings.js';
// The global typings (tags and events) for a host that imports only this module.
import '../global-types.js';

export const ja: PatStrings = {
  // Errors
  errorNetwork: 'サーバーに接続できませんでした。接続を確認して、もう一度お試しください。',
  errorTimeout: 'サーバーの応答に時間がかかりすぎています。もう一度お試しください。',
  errorContractNoField: 'サーバーの応答を解釈できませんでした（有効な JSON ではありません）。',
  errorContractShape: 'サーバーの応答を解釈できませんでした（想定された形式ではありません）。',
  errorUnauthorized: 'サインインしていないか、セッションの有効期限が切れています。もう一度サインインしてからお試しください。',
  errorForbidden: 'この操作を行う権限がありません。',
  errorNotFound: 'このアドレスにトークンサービスが見つかりません。',
  errorConflict: 'リクエストが既存のトークンと競合しています。',
  errorValidation: '一部の値が受け付けられませんでした。',
  errorRateLimited: 'リクエストが多すぎます。しばらく待ってから、もう一度お試しください。',
  errorServer: 'サーバーで問題が発生しました（HTTP {status}）。しばらくしてから、もう一度お試しください。',
  errorHttp: 'リクエストが失敗しました（HTTP {status}）。',
  errorUnknown: '問題が発生しました。もう一度お試しください。',

  // <pat-token-list>
  tableCaption: '個人用アクセストークン',
  generateButton: '新しいトークンを生成',
  loadingTokens: 'トークンを読み込んでいます…',
  tokenCount: { other: '{count}件のトークン' },
  filteredCount: '{total}件中{shown}件を表示',
  filterLabel: 'トークンを絞り込む',
  filterPlaceholder: '名前または説明',
  sortBy: '並べ替え',
  columnName: '名前',
  columnKey: 'キー',
  columnCreated: '作成日',
  columnExpires: '有効期限',
  columnLastUsed: '最終使用',
  columnScopes: '権限',
  columnActions: '操作',
  keyStartingWith: '{partialKey} で始まるキー',
  keyHidden: '非表示のキー',
  expiresNever: '無期限',
  expiredBadge: '期限切れ',
  expiresTodayBadge: '本日で期限切れ',
  expiresInDays: { other: 'あと{days}日で期限切れ' },
  lastUsedNever: 'なし',
  newBadge: '新規',
  replacedBadge: '置き換え済み',
  stopsWorking: '{when}に無効になります',
  scopesAll: 'すべての権限',
  scopesNone: 'なし',
  scopesMore: '他{count}件',
  scopesMoreLabel: { other: '他{count}件:「{name}」の権限' },
  scopesFewer: '表示を減らす',
  regenerateButton: '再生成',
  regenerateButtonLabel: 'トークン「{name}」を再生成',
  deleteButton: '削除',
  deleteButtonLabel: 'トークン「{name}」を削除',
  deletingButton: '削除中…',
  deletingButtonLabel: 'トークン「{name}」を削除中',
  confirmDeleteHeading: 'トークン「{name}」を削除しますか？',
  confirmDeleteBody: 'このトークンを使用しているものはすべて、ただちに動作しなくなります。この操作は元に戻せません。',
  confirmDeleteCancel: 'キャンセル',
  confirmDeleteConfirm: 'トークンを削除',
  tokenDeleted: 'トークン「{name}」を削除しました。',
  deleteFailed: 'このトークンを削除できませんでした。{reason}',
  loadFailed: 'トークンを読み込めませんでした。',
  refreshFailed: '一覧を更新できませんでした。',
  tokensLeftOut: { other: '{count}件のトークンを表示できません: サーバーの応答を解釈できませんでした。' },
  retryButton: '再試行',
  retryingButton: '再試行中…',
  dismissButton: '閉じる',
  emptyHeading: 'トークンはまだありません',
  emptyBody:
    'トークンを生成すると、スクリプト、CLI、連携サービスがあなたの代わりに操作できるようになります。トークンにはアカウントと同じ権限があります。',
  noMatches: '「{filter}」に一致するトークンはありません。',
  clearFilter: '絞り込みを解除',
  revokedLeaked: '{date}に自動的に無効化されました: 公開コード内で見つかりました ({url})',
  revokedLeakedNoUrl: '{date}に自動的に無効化されました: 公開コード内で見つかりました。',
  revokedByAdmin: '{date}に管理者によって無効化されました。',
  revokedWithAccount: 'アカウントを保護するため、{date}にすべてのトークンとともに無効化されました。',

  // <pat-generate-dialog>
  dialogHeading: '新しいトークンを生成',
  dialogPermissionsNote:
    'このトークンでは、アカウントでできることがすべてできます。持っている人は誰でもあなたとして操作できるため、パスワードと同じように扱ってください。',
  dialogScopedNote:
    'このトークンでは、以下で許可した操作だけができます。持っている人は誰でもあなたとしてその操作ができるため、パスワードと同じように扱ってください。',
  dialogClose: '閉じる',
  dialogNameLabel: '名前',
  dialogNameHint: 'このトークンを何に使いますか？（例：「CI デプロイ」「ノート PC の CLI」）',
  dialogDescriptionLabel: '説明（任意）',
  dialogExpirationLabel: '有効期限',
  dialogExpirationDays: { other: '{days}日間' },
  dialogExpirationCustom: '日付を指定…',
  dialogExpirationNever: '無期限',
  dialogCustomDateLabel: '有効期限の日付',
  dialogExpiresOn: '{date}に期限切れになります',
  dialogNeverExpires: 'このトークンは期限切れになりません。漏洩した場合、誰かが削除するまで使えてしまいます。',
  dialogPickDate: 'トークンが使えなくなる日付を選択してください。',
  dialogCancel: 'キャンセル',
  dialogSubmit: 'トークンを生成',
  dialogSubmitting: '生成中…',
  dialogNameRequired: 'トークンの名前を入力してください。',
  dialogNameTooLong: '{max}文字以内で入力してください（現在{length}文字）。',
  dialogDescriptionTooLong: '{max}文字以内で入力してください（現在{length}文字）。',
  dialogDateRequired: '有効期限の日付を選択してください。',
  dialogDateOutOfRange: '{min}から{max}までの日付を選択してください。',
  dialogDateTooEarly: '明日以降の日付を選択してください。',
  dialogNotConfigured: 'このフォームはトークンサービスに接続されていません。エンドポイントまたはクライアントを設定してください。',
  dialogScopesLabel: '権限',
  dialogScopesSelectAll: 'すべて選択',
  dialogScopesRequired: '権限を1つ以上選択してください。',
  dialogScopesAll: 'あなたのすべての権限',
  dialogRegenerateHeading: 'トークンを再生成',
  dialogRegenerateNote:
    '新しいトークンには新しいシークレットが発行され、名前、説明、権限は引き継がれます。現在のトークンを使用しているものはすべて更新してください。',
  dialogRegenerateSubmit: 'トークンを再生成',
  dialogRegenerateSubmitting: '再生成中…',
  dialogGraceLabel: '現在のトークンの猶予期間',
  dialogGraceImmediately: 'なし（ただちに無効）',
  dialogGraceHours: { other: '{count}時間' },
  dialogGraceDays: { other: '{count}日間' },
  dialogGraceNone: '現在のトークンはただちに使用できなくなります。',
  dialogGraceUntil: '現在のトークンは{date}まで使用できます。',
  dialogTokenGone: 'このトークンはもう存在しません。別の場所で削除または再生成されました。',

  // <pat-token-reveal>
  revealHeading: '新しいトークンを今すぐコピーしてください',
  revealHeadingNamed: '新しいトークン「{name}」を今すぐコピーしてください',
  revealWarning: 'このトークンは二度と表示されません。パスワードマネージャーなど、安全な場所に保管してください。',
  revealSecretLabel: 'トークン',
  revealCopy: 'トークンをコピー',
  revealCopied: 'コピーしました',
  revealShow: '表示',
  revealHide: '非表示',
  revealUsageLabel: '使用例',
  revealCopyUsage: '使用例をコピー',
  revealCopiedStatus: 'トークンをクリップボードにコピーしました。',
  revealUsageCopiedStatus: '使用例をクリップボードにコピーしました。',
  revealCopyFailed:
    'クリップボードにコピーできませんでした。トークンが選択されているので、Ctrl+C（Mac では ⌘C）を押してコピーしてください。',
  revealUsageCopyFailed:
    'クリップボードにコピーできませんでした。使用例が選択されているので、Ctrl+C（Mac では ⌘C）を押してコピーしてください。',
  revealAcknowledge: 'このトークンを安全な場所に保管しました',
  revealDone: '完了',
  revealDoneHint: '完了するには、トークンをコピーするか、保管したらチェックボックスをオンにしてください。',
  revealDismissBlocked: 'トークンがまだ画面に表示されています。コピーするか、保管したことを確認してから「完了」を選択してください。',
};

registerLocale('ja', ja);
