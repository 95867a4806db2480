/**
 * The row template on its own: a pure function of the token, the row's state and the shared
 * context, rendered here into a bare table with no element around it.
 */
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import type { Token } from '../../src/api/schemas.js';
import type { PatStrings } from '../../src/internal/pat-strings.js';
import { LocalizeController } from '../../src/internal/localize.js';
import { tokenRow, type RowContext, type RowState } from '../../src/token-list/token-row.js';
import { NOW, at, text, token } from '../support/list-harness.js';

/** The localization layer on a bare element with a `lang`: what the list passes its rows. */
function localize(lang = 'en', strings?: Partial<PatStrings>) {
  const host = Object.assign(document.createElement('div'), {
    strings,
    addController() {},
    removeController() {},
    requestUpdate() {},
    updateComplete: Promise.resolve(true),
  }) as unknown as ConstructorParameters<typeof LocalizeController>[0];
  host.lang = lang;
  return new LocalizeController(host);
}

const STATE: RowState = { isNew: false, deleting: false, deleteError: undefined, scopesExpanded: false, rowIndex: undefined };

function context(overrides: Partial<RowContext> = {}): RowContext {
  return {
    localize: localize(),
    now: NOW,
    expiringSoonDays: 7,
    columns: { lastUsed: true, scopes: true },
    scopeLabels: new Map([
      ['repo:read', 'Read repositories'],
      ['repo:write', 'Write repositories'],
      ['packages', 'Packages'],
      ['admin', 'Administration'],
    ]),
    canRegenerate: true,
    canShowActivity: false,
    neverAllowed: false,
    ...overrides,
  };
}

/** Renders one row into a fresh table; returns the `<tr>`. */
function rowOf(subject: Token, state: Partial<RowState> = {}, shared: RowContext = context()): HTMLTableRowElement {
  const table = document.createElement('table');
  render(
    html`<tbody>
      ${tokenRow(subject, { ...STATE, ...state }, shared)}
    </tbody>`,
    table,
  );
  return table.querySelector('tr')!;
}

/** The markup without Lit's comment markers, which differ between renders. */
const markup = (row: Element) => row.outerHTML.replace(/<!--[^>]*-->/g, '');

const part = (row: Element, name: string) => row.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('tokenRow', () => {
  const subject = token({
    id: 'tok_1',
    name: 'CI deploy',
    description: 'Release builds',
    expiresAt: at(3),
    lastUsedAt: at(-2),
    scopes: ['repo:read'],
  });

  it('is a pure function: the same inputs give the same row', () => {
    const shared = context();
    expect(markup(rowOf(subject, {}, shared))).to.equal(markup(rowOf(subject, {}, shared)));
    expect(markup(rowOf(subject, { isNew: true }, shared))).to.not.equal(markup(rowOf(subject, {}, shared)));
  });

  it('shows the name, description, key, one-line dates, the expiry badge and both actions', () => {
    const row = rowOf(subject);
    expect(row.dataset.id).to.equal('tok_1');
    expect(text(part(row, 'name')!)).to.equal('CI deploy');
    expect(text(part(row, 'description')!)).to.equal('Release builds');
    expect(text(part(row, 'key')!)).to.equal('pat_AbCd');
    expect(text(part(row, 'mask')!)).to.equal('••••');
    expect(text(part(row, 'badge-expiring')!)).to.equal('Expires in 3 days');
    expect(text(part(row, 'last-used-cell')!)).to.equal('2 days ago');
    expect([...row.querySelectorAll('button')].map((button) => button.dataset.action)).to.deep.equal(['regenerate', 'delete']);
    expect(part(row, 'badge-new'), 'no badge that is not shown').to.equal(null);
  });

  it('makes the name the button that opens the token’s activity where the client can read it: no cell grows, no action is added', () => {
    const row = rowOf(subject, {}, context({ canShowActivity: true }));
    const name = part(row, 'name-button') as HTMLButtonElement;
    expect(name.tagName).to.equal('BUTTON');
    expect(name.type).to.equal('button');
    expect(name.dataset.action).to.equal('activity');
    expect(name.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(name.getAttribute('aria-describedby'), 'what it does, said once for the list').to.equal('activity-hint');
    expect(name.closest('th[scope=row]'), 'inside the row header').to.not.equal(null);
    expect(text(name)).to.equal('CI deploy', 'its name is the token’s: the row header reads as before');
    expect(text(part(row, 'actions-cell')!)).to.equal(text(part(rowOf(subject), 'actions-cell')!));
    expect(part(rowOf(subject), 'name-button'), 'plain text where it cannot').to.equal(null);
  });

  it('has no Regenerate where the client cannot rotate, and none on a replaced token', () => {
    expect(rowOf(subject, {}, context({ canRegenerate: false })).querySelector('[data-action=regenerate]')).to.equal(null);
    const replaced = token({ id: 'old', name: 'Old', expiresAt: at(0, 20), replacedBy: 'new' });
    const row = rowOf(replaced);
    expect(row.querySelector('[data-action=regenerate]')).to.equal(null);
    expect(row.querySelector('[data-action=delete]'), 'it can still be deleted at once').to.not.equal(null);
  });

  it('offers Regenerate on an expired token', () => {
    const row = rowOf(token({ id: 'gone', name: 'Expired', expiresAt: at(-2) }));
    expect(row.getAttribute('part')).to.contain('row-expired');
    expect(row.querySelector('[data-action=regenerate]')).to.not.equal(null);
  });

  it('marks a replaced token, names the key that replaced it, and says when it stops working, the exact moment with its zone', () => {
    const row = rowOf(token({ id: 'old', name: 'Old', expiresAt: '2026-03-11T09:15:00Z', replacedBy: 'new' }), {
      successorKey: 'pat_N3w0',
    });
    expect(row.getAttribute('part')).to.contain('row-replaced');
    expect(text(part(row, 'badge-replaced')!)).to.equal('Replaced');
    expect(text(part(row, 'name-cell')!)).to.contain('Replaced by pat_N3w0••••');
    const time = part(row, 'expires-cell')!.querySelector('time')!;
    expect(text(time)).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date('2026-03-11T09:15:00Z')));
    expect(time.title, 'the exact moment, with its time zone').to.equal(
      new Intl.DateTimeFormat('en', {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      }).format(new Date('2026-03-11T09:15:00Z')),
    );
    expect(text(part(row, 'badge-expiring')!)).to.equal('Stops working in 21 hours');
    expect(time.getAttribute('datetime')).to.equal('2026-03-11T09:15:00Z');
  });

  it('shows permissions by label, an unknown id as itself, the first one then "+N"', () => {
    const many = token({ id: 'many', name: 'Many', scopes: ['repo:read', 'mystery:scope', 'packages', 'admin', 'repo:write'] });
    const row = rowOf(many);
    const chips = () => [...row.querySelectorAll('[part~=scope]')].map(text);
    expect(chips()).to.deep.equal(['Read repositories']);
    const more = row.querySelector<HTMLButtonElement>('[part~=scopes-button]')!;
    expect(text(more)).to.equal('+4');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(more.getAttribute('aria-label')).to.equal('+4 more permissions of “Many”');

    const expanded = rowOf(many, { scopesExpanded: true });
    expect([...expanded.querySelectorAll('[part~=scope]')].map(text)).to.have.length(5);
    const fewer = expanded.querySelector<HTMLButtonElement>('[part~=scopes-button]')!;
    expect(fewer.getAttribute('aria-expanded')).to.equal('true');
    expect(text(fewer)).to.equal('Show fewer');
  });

  it('says "All permissions" for a token without scopes, and renders hostile labels and ids as text', () => {
    expect(text(part(rowOf(token({ id: 'all', name: 'All' })), 'scopes-cell')!)).to.equal('All permissions');
    const hostile = '<img src=x onerror="window.__patRowXss=1">';
    const row = rowOf(
      token({ id: 'x', name: 'X', scopes: ['known', hostile] }),
      {},
      context({ scopeLabels: new Map([['known', hostile]]) }),
    );
    expect([...row.querySelectorAll('[part~=scope]')].map((chip) => chip.textContent)).to.deep.equal([hostile]);
    const expanded = rowOf(
      token({ id: 'x', name: 'X', scopes: ['known', hostile] }),
      { scopesExpanded: true },
      context({ scopeLabels: new Map([['known', hostile]]) }),
    );
    expect([...expanded.querySelectorAll('[part~=scope]')].map((chip) => chip.textContent)).to.deep.equal([hostile, hostile]);
    expect(expanded.querySelector('img')).to.equal(null);
    expect(row.querySelector('img')).to.equal(null);
    expect((window as { __patRowXss?: number }).__patRowXss).to.equal(undefined);
  });

  it('leaves out the optional columns when the list has none', () => {
    const row = rowOf(subject, {}, context({ columns: { lastUsed: false, scopes: false } }));
    expect(part(row, 'last-used-cell')).to.equal(null);
    expect(part(row, 'scopes-cell')).to.equal(null);
    expect(row.cells).to.have.length(5);
  });

  it('shows a failed delete in the row, with Retry and Dismiss, and the busy state while deleting', () => {
    const failed = rowOf(subject, { deleteError: 'The server is down.' });
    expect(text(part(failed, 'row-error')!.querySelector('[role=alert]')!)).to.equal("Couldn't delete this token. The server is down.");
    expect([...part(failed, 'row-error')!.querySelectorAll('button')].map((button) => button.dataset.action)).to.deep.equal([
      'retry-delete',
      'dismiss-delete-error',
    ]);
    const busy = rowOf(subject, { deleting: true });
    expect(busy.getAttribute('aria-busy')).to.equal('true');
    expect(busy.querySelector('[data-action=delete]')!.getAttribute('aria-label')).to.equal('Deleting token “CI deploy”');
    expect(busy.querySelector('[data-action=regenerate]')!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('follows the locale and the strings it is given', () => {
    const row = rowOf(
      subject,
      {},
      context({
        localize: localize('de', {
          deleteButton: 'Löschen',
          expiresInDays: { one: 'Läuft in {days} Tag ab', other: 'Läuft in {days} Tagen ab' },
        }),
      }),
    );
    expect(text(part(row, 'created-cell')!.querySelector('time')!)).to.equal(
      new Intl.DateTimeFormat('de', { dateStyle: 'medium' }).format(new Date(subject.createdAt)),
    );
    expect(text(part(row, 'badge-expiring')!)).to.equal('Läuft in 3 Tagen ab');
    expect(text(row.querySelector('[data-action=delete]')!)).to.equal('Löschen');
  });
});
