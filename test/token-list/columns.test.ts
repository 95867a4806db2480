/**
 * What each column shows: the masked key, hostile text rendered as text, dates and badges at a
 * fixed clock, "Never", last used, and the column's disappearance when the server never sends it.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { RestTokenClient } from '../../src/api/rest-token-client.js';
import { setClock } from '../../src/internal/clock.js';
import { useMockBackend } from '../support/mock-backend.js';
import {
  $$,
  at,
  cell,
  exists,
  expectFocusOn,
  NOW,
  renderList,
  row,
  rowIds,
  sampleTokens,
  text,
  token,
  generateDialog,
} from '../support/list-harness.js';

/** The text assistive technology reads from a subtree: everything outside `aria-hidden` parts. */
function exposedText(node: Node): string {
  let out = '';
  for (const child of node.childNodes) {
    if (child instanceof Element && child.getAttribute('aria-hidden') === 'true') continue;
    out += child.nodeType === Node.TEXT_NODE ? child.textContent : exposedText(child);
  }
  return out.replace(/\s+/g, ' ').trim();
}

describe('<pat-token-list> columns', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  describe('partial key', () => {
    it('shows the partial key as sent, then a mask whose length does not depend on the token', async () => {
      await useMockBackend({
        seed: [token({ id: 'a', name: 'Short', partialKey: 'x7Q1' }), token({ id: 'b', name: 'Long', partialKey: 'pat_AbCdEfGh' })],
      });
      const el = await renderList();

      const keys = $$(el, 'code[part~=key]').map(text);
      expect(keys).to.have.members(['x7Q1', 'pat_AbCdEfGh']);
      const masks = $$(el, '[part~=mask]').map(text);
      expect(masks).to.have.length(2);
      expect(masks[0]).to.equal(masks[1]);
      expect(masks[0]).to.equal('••••');
    });

    it('is named "Key starting with …" for assistive technology', async () => {
      await useMockBackend({ seed: [token({ id: 'a', name: 'Laptop', partialKey: 'pat_AbCd' })] });
      const el = await renderList();

      const keyCell = cell(el, 'a', 'key-cell');
      expect(keyCell.querySelector('.key')!.closest('[aria-hidden="true"]') !== null, 'the dots are not read out').to.be.true;
      expect(exposedText(keyCell)).to.equal('Key starting with pat_AbCd');
      const label = keyCell.querySelector('.visually-hidden')!;
      expect(label.getBoundingClientRect().width, 'the label is for assistive technology only').to.be.at.most(1);
    });

    it('never holds a full secret, even right after a create', async () => {
      await useMockBackend({ seed: sampleTokens() });
      const el = await renderList();
      const created = await new RestTokenClient({ endpoint: '/api/tokens' }).create(
        { name: 'Fresh', expiresInDays: 30 },
        new AbortController().signal,
      );
      (await generateDialog(el)).dispatchEvent(
        new CustomEvent('pat-token-created', { detail: { token: created.token }, bubbles: true, composed: true }),
      );
      await el.updateComplete;

      expect(rowIds(el)[0]).to.equal(created.token.id);
      const rendered = el.shadowRoot!.innerHTML + el.outerHTML;
      expect(created.secret).to.have.length.above(20);
      expect(rendered).to.not.contain(created.secret);
      expect(rendered).to.not.contain(created.secret.slice(0, 12));
      expect(text(cell(el, created.token.id, 'key-cell'))).to.contain(created.token.partialKey);
    });
  });

  it('renders names and descriptions with HTML and script payloads as literal text', async () => {
    const name = '<img src=x onerror="window.__patXss=1">';
    const description = '<script>window.__patXss=2</script><b>bold</b>';
    await useMockBackend({ seed: [token({ id: 'evil', name, description })] });
    const el = await renderList();

    expect(text(cell(el, 'evil', 'name-cell'))).to.equal(`${name} ${description}`);
    expect(exists(el.shadowRoot!, 'tbody img, tbody script, tbody b'), 'tbody img, tbody script, tbody b is rendered').to.be.false;
    expect((window as { __patXss?: number }).__patXss).to.equal(undefined);
    // The name also reaches attributes (the buttons' labels) only as an attribute value.
    expect(row(el, 'evil').querySelector('button[data-action=delete]')!.getAttribute('aria-label')).to.equal(`Delete token “${name}”`);
    expect(row(el, 'evil').querySelector('button[data-action=regenerate]')!.getAttribute('aria-label')).to.equal(
      `Regenerate token “${name}”`,
    );
  });

  it('shows the description as a secondary line only when there is one', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    expect(text(row(el, 'tok_ci').querySelector('[part~=description]')!)).to.equal('Release builds');
    expect(exists(row(el, 'tok_graf'), '[part~=description]'), '[part~=description] is rendered').to.be.false;
  });

  it('shows each date on one line, with the exact moment and its time zone on hover (title) and on keyboard focus', async () => {
    await useMockBackend({ seed: [token({ id: 'a', name: 'A', createdAt: '2026-03-03T12:34:00Z', lastUsedAt: at(-3) })] });
    const el = await renderList();

    const time = cell(el, 'a', 'created-cell').querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2026-03-03T12:34:00Z');
    const created = new Date('2026-03-03T12:34:00Z');
    expect(text(time)).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(created));
    const exact = (date: Date) =>
      new Intl.DateTimeFormat('en', {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      }).format(date);
    expect(time.title).to.equal(exact(created));
    expect(time.title, 'the time zone is said').to.match(/(UTC|GMT)/);
    expect(time.getBoundingClientRect().height, 'one line').to.be.below(parseFloat(getComputedStyle(time).fontSize) * 2);

    // Not a Tab stop: the arrow keys reach it from the row's buttons, and focus draws the same exact moment.
    expect(time.tabIndex).to.equal(-1);
    row(el, 'a').querySelector<HTMLElement>('button[data-action=delete]')!.focus();
    const lastUsed = cell(el, 'a', 'last-used-cell').querySelector('time')!;
    for (const [key, expected] of [
      ['ArrowLeft', row(el, 'a').querySelector('button[data-action=regenerate]')],
      ['ArrowLeft', lastUsed],
      ['ArrowLeft', cell(el, 'a', 'expires-cell').querySelector('time')],
      ['ArrowLeft', time],
    ] as const) {
      await sendKeys({ press: key });
      expectFocusOn(el, expected, `${key} moves along the row`);
    }
    expect(getComputedStyle(time, '::after').content).to.contain(exact(created));
    // The name (the button that opens the token's activity) starts the row.
    const name = row(el, 'a').querySelector('button[data-action=activity]');
    for (const key of ['ArrowLeft', 'ArrowLeft']) {
      await sendKeys({ press: key });
      expectFocusOn(el, name, `${key} moves to the name, and stops there`);
    }
    await sendKeys({ press: 'ArrowRight' });
    expectFocusOn(el, time, 'ArrowRight moves back');
    await sendKeys({ press: 'ArrowRight' });
    expectFocusOn(el, cell(el, 'a', 'expires-cell').querySelector('time'), 'and on');
    expect(text(lastUsed)).to.equal('3 days ago');
    expect(lastUsed.title).to.equal(exact(new Date(at(-3))));
  });

  it("costs Tab only the row's actions: its name (which opens its activity), Regenerate and Delete, where there used to be five stops", async () => {
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    const tabbable = (id: string) =>
      [...row(el, id).querySelectorAll<HTMLElement>('button, a[href], input, select, [tabindex]')].filter((node) => node.tabIndex >= 0);
    expect(tabbable('tok_ci').map((node) => node.dataset.action)).to.deep.equal(['activity', 'regenerate', 'delete']);
  });

  describe('expiry', () => {
    it('marks expired, expiring-soon and far-off tokens at a fixed clock, and "Never" for null', async () => {
      await useMockBackend({
        seed: [
          token({ id: 'expired', name: 'Expired', expiresAt: at(-1) }),
          token({ id: 'just-expired', name: 'Just expired', expiresAt: at(0, -1) }),
          token({ id: 'today', name: 'Today', expiresAt: at(0, 2) }),
          token({ id: 'one', name: 'One', expiresAt: at(1) }),
          token({ id: 'seven', name: 'Seven', expiresAt: at(7) }),
          token({ id: 'eight', name: 'Eight', expiresAt: at(8) }),
          token({ id: 'never', name: 'Never', expiresAt: null }),
        ],
      });
      const el = await renderList();
      const badge = (id: string) => {
        const found = cell(el, id, 'expires-cell').querySelector('[part~=badge]');
        return found ? text(found) : null;
      };

      expect(badge('expired')).to.equal('Expired');
      expect(badge('just-expired')).to.equal('Expired');
      expect(row(el, 'expired').getAttribute('part')).to.contain('row-expired');
      expect(badge('today')).to.equal('Expires today');
      expect(badge('one')).to.equal('Expires in 1 day');
      expect(badge('seven')).to.equal('Expires in 7 days');
      expect(badge('eight')).to.equal(null);
      expect(badge('never'), 'a warning where the policy wants every token to expire').to.equal('No expiration');
      expect(cell(el, 'eight', 'expires-cell').querySelector('time')!.getAttribute('datetime')).to.equal(at(8));
      await expect(el).to.be.accessible();
    });

    it('warns about a token that never expires where the policy wants every token to, and nudges to regenerate it', async () => {
      await useMockBackend({ seed: [token({ id: 'never', name: 'Forever', expiresAt: null })] });
      const el = await renderList();
      const expires = () => cell(el, 'never', 'expires-cell');
      const badge = () => expires().querySelector<HTMLElement>('[part~=badge-never]');
      expect(text(badge()!)).to.equal('No expiration');
      el.style.setProperty('--pat-warning-color', 'rgb(1, 2, 3)');
      expect(getComputedStyle(badge()!).color, 'in the warning colour').to.equal('rgb(1, 2, 3)');
      expect(text(expires())).to.contain('Regenerate it with an expiration date.');
      await expect(el).to.be.accessible();

      el.allowNoExpiration = true;
      await el.updateComplete;
      expect(text(expires()), 'allowed: it just says so').to.equal('Never');
      expect(badge()).to.equal(null);

      el.maxLifetimeDays = 90;
      await el.updateComplete;
      expect(badge() !== null, 'a maximum lifetime rules "never" out again').to.be.true;

      el.noRegenerate = true;
      await el.updateComplete;
      expect(text(expires()), 'no nudge to do what the list does not offer').to.equal('No expiration');
    });

    it('uses the expiring-soon-days threshold', async () => {
      await useMockBackend({
        seed: [token({ id: 'ten', name: 'Ten', expiresAt: at(10) }), token({ id: 'twenty', name: 'Twenty', expiresAt: at(20) })],
      });
      const el = await renderList(html`<pat-token-list endpoint="/api/tokens" expiring-soon-days="14"></pat-token-list>`);
      expect(text(cell(el, 'ten', 'expires-cell'))).to.contain('Expires in 10 days');
      expect(exists(cell(el, 'twenty', 'expires-cell'), '[part~=badge]'), '[part~=badge] is rendered').to.be.false;

      el.expiringSoonDays = 30;
      await el.updateComplete;
      expect(text(cell(el, 'twenty', 'expires-cell'))).to.contain('Expires in 20 days');
    });
  });

  describe('last used', () => {
    it('shows a relative time, and "Never" for null', async () => {
      await useMockBackend({
        seed: [
          token({ id: 'days', name: 'Days', lastUsedAt: at(-3) }),
          token({ id: 'hours', name: 'Hours', lastUsedAt: at(0, -2) }),
          token({ id: 'skew', name: 'Clock skew', lastUsedAt: at(0, 1) }),
          token({ id: 'recent', name: 'Recent', lastUsedAt: new Date(NOW.getTime() - 30_000).toISOString() }),
          token({ id: 'minute', name: 'A minute', lastUsedAt: new Date(NOW.getTime() - 60_000).toISOString() }),
          token({ id: 'never', name: 'Never', lastUsedAt: null }),
        ],
      });
      const el = await renderList();
      expect(text(cell(el, 'days', 'last-used-cell'))).to.equal('3 days ago');
      expect(cell(el, 'days', 'last-used-cell').querySelector('time')!.getAttribute('datetime')).to.equal(at(-3));
      expect(text(cell(el, 'hours', 'last-used-cell'))).to.equal('2 hours ago');
      expect(text(cell(el, 'skew', 'last-used-cell')), 'a use in the future is clock skew: just now').to.equal('just now');
      expect(text(cell(el, 'recent', 'last-used-cell')), 'under a minute ago').to.equal('just now');
      expect(text(cell(el, 'minute', 'last-used-cell'))).to.equal('1 minute ago');
      expect(text(cell(el, 'never', 'last-used-cell'))).to.equal('Never');
    });

    it('hides the column when no token has the field', async () => {
      const { lastUsedAt: _omit, ...withoutField } = token({ id: 'a', name: 'A' });
      await useMockBackend({ seed: [withoutField] });
      const el = await renderList();
      expect($$(el, 'thead th').map(text)).to.not.include('Last used');
      expect(exists(el.shadowRoot!, '[part~=last-used-cell]'), '[part~=last-used-cell] is rendered').to.be.false;
      expect(row(el, 'a').cells).to.have.length(5);
      await expect(el).to.be.accessible();
    });
  });

  it('names each delete and regenerate button after its token', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    const labels = $$(el, 'button[data-action=delete]').map((b) => b.getAttribute('aria-label'));
    expect(labels).to.deep.equal([
      'Delete token “CI deploy”',
      'Delete token “terraform”',
      'Delete token “Grafana”',
      'Delete token “Backup script”',
    ]);
    expect(text(row(el, 'tok_ci').querySelector('button[data-action=delete]')!)).to.equal('Delete');
    const regenerate = $$(el, 'button[data-action=regenerate]').map((b) => b.getAttribute('aria-label'));
    expect(regenerate).to.deep.equal([
      'Regenerate token “CI deploy”',
      'Regenerate token “terraform”',
      'Regenerate token “Grafana”',
      'Regenerate token “Backup script”',
    ]);
    expect(text(row(el, 'tok_ci').querySelector('button[data-action=regenerate]')!)).to.equal('Regenerate');
  });
});
