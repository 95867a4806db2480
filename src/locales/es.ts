/**
 * `pat-elements/locales/es`: Spanish strings for every element, as one `PatStrings` object,
 * registered for `lang="es"` (and `es-ES`, `es-MX`, `es-419`, …) when this module is imported.
 *
 * ```ts
 * import 'pat-elements/locales/es'; // then lang="es" on the page (or an ancestor)
 * ```
 *
 * Typed as the full `PatStrings`, so a string added to an element fails the type-check here
 * until it is translated. Neutral Spanish for Spain and Latin America: “tú”, “token” as the
 * industry says it, “vencer” for expiry (understood everywhere, unlike “caducar”), and « »
 * quotation marks. `many` is for millions (“1.000.000 de tokens”).
 */
import { registerLocale } from '../internal/localize.js';
import type { PatStrings } from '../internal/pat-strings.js';
// The global typings (tags and events) for a host that imports only this module.
import '../global-types.js';

export const es: PatStrings = {
  // Errors
  errorNetwork: 'No se pudo conectar con el servidor. Comprueba tu conexión y vuelve a intentarlo.',
  errorTimeout: 'El servidor tardó demasiado en responder. Vuelve a intentarlo.',
  errorContractNoField: 'No se pudo interpretar la respuesta del servidor (no era JSON válido).',
  errorContractShape: 'No se pudo interpretar la respuesta del servidor (no tiene la forma esperada).',
  errorUnauthorized: 'No has iniciado sesión o tu sesión ha expirado. Vuelve a iniciar sesión e inténtalo de nuevo.',
  errorForbidden: 'No tienes permiso para hacer esto.',
  errorNotFound: 'No se encontró ningún servicio de tokens en esta dirección.',
  errorConflict: 'La solicitud entra en conflicto con un token existente.',
  errorValidation: 'No se aceptaron algunos de los valores.',
  errorRateLimited: 'Demasiadas solicitudes. Espera un momento y vuelve a intentarlo.',
  errorServer: 'El servidor tuvo un problema (HTTP {status}). Vuelve a intentarlo en un momento.',
  errorHttp: 'La solicitud falló (HTTP {status}).',
  errorUnknown: 'Algo salió mal. Vuelve a intentarlo.',

  // <pat-token-list>
  tableCaption: 'Tokens de acceso personal',
  generateButton: 'Generar nuevo token',
  loadingTokens: 'Cargando tokens…',
  tokenCount: { one: '{count} token', many: '{count} de tokens', other: '{count} tokens' },
  filteredCount: 'Mostrando {shown} de {total}',
  filterLabel: 'Filtrar tokens',
  filterPlaceholder: 'Nombre o descripción',
  sortBy: 'Ordenar por',
  columnName: 'Nombre',
  columnKey: 'Clave',
  columnCreated: 'Creado',
  columnExpires: 'Vence',
  columnLastUsed: 'Último uso',
  columnScopes: 'Permisos',
  columnActions: 'Acciones',
  keyStartingWith: 'Clave que empieza por {partialKey}',
  keyHidden: 'Clave oculta',
  expiresNever: 'Nunca',
  expiredBadge: 'Vencido',
  expiresTodayBadge: 'Vence hoy',
  expiresInDays: { one: 'Vence en {days} día', many: 'Vence en {days} de días', other: 'Vence en {days} días' },
  lastUsedNever: 'Nunca',
  newBadge: 'Nuevo',
  replacedBadge: 'Reemplazado',
  stopsWorking: 'Deja de funcionar {when}',
  scopesAll: 'Todos los permisos',
  scopesNone: 'Ninguno',
  scopesMore: '+{count} más',
  scopesMoreLabel: {
    one: '+{count} más: permiso de «{name}»',
    many: '+{count} más: permisos de «{name}»',
    other: '+{count} más: permisos de «{name}»',
  },
  scopesFewer: 'Mostrar menos',
  regenerateButton: 'Regenerar',
  regenerateButtonLabel: 'Regenerar el token «{name}»',
  deleteButton: 'Eliminar',
  deleteButtonLabel: 'Eliminar el token «{name}»',
  deletingButton: 'Eliminando…',
  deletingButtonLabel: 'Eliminando el token «{name}»',
  confirmDeleteHeading: '¿Eliminar el token «{name}»?',
  confirmDeleteBody: 'Todo lo que lo use dejará de funcionar de inmediato. Esta acción no se puede deshacer.',
  confirmDeleteCancel: 'Cancelar',
  confirmDeleteConfirm: 'Eliminar token',
  tokenDeleted: 'Se eliminó el token «{name}».',
  deleteFailed: 'No se pudo eliminar este token. {reason}',
  loadFailed: 'No se pudieron cargar tus tokens.',
  refreshFailed: 'No se pudo actualizar la lista.',
  tokensLeftOut: {
    one: 'No se puede mostrar {count} token: la respuesta del servidor sobre él no se entendió.',
    many: 'No se pueden mostrar {count} de tokens: la respuesta del servidor sobre ellos no se entendió.',
    other: 'No se pueden mostrar {count} tokens: la respuesta del servidor sobre ellos no se entendió.',
  },
  retryButton: 'Reintentar',
  retryingButton: 'Reintentando…',
  dismissButton: 'Cerrar',
  emptyHeading: 'Aún no hay tokens',
  emptyBody: 'Genera un token para que un script, una CLI o una integración actúe en tu nombre. Tiene los mismos permisos que tu cuenta.',
  noMatches: 'Ningún token coincide con «{filter}».',
  clearFilter: 'Borrar filtro',
  revokedLeaked: 'Revocado automáticamente el {date}: encontrado en código público en {url}',
  revokedLeakedNoUrl: 'Revocado automáticamente el {date}: encontrado en código público.',
  revokedByAdmin: 'Revocado por un administrador el {date}.',
  revokedWithAccount: 'Revocado el {date} junto con todos tus tokens, para proteger tu cuenta.',

  // <pat-generate-dialog>
  dialogHeading: 'Generar nuevo token',
  dialogPermissionsNote:
    'El token puede hacer todo lo que puede hacer tu cuenta. Quien lo tenga puede actuar en tu nombre, así que trátalo como una contraseña.',
  dialogScopedNote:
    'El token solo puede hacer lo que permitas a continuación. Quien lo tenga puede hacerlo en tu nombre, así que trátalo como una contraseña.',
  dialogClose: 'Cerrar',
  dialogNameLabel: 'Nombre',
  dialogNameHint: '¿Para qué es este token? Por ejemplo, «Despliegue de CI» o «CLI del portátil».',
  dialogDescriptionLabel: 'Descripción (opcional)',
  dialogExpirationLabel: 'Vencimiento',
  dialogExpirationDays: { one: '{days} día', many: '{days} de días', other: '{days} días' },
  dialogExpirationCustom: 'Fecha personalizada…',
  dialogExpirationNever: 'Sin vencimiento',
  dialogCustomDateLabel: 'Fecha de vencimiento',
  dialogExpiresOn: 'Vence el {date}',
  dialogNeverExpires: 'Este token no vence nunca. Si se filtra, seguirá funcionando hasta que alguien lo elimine.',
  dialogPickDate: 'Elige la fecha en la que el token dejará de funcionar.',
  dialogCancel: 'Cancelar',
  dialogSubmit: 'Generar token',
  dialogSubmitting: 'Generando…',
  dialogNameRequired: 'Escribe un nombre para el token.',
  dialogNameTooLong: 'Usa como máximo {max} caracteres (ahora hay {length}).',
  dialogDescriptionTooLong: 'Usa como máximo {max} caracteres (ahora hay {length}).',
  dialogDateRequired: 'Elige una fecha de vencimiento.',
  dialogDateOutOfRange: 'Elige una fecha entre el {min} y el {max}.',
  dialogDateTooEarly: 'Elige una fecha posterior a hoy.',
  dialogNotConfigured: 'Este formulario no está conectado a ningún servicio de tokens: indica su endpoint o su cliente.',
  dialogScopesLabel: 'Permisos',
  dialogScopesSelectAll: 'Seleccionar todos',
  dialogScopesRequired: 'Elige al menos un permiso.',
  dialogScopesAll: 'Todos tus permisos',
  dialogRegenerateHeading: 'Regenerar token',
  dialogRegenerateNote:
    'El nuevo token recibe un nuevo secreto y conserva el nombre, la descripción y los permisos. Actualiza todo lo que use el token actual.',
  dialogRegenerateSubmit: 'Regenerar token',
  dialogRegenerateSubmitting: 'Regenerando…',
  dialogGraceLabel: 'Período de gracia del token actual',
  dialogGraceImmediately: 'Ninguno (deja de funcionar ya)',
  dialogGraceHours: { one: '{count} hora', many: '{count} de horas', other: '{count} horas' },
  dialogGraceDays: { one: '{count} día', many: '{count} de días', other: '{count} días' },
  dialogGraceNone: 'El token actual deja de funcionar de inmediato.',
  dialogGraceUntil: 'El token actual sigue funcionando hasta el {date}.',
  dialogTokenGone: 'Este token ya no existe. Se eliminó o se regeneró en otro lugar.',

  // <pat-token-reveal>
  revealHeading: 'Copia tu nuevo token ahora',
  revealHeadingNamed: 'Copia ahora tu nuevo token «{name}»',
  revealWarning: 'No podrás volver a verlo. Guárdalo en un lugar seguro, como un gestor de contraseñas.',
  revealSecretLabel: 'Token',
  revealCopy: 'Copiar token',
  revealCopied: 'Copiado',
  revealShow: 'Mostrar',
  revealHide: 'Ocultar',
  revealUsageLabel: 'Ejemplo de uso',
  revealCopyUsage: 'Copiar ejemplo',
  revealCopiedStatus: 'Token copiado en el portapapeles.',
  revealUsageCopiedStatus: 'Ejemplo copiado en el portapapeles.',
  revealCopyFailed: 'No se pudo copiar en el portapapeles. El token está seleccionado: pulsa Ctrl+C (⌘C en Mac) para copiarlo tú.',
  revealUsageCopyFailed: 'No se pudo copiar en el portapapeles. El ejemplo está seleccionado: pulsa Ctrl+C (⌘C en Mac) para copiarlo tú.',
  revealAcknowledge: 'He guardado este token en un lugar seguro',
  revealDone: 'Listo',
  revealDoneHint: 'Para terminar, copia el token o marca la casilla cuando lo hayas guardado.',
  revealDismissBlocked: 'Tu token sigue en pantalla. Cópialo o confirma que lo guardaste y, luego, elige «Listo».',
};

registerLocale('es', es);
