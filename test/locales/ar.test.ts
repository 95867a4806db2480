/**
 * The shipped Arabic strings: complete, registered on import, what the elements show under
 * lang="ar", all six plural categories, and a right-to-left layout.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { Token } from '../../src/api/schemas.js';
import '../../src/define.js';
import { setClock } from '../../src/internal/clock.js';
import type { LocalizeController } from '../../src/internal/localize.js';
import { ar } from '../../src/locales/ar.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { NOW, at, generateDialog, settled, text, token } from '../support/list-harness.js';
import { choose, dialogOf, inDialog, submitForm, waitForReveal } from '../support/dialog-harness.js';
import { part, secretField, usageField } from '../support/reveal-harness.js';
import { useMockBackend } from '../support/mock-backend.js';
import { checkLocaleStrings } from '../support/locale-checks.js';
import { checkRenderedLocale } from '../support/rendered-checks.js';

const COUNTS = [0, 1, 2, 3, 11, 100];
const n = (count: number) => new Intl.NumberFormat('ar').format(count);

/** A list of `tokens` in an Arabic, right-to-left page, settled. */
async function arabicList(tokens: readonly Token[], configure: (list: PatTokenList) => void = () => {}) {
  await useMockBackend({ seed: tokens, now: () => NOW });
  const page = document.createElement('div');
  page.lang = 'ar';
  page.dir = 'rtl';
  const list = document.createElement('pat-token-list');
  list.endpoint = '/api/tokens';
  configure(list);
  page.append(list);
  document.body.append(page);
  pages.push(page);
  await waitUntil(() => settled(list), 'the list did not settle');
  await list.updateComplete;
  return list;
}

const pages: HTMLElement[] = [];
const tokensExpiringIn = (days: readonly number[]) =>
  days.map((day) => token({ id: `in-${day}`, name: `Token ${day}`, expiresAt: at(day) }));

describe('Arabic strings (pat-elements/locales/ar)', () => {
  checkLocaleStrings('ar', ar);
  checkRenderedLocale('ar', ar, { dir: 'rtl', latinWords: ['JSON', 'HTTP', 'CI', 'CLI', 'Ctrl', 'C', 'Mac'] });

  describe('plural forms and layout', () => {
    beforeEach(() => setClock(NOW));
    afterEach(() => {
      setClock();
      for (const page of pages.splice(0)) page.remove();
    });

    it('has a form for each of zero, one, two, few (3–10), many (11–99) and other (100 and up)', async () => {
      const list = await arabicList([]);
      const localize = (list as unknown as { localize: LocalizeController }).localize;
      const forms = (key: 'tokenCount' | 'expiresInDays' | 'dialogExpirationDays') =>
        COUNTS.map((count) => localize.plural(key, count, { days: count }));

      expect(forms('tokenCount')).to.deep.equal([
        'لا توجد رموز وصول',
        'رمز وصول واحد',
        'رمزا وصول',
        `${n(3)} رموز وصول`,
        `${n(11)} رمز وصول`,
        `${n(100)} رمز وصول`,
      ]);
      expect(forms('expiresInDays')).to.deep.equal([
        'تنتهي صلاحيته اليوم',
        'تنتهي صلاحيته بعد يوم واحد',
        'تنتهي صلاحيته بعد يومين',
        `تنتهي صلاحيته بعد ${n(3)} أيام`,
        `تنتهي صلاحيته بعد ${n(11)} يومًا`,
        `تنتهي صلاحيته بعد ${n(100)} يوم`,
      ]);
      expect(forms('dialogExpirationDays')).to.deep.equal([
        `${n(0)} يوم`,
        'يوم واحد',
        'يومان',
        `${n(3)} أيام`,
        `${n(11)} يومًا`,
        `${n(100)} يوم`,
      ]);
    });

    it('shows those forms in the badges, the duration choices and the count', async () => {
      const days = [1, 2, 3, 11, 100];
      const list = await arabicList(tokensExpiringIn(days), (el) => {
        el.expiringSoonDays = 365;
        el.presets = days;
      });
      const badge = (day: number) => text(list.shadowRoot!.querySelector(`tr[data-id="in-${day}"] [part~=badge-expiring]`)!);
      expect(days.map(badge)).to.deep.equal([
        'تنتهي صلاحيته بعد يوم واحد',
        'تنتهي صلاحيته بعد يومين',
        `تنتهي صلاحيته بعد ${n(3)} أيام`,
        `تنتهي صلاحيته بعد ${n(11)} يومًا`,
        `تنتهي صلاحيته بعد ${n(100)} يوم`,
      ]);
      const options = [...inDialog<HTMLSelectElement>(await generateDialog(list), '#expiration')!.options].map((option) => text(option));
      expect(options.slice(0, days.length)).to.deep.equal(['يوم واحد', 'يومان', `${n(3)} أيام`, `${n(11)} يومًا`, `${n(100)} يوم`]);
      expect(text(list.shadowRoot!.querySelector('[part~=count]')!)).to.equal(`${n(5)} رموز وصول`);
    });

    for (const [count, expected] of [
      [1, 'رمز وصول واحد'],
      [2, 'رمزا وصول'],
      [11, `${n(11)} رمز وصول`],
      [100, `${n(100)} رمز وصول`],
    ] as const) {
      it(`counts ${count} tokens as “${expected}”`, async () => {
        const list = await arabicList(tokensExpiringIn(Array.from({ length: count }, (_, i) => i + 10)));
        expect(text(list.shadowRoot!.querySelector('[part~=count]')!)).to.equal(expected);
      });
    }

    it('lays the list and the dialog out from the right under dir="rtl", and stays accessible', async () => {
      const list = await arabicList(tokensExpiringIn([3, 40]));
      const root = list.shadowRoot!;
      const box = (selector: string) => root.querySelector(selector)!.getBoundingClientRect();
      expect(getComputedStyle(root.querySelector('table')!).direction).to.equal('rtl');
      // The name starts on the right of its row (in the table as in cards); the count leads the toolbar from the right.
      const row = box('tr[data-id="in-3"]');
      const name = box('tr[data-id="in-3"] [part~=name]');
      expect(row.right - name.right).to.be.lessThan(name.left - row.left);
      expect(box('[part~=count]').left).to.be.greaterThan(box('[part~=generate-button]').right);
      await expect(list).to.be.accessible();

      root.querySelector<HTMLButtonElement>('#generate-button')!.click();
      const dialog = dialogOf(list);
      await waitUntil(() => inDialog<HTMLDialogElement>(dialog, 'dialog')?.open, 'the dialog did not open');
      expect(getComputedStyle(inDialog(dialog, 'form')!).direction).to.equal('rtl');
      // A label's words start on the right, above the right edge of its field.
      const words = document.createRange();
      words.selectNodeContents(inDialog(dialog, 'label[for=name]')!);
      const input = inDialog(dialog, '#name')!.getBoundingClientRect();
      expect(words.getBoundingClientRect().right).to.be.closeTo(input.right, 2);
      expect(words.getBoundingClientRect().left).to.be.greaterThan(input.left + input.width / 2);
      await expect(list).to.be.accessible();
    });

    it('keeps the custom date, the secret and the usage example left to right inside the right-to-left dialog', async () => {
      const list = await arabicList([], (el) => {
        el.usageTemplate = 'curl -H "Authorization: Bearer {token}" https://api.example.com/me';
      });
      list.shadowRoot!.querySelector<HTMLButtonElement>('#generate-button')!.click();
      const dialog = dialogOf(list);
      await waitUntil(() => inDialog<HTMLDialogElement>(dialog, 'dialog')?.open, 'the dialog did not open');
      await choose(dialog, 'custom');
      const direction = (element: Element) => getComputedStyle(element).direction;
      expect(direction(inDialog(dialog, 'form')!)).to.equal('rtl');
      expect(direction(inDialog(dialog, '#expiration-date')!)).to.equal('ltr');

      await submitForm(dialog, 'Zeta');
      const reveal = await waitForReveal(dialog);
      expect(direction(part(reveal, '[part~=heading]'))).to.equal('rtl');
      expect(direction(secretField(reveal))).to.equal('ltr');
      expect(direction(usageField(reveal))).to.equal('ltr');
      await expect(list).to.be.accessible();
    });
  });
});
