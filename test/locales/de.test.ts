/** The shipped German strings: every key translated, placeholders kept, and a list that reads German. */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { defaultStrings, type PatStrings } from '../../src/internal/pat-strings.js';
import { setClock } from '../../src/internal/clock.js';
import { de } from '../../src/locales/de.js';
import { NOW, at, settled, text, token } from '../token-list/fixtures.js';
import { useMockBackend } from '../support/mock-backend.js';

const keys = (strings: object) => Object.keys(strings).sort();
const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('German strings (pat-elements/locales/de)', () => {
  it('cover exactly the keys of PatStrings, none empty', () => {
    expect(keys(de)).to.deep.equal(keys(defaultStrings));
    const empty = keys(de).filter((key) => !de[key as keyof PatStrings].trim());
    expect(empty).to.deep.equal([]);
  });

  it('keep every placeholder of the English string, and add none', () => {
    const mismatched = keys(defaultStrings).filter(
      (key) =>
        placeholders(de[key as keyof PatStrings]).join() !== placeholders(defaultStrings[key as keyof PatStrings]).join(),
    );
    expect(mismatched).to.deep.equal([]);
  });

  it('are translations, not copies of the English defaults', () => {
    // Words that are the same in both languages (e.g. "Name", "Token") are allowed to repeat.
    const same = keys(de).filter((key) => de[key as keyof PatStrings] === defaultStrings[key as keyof PatStrings]);
    expect(same).to.deep.equal(['columnName', 'dialogNameLabel', 'revealSecretLabel']);
  });

  describe('on <pat-token-list lang="de">', () => {
    const mounted: HTMLElement[] = [];
    beforeEach(() => setClock(NOW));
    afterEach(() => {
      setClock();
      for (const el of mounted.splice(0)) el.remove();
    });

    it('renders German text, German plurals and German dates, and stays accessible', async () => {
      await useMockBackend({
        seed: [
          token({ id: 'a', name: 'Alpha', expiresAt: at(3), lastUsedAt: null }),
          token({ id: 'b', name: 'Beta', expiresAt: at(1), lastUsedAt: at(-3) }),
        ],
      });
      const el = document.createElement('pat-token-list');
      el.lang = 'de';
      el.strings = de;
      el.endpoint = '/api/tokens';
      document.body.append(el);
      mounted.push(el);
      await waitUntil(() => settled(el), 'the list did not settle');

      const root = el.shadowRoot!;
      expect(text(root.querySelector('[part~=count]')!)).to.equal('2 Tokens');
      expect(text(root.querySelector('[part~=generate-button]')!)).to.equal('Neues Token erstellen');
      const badges = [...root.querySelectorAll('[part~=badge-expiring]')].map(text).sort();
      expect(badges).to.deep.equal(['Läuft in 1 Tag ab', 'Läuft in 3 Tagen ab']);
      expect(text(root.querySelector('tr[data-id=a] [part~=last-used-cell]')!)).to.equal('Nie');
      expect(text(root.querySelector('tr[data-id=b] [part~=last-used-cell]')!)).to.equal('vor 3 Tagen');
      await expect(el).to.be.accessible();
    });
  });
});
