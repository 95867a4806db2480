/**
 * The status filter: All, or one of active, expiring, expired, replaced, revoked, each with how
 * many tokens have it. A status no token has is not offered (a page without revoked tokens never
 * shows "Revoked"), unless it is the one chosen, so a choice never vanishes from under the user.
 */
import { html, type TemplateResult } from 'lit';
import type { Token } from '../api/schemas.js';
import type { LocalizeController } from '../internal/localize.js';
import type { PatStrings } from '../internal/pat-strings.js';
import { TOKEN_STATUSES, tokenStatus, type TokenStatus } from './token-status.js';

/** How many tokens have each status at `now`. */
export function statusCounts(tokens: readonly Token[], now: Date, soonDays: number): ReadonlyMap<TokenStatus, number> {
  const counts = new Map<TokenStatus, number>();
  for (const token of tokens) {
    const status = tokenStatus(token, now, soonDays);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return counts;
}

export interface StatusFilterInput {
  localize: LocalizeController;
  total: number;
  counts: ReadonlyMap<TokenStatus, number>;
  /** The status shown; '' for all. */
  chosen: TokenStatus | '';
  onChange: (event: Event) => void;
}

/** A status in words: the badge's word where a badge says it. */
export function statusName(s: PatStrings, status: TokenStatus): string {
  return {
    active: s.statusActive,
    expiring: s.statusExpiring,
    expired: s.expiredBadge,
    replaced: s.replacedBadge,
    revoked: s.revokedBadge,
  }[status];
}

export function statusFilter({ localize, total, counts, chosen, onChange }: StatusFilterInput): TemplateResult {
  const s = localize.strings;
  const option = (value: TokenStatus | '', name: string, count: number) =>
    html`<option value=${value} .selected=${value === chosen}>${localize.term('statusOption', { name, count })}</option>`;
  return html`<label class="control">
    <span class="control-label">${s.statusLabel}</span>
    <select part="status-filter" @change=${onChange}>
      ${option('', s.statusAll, total)}
      ${TOKEN_STATUSES.filter((status) => counts.has(status) || status === chosen).map((status) =>
        option(status, statusName(s, status), counts.get(status) ?? 0),
      )}
    </select>
  </label>`;
}
