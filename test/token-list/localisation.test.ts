/** `strings` overrides reach every visible string, and dates follow the nearest `lang`. */
import { expect, html, waitUntil } from '@open-wc/testing';
import { setClock } from '../../src/internal/clock.js';
import { defaultStrings } from '../../src/internal/pat-strings.js';
import { useMockBackend } from '../support/mock-backend.js';
import { $, $$, NOW, at, cell, renderList, settled, text, token, generateDialog } from '../support/list-harness.js';

const seed = [
  token({ id: 'a', name: 'Alpha', createdAt: '2026-03-03T12:00:00Z', expiresAt: at(3), lastUsedAt: at(-3) }),
  token({ id: 'b', name: 'Beta', expiresAt: null, lastUsedAt: null }),
];

/**
 * The list inside an element carrying `lang`, mounted by hand: open-wc's `fixture` of a plain
 * element waits for an animation frame (which a background test page may never get), and with
 * `parentNode` its cleanup expects its wrapper directly in the body.
 */
async function listIn(lang: string) {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  const el = document.createElement('pat-token-list');
  el.endpoint = '/api/tokens';
  wrapper.append(el);
  document.body.append(wrapper);
  wrappers.push(wrapper);
  await waitUntil(() => settled(el), 'the list did not settle');
  return { wrapper, el };
}

const wrappers: HTMLElement[] = [];

describe('<pat-token-list> localisation', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => {
    setClock();
    for (const wrapper of wrappers.splice(0)) wrapper.remove();
  });

  it('formats dates and relative times for lang="de" on an ancestor', async () => {
    await useMockBackend({ seed });
    const { el } = await listIn('de');

    expect(text(cell(el, 'a', 'created-cell').querySelector('time')!)).to.equal('03.03.2026');
    expect(text(cell(el, 'a', 'last-used-cell'))).to.equal('vor 3 Tagen');
    expect(text(cell(el, 'a', 'expires-cell').querySelector('time')!)).to.equal('13.03.2026');
  });

  it('follows a lang change on the page without a reload', async () => {
    const backend = await useMockBackend({ seed });
    const { wrapper, el } = await listIn('en');
    expect(text(cell(el, 'a', 'created-cell').querySelector('time')!)).to.equal('Mar 3, 2026');

    wrapper.lang = 'de';
    await waitUntil(() => text(cell(el, 'a', 'created-cell').querySelector('time')!) === '03.03.2026', 'dates stayed English');
    expect(backend.requests.filter((r) => r.operation === 'list')).to.have.length(1);
  });

  it('does not break on an invalid lang', async () => {
    await useMockBackend({ seed });
    const { el } = await listIn('not a locale!');
    expect(text(cell(el, 'a', 'created-cell'))).to.match(/2026/);
  });

  it('applies partial strings overrides to the table, badges, count and buttons', async () => {
    await useMockBackend({ seed });
    const el = await renderList(
      html`<pat-token-list
        endpoint="/api/tokens"
        allow-no-expiration
        .strings=${{
          tableCaption: 'Zugriffstoken',
          columnName: 'Bezeichnung',
          tokenCount: { one: '{count} Token', other: '{count} Token' },
          expiresNever: 'Nie',
          expiresInDays: { one: 'Läuft in {days} Tag ab', other: 'Läuft in {days} Tagen ab' },
          lastUsedNever: 'Nie benutzt',
          keyStartingWith: 'Schlüssel beginnt mit {partialKey}',
          deleteButton: 'Löschen',
          deleteButtonLabel: 'Token „{name}“ löschen',
          generateButton: 'Neues Token',
        }}
      ></pat-token-list>`,
    );

    expect(text($(el, 'caption'))).to.equal('Zugriffstoken');
    expect(text($(el, 'thead th'))).to.equal('Bezeichnung');
    expect(text($(el, '[part~=count]'))).to.equal('2 Token');
    expect(text(cell(el, 'b', 'expires-cell'))).to.equal('Nie');
    expect(text(cell(el, 'a', 'expires-cell'))).to.contain('Läuft in 3 Tagen ab');
    expect(text(cell(el, 'b', 'last-used-cell'))).to.equal('Nie benutzt');
    expect(text(cell(el, 'a', 'key-cell'))).to.contain('Schlüssel beginnt mit pat_AbCd');
    const deleteButton = cell(el, 'a', 'actions-cell').querySelector('button[data-action=delete]')!;
    expect(text(deleteButton)).to.equal('Löschen');
    expect(deleteButton.getAttribute('aria-label')).to.equal('Token „Alpha“ löschen');
    expect(text($(el, '[part~=generate-button]'))).to.equal('Neues Token');
    // Strings not overridden keep their English defaults.
    expect(text($$(el, 'thead th')[1]!)).to.equal('Key');
    await expect(el).to.be.accessible();
  });

  it('says "Permissions" in English, never "Scopes", in the list and the dialog alike', () => {
    const scoped = Object.entries(defaultStrings).filter(([, value]) => /scope/i.test(JSON.stringify(value)));
    expect(scoped.map(([key]) => key)).to.deep.equal([]);
    expect(defaultStrings.columnScopes).to.equal(defaultStrings.dialogScopesLabel);
  });

  it('passes the strings on to the dialog it composes', async () => {
    await useMockBackend({ seed });
    const strings = { dialogHeading: 'Neues Token erzeugen' };
    const el = await renderList(html`<pat-token-list endpoint="/api/tokens" .strings=${strings}></pat-token-list>`);
    expect((await generateDialog(el)).strings).to.equal(strings);
  });
});
