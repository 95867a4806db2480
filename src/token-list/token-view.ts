/**
 * The rows the list shows: its tokens filtered and sorted, derived in one place and memoised on
 * the inputs, so a render that changes nothing about them (a delete in progress, an announcement)
 * costs no filtering or sorting, and 10,000 tokens sort once per change of sort or filter. A token
 * that a regenerate replaced follows the token that replaced it, whatever the sort: two tokens of
 * one name read as a pair, never as strangers far apart.
 */
import type { Token } from '../api/schemas.js';
import { memo } from '../internal/memo.js';

export type SortKey = 'name' | 'createdAt' | 'expiresAt' | 'lastUsedAt';
export type SortDirection = 'ascending' | 'descending';

export interface TokenSort {
  key: SortKey;
  direction: SortDirection;
}

/** Newest first: what a user looks for after creating a token. */
export const DEFAULT_SORT: TokenSort = { key: 'createdAt', direction: 'descending' };

/** The direction a column sorts in on its first click: A–Z, newest, soonest to expire, most recently used. */
export const FIRST_DIRECTION: Record<SortKey, SortDirection> = {
  name: 'ascending',
  createdAt: 'descending',
  expiresAt: 'ascending',
  lastUsedAt: 'descending',
};

export function nextSort(current: TokenSort, key: SortKey): TokenSort {
  if (current.key !== key) return { key, direction: FIRST_DIRECTION[key] };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

export interface TokenViewInput {
  tokens: readonly Token[];
  /** Matched against name, description, key prefix and scope labels, ignoring case and accents. */
  filter: string;
  /** Keeps only the tokens it accepts (the status filter); undefined keeps all. */
  only?: ((token: Token) => boolean) | undefined;
  /** The host's scope catalogue, label by id: the filter finds a token by its scopes' labels. */
  scopeLabels?: ReadonlyMap<string, string> | undefined;
  sort: TokenSort;
  /** For comparing names the way the user's language orders them. */
  locale: string;
  /** Ids shown first, in this order, whatever the sort (tokens just created). */
  pinned: readonly string[];
}

const NO_LABELS: ReadonlyMap<string, string> = new Map();
/** Each token's text to search, per catalogue: the same token reads differently with other labels. */
const searchTexts = new WeakMap<ReadonlyMap<string, string>, WeakMap<Token, string>>();

/**
 * Lower case without diacritics, so "cafe" finds "Café". ASCII text has none to strip and skips the
 * Unicode work: the first keystroke at 10,000 tokens normalises every name within one frame.
 */
export function normalizeForSearch(text: string): string {
  const lower = text.toLowerCase();
  return /^[\0-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

function searchTextOf(token: Token, labels: ReadonlyMap<string, string>, cache: WeakMap<Token, string>): string {
  let text = cache.get(token);
  if (text === undefined) {
    const scopes = token.scopes?.map((id) => labels.get(id) ?? id).join('\n') ?? '';
    text = normalizeForSearch(`${token.name}\n${token.description ?? ''}\n${token.partialKey}\n${scopes}`);
    cache.set(token, text);
  }
  return text;
}

const collators = new Map<string, Intl.Collator>();

function collator(locale: string): Intl.Collator {
  let found = collators.get(locale);
  if (!found) {
    try {
      found = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    } catch {
      // An invalid `lang` must not break sorting.
      found = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    }
    collators.set(locale, found);
  }
  return found;
}

/**
 * A number to sort a date column by. A token that never expires sorts after every date; one that
 * was never used sorts before every use.
 */
function timeOf(token: Token, key: Exclude<SortKey, 'name'>): number {
  const value = token[key];
  if (value) return Date.parse(value);
  return key === 'expiresAt' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

export function deriveTokenView(input: TokenViewInput): readonly Token[] {
  return filterTokens(sortTokens(input), input);
}

/** Keeps the tokens whose name, description, key or scopes contain the filter (and that `only` accepts); the order stays as given. */
function filterTokens(sorted: readonly Token[], { filter, only, scopeLabels: labels = NO_LABELS }: TokenViewInput): readonly Token[] {
  const query = normalizeForSearch(filter.trim());
  if (!query && !only) return sorted;
  let cache = searchTexts.get(labels);
  if (!cache) searchTexts.set(labels, (cache = new WeakMap()));
  return sorted.filter((token) => (!only || only(token)) && searchTextOf(token, labels, cache).includes(query));
}

function sortTokens({ tokens, sort, locale, pinned }: Omit<TokenViewInput, 'filter'>): readonly Token[] {
  // Keys computed once per token rather than once per comparison.
  const keyed = tokens.map((token) => ({
    token,
    time: sort.key === 'name' ? 0 : timeOf(token, sort.key),
    created: Date.parse(token.createdAt),
  }));
  const compareNames = collator(locale).compare;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  keyed.sort((a, b) => {
    const primary = sort.key === 'name' ? compareNames(a.token.name, b.token.name) : compare(a.time, b.time);
    // Ties (same name, same day, both "never") fall back to newest first, then id, so the order is stable.
    return sign * primary || b.created - a.created || compare(a.token.id, b.token.id);
  });
  const sorted = keyed.map((entry) => entry.token);

  const rank = new Map(pinned.map((id, index) => [id, index]));
  const first = sorted.filter((token) => rank.has(token.id)).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  return withSuccessors(first.length ? [...first, ...sorted.filter((token) => !rank.has(token.id))] : sorted);
}

/** Each replaced token moved to just after the token that replaced it (a chain in order); the rest stay where they are. */
function withSuccessors(sorted: readonly Token[]): readonly Token[] {
  const ids = new Set(sorted.map((token) => token.id));
  const followers = new Map<string, Token[]>();
  for (const token of sorted) {
    const next = token.replacedBy;
    if (next && next !== token.id && ids.has(next)) followers.set(next, [...(followers.get(next) ?? []), token]);
  }
  if (!followers.size) return sorted;
  const out: Token[] = [];
  const placed = new Set<Token>();
  const place = (token: Token) => {
    if (placed.has(token)) return;
    placed.add(token);
    out.push(token);
    followers.get(token.id)?.forEach(place);
  };
  for (const token of sorted) if (!token.replacedBy || !ids.has(token.replacedBy)) place(token);
  // A cycle (a server's mistake) has no start: its tokens keep their places.
  sorted.forEach(place);
  return out;
}

function compare<T extends number | string>(a: T, b: T): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * A `deriveTokenView` that returns its previous result while every input is unchanged. Sorting and
 * filtering are memoised apart: a keystroke in the filter only filters the already sorted order,
 * which at 10,000 tokens is the difference between a few milliseconds and a dropped frame.
 */
export function memoizedTokenView(): (input: TokenViewInput) => readonly Token[] {
  const sorted = memo<readonly Token[]>();
  const filtered = memo<readonly Token[]>();
  return (input) => {
    const { tokens, sort, filter, scopeLabels, only } = input;
    const order = sorted([tokens, sort.key, sort.direction, input.locale, input.pinned], () => sortTokens(input));
    return filtered([order, filter, scopeLabels, only], () => filterTokens(order, input));
  };
}
