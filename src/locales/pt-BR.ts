/**
 * `pat-elements/locales/pt-BR`: Brazilian Portuguese strings for every element, as one
 * `PatStrings` object, registered when this module is imported for `lang="pt-BR"` and for
 * `lang="pt"` (which CLDR and most products take to mean Brazilian Portuguese, so `pt-PT` gets
 * it too unless a `pt-PT` locale is registered).
 *
 * ```ts
 * import 'pat-elements/locales/pt-BR'; // then lang="pt-BR" on the page (or an ancestor)
 * ```
 *
 * Typed as the full `PatStrings`, so a string added to an element fails the type-check here
 * until it is translated. “Você”, “token” as Brazilian developers say it, “excluir” for delete,
 * “ ” quotation marks. `one` covers 0 and 1; `many` is for millions (“1.000.000 de tokens”).
 */
import { registerLocale } from '../internal/localize.js';
import type { PatStrings } from '../internal/pat-strings.js';
// The global typings (tags and events) for a host that imports only this module.
import '../global-types.js';

export const ptBR: PatStrings = {
  // Errors
  errorNetwork: 'Não foi possível conectar ao servidor. Verifique sua conexão e tente novamente.',
  errorTimeout: 'O servidor demorou demais para responder. Tente novamente.',
  errorContractNoField: 'Não foi possível entender a resposta do servidor (ela não era um JSON válido).',
  errorContractShape: 'Não foi possível entender a resposta do servidor (ela não tem o formato esperado).',
  errorUnauthorized: 'Você não está conectado ou sua sessão expirou. Entre novamente e tente outra vez.',
  errorForbidden: 'Você não tem permissão para fazer isso.',
  errorNotFound: 'O serviço de tokens não foi encontrado neste endereço.',
  errorConflict: 'A solicitação entra em conflito com um token existente.',
  errorValidation: 'Alguns dos valores não foram aceitos.',
  errorRateLimited: 'Muitas solicitações. Aguarde um momento e tente novamente.',
  errorServer: 'O servidor encontrou um problema (HTTP {status}). Tente novamente em instantes.',
  errorHttp: 'A solicitação falhou (HTTP {status}).',
  errorUnknown: 'Algo deu errado. Tente novamente.',

  // <pat-token-list>
  tableCaption: 'Tokens de acesso pessoal',
  generateButton: 'Gerar novo token',
  loadingTokens: 'Carregando tokens…',
  tokenCount: { one: '{count} token', many: '{count} de tokens', other: '{count} tokens' },
  tokenCountOfMax: { one: '{count} de {max} token', many: '{count} de {max} tokens', other: '{count} de {max} tokens' },
  filteredCount: 'Exibindo {shown} de {total}',
  tokenLimitReached: {
    one: 'Você atingiu o limite de {count} token. Exclua um token que não usa mais para gerar um novo.',
    many: 'Você atingiu o limite de {count} de tokens. Exclua um token que não usa mais para gerar um novo.',
    other: 'Você atingiu o limite de {count} tokens. Exclua um token que não usa mais para gerar um novo.',
  },
  filterLabel: 'Filtrar tokens',
  filterPlaceholder: 'Nome, descrição ou chave',
  statusLabel: 'Situação',
  statusAll: 'Todos',
  statusActive: 'Ativo',
  statusExpiring: 'Expira em breve',
  statusOption: '{name} ({count})',
  sortBy: 'Ordenar por',
  sortAToZ: '{column}, de A a Z',
  sortZToA: '{column}, de Z a A',
  sortEarliestFirst: '{column}, ordem crescente',
  sortLatestFirst: '{column}, ordem decrescente',
  columnName: 'Nome',
  columnKey: 'Chave',
  columnCreated: 'Criado em',
  columnExpires: 'Expira em',
  columnLastUsed: 'Último uso',
  columnScopes: 'Permissões',
  columnActions: 'Ações',
  keyStartingWith: 'Chave que começa com {partialKey}',
  keyHidden: 'Chave oculta',
  expiresNever: 'Nunca',
  expiredBadge: 'Expirado',
  expiresTodayBadge: 'Expira hoje',
  expiresInDays: { one: 'Expira em {days} dia', many: 'Expira em {days} de dias', other: 'Expira em {days} dias' },
  lastUsedNever: 'Nunca',
  justNow: 'agora mesmo',
  newBadge: 'Novo',
  replacedBadge: 'Substituído',
  replacedByKey: 'Substituído por {key}',
  stopsWorking: 'Para de funcionar {when}',
  neverExpiresBadge: 'Sem expiração',
  neverExpiresNudge: 'Regenere-o com uma data de expiração.',
  revokedBadge: 'Revogado',
  revokedLeaked: 'Revogado automaticamente em {date}: encontrado em código público em {url}',
  revokedLeakedNoUrl: 'Revogado automaticamente em {date}: encontrado em código público.',
  revokedAdmin: 'Revogado por um administrador em {date}.',
  revokedAccount: 'Revogado em {date} com todos os seus tokens, para proteger sua conta.',
  scopesAll: 'Todas as permissões',
  scopesNone: 'Nenhuma',
  scopesMore: '+{count}',
  scopesMoreLabel: {
    one: '+{count} a mais: permissão de “{name}”',
    many: '+{count} a mais: permissões de “{name}”',
    other: '+{count} a mais: permissões de “{name}”',
  },
  scopesFewer: 'Mostrar menos',
  regenerateButton: 'Regenerar',
  regenerateButtonLabel: 'Regenerar o token “{name}”',
  deleteButton: 'Excluir',
  deleteButtonLabel: 'Excluir o token “{name}”',
  deletingButton: 'Excluindo…',
  deletingButtonLabel: 'Excluindo o token “{name}”',
  confirmDeleteHeading: 'Excluir este token?',
  confirmDeleteReplaced: 'Ele foi substituído por {key} e para de funcionar {when} de qualquer forma.',
  confirmDeleteSuccessor: 'Ele substituiu {key}: excluí-lo também faz esse token parar de funcionar.',
  confirmDeleteBody: 'Tudo o que o utiliza deixará de funcionar imediatamente. Essa ação não pode ser desfeita.',
  confirmDeleteCancel: 'Cancelar',
  confirmDeleteConfirm: 'Excluir token',
  tokenDeleted: 'Token “{name}” excluído.',
  deleteFailed: 'Não foi possível excluir este token. {reason}',
  loadFailed: 'Não foi possível carregar seus tokens.',
  refreshFailed: 'Não foi possível atualizar a lista.',
  tokensLeftOut: {
    one: 'Não foi possível mostrar {count} token: a resposta do servidor sobre ele não foi entendida.',
    many: 'Não foi possível mostrar {count} de tokens: a resposta do servidor sobre eles não foi entendida.',
    other: 'Não foi possível mostrar {count} tokens: a resposta do servidor sobre eles não foi entendida.',
  },
  retryButton: 'Tentar novamente',
  retryingButton: 'Tentando novamente…',
  dismissButton: 'Fechar',
  emptyHeading: 'Nenhum token ainda',
  emptyBody: 'Gere um token para que um script, uma CLI ou uma integração aja em seu nome. Ele tem as mesmas permissões da sua conta.',
  noMatches: 'Nenhum token corresponde a “{filter}”.',
  clearFilter: 'Limpar filtro',

  // <pat-generate-dialog>
  dialogHeading: 'Gerar novo token',
  dialogPermissionsNote:
    'O token pode fazer tudo o que sua conta pode fazer. Quem o tiver pode agir em seu nome, então trate-o como uma senha.',
  dialogScopedNote:
    'O token só pode fazer o que você permitir abaixo. Quem o tiver pode fazer isso em seu nome, então trate-o como uma senha.',
  dialogClose: 'Fechar',
  dialogNameLabel: 'Nome',
  dialogNameHint: 'Para que serve este token? Por exemplo, “Deploy de CI” ou “CLI do notebook”.',
  dialogDescriptionLabel: 'Descrição (opcional)',
  dialogExpirationLabel: 'Expiração',
  dialogExpirationDays: { one: '{days} dia', many: '{days} de dias', other: '{days} dias' },
  dialogExpirationCustom: 'Data personalizada…',
  dialogExpirationNever: 'Sem expiração',
  dialogCustomDateLabel: 'Data de expiração',
  dialogExpiresOn: 'Expira em {date}',
  dialogNeverExpires: 'Este token nunca expira. Se vazar, continuará funcionando até que alguém o exclua.',
  dialogPickDate: 'Escolha a data em que o token deve parar de funcionar.',
  dialogCancel: 'Cancelar',
  dialogSubmit: 'Gerar token',
  dialogSubmitting: 'Gerando…',
  dialogNameRequired: 'Digite um nome para o token.',
  dialogNameTooLong: 'Use no máximo {max} caracteres (este tem {length}).',
  dialogDescriptionTooLong: 'Use no máximo {max} caracteres (este tem {length}).',
  dialogDateRequired: 'Escolha uma data de expiração.',
  dialogDateOutOfRange: 'Escolha uma data entre {min} e {max}.',
  dialogDateTooEarly: 'Escolha uma data posterior a hoje.',
  dialogNotConfigured: 'Este formulário não está conectado a nenhum serviço de tokens: defina o endpoint ou o cliente dele.',
  dialogScopesLabel: 'Permissões',
  dialogScopesSelectAll: 'Selecionar todas',
  dialogScopesRequired: 'Escolha pelo menos uma permissão.',
  dialogScopesAll: 'Todas as suas permissões',
  dialogRegenerateHeading: 'Regenerar token',
  dialogRegenerateNote:
    'O novo token recebe um novo segredo e mantém o nome, a descrição e as permissões. Atualize tudo o que usa o token atual.',
  dialogRegenerateSubmit: 'Regenerar token',
  dialogRegenerateSubmitting: 'Regenerando…',
  dialogGraceLabel: 'O token atual para de funcionar',
  dialogGraceImmediately: 'Imediatamente',
  dialogGraceHours: { one: 'Em {count} hora', many: 'Em {count} de horas', other: 'Em {count} horas' },
  dialogGraceDays: { one: 'Em {count} dia', many: 'Em {count} de dias', other: 'Em {count} dias' },
  dialogGraceNone: 'Tudo o que ainda usa {key} falha assim que você regenerar.',
  dialogGraceUntil: 'O token atual continua funcionando até {date}.',
  dialogTokenGone: 'Este token não existe mais. Ele foi excluído ou regenerado em outro lugar.',

  // <pat-token-reveal>
  revealHeading: 'Copie seu novo token agora',
  revealHeadingNamed: 'Copie agora seu novo token “{name}”',
  revealWarning: 'Você não poderá vê-lo novamente. Guarde-o em um lugar seguro, como um gerenciador de senhas.',
  revealSecretLabel: 'Token',
  revealCopy: 'Copiar token',
  revealCopied: 'Copiado',
  revealShow: 'Mostrar',
  revealHide: 'Ocultar',
  revealUsageLabel: 'Exemplo de uso',
  revealCopyUsage: 'Copiar exemplo',
  revealCopiedStatus: 'Token copiado para a área de transferência.',
  revealUsageCopiedStatus: 'Exemplo copiado para a área de transferência.',
  revealCopyFailed:
    'Não foi possível copiar para a área de transferência. O token está selecionado: pressione Ctrl+C (⌘C no Mac) para copiá-lo você mesmo.',
  revealUsageCopyFailed:
    'Não foi possível copiar para a área de transferência. O exemplo está selecionado: pressione Ctrl+C (⌘C no Mac) para copiá-lo você mesmo.',
  revealAcknowledge: 'Guardei este token em um lugar seguro',
  revealDone: 'Concluir',
  revealDoneHint: 'Para concluir, copie o token ou marque a caixa depois de guardá-lo.',
  revealDismissBlocked: 'Seu token ainda está na tela. Copie-o ou confirme que o guardou e depois escolha “Concluir”.',
};

registerLocale('pt-BR', ptBR);
registerLocale('pt', ptBR);
