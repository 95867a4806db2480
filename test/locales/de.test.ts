/** The shipped German strings: complete, registered on import, and what a list under `lang="de"` shows. */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { setClock } from '../../src/internal/clock.js';
import { de } from '../../src/locales/de.js';
import { NOW, at, settled, text, token } from '../support/list-harness.js';
import { useMockBackend } from '../support/mock-backend.js';
import { checkLocaleStrings } from '../support/locale-checks.js';
import { checkRenderedLocale } from '../support/rendered-checks.js';

describe('German strings (pat-elements/locales/de)', () => {
  // Words that are the same in both languages.
  checkLocaleStrings('de', de, ['activityCaller', 'columnName', 'dialogNameLabel', 'revealSecretLabel', 'statusLabel']);
  checkRenderedLocale('de', de, { sameAsEnglish: ['activityCaller', 'columnName', 'dialogNameLabel', 'revealSecretLabel', 'statusLabel'] });

  it('says "Neu generieren" for Regenerate, never "Neu erstellen" (which is Generate)', () => {
    expect(de.regenerateButton).to.equal('Neu generieren');
    const regenerate = Object.entries(de).filter(([key]) => /regenerat/i.test(key));
    expect(
      regenerate
        .filter(([, value]) => /neu (erstell|generier)/i.test(JSON.stringify(value)))
        .map(([key]) => key)
        .sort(),
    ).to.deep.equal([
      'activityRegenerated',
      'activityRegeneratedFrom',
      'dialogRegenerateHeading',
      'dialogRegenerateSubmit',
      'dialogRegenerateSubmitting',
      'regenerateButton',
      'regenerateButtonLabel',
    ]);
    expect(Object.values(de).filter((value) => /neu erstell/i.test(JSON.stringify(value)))).to.deep.equal([]);
  });

  describe('on <pat-token-list> under lang="de-AT", with no strings set', () => {
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
      // The region falls back to the registered language.
      el.lang = 'de-AT';
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
