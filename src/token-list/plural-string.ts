const pluralRules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      // An invalid `lang` must not break rendering.
      rules = new Intl.PluralRules();
    }
    pluralRules.set(locale, rules);
  }
  return rules;
}

/**
 * Picks the `one` or `other` form for `count` by the locale's plural rules. Languages with more
 * forms (few, many) get `other`; a host needing them formats counts with its own strings.
 */
export function pluralString(locale: string, count: number, one: string, other: string): string {
  return rulesFor(locale).select(count) === 'one' ? one : other;
}
