/**
 * `pat-elements/locales/de`: German strings for every element, as one `PatStrings` object,
 * registered for `lang="de"` (and `de-AT`, `de-CH`, …) when this module is imported.
 *
 * ```ts
 * import 'pat-elements/locales/de'; // then lang="de" on the page (or an ancestor)
 * ```
 *
 * Typed as the full `PatStrings`, so a string added to an element fails the type-check here
 * until it is translated.
 */
import { registerLocale } from '../internal/localize.js';
import type { PatStrings } from '../internal/pat-strings.js';
// The global typings (tags and events) for a host that imports only this module.
import '../global-types.js';

export const de: PatStrings = {
  // Errors
  errorNetwork: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  errorTimeout: 'Der Server hat zu lange nicht geantwortet. Versuchen Sie es erneut.',
  errorContractNoField: 'Die Antwort des Servers war unverständlich (sie war kein gültiges JSON).',
  errorContractShape: 'Die Antwort des Servers war unverständlich (sie hat nicht die erwartete Form).',
  errorUnauthorized:
    'Sie sind nicht angemeldet oder Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an und versuchen Sie es noch einmal.',
  errorForbidden: 'Dazu fehlt Ihnen die Berechtigung.',
  errorNotFound: 'Unter dieser Adresse wurde kein Token-Dienst gefunden.',
  errorConflict: 'Die Anfrage steht im Konflikt mit einem vorhandenen Token.',
  errorValidation: 'Einige Angaben wurden nicht akzeptiert.',
  errorRateLimited: 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.',
  errorServer: 'Auf dem Server ist ein Fehler aufgetreten (HTTP {status}). Versuchen Sie es gleich noch einmal.',
  errorHttp: 'Die Anfrage ist fehlgeschlagen (HTTP {status}).',
  errorUnknown: 'Etwas ist schiefgegangen. Versuchen Sie es erneut.',

  // <pat-token-list>
  tableCaption: 'Persönliche Zugriffstokens',
  generateButton: 'Neues Token erstellen',
  loadingTokens: 'Tokens werden geladen …',
  tokenCount: { one: '{count} Token', other: '{count} Tokens' },
  filteredCount: '{shown} von {total} angezeigt',
  filterLabel: 'Tokens filtern',
  filterPlaceholder: 'Name oder Beschreibung',
  sortBy: 'Sortieren nach',
  columnName: 'Name',
  columnKey: 'Schlüssel',
  columnCreated: 'Erstellt',
  columnExpires: 'Läuft ab',
  columnLastUsed: 'Zuletzt verwendet',
  columnScopes: 'Berechtigungen',
  columnActions: 'Aktionen',
  keyStartingWith: 'Schlüssel beginnt mit {partialKey}',
  keyHidden: 'Schlüssel verborgen',
  expiresNever: 'Nie',
  expiredBadge: 'Abgelaufen',
  expiresTodayBadge: 'Läuft heute ab',
  expiresInDays: { one: 'Läuft in {days} Tag ab', other: 'Läuft in {days} Tagen ab' },
  lastUsedNever: 'Nie',
  newBadge: 'Neu',
  replacedBadge: 'Ersetzt',
  stopsWorking: 'Läuft {when} ab',
  scopesAll: 'Alle Berechtigungen',
  scopesNone: 'Keine',
  scopesMore: '+{count} weitere',
  scopesMoreLabel: { one: '+{count} weitere Berechtigung von „{name}“', other: '+{count} weitere Berechtigungen von „{name}“' },
  scopesFewer: 'Weniger anzeigen',
  regenerateButton: 'Neu erstellen',
  regenerateButtonLabel: 'Token „{name}“ neu erstellen',
  deleteButton: 'Löschen',
  deleteButtonLabel: 'Token „{name}“ löschen',
  deletingButton: 'Wird gelöscht …',
  deletingButtonLabel: 'Token „{name}“ wird gelöscht',
  confirmDeleteHeading: 'Token „{name}“ löschen?',
  confirmDeleteBody: 'Alles, was es verwendet, funktioniert sofort nicht mehr. Das lässt sich nicht rückgängig machen.',
  confirmDeleteCancel: 'Abbrechen',
  confirmDeleteConfirm: 'Token löschen',
  tokenDeleted: 'Token „{name}“ gelöscht.',
  deleteFailed: 'Dieses Token konnte nicht gelöscht werden. {reason}',
  loadFailed: 'Ihre Tokens konnten nicht geladen werden.',
  refreshFailed: 'Die Liste konnte nicht aktualisiert werden.',
  tokensLeftOut: {
    one: '{count} Token kann nicht angezeigt werden: Die Antwort des Servers dazu war unverständlich.',
    other: '{count} Tokens können nicht angezeigt werden: Die Antwort des Servers dazu war unverständlich.',
  },
  retryButton: 'Erneut versuchen',
  retryingButton: 'Wird wiederholt …',
  dismissButton: 'Schließen',
  emptyHeading: 'Noch keine Tokens',
  emptyBody:
    'Erstellen Sie ein Token, damit ein Skript, eine CLI oder eine Integration in Ihrem Namen handeln kann. Es hat dieselben Berechtigungen wie Ihr Konto.',
  noMatches: 'Keine Tokens passen zu „{filter}“.',
  clearFilter: 'Filter zurücksetzen',
  revokedLeaked: 'Am {date} automatisch widerrufen: in öffentlichem Code gefunden unter {url}',
  revokedLeakedNoUrl: 'Am {date} automatisch widerrufen: in öffentlichem Code gefunden.',
  revokedByAdmin: 'Am {date} von einer Administratorin oder einem Administrator widerrufen.',
  revokedWithAccount: 'Am {date} mit all Ihren Tokens widerrufen, um Ihr Konto zu schützen.',

  // <pat-generate-dialog>
  dialogHeading: 'Neues Token erstellen',
  dialogPermissionsNote:
    'Das Token kann alles, was Ihr Konto kann. Wer es besitzt, kann in Ihrem Namen handeln – behandeln Sie es wie ein Passwort.',
  dialogScopedNote:
    'Das Token kann nur, was Sie unten erlauben. Wer es besitzt, kann das in Ihrem Namen tun – behandeln Sie es wie ein Passwort.',
  dialogClose: 'Schließen',
  dialogNameLabel: 'Name',
  dialogNameHint: 'Wofür ist dieses Token? Zum Beispiel „CI-Deployment“ oder „Laptop-CLI“.',
  dialogDescriptionLabel: 'Beschreibung (optional)',
  dialogExpirationLabel: 'Ablauf',
  dialogExpirationDays: { one: '{days} Tag', other: '{days} Tage' },
  dialogExpirationCustom: 'Eigenes Datum …',
  dialogExpirationNever: 'Kein Ablaufdatum',
  dialogCustomDateLabel: 'Ablaufdatum',
  dialogExpiresOn: 'Läuft am {date} ab',
  dialogNeverExpires: 'Dieses Token läuft nie ab. Gerät es in falsche Hände, funktioniert es, bis jemand es löscht.',
  dialogPickDate: 'Wählen Sie das Datum, ab dem das Token nicht mehr funktionieren soll.',
  dialogCancel: 'Abbrechen',
  dialogSubmit: 'Token erstellen',
  dialogSubmitting: 'Wird erstellt …',
  dialogNameRequired: 'Geben Sie einen Namen für das Token ein.',
  dialogNameTooLong: 'Verwenden Sie höchstens {max} Zeichen (das sind {length}).',
  dialogDescriptionTooLong: 'Verwenden Sie höchstens {max} Zeichen (das sind {length}).',
  dialogDateRequired: 'Wählen Sie ein Ablaufdatum.',
  dialogDateOutOfRange: 'Wählen Sie ein Datum vom {min} bis zum {max}.',
  dialogDateTooEarly: 'Wählen Sie ein Datum nach heute.',
  dialogNotConfigured: 'Dieses Formular ist mit keinem Token-Dienst verbunden: Legen Sie seinen Endpunkt oder Client fest.',
  dialogScopesLabel: 'Berechtigungen',
  dialogScopesSelectAll: 'Alle auswählen',
  dialogScopesRequired: 'Wählen Sie mindestens eine Berechtigung.',
  dialogScopesAll: 'Alle Ihre Berechtigungen',
  dialogRegenerateHeading: 'Token neu erstellen',
  dialogRegenerateNote:
    'Das neue Token erhält ein neues Geheimnis und behält Namen, Beschreibung und Berechtigungen. Aktualisieren Sie alles, was das bisherige verwendet.',
  dialogRegenerateSubmit: 'Token neu erstellen',
  dialogRegenerateSubmitting: 'Wird neu erstellt …',
  dialogGraceLabel: 'Übergangsfrist für das bisherige Token',
  dialogGraceImmediately: 'Sofort',
  dialogGraceHours: { one: '{count} Stunde', other: '{count} Stunden' },
  dialogGraceDays: { one: '{count} Tag', other: '{count} Tage' },
  dialogGraceNone: 'Das bisherige Token funktioniert ab sofort nicht mehr.',
  dialogGraceUntil: 'Das bisherige Token funktioniert noch bis {date}.',
  dialogTokenGone: 'Dieses Token gibt es nicht mehr. Es wurde anderswo gelöscht oder neu erstellt.',

  // <pat-token-reveal>
  revealHeading: 'Kopieren Sie jetzt Ihr neues Token',
  revealHeadingNamed: 'Kopieren Sie jetzt Ihr neues Token „{name}“',
  revealWarning: 'Sie können es später nicht mehr einsehen. Bewahren Sie es an einem sicheren Ort auf, etwa in einem Passwort-Manager.',
  revealSecretLabel: 'Token',
  revealCopy: 'Token kopieren',
  revealCopied: 'Kopiert',
  revealShow: 'Anzeigen',
  revealHide: 'Verbergen',
  revealUsageLabel: 'Beispiel',
  revealCopyUsage: 'Beispiel kopieren',
  revealCopiedStatus: 'Token in die Zwischenablage kopiert.',
  revealUsageCopiedStatus: 'Beispiel in die Zwischenablage kopiert.',
  revealCopyFailed:
    'Kopieren in die Zwischenablage fehlgeschlagen. Das Token ist markiert: Drücken Sie Strg+C (⌘C auf dem Mac), um es selbst zu kopieren.',
  revealUsageCopyFailed:
    'Kopieren in die Zwischenablage fehlgeschlagen. Das Beispiel ist markiert: Drücken Sie Strg+C (⌘C auf dem Mac), um es selbst zu kopieren.',
  revealAcknowledge: 'Ich habe dieses Token sicher aufbewahrt',
  revealDone: 'Fertig',
  revealDoneHint: 'Kopieren Sie das Token oder bestätigen Sie, dass Sie es aufbewahrt haben, um abzuschließen.',
  revealDismissBlocked:
    'Ihr Token ist noch zu sehen. Kopieren Sie es oder bestätigen Sie, dass Sie es aufbewahrt haben, und wählen Sie dann „Fertig“.',
};

registerLocale('de', de);
