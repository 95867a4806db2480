/**
 * The page's inherited text styles stop at the elements' hosts where they would rearrange them: a
 * page with `text-align: center` (Vite's React template has one) leaves every element's content
 * aligned as on a plain page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setClock } from '../../src/internal/clock.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import type { PatTokenReveal } from '../../src/token-reveal/token-reveal.js';
import { createToken } from '../support/dialog-harness.js';
import { useMockBackend } from '../support/mock-backend.js';
import { generateDialog, LOAD_TIMEOUT_MS, NOW, sampleTokens, settled } from '../support/list-harness.js';
import '../../src/define.js';

/** Every element in `root`'s shadow tree and in the shadow trees of the elements it holds. */
function shadowElements(root: Element): Element[] {
  const found: Element[] = [];
  for (const element of root.shadowRoot?.querySelectorAll('*') ?? []) found.push(element, ...shadowElements(element));
  return found;
}

/** How each element of the shadow trees aligns its text, with a name to report it by. */
function alignments(hosts: Element[]): string[] {
  return hosts
    .flatMap((host) => [host, ...shadowElements(host)])
    .map((element) => {
      const part = element.getAttribute('part') ?? element.id;
      return `${element.localName}${part ? `[${part}]` : ''}: ${getComputedStyle(element).textAlign}`;
    });
}

describe('the elements in a page with text-align: center', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  it('align their content as on a plain page: the list, its dialog with the reveal, a reveal', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <pat-token-list endpoint="/api/tokens" .scopes=${[{ id: 'read', label: 'Read', default: true }]}></pat-token-list>
        <pat-token-reveal usage-template="curl -H 'Authorization: Bearer {token}' https://api.example.test"></pat-token-reveal>
      </div>`,
    );
    const list = page.querySelector<PatTokenList>('pat-token-list')!;
    await waitUntil(() => settled(list), 'the list did not load', { timeout: LOAD_TIMEOUT_MS });
    const reveal = page.querySelector<PatTokenReveal>('pat-token-reveal')!;
    reveal.secret = 'pat_AbCdEfGhIjKlMnOpQrStUvWxYz0123000000';
    await reveal.updateComplete;
    const dialog = await generateDialog(list);
    dialog.show();
    await dialog.updateComplete;
    const hosts = [list, reveal];

    const plain = alignments(hosts);
    expect(plain.length, 'the list, the dialog and the reveal are rendered').to.be.greaterThan(100);
    page.style.textAlign = 'center';
    expect(alignments(hosts)).to.deep.equal(plain);
    for (const host of [list, dialog, reveal]) expect(getComputedStyle(host).textAlign, host.localName).to.equal('start');

    // The reveal shown after a create, inside the dialog, too.
    await createToken(dialog, 'deploy');
    const withReveal = alignments(hosts);
    page.style.textAlign = '';
    expect(alignments(hosts)).to.deep.equal(withReveal);
    dialog.close();
  });
});
