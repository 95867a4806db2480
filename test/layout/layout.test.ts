/**
 * The list as users see it, in a host's settings page (`host-page.ts`), at the widths hosts give
 * it — 320, 360, 390, 600, 728, 820, 1000 and 1280 px of viewport — in English, German and a
 * right-to-left page, light and dark, with realistic names and names of 100 characters:
 *
 * - the component never overflows its box, and the page never scrolls sideways;
 * - every row action is fully inside the component, and `elementFromPoint` at its centre hits it;
 * - no word of a name is split across lines;
 * - at 1280 px the realistic account is a table, permissions column included, each token's
 *   permissions shortened to one line ("Read repositories +2");
 * - the reveal at 320 px in German: everything inside the dialog, Copy and Done reachable;
 * - with 300 tokens the page is as tall as the list really is (no blank page below it, no
 *   sideways scroll), and the last token is reachable by the mouse wheel and by the keyboard.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { setClock } from '../../src/internal/clock.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useMockBackend } from '../support/mock-backend.js';
import { NOW } from '../support/list-harness.js';
import {
  longNameTokens,
  manyTokens,
  mountHostPage,
  realisticTokens,
  type HostPage,
  type Language,
  type Scheme,
} from '../support/host-page.js';

const WIDTHS = [320, 360, 390, 600, 728, 820, 1000, 1280];
const LANGUAGES: Language[] = ['en', 'de', 'rtl'];
const SCHEMES: Scheme[] = ['light', 'dark'];
const HEIGHT = 800;

/** Every element of the list's own shadow tree that takes up space (the composed dialog aside). */
function boxes(list: PatTokenList): { element: Element; rect: DOMRect }[] {
  return [...list.shadowRoot!.querySelectorAll('*')]
    .filter((element) => !element.closest('pat-generate-dialog, dialog, .visually-hidden'))
    .map((element) => ({ element, rect: element.getBoundingClientRect() }))
    .filter(({ rect }) => rect.width > 0 && rect.height > 0);
}

function describeElement(element: Element): string {
  return `<${element.localName}${element.getAttribute('part') ? ` part="${element.getAttribute('part')}"` : ''}${element.className ? ` class="${element.getAttribute('class')}"` : ''}>`;
}

/** Words of a name (split at spaces and hyphens, where a line may break) that span two lines. */
function splitWords(name: Element): string[] {
  const node = [...name.childNodes].find((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim());
  expect(node, `the text of ${name.textContent}`).to.not.equal(undefined);
  if (!node) return [];
  const split: string[] = [];
  for (const match of node.textContent!.matchAll(/[^\s-]+/g)) {
    const range = document.createRange();
    range.setStart(node, match.index!);
    range.setEnd(node, match.index! + match[0].length);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    if (tops.size > 1) split.push(match[0]);
  }
  return split;
}

function checkLayout(host: HostPage, label: string): void {
  const { list } = host;
  const box = list.getBoundingClientRect();
  expect(list.scrollWidth, `${label}: the list's content is no wider than the list`).to.be.at.most(list.clientWidth);
  expect(document.documentElement.scrollWidth, `${label}: the page does not scroll sideways`).to.be.at.most(window.innerWidth);
  for (const { element, rect } of boxes(list)) {
    const inside = rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5;
    expect(
      inside,
      `${label}: ${describeElement(element)} (${Math.round(rect.left)}–${Math.round(rect.right)}) inside the list (${Math.round(box.left)}–${Math.round(box.right)})`,
    ).to.be.true;
  }

  const actions = [...list.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[data-id] button')];
  expect(actions.length, `${label}: the rows have actions`).to.be.above(0);
  for (const action of actions) {
    action.scrollIntoView({ block: 'center', inline: 'nearest' });
    const rect = action.getBoundingClientRect();
    const name = action.getAttribute('aria-label') ?? action.textContent!.trim();
    expect(rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5, `${label}: "${name}" fully inside the list`).to.be.true;
    const hit = list.shadowRoot!.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    expect(
      !!hit && action.contains(hit),
      `${label}: a click at the centre of "${name}" reaches it (hit ${hit ? describeElement(hit) : 'nothing'})`,
    ).to.be.true;
  }

  for (const name of list.shadowRoot!.querySelectorAll('tbody [part~=name]')) {
    expect(splitWords(name), `${label}: words of "${name.textContent}" split across lines`).to.deep.equal([]);
  }
}

async function frames(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise(requestAnimationFrame);
}

/** Waits until the page stops scrolling (a wheel turn scrolls over a few frames). */
async function scrollSettled(): Promise<void> {
  let last = -1;
  for (let stable = 0; stable < 3;) {
    await frames(1);
    stable = window.scrollY === last ? stable + 1 : 0;
    last = window.scrollY;
  }
}

describe('layout in a host page', () => {
  let host: HostPage | undefined;
  beforeEach(() => setClock(NOW));
  afterEach(async () => {
    host?.remove();
    host = undefined;
    setClock();
    window.scrollTo(0, 0);
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 1024, height: 768 });
  });

  for (const width of WIDTHS) {
    for (const language of LANGUAGES) {
      for (const scheme of SCHEMES) {
        it(`${width} px, ${language}, ${scheme}: inside its box, actions clickable, words whole`, async () => {
          await setViewport({ width, height: HEIGHT });
          await emulateMedia({ colorScheme: scheme });
          await useMockBackend({ seed: [...longNameTokens(), ...realisticTokens().slice(3)] });
          host = await mountHostPage({ language, scheme });
          await frames();
          checkLayout(host, `${width} ${language} ${scheme}`);
        });
      }
    }
  }

  for (const language of LANGUAGES) {
    for (const scheme of SCHEMES) {
      it(`1280 px, ${language}, ${scheme}: a table, with a permissions column that shortens to one line`, async () => {
        await setViewport({ width: 1280, height: HEIGHT });
        await emulateMedia({ colorScheme: scheme });
        await useMockBackend({ seed: realisticTokens() });
        host = await mountHostPage({ language, scheme });
        await frames();
        const root = host.list.shadowRoot!;
        expect(root.querySelector('.frame')!.classList.contains('cards'), 'a table, not cards').to.be.false;
        expect(getComputedStyle(root.querySelector('tbody tr')!).display).to.equal('table-row');
        const cells = [...root.querySelectorAll<HTMLElement>('tbody [part~=scopes-cell]')];
        expect(cells).to.have.length(realisticTokens().length);
        for (const cell of cells) {
          const rects = [...cell.querySelectorAll('[part~=scope], button')].map((node) => node.getBoundingClientRect());
          const overlap = Math.min(...rects.map((r) => r.bottom)) - Math.max(...rects.map((r) => r.top));
          expect(overlap, `${cell.textContent!.trim()}: one line`).to.be.above(0);
        }
        // The first permission by its label in the page's language, then "+N".
        const first = { en: 'Read repositories', de: 'Repositorys lesen', rtl: 'قراءة المستودعات' }[language];
        expect(root.querySelector('tr[data-id=tok_tf] [part~=scopes-cell]')!.textContent!.replace(/\s+/g, ' ').trim()).to.match(
          new RegExp(`^${first} \\+[\\d٠-٩]+$`),
        );
        checkLayout(host, `1280 ${language} ${scheme}`);
      });
    }
  }

  for (const scheme of SCHEMES) {
    it(`320 px, German reveal, ${scheme}: everything inside the dialog, the token in even halves, Copy and Done reachable`, async () => {
      await setViewport({ width: 320, height: 640 });
      await emulateMedia({ colorScheme: scheme });
      await useMockBackend({ seed: realisticTokens() });
      host = await mountHostPage({ language: 'de', scheme });
      const root = host.list.shadowRoot!;
      root.querySelector<HTMLButtonElement>('#generate-button')!.click();
      const dialog = root.querySelector('pat-generate-dialog')!;
      await dialog.updateComplete;
      const name = dialog.shadowRoot!.querySelector<HTMLInputElement>('#name')!;
      name.value = 'Nächtliche Sicherung';
      name.dispatchEvent(new Event('input'));
      await dialog.updateComplete;
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('#submit')!.click();
      await waitUntil(() => dialog.shadowRoot!.querySelector('pat-token-reveal')?.hasSecret, 'no reveal', { timeout: 5000 });
      const reveal = dialog.shadowRoot!.querySelector('pat-token-reveal')!;
      await reveal.updateComplete;
      await frames();

      const box = dialog.shadowRoot!.querySelector('dialog')!.getBoundingClientRect();
      expect(box.left >= 0 && box.right <= window.innerWidth, 'the dialog inside the window').to.be.true;
      for (const node of reveal.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
        const rect = node.getBoundingClientRect();
        if (!rect.width || node.matches('.status, .status *')) continue;
        expect(
          rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5,
          `${describeElement(node)} (${Math.round(rect.left)}–${Math.round(rect.right)}) inside the dialog (${Math.round(box.left)}–${Math.round(box.right)})`,
        ).to.be.true;
      }
      const field = reveal.shadowRoot!.querySelector<HTMLElement>('[part~=secret-field]')!.getBoundingClientRect();
      const secret = reveal.shadowRoot!.querySelector<HTMLTextAreaElement>('[part=secret]')!;
      const style = getComputedStyle(secret);
      const content = secret.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      expect(Math.round(content / parseFloat(style.lineHeight)), 'the token on two lines').to.equal(2);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = style.font;
      expect(Math.floor(secret.clientWidth / context.measureText('0').width), 'broken at its half, not at the edge').to.equal(
        Math.ceil(secret.value.length / 2),
      );
      const copyTop = reveal.shadowRoot!.querySelector('[part~=copy-button]')!.getBoundingClientRect().top;
      expect(copyTop, 'Copy on a line below the token').to.be.at.least(secret.getBoundingClientRect().bottom - 0.5);
      for (const selector of ['[part~=copy-button]', '[part~=toggle-button]', '[part~=done-button]']) {
        const button = reveal.shadowRoot!.querySelector<HTMLElement>(selector)!;
        button.scrollIntoView({ block: 'nearest' });
        const rect = button.getBoundingClientRect();
        const hit = reveal.shadowRoot!.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
        expect(!!hit && button.contains(hit), `${selector} is reached by a click`).to.be.true;
        if (selector === '[part~=copy-button]')
          expect(rect.left >= field.left && rect.right <= field.right, 'Copy inside its box').to.be.true;
      }
      expect(document.documentElement.scrollWidth, 'the page does not scroll sideways').to.be.at.most(window.innerWidth);
      dialog.close();
    });
  }

  for (const width of WIDTHS) {
    it(`${width} px, 300 tokens: the page is as tall as the list, and the last token is reached by wheel and by keyboard`, async function () {
      // Wheeling through 300 cards on a phone takes a few dozen turns, each a round trip to the browser.
      this.timeout(60_000);
      await setViewport({ width, height: HEIGHT });
      await useMockBackend({ seed: manyTokens(300) });
      host = await mountHostPage({ language: width === 390 ? 'rtl' : width === 1000 ? 'de' : 'en' });
      const { list, page } = host;
      const tbody = () => list.shadowRoot!.querySelector('tbody')!;
      const lastRow = () => list.shadowRoot!.querySelector<HTMLElement>('tr[data-id="tok_299"]');
      await frames();
      const estimated = document.documentElement.scrollHeight;
      expect(document.documentElement.scrollWidth, 'no sideways scrolling').to.be.at.most(window.innerWidth);
      expect(list.shadowRoot!.querySelectorAll('tbody tr[data-id]').length, 'windowed').to.be.below(100);

      // The wheel, over the list, until the page ends; every row's real height is seen on the way.
      const listBox = list.getBoundingClientRect();
      const at = { x: Math.round(listBox.left + listBox.width / 2), y: Math.round(HEIGHT / 2) };
      const heights = new Map<string, number>();
      const record = () => {
        for (const row of list.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[data-id]'))
          heights.set(row.dataset.id!, row.getBoundingClientRect().height);
      };
      record();
      for (let turns = 0; window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1; turns++) {
        expect(turns, 'wheel turns to reach the end').to.be.below(400);
        await executeServerCommand('pat-wheel', { ...at, deltaY: HEIGHT });
        await scrollSettled();
        await list.updateComplete;
        record();
      }
      await frames();
      await list.updateComplete;
      record();
      expect(heights.size, 'the wheel went past every token').to.equal(300);
      const last = lastRow();
      expect(last !== null, 'the last token is rendered at the end of the page').to.be.true;
      const lastBox = last!.getBoundingClientRect();
      expect(lastBox.bottom, 'the last token is on screen').to.be.at.most(window.innerHeight + 1);
      expect(lastBox.top).to.be.at.least(0);

      // The rows and spacers are as tall as the rows really are, and nothing but the page's own
      // footer comes after the last one: the page is as tall as the list.
      const real = [...heights.values()].reduce((sum, height) => sum + height, 0);
      expect(tbody().getBoundingClientRect().height, 'the list is as tall as its rows').to.be.closeTo(real, 2);
      expect(tbody().getBoundingClientRect().bottom - lastBox.bottom, 'no spacer after the last row').to.be.at.most(1);
      const pageBottom = page.getBoundingClientRect().bottom + window.scrollY;
      expect(document.documentElement.scrollHeight, 'nothing sticks out below the page').to.be.at.most(Math.ceil(pageBottom) + 1);
      const measured = document.documentElement.scrollHeight;
      expect(estimated / measured, 'the first estimate of the height is close, so the scrollbar is in proportion').to.be.within(0.8, 1.25);
      expect(document.documentElement.scrollWidth, 'no sideways scrolling').to.be.at.most(window.innerWidth);

      // The keyboard: from the first row, End reaches the last token, on screen.
      window.scrollTo(0, 0);
      window.dispatchEvent(new Event('scroll'));
      await list.updateComplete;
      await frames();
      list.shadowRoot!.querySelector<HTMLElement>('tr[data-id="tok_0"] button[data-action=delete]')!.focus();
      await sendKeys({ press: 'End' });
      await waitUntil(() => lastRow()?.contains(list.shadowRoot!.activeElement) === true, 'End did not reach the last token');
      await frames();
      const focused = list.shadowRoot!.activeElement!.getBoundingClientRect();
      expect(focused.top >= 0 && focused.bottom <= window.innerHeight, 'the focused control is on screen').to.be.true;
    });
  }
});
