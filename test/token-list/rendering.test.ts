/**
 * How rows are rendered, which the performance issue builds on: listeners do not grow with the
 * number of rows, rows are keyed (sorting moves them), and nothing Lit warns about.
 */
import { expect } from '@open-wc/testing';
import type { Token } from '../../src/api/schemas.js';
import { setClock } from '../../src/internal/clock.js';
import { useMockBackend } from '../support/mock-backend.js';
import { $, NOW, at, renderList, row, rowIds, sampleTokens, token, generateDialog } from '../support/list-harness.js';

function manyTokens(count: number): Token[] {
  return Array.from({ length: count }, (_, i) => token({ id: `tok_${i}`, name: `Token ${i}`, createdAt: at(-i - 1) }));
}

/**
 * Counts listeners added to elements while `run` is awaited. (Lit binds a template's listeners
 * before its fragment is inserted, so the count cannot filter on the shadow root.)
 */
async function countElementListeners(run: () => Promise<unknown>): Promise<number> {
  const original = EventTarget.prototype.addEventListener;
  let count = 0;
  EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['addEventListener']>) {
    if (this instanceof Element) count++;
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    EventTarget.prototype.addEventListener = original;
  }
  return count;
}

describe('<pat-token-list> rendering', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  it('adds the same number of listeners for 3 rows as for 60 (one delegated click handler)', async () => {
    await useMockBackend({ seed: manyTokens(3) });
    const few = await countElementListeners(renderList);
    await useMockBackend({ seed: manyTokens(60) });
    let el!: Awaited<ReturnType<typeof renderList>>;
    const many = await countElementListeners(async () => (el = await renderList()));
    expect(rowIds(el)).to.have.length(60);
    expect(few, 'the count sees the listeners').to.be.above(0);
    expect(many).to.equal(few);
  });

  it("keeps each row's element when the order changes (keyed by id)", async () => {
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    const before = row(el, 'tok_graf');
    $(el, 'thead th button').click(); // Name
    await el.updateComplete;
    expect(rowIds(el)).to.not.deep.equal(['tok_ci', 'tok_tf', 'tok_graf', 'tok_old']);
    expect(row(el, 'tok_graf') === before, 'the same <tr>, moved').to.be.true;
  });

  it('logs no Lit warning or error while loading, sorting, filtering and creating', async () => {
    const logged: unknown[][] = [];
    const { warn, error } = console;
    console.warn = (...args: unknown[]) => logged.push(args);
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      await useMockBackend({ seed: sampleTokens() });
      const el = await renderList();
      $(el, 'thead th button').click();
      await el.updateComplete;
      const input = $<HTMLInputElement>(el, 'input[type=search]');
      input.value = 'a';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      (await generateDialog(el)).dispatchEvent(
        new CustomEvent('pat-token-created', { detail: { token: token({ id: 'n', name: 'New one' }) }, bubbles: true, composed: true }),
      );
      await el.updateComplete;
    } finally {
      console.warn = warn;
      console.error = error;
    }
    expect(logged.map((args) => args.join(' '))).to.deep.equal([]);
  });
});
