/**
 * A scope catalogue (the host's `scopes`, or the server's in the list answer), checked once per
 * catalogue: the list and the dialog it forwards the catalogue to share the result. Entries
 * without an id or a label, and repeated ids, are left out and reported once (a console warning
 * for the developer, a `pat-error` through the first element that meets the catalogue); the valid
 * entries are used. A bad catalogue never breaks the page. Labels, descriptions and groups may be
 * given per language: each element reads them in its own (`textIn`), once per language.
 */
import type { Scope } from '../api/schemas.js';
import { textIn } from './localized-text.js';

/** One permission as the page shows it, its text in one language. */
export interface LocalScope {
  id: string;
  label: string;
  description: string | undefined;
  group: string | undefined;
}

export interface ScopeGroup {
  /** The entries' `group`; undefined for entries without one. */
  name: string | undefined;
  scopes: readonly LocalScope[];
}

export interface ScopeCatalogue {
  /** The valid entries, in the catalogue's order. */
  scopes: readonly LocalScope[];
  /** The entries by group, groups in the order they first appear. */
  groups: readonly ScopeGroup[];
  /** The ids checked when a form opens. */
  defaults: readonly string[];
  /** The label of a scope id; an id the catalogue does not know is shown as itself. */
  labelOf(id: string): string;
}

/** The valid entries of each catalogue checked (undefined: nothing valid in it). */
const checked = new WeakMap<object, readonly Scope[] | undefined>();
/** Each valid catalogue, by language. */
const localized = new WeakMap<readonly Scope[], Map<string, ScopeCatalogue>>();

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function validEntries(scopes: readonly Scope[], report: (error: Error) => void): readonly Scope[] | undefined {
  if (checked.has(scopes)) return checked.get(scopes);
  const problems: string[] = [];
  const byId = new Map<string, Scope>();
  const entries: unknown[] = Array.isArray(scopes) ? scopes : [];
  if (!Array.isArray(scopes)) problems.push('it is not a list');
  entries.forEach((entry, index) => {
    const { id, label } = (entry ?? {}) as Partial<Scope>;
    if (!isText(id)) problems.push(`entry ${index + 1} has no id`);
    else if (!textIn(label, 'en')) problems.push(`“${id}” has an empty label`);
    else if (byId.has(id)) problems.push(`“${id}” appears more than once`);
    else byId.set(id, entry as Scope);
  });
  const valid = byId.size ? [...byId.values()] : undefined;
  checked.set(scopes, valid);
  if (problems.length) {
    const error = new Error(`pat-elements: the scope catalogue is used without its invalid entries: ${problems.join('; ')}.`);
    error.name = 'ScopeCatalogueError';
    console.warn(error.message);
    report(error);
  }
  return valid;
}

function inLanguage(valid: readonly Scope[], lang: string): ScopeCatalogue {
  const scopes: LocalScope[] = valid.map((scope) => ({
    id: scope.id,
    label: textIn(scope.label, lang)!,
    description: textIn(scope.description, lang),
    group: textIn(scope.group, lang),
  }));
  const labels = new Map(scopes.map((scope) => [scope.id, scope.label]));
  const groups = new Map<string | undefined, LocalScope[]>();
  for (const scope of scopes) groups.set(scope.group, [...(groups.get(scope.group) ?? []), scope]);
  return {
    scopes,
    groups: [...groups].map(([name, members]) => ({ name, scopes: members })),
    defaults: valid.filter((scope) => scope.default === true).map((scope) => scope.id),
    labelOf: (id) => labels.get(id) ?? id,
  };
}

/**
 * The usable catalogue of `scopes` in the language `lang`, or undefined when there is none
 * (unset, or nothing valid in it). `report` hears about a bad catalogue the first time any
 * element checks it.
 */
export function scopeCatalogue(
  scopes: readonly Scope[] | undefined,
  lang: string,
  report: (error: Error) => void,
): ScopeCatalogue | undefined {
  if (scopes === undefined || scopes === null) return undefined;
  const valid = validEntries(scopes, report);
  if (!valid) return undefined;
  let languages = localized.get(valid);
  if (!languages) localized.set(valid, (languages = new Map()));
  let catalogue = languages.get(lang);
  if (!catalogue) languages.set(lang, (catalogue = inLanguage(valid, lang)));
  return catalogue;
}
