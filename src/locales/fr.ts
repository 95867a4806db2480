/**
 * `pat-elements/locales/fr`: French strings for every element, as one `PatStrings` object,
 * registered for `lang="fr"` (and `fr-CA`, `fr-BE`, …) when this module is imported.
 *
 * ```ts
 * import 'pat-elements/locales/fr'; // then lang="fr" on the page (or an ancestor)
 * ```
 *
 * Typed as the full `PatStrings`, so a string added to an element fails the type-check here
 * until it is translated. French typography: the spaces inside « » and before : are no-break
 * spaces (U+00A0), those before ? ! ; narrow no-break spaces (U+202F), so a line never starts
 * with a quotation mark or a question mark. `one` covers 0 and 1; `many` is for millions
 * (« 1 000 000 de jetons »).
 */
import { registerLocale } from '../internal/localize.js';
import type { PatStrings } from '../internal/pat-strings.js';
// The global typings (tags and events) for a host that imports only this module.
import '../global-types.js';

export const fr: PatStrings = {
  // Errors
  errorNetwork: 'Impossible de joindre le serveur. Vérifiez votre connexion, puis réessayez.',
  errorTimeout: 'Le serveur a mis trop de temps à répondre. Réessayez.',
  errorContractNoField: 'La réponse du serveur est incompréhensible (ce n’était pas du JSON valide).',
  errorContractShape: 'La réponse du serveur est incompréhensible (elle n’a pas la forme attendue).',
  errorUnauthorized: 'Vous n’êtes pas connecté ou votre session a expiré. Reconnectez-vous, puis réessayez.',
  errorForbidden: 'Vous n’avez pas l’autorisation d’effectuer cette action.',
  errorNotFound: 'Aucun service de jetons n’a été trouvé à cette adresse.',
  errorConflict: 'La requête est en conflit avec un jeton existant.',
  errorValidation: 'Certaines valeurs n’ont pas été acceptées.',
  errorRateLimited: 'Trop de requêtes. Patientez un instant, puis réessayez.',
  errorServer: 'Le serveur a rencontré un problème (HTTP {status}). Réessayez dans un instant.',
  errorHttp: 'La requête a échoué (HTTP {status}).',
  errorUnknown: 'Une erreur s’est produite. Réessayez.',

  // <pat-token-list>
  tableCaption: 'Jetons d’accès personnels',
  generateButton: 'Générer un nouveau jeton',
  loadingTokens: 'Chargement des jetons…',
  tokenCount: { one: '{count} jeton', many: '{count} de jetons', other: '{count} jetons' },
  tokenCountOfMax: { one: '{count} jeton sur {max}', many: '{count} de jetons sur {max}', other: '{count} jetons sur {max}' },
  filteredCount: 'Affichage de {shown} sur {total}',
  tokenLimitReached: {
    one: 'Vous avez atteint la limite de {count} jeton. Supprimez un jeton dont vous n’avez plus besoin pour en générer un nouveau.',
    many: 'Vous avez atteint la limite de {count} de jetons. Supprimez un jeton dont vous n’avez plus besoin pour en générer un nouveau.',
    other: 'Vous avez atteint la limite de {count} jetons. Supprimez un jeton dont vous n’avez plus besoin pour en générer un nouveau.',
  },
  filterLabel: 'Filtrer les jetons',
  filterPlaceholder: 'Nom, description ou clé',
  statusLabel: 'Statut',
  statusAll: 'Tous',
  statusActive: 'Actif',
  statusExpiring: 'Expire bientôt',
  statusOption: '{name} ({count})',
  sortBy: 'Trier par',
  sortAToZ: '{column}, de A à Z',
  sortZToA: '{column}, de Z à A',
  sortEarliestFirst: '{column}, ordre croissant',
  sortLatestFirst: '{column}, ordre décroissant',
  columnName: 'Nom',
  columnKey: 'Clé',
  columnCreated: 'Créé le',
  columnExpires: 'Expire le',
  columnLastUsed: 'Dernière utilisation',
  columnScopes: 'Autorisations',
  columnActions: 'Actions',
  keyStartingWith: 'Clé commençant par {partialKey}',
  keyHidden: 'Clé masquée',
  expiresNever: 'Jamais',
  expiredBadge: 'Expiré',
  expiresTodayBadge: 'Expire aujourd’hui',
  expiresInDays: { one: 'Expire dans {days} jour', many: 'Expire dans {days} de jours', other: 'Expire dans {days} jours' },
  lastUsedNever: 'Jamais',
  justNow: 'à l’instant',
  newBadge: 'Nouveau',
  replacedBadge: 'Remplacé',
  replacedByKey: 'Remplacé par {key}',
  stopsWorking: 'Cesse de fonctionner {when}',
  neverExpiresBadge: 'Sans expiration',
  neverExpiresNudge: 'Régénérez-le avec une date d’expiration.',
  revokedBadge: 'Révoqué',
  revokedLeaked: 'Révoqué automatiquement le {date} : trouvé dans du code public sur {url}',
  revokedLeakedNoUrl: 'Révoqué automatiquement le {date} : trouvé dans du code public.',
  revokedAdmin: 'Révoqué par un administrateur le {date}.',
  revokedAccount: 'Révoqué le {date} avec tous vos jetons, pour protéger votre compte.',
  scopesAll: 'Toutes les autorisations',
  scopesNone: 'Aucune',
  scopesMore: '+{count}',
  scopesMoreLabel: {
    one: '+{count} de plus : autorisation de « {name} »',
    many: '+{count} de plus : autorisations de « {name} »',
    other: '+{count} de plus : autorisations de « {name} »',
  },
  scopesFewer: 'Afficher moins',
  regenerateButton: 'Régénérer',
  regenerateButtonLabel: 'Régénérer le jeton « {name} »',
  deleteButton: 'Supprimer',
  deleteButtonLabel: 'Supprimer le jeton « {name} »',
  deletingButton: 'Suppression…',
  deletingButtonLabel: 'Suppression du jeton « {name} »',
  confirmDeleteHeading: 'Supprimer ce jeton ?',
  confirmDeleteReplaced: 'Il a été remplacé par {key} et cesse de fonctionner {when} de toute façon.',
  confirmDeleteSuccessor: 'Il a remplacé {key} : le supprimer arrête aussi ce jeton-là.',
  confirmDeleteBody: 'Tout ce qui l’utilise cessera immédiatement de fonctionner. Cette action est irréversible.',
  confirmDeleteCancel: 'Annuler',
  confirmDeleteConfirm: 'Supprimer le jeton',
  tokenDeleted: 'Jeton « {name} » supprimé.',
  deleteFailed: 'Impossible de supprimer ce jeton. {reason}',
  loadFailed: 'Impossible de charger vos jetons.',
  refreshFailed: 'Impossible d’actualiser la liste.',
  tokensLeftOut: {
    one: '{count} jeton ne peut pas être affiché : la réponse du serveur le concernant est incompréhensible.',
    many: '{count} de jetons ne peuvent pas être affichés : la réponse du serveur les concernant est incompréhensible.',
    other: '{count} jetons ne peuvent pas être affichés : la réponse du serveur les concernant est incompréhensible.',
  },
  retryButton: 'Réessayer',
  retryingButton: 'Nouvel essai…',
  dismissButton: 'Fermer',
  emptyHeading: 'Aucun jeton pour l’instant',
  emptyBody:
    'Générez un jeton pour permettre à un script, à une CLI ou à une intégration d’agir en votre nom. Il dispose des mêmes autorisations que votre compte.',
  noMatches: 'Aucun jeton ne correspond à « {filter} ».',
  clearFilter: 'Effacer le filtre',

  // <pat-generate-dialog>
  dialogHeading: 'Générer un nouveau jeton',
  dialogPermissionsNote:
    'Ce jeton peut faire tout ce que votre compte peut faire. Quiconque le détient peut agir en votre nom : traitez-le comme un mot de passe.',
  dialogScopedNote:
    'Ce jeton ne peut faire que ce que vous autorisez ci-dessous. Quiconque le détient peut le faire en votre nom : traitez-le comme un mot de passe.',
  dialogClose: 'Fermer',
  dialogNameLabel: 'Nom',
  dialogNameHint: 'À quoi sert ce jeton ? Par exemple « Déploiement CI » ou « CLI du portable ».',
  dialogDescriptionLabel: 'Description (facultative)',
  dialogExpirationLabel: 'Durée de validité',
  dialogExpirationDays: { one: '{days} jour', many: '{days} de jours', other: '{days} jours' },
  dialogExpirationCustom: 'Date personnalisée…',
  dialogExpirationNever: 'Sans expiration',
  dialogCustomDateLabel: 'Date d’expiration',
  dialogExpiresOn: 'Expire le {date}',
  dialogNeverExpires: 'Ce jeton n’expire jamais. S’il est divulgué, il restera valide jusqu’à ce que quelqu’un le supprime.',
  dialogPickDate: 'Choisissez la date à laquelle le jeton cessera de fonctionner.',
  dialogCancel: 'Annuler',
  dialogSubmit: 'Générer le jeton',
  dialogSubmitting: 'Génération…',
  dialogNameRequired: 'Saisissez un nom pour le jeton.',
  dialogNameTooLong: '{max} caractères au maximum ({length} actuellement).',
  dialogDescriptionTooLong: '{max} caractères au maximum ({length} actuellement).',
  dialogDateRequired: 'Choisissez une date d’expiration.',
  dialogDateOutOfRange: 'Choisissez une date entre le {min} et le {max}.',
  dialogDateTooEarly: 'Choisissez une date postérieure à aujourd’hui.',
  dialogNotConfigured: 'Ce formulaire n’est relié à aucun service de jetons : définissez son point de terminaison ou son client.',
  dialogScopesLabel: 'Autorisations',
  dialogScopesSelectAll: 'Tout sélectionner',
  dialogScopesRequired: 'Choisissez au moins une autorisation.',
  dialogScopesAll: 'Toutes vos autorisations',
  dialogRegenerateHeading: 'Régénérer le jeton',
  dialogRegenerateNote:
    'Le nouveau jeton reçoit un nouveau secret et conserve le nom, la description et les autorisations. Mettez à jour tout ce qui utilise le jeton actuel.',
  dialogRegenerateSubmit: 'Régénérer le jeton',
  dialogRegenerateSubmitting: 'Régénération…',
  dialogGraceLabel: 'Le jeton actuel cesse de fonctionner',
  dialogGraceImmediately: 'Immédiatement',
  dialogGraceHours: { one: 'Dans {count} heure', many: 'Dans {count} d’heures', other: 'Dans {count} heures' },
  dialogGraceDays: { one: 'Dans {count} jour', many: 'Dans {count} de jours', other: 'Dans {count} jours' },
  dialogGraceNone: 'Tout ce qui utilise encore {key} échoue dès que vous régénérez.',
  dialogGraceUntil: 'Le jeton actuel reste valide jusqu’au {date}.',
  dialogTokenGone: 'Ce jeton n’existe plus. Il a été supprimé ou régénéré ailleurs.',

  // <pat-token-reveal>
  revealHeading: 'Copiez votre nouveau jeton maintenant',
  revealHeadingNamed: 'Copiez maintenant votre nouveau jeton « {name} »',
  revealWarning: 'Vous ne pourrez plus le consulter. Conservez-le en lieu sûr, par exemple dans un gestionnaire de mots de passe.',
  revealSecretLabel: 'Jeton',
  revealCopy: 'Copier le jeton',
  revealCopied: 'Copié',
  revealShow: 'Afficher',
  revealHide: 'Masquer',
  revealUsageLabel: 'Exemple d’utilisation',
  revealCopyUsage: 'Copier l’exemple',
  revealCopiedStatus: 'Jeton copié dans le presse-papiers.',
  revealUsageCopiedStatus: 'Exemple copié dans le presse-papiers.',
  revealCopyFailed:
    'Impossible de copier dans le presse-papiers. Le jeton est sélectionné : appuyez sur Ctrl+C (⌘C sur Mac) pour le copier vous-même.',
  revealUsageCopyFailed:
    'Impossible de copier dans le presse-papiers. L’exemple est sélectionné : appuyez sur Ctrl+C (⌘C sur Mac) pour le copier vous-même.',
  revealAcknowledge: 'J’ai conservé ce jeton en lieu sûr',
  revealDone: 'Terminé',
  revealDoneHint: 'Pour terminer, copiez le jeton ou cochez la case une fois que vous l’avez conservé.',
  revealDismissBlocked: 'Votre jeton est toujours affiché. Copiez-le ou confirmez que vous l’avez conservé, puis choisissez « Terminé ».',
};

registerLocale('fr', fr);
