/**
 * The page stays current without a reload: relative times and badges change when their state does,
 * from one timer for the whole page (not one per row or per list) that fires at the turn of the
 * clock's minute, and that stops once no list is on the page. The timer is caught as it is set, and
 * fired by hand, so nothing here waits for a minute to pass.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setClock } from '../../src/internal/clock.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useMockBackend } from '../support/mock-backend.js';
import { at, cell, LOAD_TIMEOUT_MS, NOW, row, settled, text, token } from '../support/list-harness.js';

interface CaughtTimer {
  callback: () => void;
  delay: number;
  /** Neither run nor cleared. */
  pending: boolean;
}

/** Records the timeouts that src/internal/page-ticker.ts sets, and whether they are still pending (they run as usual). */
function catchTickerTimers(): { timers: CaughtTimer[]; pending(): CaughtTimer[]; restore(): void } {
  const timers: CaughtTimer[] = [];
  const byId = new Map<number, CaughtTimer>();
  const [setOriginal, clearOriginal] = [window.setTimeout, window.clearTimeout];
  window.setTimeout = ((callback: () => void, delay?: number, ...rest: unknown[]) => {
    if (!/page-ticker/.test(new Error().stack ?? '')) return setOriginal(callback, delay, ...rest);
    const timer: CaughtTimer = { callback, delay: delay ?? 0, pending: true };
    timers.push(timer);
    const id = setOriginal(() => {
      timer.pending = false;
      callback();
    }, delay);
    byId.set(id, timer);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    const timer = id === undefined ? undefined : byId.get(id);
    if (timer) timer.pending = false;
    clearOriginal(id);
  }) as typeof window.clearTimeout;
  return {
    timers,
    pending: () => timers.filter((timer) => timer.pending),
    restore: () => {
      window.setTimeout = setOriginal;
      window.clearTimeout = clearOriginal;
    },
  };
}

const MINUTE = 60_000;

describe('<pat-token-list> stays current', () => {
  let caught: ReturnType<typeof catchTickerTimers>;
  let lists: PatTokenList[] = [];

  beforeEach(() => {
    // 30 seconds into a minute: the first tick is 30 seconds away.
    setClock(new Date(NOW.getTime() + 30_000));
    caught = catchTickerTimers();
  });
  afterEach(() => {
    caught.restore();
    for (const list of lists) list.remove();
    lists = [];
    setClock();
  });

  async function mount(): Promise<PatTokenList> {
    const el = await fixture<PatTokenList>(html`<pat-token-list endpoint="/api/tokens"></pat-token-list>`);
    lists.push(el);
    await waitUntil(() => settled(el), 'the list did not settle', { timeout: LOAD_TIMEOUT_MS });
    return el;
  }

  it('turns an expiring token Expired, counts a grace period down and ages "Last used", at the next minute, from one timer', async () => {
    await useMockBackend({
      seed: [
        token({ id: 'soon', name: 'Soon', expiresAt: at(0, 1), lastUsedAt: new Date(NOW.getTime() + 10_000).toISOString() }),
        token({ id: 'old', name: 'Old', expiresAt: at(0, 2), replacedBy: 'soon' }),
        ...Array.from({ length: 40 }, (_, i) => token({ id: `t${i}`, name: `Token ${i}`, lastUsedAt: at(-1) })),
      ],
    });
    const first = await mount();
    const second = await mount();
    expect(caught.timers, 'one timer for two lists of 42 rows').to.have.length(1);
    expect(caught.timers[0]!.delay, 'at the turn of the minute').to.equal(30_000);

    expect(text(cell(first, 'soon', 'expires-cell'))).to.contain('Expires today');
    expect(text(cell(first, 'soon', 'last-used-cell'))).to.equal('just now');
    expect(text(cell(first, 'old', 'expires-cell'))).to.contain('Stops working in 1 hour');

    // An hour and a minute later, the timer fires (by hand): both lists follow, with nothing else happening.
    setClock(new Date(NOW.getTime() + 61 * MINUTE));
    caught.timers[0]!.callback();
    for (const el of [first, second]) {
      await el.updateComplete;
      expect(text(cell(el, 'soon', 'expires-cell'))).to.contain('Expired');
      expect(row(el, 'soon').getAttribute('part')).to.contain('row-expired');
      expect(text(cell(el, 'soon', 'last-used-cell'))).to.equal('1 hour ago');
      expect(text(cell(el, 'old', 'expires-cell'))).to.contain('Stops working in 59 minutes');
    }
    expect(caught.timers, 'the next tick, one timer again').to.have.length(2);
    expect(caught.timers[1]!.delay).to.equal(MINUTE);
  });

  it('starts no timer before a list is on the page and leaves none once the last one has left', async () => {
    await useMockBackend({ seed: [token({ id: 'a', name: 'A' })] });
    document.createElement('pat-token-list');
    expect(caught.timers, 'constructed, not connected').to.have.length(0);
    const first = await mount();
    const second = await mount();
    first.remove();
    expect(caught.pending(), 'one list is still there').to.have.length(1);
    second.remove();
    expect(caught.pending(), 'none left').to.have.length(0);
    // Back on the page: the timer starts again.
    document.body.append(first);
    expect(caught.pending()).to.have.length(1);
  });
});
