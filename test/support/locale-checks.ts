/**
 * The checks every shipped locale passes, as one `describe` block per locale: it covers exactly
 * the keys of `PatStrings`, none empty; keeps the English placeholders; has every plural form
 * its language uses (by `Intl.PluralRules`) and none it does not; and translates rather than copies.
 */
import { expect } from '@open-wc/testing';
import { defaultStrings, type PatStrings } from '../../src/internal/pat-strings.js';
import type { PluralString } from '../../src/internal/strings.js';

type Value = string | PluralString;

/** Strings that are the same in most languages ("+2", "Active (3)"): a locale may keep them as they are. */
export const LANGUAGE_NEUTRAL: readonly (keyof PatStrings)[] = ['scopesMore', 'statusOption'];

const placeholders = (template: string) => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
const forms = (value: Value): string[] => (typeof value === 'string' ? [value] : Object.values(value));

export function checkLocaleStrings(tag: string, strings: PatStrings, sameAsEnglish: readonly (keyof PatStrings)[] = []): void {
  const entries = Object.entries(strings) as [keyof PatStrings, Value][];
  const english = defaultStrings as unknown as Record<string, Value>;

  it('covers exactly the keys of PatStrings, none empty', () => {
    expect(Object.keys(strings).sort()).to.deep.equal(Object.keys(defaultStrings).sort());
    expect(entries.filter(([, value]) => forms(value).some((form) => !form.trim())).map(([key]) => key)).to.deep.equal([]);
  });

  it('keeps every placeholder of the English string, and adds none', () => {
    const mismatched = entries.filter(([key, value]) => {
      const expected = placeholders(forms(english[key]!).join(' '));
      // A plural form may leave out the count where the language says it in words ("one token").
      return typeof value === 'string'
        ? placeholders(value).join() !== expected.join()
        : forms(value).some((form) => placeholders(form).some((name) => !expected.includes(name))) ||
            placeholders(value.other).join() !== expected.join();
    });
    expect(mismatched.map(([key]) => key)).to.deep.equal([]);
  });

  it(`has exactly the plural forms ${tag} uses`, () => {
    const categories = [...new Intl.PluralRules(tag).resolvedOptions().pluralCategories].sort();
    const wrong = entries.filter(
      ([key, value]) =>
        typeof english[key] !== 'string' && (typeof value === 'string' || Object.keys(value).sort().join() !== categories.join()),
    );
    expect(wrong.map(([key]) => key)).to.deep.equal([]);
  });

  it('says Permissions in one word everywhere, and Regenerate in one word in the list and the dialog', () => {
    expect(strings.columnScopes, 'the column says what the form says').to.equal(strings.dialogScopesLabel);
    expect(strings.dialogRegenerateHeading.toLocaleLowerCase(tag)).to.contain(strings.regenerateButton.toLocaleLowerCase(tag));
    expect(strings.dialogRegenerateSubmit.toLocaleLowerCase(tag)).to.contain(strings.regenerateButton.toLocaleLowerCase(tag));
  });

  it('is a translation, not a copy of the English defaults', () => {
    const same = entries
      .filter(([key, value]) => !LANGUAGE_NEUTRAL.includes(key) && JSON.stringify(value) === JSON.stringify(english[key]))
      .map(([key]) => key);
    expect(same.sort()).to.deep.equal([...sameAsEnglish].sort());
  });
}
