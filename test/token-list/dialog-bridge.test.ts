/**
 * The list and the dialog it composes: every setting of the dialog can be set on the list and
 * reaches the dialog (declared once, so none can be forgotten), and the dialog's
 * `pat-dialog-opened` / `pat-dialog-closed` reach the host through the list.
 */
import { expect, html, oneEvent } from '@open-wc/testing';
import type { Scope } from '../../src/api/schemas.js';
import { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import { $, generateDialog, NOW, renderList, sampleTokens } from '../support/list-harness.js';
import { nameInput, submitButton, typeInto } from '../support/dialog-harness.js';
import { useMockBackend } from '../support/mock-backend.js';

const CATALOGUE: Scope[] = [{ id: 'repo:read', label: 'Read repositories', default: true }];

/** The dialog's public reactive properties: what a host can set on it, besides opening it. */
const dialogSettings = () =>
  [...PatGenerateDialog.elementProperties].filter(([name, options]) => !options.state && name !== 'open').map(([name]) => String(name));

describe('<pat-token-list> and its dialog', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  it('passes every setting of the dialog on, from attributes and properties, and as they change', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const headers = { 'X-Test': '1' };
    const el = await renderList(html`
      <pat-token-list
        endpoint="/api/tokens"
        credentials="include"
        max-name-length="5"
        max-description-length="7"
        max-lifetime-days="60"
        allow-no-expiration
        usage-template="tool login {token}"
        grace-periods="0, 4 48"
        .presets=${[3, 14]}
        .scopes=${CATALOGUE}
        .headers=${headers}
        .strings=${{ dialogHeading: 'New key' }}
      ></pat-token-list>
    `);
    const dialog = await generateDialog(el);
    const settings = dialogSettings();
    expect(settings).to.include.members(['maxNameLength', 'maxDescriptionLength', 'gracePeriods', 'presets', 'scopes', 'endpoint']);
    const list = el as unknown as Record<string, unknown>;
    const passed = dialog as unknown as Record<string, unknown>;
    for (const name of settings) expect(passed[name], name).to.deep.equal(list[name]);
    expect(passed.maxNameLength).to.equal(5);
    expect(passed.gracePeriods).to.deep.equal([0, 4, 48]);

    el.maxNameLength = 9;
    el.gracePeriods = [1, 2];
    el.presets = [30];
    await el.updateComplete;
    for (const name of settings) expect(passed[name], `${name} after a change`).to.deep.equal(list[name]);
  });

  it('its dialog refuses a name longer than the list’s max-name-length', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const el = await renderList(html`<pat-token-list endpoint="/api/tokens" max-name-length="5"></pat-token-list>`);
    $(el, 'button[part~=generate-button]').click();
    const dialog = $<PatGenerateDialog>(el, 'pat-generate-dialog');
    await dialog.updateComplete;
    await typeInto(nameInput(dialog), 'Laptop');
    await dialog.updateComplete;
    submitButton(dialog).click();
    await dialog.updateComplete;
    expect(dialog.shadowRoot!.querySelector('#name-error')?.textContent).to.contain('at most 5 characters (this is 6)');
    expect(backend.requests.filter((request) => request.operation === 'create')).to.have.length(0);
  });

  it('lets the dialog’s opened and closed events out to the host', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    const opened = oneEvent(el, 'pat-dialog-opened');
    $(el, 'button[part~=generate-button]').click();
    expect((await opened).detail).to.deep.equal({ mode: 'create', token: undefined });
    const dialog = $<PatGenerateDialog>(el, 'pat-generate-dialog');
    const closed = oneEvent(window, 'pat-dialog-closed');
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    expect((await closed).detail).to.deep.equal({ mode: 'create', created: undefined });
  });
});
