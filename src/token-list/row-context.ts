/**
 * What every row of one render shares (`RowContext`), made again only when part of it changed: the
 * strings and locale, the minute (relative times and badges follow the clock), the optional
 * columns, the catalogue's labels and the policy. The element `guard`s each row on it, so a render
 * that changes none of it re-renders no row.
 */
import type { Token } from '../api/schemas.js';
import { memo } from '../internal/memo.js';
import type { ScopeCatalogue } from '../internal/scope-catalogue.js';
import type { Columns, RowContext } from './token-row.js';

const NO_SCOPE_LABELS: ReadonlyMap<string, string> = new Map();

export interface RowContextInput extends Omit<RowContext, 'columns' | 'scopeLabels'> {
  /** The minute of `now`: the context changes once a minute, not once a render. */
  readonly minute: number;
  readonly tokens: readonly Token[] | undefined;
}

export class RowContexts {
  readonly #context = memo<RowContext>();
  readonly #labels = memo<ReadonlyMap<string, string>>();
  /** Which optional columns the tokens have: a scan of every token, once per list. */
  readonly #scan = memo<Columns>();
  /** The same object while the columns are the same, whatever the list. */
  readonly #columns = memo<Columns>();

  /** The catalogue's labels by id, the same map until the catalogue changes. */
  labels(catalogue: ScopeCatalogue | undefined): ReadonlyMap<string, string> {
    return this.#labels([catalogue], () =>
      catalogue ? new Map(catalogue.scopes.map((scope) => [scope.id, scope.label])) : NO_SCOPE_LABELS,
    );
  }

  /** The context, the same object while nothing in it changed. */
  context({ minute, tokens, ...shared }: RowContextInput, scopeLabels: ReadonlyMap<string, string>): RowContext {
    const scan = this.#scan([tokens, scopeLabels], () => ({
      // Until the list is there, assume the server sends the field: the skeleton keeps its shape.
      lastUsed: !tokens || tokens.some((token) => token.lastUsedAt !== undefined),
      scopes: scopeLabels.size > 0 || !!tokens?.some((token) => token.scopes != null),
    }));
    const columns = this.#columns([scan.lastUsed, scan.scopes], () => scan);
    const { localize, expiringSoonDays, canRegenerate, canShowActivity, neverAllowed } = shared;
    return this.#context(
      [localize.strings, localize.lang, minute, expiringSoonDays, columns, scopeLabels, canRegenerate, canShowActivity, neverAllowed],
      () => ({ ...shared, columns, scopeLabels }),
    );
  }
}
