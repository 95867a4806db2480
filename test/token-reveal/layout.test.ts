/**
 * How the reveal and its dialog look, measured in real Chromium: a 40-character token on one line
 * from a 480 px viewport up (also on a right-to-left page, where it stays left to right), and beside
 * its Copy button where there is room; at 320 px in every language, nothing outside its box, the
 * token in two even halves and Copy on a full-width line below it; Done reachable at 200 % zoom;
 * nothing moving when "Copy" becomes "Copied" or Done becomes available, the dialog's top edge
 * fixed while its content changes, Done visibly unavailable in the dark, and field borders at
 * least 3:1.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { Token } from '../../src/api/schemas.js';
import '../../src/define.js';
import { setClock } from '../../src/internal/clock.js';
import {
  ENDPOINT,
  choose,
  createToken,
  inDarkMode,
  inReveal,
  nameInput,
  nativeDialog,
  openDialog,
  revealOf,
  submitButton,
} from '../support/dialog-harness.js';
import '../../src/locales/ar.js';
import '../../src/locales/de.js';
import '../../src/locales/es.js';
import '../../src/locales/fr.js';
import '../../src/locales/ja.js';
import '../../src/locales/pt-BR.js';
import '../../src/locales/zh-CN.js';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import { stubClipboard, type ClipboardStub } from '../support/secret-hygiene.js';

const NOW = new Date('2026-11-26T12:00:00Z');
const SECRET_40 = 'pat_Xq9Zk2Lm7Pw0Rt5Yu8H4rd3n1ngS3cr3tV4l';

const created: Token = {
  id: 'tok_layout',
  name: 'Layout',
  partialKey: 'pat_Xq9Z',
  createdAt: NOW.toISOString(),
  expiresAt: new Date(NOW.getTime() + 30 * 86_400_000).toISOString(),
  lastUsedAt: null,
};

/** Lines of text in a field: its content height over its line height. */
function lines(field: HTMLTextAreaElement): number {
  const style = getComputedStyle(field);
  const content = field.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  return Math.round(content / parseFloat(style.lineHeight));
}

const rect = (element: Element) => {
  const { top, left, width, height } = element.getBoundingClientRect();
  return { top: Math.round(top), left: Math.round(left), width: Math.round(width), height: Math.round(height) };
};

/** A computed colour (`rgb()`, `rgba()` or `color(srgb …)`) as 0–1 channels and alpha. */
function parseColor(value: string): [number, number, number, number] {
  const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)/.exec(value);
  if (srgb) return [Number(srgb[1]), Number(srgb[2]), Number(srgb[3]), srgb[4] === undefined ? 1 : Number(srgb[4])];
  const rgb = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/.exec(value);
  if (!rgb) throw new Error(`cannot read the colour ${value}`);
  return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255, rgb[4] === undefined ? 1 : Number(rgb[4])];
}

/** WCAG contrast of `front` drawn over the opaque `back`. */
function contrast(front: string, back: string): number {
  const [br, bg, bb] = parseColor(back);
  const [fr, fg, fb, alpha] = parseColor(front);
  const over = [fr * alpha + br * (1 - alpha), fg * alpha + bg * (1 - alpha), fb * alpha + bb * (1 - alpha)];
  const luminance = (rgb: number[]) => {
    const [r, g, b] = rgb.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(over), luminance([br, bg, bb])].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('the reveal and its dialog, laid out', () => {
  let clipboard: ClipboardStub;

  beforeEach(async () => {
    setClock(NOW);
    await useMockBackend({ endpoint: ENDPOINT, now: () => NOW });
    await useHandlers(http.post(ENDPOINT, () => HttpResponse.json({ token: created, secret: SECRET_40 }, { status: 201 })));
    clipboard = stubClipboard();
  });

  afterEach(async () => {
    clipboard.restore();
    setClock();
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [480, 600, 1280]) {
    for (const dir of ['ltr', 'rtl'] as const) {
      it(`shows a 40-character token on one line at ${width} px (${dir}), left to right, inside the dialog`, async () => {
        await setViewport({ width, height: 800 });
        const { el } = await openDialog(undefined, dir === 'rtl' ? 'ar' : 'en', { dir });
        await createToken(el);
        const field = inReveal<HTMLTextAreaElement>(el, '[part="secret"]');
        expect(field.value).to.have.length(40);
        expect(lines(field), 'lines of the token').to.equal(1);
        expect(getComputedStyle(field).direction).to.equal('ltr');
        const box = inReveal(el, '[part~="secret-field"]').getBoundingClientRect();
        const dialog = nativeDialog(el).getBoundingClientRect();
        expect(box.left >= dialog.left && box.right <= dialog.right, 'the field stays inside the dialog').to.equal(true);
        await expect(el).to.be.accessible();
      });
    }
  }

  it('puts the token and its Copy button on one line at 1280 px', async () => {
    await setViewport({ width: 1280, height: 800 });
    for (const lang of ['en', 'de']) {
      const { el, page } = await openDialog(undefined, lang);
      await createToken(el);
      const field = inReveal<HTMLTextAreaElement>(el, '[part="secret"]');
      const copy = inReveal(el, '[part~="copy-button"]').getBoundingClientRect();
      const text = field.getBoundingClientRect();
      expect(lines(field), `${lang}: lines of the token`).to.equal(1);
      expect(copy.left, `${lang}: Copy beside the token`).to.be.at.least(text.right - 0.5);
      expect(copy.top, `${lang}: on the same line`).to.be.below(text.bottom);
      page.remove();
    }
  });

  for (const lang of ['en', 'de', 'fr', 'es', 'pt-BR', 'ja', 'zh-CN', 'ar']) {
    it(`at 320 px in ${lang}: nothing outside its box, the token in two even halves, Copy on a full-width line below`, async () => {
      await setViewport({ width: 320, height: 700 });
      const { el } = await openDialog(undefined, lang, { dir: lang === 'ar' ? 'rtl' : 'ltr' });
      await createToken(el);
      const reveal = revealOf(el)!;
      const dialog = nativeDialog(el).getBoundingClientRect();
      for (const node of reveal.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
        const box = node.getBoundingClientRect();
        if (!box.width || node.matches('.status, .status *')) continue;
        expect(box.left >= dialog.left - 0.5 && box.right <= dialog.right + 0.5, `${node.localName}.${node.className} inside the dialog`).to
          .be.true;
      }
      const box = inReveal(el, '[part~="secret-field"]').getBoundingClientRect();
      const copy = inReveal(el, '[part~="copy-button"]').getBoundingClientRect();
      expect(copy.left >= box.left && copy.right <= box.right, 'Copy inside the box around the token').to.be.true;

      const field = inReveal<HTMLTextAreaElement>(el, '[part="secret"]');
      expect(lines(field), 'two lines').to.equal(2);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = getComputedStyle(field).font;
      const perLine = Math.floor(field.clientWidth / context.measureText('0').width);
      expect(perLine, 'a line holds 20 characters: the break falls at the half, not at the edge').to.equal(20);

      expect(copy.top, 'Copy below the token').to.be.at.least(field.getBoundingClientRect().bottom - 0.5);
      expect(box.right - copy.right, 'Copy takes the line').to.be.below(12);
      expect(copy.left - box.left, 'Copy takes the line').to.be.below(12);
      await expect(el).to.be.accessible();
    });
  }

  it('keeps Done reachable at 200 % zoom: the dialog scrolls, Done stays at its bottom', async () => {
    // 1280 × 800 at 200 %: 640 × 400 CSS pixels.
    await setViewport({ width: 640, height: 400 });
    const { el } = await openDialog(undefined, 'de');
    await createToken(el);
    const dialog = nativeDialog(el);
    expect(dialog.scrollHeight, 'the dialog scrolls').to.be.above(dialog.clientHeight);
    const done = inReveal(el, '[part~="done-button"]');
    const box = done.getBoundingClientRect();
    expect(box.bottom, 'Done in the window').to.be.at.most(window.innerHeight);
    expect(box.bottom, 'Done in the dialog').to.be.at.most(dialog.getBoundingClientRect().bottom);
    const hit = revealOf(el)!.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    expect(!!hit && done.contains(hit), 'a click on Done reaches it, nothing covers it').to.be.true;
  });

  it('moves nothing when Copy becomes Copied, nor when Done becomes available', async () => {
    const { el } = await openDialog();
    await createToken(el);
    const reveal = revealOf(el)!;
    const copy = inReveal(el, '[part~="copy-button"]');
    const before = [rect(nativeDialog(el)), rect(copy), rect(inReveal(el, '[part~="done-button"]'))];
    copy.click();
    await waitUntil(() => clipboard.writes.length === 1, 'not copied');
    await reveal.updateComplete;
    expect(copy.textContent!.trim()).to.equal('Copied');
    expect(reveal.canDismiss).to.equal(true);
    expect([rect(nativeDialog(el)), rect(copy), rect(inReveal(el, '[part~="done-button"]'))]).to.deep.equal(before);
  });

  it("keeps the dialog's top edge where it is while its content grows", async () => {
    const { el } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT} max-lifetime-days="366"></pat-generate-dialog>`);
    const top = rect(nativeDialog(el)).top;
    submitButton(el).click(); // no name: an error appears
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#name-error') !== null).to.equal(true);
    expect(rect(nativeDialog(el)).top).to.equal(top);
    await choose(el, 'custom');
    expect(rect(nativeDialog(el)).top).to.equal(top);
    await createToken(el, 'Layout');
    expect(rect(nativeDialog(el)).top).to.equal(top);
  });

  it('draws an unavailable Done as an outline, not a faded accent, in light and dark', async () => {
    const { el, page } = await openDialog();
    await createToken(el);
    const done = () => inReveal(el, '[part~="done-button"]');
    const check = async () => {
      expect(parseColor(getComputedStyle(done()).backgroundColor)[3], 'no fill while unavailable').to.equal(0);
      await expect(el).to.be.accessible();
    };
    await check();
    await inDarkMode(page, check);
    inReveal(el, '[part~="copy-button"]').click();
    await waitUntil(() => clipboard.writes.length === 1, 'not copied');
    await revealOf(el)!.updateComplete;
    expect(parseColor(getComputedStyle(done()).backgroundColor)[3], 'filled once available').to.equal(1);
  });

  it('gives fields a border of at least 3:1 against the dialog, in light and dark', async () => {
    const { el, page } = await openDialog();
    const measure = () => {
      const surface = getComputedStyle(nativeDialog(el)).backgroundColor;
      return [nameInput(el), el.shadowRoot!.querySelector('#expiration')!].map((field) =>
        contrast(getComputedStyle(field).borderTopColor, surface),
      );
    };
    for (const ratio of measure()) expect(ratio, 'light').to.be.at.least(3);
    await inDarkMode(page, async () => {
      expect(
        parseColor(getComputedStyle(nativeDialog(el)).backgroundColor)
          .slice(0, 3)
          .every((c) => c < 0.3),
        'a dark surface',
      ).to.equal(true);
      for (const ratio of measure()) expect(ratio, 'dark').to.be.at.least(3);
    });
  });
});
