/**
 * A host's scope catalogue, checked once per catalogue: the list and the dialog it forwards the
 * catalogue to share the result. Entries without an id or a label, and repeated ids, are left out
 * and reported once (a console warning for the developer, a `pat-error` through the first element
 * that meets the catalogue); the valid entries are used. A bad catalogue never breaks the page.
 */
import type { Scope } from '../api/scopes.js';

export interface ScopeGroup {
  /** The entries' `group`; undefined for entries without one. */
  name: string | undefined;
  scopes: readonly Scope[];
}

export interface ScopeCatalogue {
  /** The valid entries, in the host's order. */
  scopes: readonly Scope[];
  /** The entries by group, groups in the order they first appear. */
  groups: readonly ScopeGroup[];
  /** The ids checked when a form opens. */
  defaults: readonly string[];
  /** The label of a scope id; an id the catalogue does not know is shown as itself. */
  labelOf(id: string): string;
}

const checked = new WeakMap<object, ScopeCatalogue | undefined>();

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * The usable catalogue of `scopes`, or undefined when there is none (unset, or nothing valid in
 * it). `report` hears about a bad catalogue the first time any element checks it.
 */
export function scopeCatalogue(scopes: readonly Scope[] | undefined, report: (error: Error) => void): ScopeCatalogue | undefined {
  if (scopes === undefined || scopes === null) return undefined;
  if (checked.has(scopes)) return checked.get(scopes);
  const problems: string[] = [];
  const byId = new Map<string, Scope>();
  const entries: unknown[] = Array.isArray(scopes) ? scopes : [];
  if (!Array.isArray(scopes)) problems.push('it is not a list');
  entries.forEach((entry, index) => {
    const { id, label } = (entry ?? {}) as Partial<Scope>;
    if (!isText(id)) problems.push(`entry ${index + 1} has no id`);
    else if (!isText(label)) problems.push(`“${id}” has an empty label`);
    else if (byId.has(id)) problems.push(`“${id}” appears more than once`);
    else byId.set(id, entry as Scope);
  });

  const valid = [...byId.values()];
  const groups = new Map<string | undefined, Scope[]>();
  for (const scope of valid) {
    const name = isText(scope.group) ? scope.group : undefined;
    groups.set(name, [...(groups.get(name) ?? []), scope]);
  }
  const catalogue: ScopeCatalogue | undefined = valid.length
    ? {
        scopes: valid,
        groups: [...groups].map(([name, members]) => ({ name, scopes: members })),
        defaults: valid.filter((scope) => scope.default === true).map((scope) => scope.id),
        labelOf: (id) => byId.get(id)?.label ?? id,
      }
    : undefined;
  checked.set(scopes, catalogue);

  if (problems.length) {
    const error = new Error(`pat-elements: the scope catalogue is used without its invalid entries: ${problems.join('; ')}.`);
    error.name = 'ScopeCatalogueError';
    console.warn(error.message);
    report(error);
  }
  return catalogue;
}
