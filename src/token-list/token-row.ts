/**
 * One token's row as a pure function of its inputs: the same token, state and context give the
 * same template, so the element re-renders only the rows whose inputs changed (`guard`) and the
 * template is tested on its own. The markup is one table row in both layouts; the stylesheet turns
 * it into a card where the table does not fit. Every server string is bound as text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Token } from '../api/schemas.js';
import type { LocalizeController } from '../internal/localize.js';
import { DATE_TIME_ZONE } from '../internal/locale.js';
import { withKey } from '../internal/masked-key.js';
import { expiryStatus } from './token-status.js';

/** What the row needs from the localization layer. */
export type RowLocalize = Pick<LocalizeController, 'strings' | 'lang' | 'term' | 'plural' | 'dateFormat' | 'relative'>;

/** The optional columns, the same for every row of a list. */
export interface Columns {
  readonly lastUsed: boolean;
  readonly scopes: boolean;
}

/** What is the same for every row of one render. */
export interface RowContext {
  readonly localize: RowLocalize;
  readonly now: Date;
  readonly expiringSoonDays: number;
  readonly columns: Columns;
  /** The host's scope catalogue, label by id; an id it does not know is shown as itself. */
  readonly scopeLabels: ReadonlyMap<string, string>;
  /** Whether the client can rotate tokens and the host allows it. */
  readonly canRegenerate: boolean;
  /** Whether the client can read activity and the host allows it: each row's name then opens the token's detail view. */
  readonly canShowActivity: boolean;
  /** Whether the policy allows tokens that never expire: one that does is a warning where it does not. */
  readonly neverAllowed: boolean;
}

/** What the list knows about one row beyond its token. */
export interface RowState {
  readonly isNew: boolean;
  readonly deleting: boolean;
  /** Why the last delete failed, shown in the row with Retry; undefined when it did not. */
  readonly deleteError: string | undefined;
  readonly scopesExpanded: boolean;
  /** The row's `aria-rowindex` while only some rows are rendered. */
  readonly rowIndex: number | undefined;
  /** The key of the token that replaced this one, when it is in the list. */
  readonly successorKey?: string | undefined;
  /** Selected for a bulk delete. */
  readonly selected?: boolean;
}

/** Scopes shown before "+N more": the column stays one line wide. */
export const VISIBLE_SCOPES = 1;

// Module constants: the formatter cache is keyed by these objects.
const DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
const EXACT: Intl.DateTimeFormatOptions = { ...DATE_TIME_ZONE, month: 'long' };

export function tokenRow(token: Token, state: RowState, context: RowContext): TemplateResult {
  const { localize, now, columns } = context;
  const s = localize.strings;
  const expiry = expiryStatus(token.expiresAt, now, context.expiringSoonDays);
  const replaced = !!token.replacedBy;
  const revoked = !!token.revocation;
  const deleting = state.deleting ? 'true' : nothing;
  let parts = 'row';
  if (state.isNew) parts += ' row-new';
  if (replaced) parts += ' row-replaced';
  if (revoked) parts += ' row-revoked';
  if (expiry.kind === 'expired' && !revoked) parts += ' row-expired';
  if (state.deleting) parts += ' row-deleting';
  const description = token.description ? html` <span part="description" class="description">${token.description}</span>` : nothing;

  // Every binding is a node (Lit's marker) in every row: the usual row (no badge, no error) gets
  // one binding after its name, the rest only where they show.
  return html`<tr data-id=${token.id} part=${parts} aria-busy=${deleting} aria-rowindex=${state.rowIndex ?? nothing}>
    <th scope="row" part="cell name-cell" class="name-cell">
      <input
        type="checkbox"
        part="select"
        class="select"
        data-action="select"
        tabindex="-1"
        aria-label=${localize.term('selectToken', { name: token.name })}
        .checked=${!!state.selected}
      />${
        context.canShowActivity
          ? html`<button
              type="button"
              part="name-button"
              class="name-button"
              data-action="activity"
              aria-haspopup="dialog"
              aria-describedby="activity-hint"
            >
              <span part="name" class="name">${token.name}</span>
            </button>`
          : html`<span part="name" class="name">${token.name}</span>`
      }${
        state.isNew || replaced || revoked || state.deleteError !== undefined
          ? html`${state.isNew ? html` <span part="badge badge-new" class="badge new-badge">${s.newBadge}</span>` : nothing}${
              replaced ? html` <span part="badge badge-replaced" class="badge replaced-badge">${s.replacedBadge}</span>` : nothing
            }${revoked ? revocation(token, context) : nothing}${
              state.successorKey !== undefined
                ? html`<span class="line">${withKey(localize, 'replacedByKey', state.successorKey)}</span>`
                : nothing
            }${description}${state.deleteError === undefined ? nothing : deleteError(state.deleteError, context)}`
          : description
      }
    </th>
    <td part="cell key-cell" class="key-cell" data-label=${s.columnKey}>
      <span class="visually-hidden"
        >${token.partialKey ? localize.term('keyStartingWith', { partialKey: token.partialKey }) : s.keyHidden}</span
      ><span class="key" aria-hidden="true"><code part="key">${token.partialKey}</code><span part="mask" class="mask">••••</span></span>
    </td>
    <td part="cell created-cell" data-label=${s.columnCreated}>
      <time datetime=${token.createdAt} tabindex="-1" title=${exact(token.createdAt, localize)}
        >${localize.dateFormat(DATE).format(new Date(token.createdAt))}</time
      >
    </td>
    <td part="cell expires-cell" data-label=${s.columnExpires}>${expires(token, expiry, replaced, context)}</td>
    ${columns.lastUsed ? lastUsed(token, context) : nothing}${columns.scopes ? scopes(token, state, context) : nothing}
    <td part="cell actions-cell" class="actions-cell">
      ${
        context.canRegenerate && !replaced && !revoked
          ? html`<button
              type="button"
              part="button regenerate-button"
              data-action="regenerate"
              aria-label=${localize.term('regenerateButtonLabel', { name: token.name })}
              aria-disabled=${deleting}
            >
              ${s.regenerateButton}
            </button>`
          : nothing
      }<button
        type="button"
        part="button delete-button"
        class="danger"
        data-action="delete"
        aria-label=${localize.term(state.deleting ? 'deletingButtonLabel' : 'deleteButtonLabel', { name: token.name })}
        aria-disabled=${deleting}
      >
        ${state.deleting ? html`<span class="spinner" aria-hidden="true"></span>${s.deletingButton}` : s.deleteButton}
      </button>
    </td>
  </tr>`;
}

const BONE_CELL = html`<td><span class="bone"></span></td>`;

/** What a cell says when there is nothing to show: "Never", "All". */
const muted = (text: string) => html`<span class="muted">${text}</span>`;

/**
 * A placeholder row while the list loads, with the cells and line heights of a real row, so the
 * page does not jump when the tokens arrive.
 */
export function skeletonRow(columns: Columns): TemplateResult {
  return html`<tr part="skeleton" class="skeleton" aria-hidden="true">
    <th class="name-cell"><span class="bone name-bone"></span><span class="bone description-bone"></span></th>
    <td class="key-cell"><span class="bone"></span></td>
    ${BONE_CELL}${BONE_CELL}${columns.lastUsed ? BONE_CELL : nothing}${columns.scopes ? BONE_CELL : nothing}
    <td class="actions-cell"><span class="bone button-bone"></span></td>
  </tr>`;
}

/**
 * A date as one short line; the exact moment, with its time zone, on hover (its title) and on
 * keyboard focus (the same text drawn by the stylesheet). Not a Tab stop: the arrow keys reach it
 * from the row's buttons (row-focus.ts), so a row costs Tab only its actions.
 */
function time(iso: string, shown: string, localize: RowLocalize): TemplateResult {
  return html`<time datetime=${iso} tabindex="-1" title=${exact(iso, localize)}>${shown}</time>`;
}

const exact = (iso: string, localize: RowLocalize) => localize.dateFormat(EXACT).format(new Date(iso));

function expires(token: Token, expiry: ReturnType<typeof expiryStatus>, replaced: boolean, context: RowContext) {
  const { localize, now } = context;
  const s = localize.strings;
  const at = token.expiresAt;
  if (at === null) {
    // A token that never expires, where the policy now wants every token to: as GitHub, a warning.
    if (context.neverAllowed || token.revocation) return html`<span class="muted">${s.expiresNever}</span>`;
    return html`<span part="badge badge-never" class="badge never-badge">${s.neverExpiresBadge}</span>${
        context.canRegenerate && !replaced ? html`<span class="line nudge">${s.neverExpiresNudge}</span>` : nothing
      }`;
  }
  // A grace period is hours or days: when it ends matters to the minute.
  // A grace period ends within hours or days: the badge counts down ("in 21 hours"), the title has the exact moment.
  const grace = replaced && expiry.kind !== 'expired';
  const date = time(at, localize.dateFormat(DATE).format(new Date(at)), localize);
  // Revoked is its one status (it stopped working then, if not before): the date, no badge.
  if (token.revocation) return date;
  const text = grace
    ? localize.term('stopsWorking', { when: localize.relative(new Date(at), now) })
    : expiry.kind === 'expired'
      ? s.expiredBadge
      : expiry.kind === 'expiring'
        ? expiry.days
          ? localize.plural('expiresInDays', expiry.days, { days: expiry.days })
          : s.expiresTodayBadge
        : '';
  if (!text) return date;
  // Literal part names, one template each: the styling surface is read from the source.
  return grace || expiry.kind === 'expiring'
    ? html`${date} <span part="badge badge-expiring" class="badge expiring-badge">${text}</span>`
    : html`${date} <span part="badge badge-expired" class="badge expired-badge">${text}</span>`;
}

function lastUsed(token: Token, { localize, now }: RowContext): TemplateResult {
  const s = localize.strings;
  const used = token.lastUsedAt;
  if (!used) return html`<td part="cell last-used-cell" data-label=${s.columnLastUsed}><span class="muted">${s.lastUsedNever}</span></td>`;
  // A use "in the future" is clock skew between server and browser: it was just now.
  const ago = now.getTime() - Date.parse(used);
  return html`<td part="cell last-used-cell" data-label=${s.columnLastUsed}>
    <time datetime=${used} tabindex="-1" title=${exact(used, localize)}
      >${ago < 60_000 ? s.justNow : localize.relative(new Date(Date.parse(used)), now)}</time
    >
  </td>`;
}

function scopes(token: Token, state: RowState, { localize, scopeLabels }: RowContext): TemplateResult {
  const s = localize.strings;
  const ids = token.scopes;
  let content: TemplateResult;
  if (!ids?.length) content = muted(ids ? s.scopesNone : s.scopesAll);
  else {
    const hidden = ids.length - VISIBLE_SCOPES;
    const shown = hidden > 0 && !state.scopesExpanded ? ids.slice(0, VISIBLE_SCOPES) : ids;
    content = html`<ul class="scopes">
        ${shown.map((id) => html`<li part="scope" class="scope" dir="auto">${scopeLabels.get(id) ?? id}</li>`)}
      </ul>
      ${
        hidden > 0
          ? html`<button
              type="button"
              part="button scopes-button"
              class="scopes-button"
              data-action="scopes"
              aria-expanded=${state.scopesExpanded ? 'true' : 'false'}
              aria-label=${state.scopesExpanded ? nothing : localize.plural('scopesMoreLabel', hidden, { name: token.name })}
            >
              ${state.scopesExpanded ? s.scopesFewer : localize.term('scopesMore', { count: hidden })}
            </button>`
          : nothing
      }`;
  }
  return html`<td part="cell scopes-cell" class="scopes-cell" data-label=${s.columnScopes}>${content}</td>`;
}

/** What a link to where a leak was found shows: the address without its scheme, shortened. */
const URL_TEXT_LENGTH = 48;

/** `url` if a page may link to it: http(s), with no user name or password in it. */
function linkable(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    const web = parsed.protocol === 'https:' || parsed.protocol === 'http:';
    return web && !parsed.username && !parsed.password ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why and when the system revoked the token: it stays listed so its owner sees what happened, and
 * never works again. Where a leak was found is shown as its host and path (the URL parser has
 * percent-encoded what could disguise it) and links there, sharing nothing with the page it opens.
 */
function revocation(token: Token, { localize }: RowContext): TemplateResult {
  const s = localize.strings;
  const { at, reason, url } = token.revocation!;
  const date = localize.dateFormat(DATE).format(new Date(at));
  const where = reason === 'leaked' ? linkable(url) : undefined;
  let why: TemplateResult | string;
  if (where) {
    const shown = `${where.host}${where.pathname === '/' ? '' : where.pathname}`;
    const [before = '', after = ''] = localize.term('revokedLeaked', { date }).split('{url}');
    // An address reads left to right in every language: isolated from the sentence around it.
    why = html`${before}<a href=${where.href} target="_blank" rel="noopener noreferrer" dir="ltr"
        >${shown.length > URL_TEXT_LENGTH ? `${shown.slice(0, URL_TEXT_LENGTH - 1)}…` : shown}</a
      >${after}`;
  } else {
    why = localize.term(reason === 'leaked' ? 'revokedLeakedNoUrl' : reason === 'admin' ? 'revokedAdmin' : 'revokedAccount', { date });
  }
  return html` <span part="badge badge-revoked" class="badge revoked-badge">${s.revokedBadge}</span
    ><span part="revocation" class="line revocation">${why}</span>`;
}

function deleteError(message: string, { localize }: RowContext): TemplateResult {
  const s = localize.strings;
  return html`<div part="row-error" class="row-error">
    <p role="alert">${localize.term('deleteFailed', { reason: message })}</p>
    <button type="button" part="button retry-button" data-action="retry-delete">${s.retryButton}</button
    ><button type="button" part="button dismiss-button" data-action="dismiss-delete-error">${s.dismissButton}</button>
  </div>`;
}
