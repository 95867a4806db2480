/**
 * Scopes in the create form: without a catalogue the sentence that the token has all of the
 * user's permissions; with one, checkboxes grouped under their group's legend, each with its
 * description, defaults checked, "select all" for groups of more than three, at least one
 * required, ids sent in the catalogue's order; hostile labels and ids stay text; a catalogue with
 * invalid entries is reported once and its valid entries are used.
 */
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Scope } from '../../src/api/schemas.js';
import '../../src/define.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import type { MockBackend } from '../../src/mock/index.js';
import {
  $,
  ENDPOINT,
  fill,
  focusedIn,
  inDarkMode,
  nameInput,
  openDialog,
  sent,
  submitButton,
  waitForReveal,
} from '../support/dialog-harness.js';
import { expectSame } from '../support/focus.js';
import { useMockBackend } from '../support/mock-backend.js';
import { nextTask } from '../support/page.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';

const NOW = new Date('2026-11-26T12:00:00Z');

const CATALOGUE: Scope[] = [
  { id: 'repo:read', label: 'Read repositories', description: 'Clone and pull code.', group: 'Repositories', default: true },
  { id: 'repo:write', label: 'Write repositories', group: 'Repositories' },
  { id: 'repo:hooks', label: 'Manage webhooks', group: 'Repositories' },
  { id: 'repo:admin', label: 'Administer repositories', group: 'Repositories' },
  { id: 'issues:read', label: 'Read issues', group: 'Issues', default: true },
  { id: 'issues:write', label: 'Write issues', group: 'Issues' },
  { id: 'profile', label: 'Read your profile' },
];

const groups = (el: PatGenerateDialog) =>
  [...el.shadowRoot!.querySelectorAll('[part~=scope-group]')].map((group) => group.querySelector('legend')!.textContent!.trim());
const boxByLabel = (el: PatGenerateDialog, label: string) => {
  const found = [...el.shadowRoot!.querySelectorAll<HTMLLabelElement>('[part~=scopes] label')].find((l) => l.textContent!.trim() === label);
  if (!found) throw new Error(`no checkbox labelled ${label}`);
  return found.control as HTMLInputElement;
};
const checkedLabels = (el: PatGenerateDialog) =>
  [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.scope:not(.select-all) input:checked')].map((box) =>
    box.labels![0]!.textContent!.trim(),
  );
const createBodies = (backend: MockBackend) =>
  sent(backend)
    .filter((r) => r.operation === 'create')
    .map((r) => r.body);

async function toggle(el: PatGenerateDialog, box: HTMLInputElement) {
  box.click();
  await el.updateComplete;
}

function withCatalogue(scopes: readonly Scope[] | null = CATALOGUE) {
  return openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT} .scopes=${scopes ?? undefined}></pat-generate-dialog>`);
}

describe('<pat-generate-dialog> scopes', () => {
  let backend: MockBackend;
  beforeEach(async () => {
    setClock(NOW);
    backend = await useMockBackend({ endpoint: ENDPOINT, now: () => NOW });
  });
  afterEach(() => setClock());

  it('without a catalogue: says the token can do everything the account can, and sends no scopes', async () => {
    const { el } = await withCatalogue(null);
    expect($(el, '[part~=note]').textContent).to.contain('everything your account can do');
    expect(el.shadowRoot!.querySelector('[part~=scopes]') === null).to.equal(true);
    await fill(el, nameInput(el), 'All of it');
    submitButton(el).click();
    await waitForReveal(el);
    expect(createBodies(backend)).to.deep.equal([{ name: 'All of it', expiresInDays: 30 }]);
  });

  it('groups the permissions under their legends, describes them, and checks the defaults', async () => {
    const { el } = await withCatalogue();
    expect($(el, '[part~=note]').textContent).to.contain('only what you allow');
    expect($(el, '[part~=scopes] > legend').textContent!.trim()).to.equal('Permissions');
    expect(groups(el)).to.deep.equal(['Repositories', 'Issues']);
    expect(checkedLabels(el)).to.deep.equal(['Read repositories', 'Read issues']);
    const read = boxByLabel(el, 'Read repositories');
    expect($(el, `#${read.getAttribute('aria-describedby')}`).textContent).to.equal('Clone and pull code.');
    // The ungrouped entry is in the outer fieldset, in no group.
    expect(boxByLabel(el, 'Read your profile').closest('[part~=scope-group]') === null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('offers "select all" only in groups of more than three, and it checks, clears and shows a mixed group', async () => {
    const { el } = await withCatalogue();
    const selectAll = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.select-all input')];
    expect(selectAll.map((box) => box.closest('[part~=scope-group]')!.querySelector('legend')!.textContent)).to.deep.equal([
      'Repositories',
    ]);
    const [all] = selectAll;
    expect(all!.indeterminate, 'one of four checked').to.equal(true);
    await toggle(el, all!);
    expect(checkedLabels(el)).to.deep.equal([
      'Read repositories',
      'Write repositories',
      'Manage webhooks',
      'Administer repositories',
      'Read issues',
    ]);
    expect(all!.checked && !all!.indeterminate).to.equal(true);
    await toggle(el, all!);
    expect(checkedLabels(el)).to.deep.equal(['Read issues']);
    await expect(el).to.be.accessible();
  });

  it('requires at least one: the error appears when the last one is cleared, blocks the submit, and goes when one is chosen', async () => {
    const { el } = await withCatalogue();
    await fill(el, nameInput(el), 'Nothing allowed');
    expect(el.shadowRoot!.querySelector('#scopes-error') === null, 'no error before the user acts').to.equal(true);
    await toggle(el, boxByLabel(el, 'Read repositories'));
    await toggle(el, boxByLabel(el, 'Read issues'));
    expect($(el, '#scopes-error').textContent).to.equal('Choose at least one permission.');
    expect($(el, '[part~=scopes]').getAttribute('aria-describedby')).to.equal('scopes-error');
    await expect(el).to.be.accessible();

    submitButton(el).click();
    await el.updateComplete;
    expectSame(focusedIn(el), el.shadowRoot!.querySelector('[part~=scopes] input'));
    expect(createBodies(backend)).to.deep.equal([]);

    await toggle(el, boxByLabel(el, 'Write issues'));
    expect(el.shadowRoot!.querySelector('#scopes-error') === null).to.equal(true);
    await toggle(el, boxByLabel(el, 'Read your profile'));
    await toggle(el, boxByLabel(el, 'Manage webhooks'));
    submitButton(el).click();
    await waitForReveal(el);
    // In the catalogue's order, not the order they were ticked in.
    expect(createBodies(backend)).to.deep.equal([
      { name: 'Nothing allowed', expiresInDays: 30, scopes: ['repo:hooks', 'issues:write', 'profile'] },
    ]);
  });

  it('is accessible in a dark colour scheme, with an error showing', async () => {
    const { el, page } = await withCatalogue();
    await toggle(el, boxByLabel(el, 'Read repositories'));
    await toggle(el, boxByLabel(el, 'Read issues'));
    await inDarkMode(page, async () => {
      await expect(el).to.be.accessible();
    });
  });

  it(`shows ${XSS_PAYLOADS.length} hostile labels, descriptions, groups and ids as text, and sends the ids as they are`, async () => {
    delete window.__patPwned;
    const hostile = XSS_PAYLOADS.map((payload, i) => ({
      id: `${payload}#${i}`,
      label: `${payload} label`,
      description: payload,
      group: payload,
      default: i === 0,
    }));
    const { el } = await withCatalogue(hostile);
    const labels = [...el.shadowRoot!.querySelectorAll('.scope:not(.select-all) label')].map((label) => label.textContent);
    expect(labels).to.deep.equal(hostile.map((scope) => scope.label));
    await fill(el, nameInput(el), 'Hostile');
    submitButton(el).click();
    await waitForReveal(el);
    expect((createBodies(backend)[0] as { scopes: string[] }).scopes).to.deep.equal([hostile[0]!.id]);
    const injected = el.shadowRoot!.querySelectorAll('[part~=scopes] :is(img, script, iframe, svg, a, details, style, math, template)');
    expect(injected.length, 'elements injected into the scopes').to.equal(0);
    await nextTask();
    expect(window.__patPwned, 'a payload ran').to.equal(undefined);
  });

  describe('a catalogue with invalid entries', () => {
    const bad = [
      ...CATALOGUE.slice(0, 2),
      { id: 'repo:read', label: 'Read repositories again' },
      { id: 'empty', label: '   ' },
      { id: '', label: 'No id' },
    ] as Scope[];

    it('is reported once (a console warning and a pat-error), and its valid entries are used', async () => {
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      const errors: CustomEvent[] = [];
      const listener = (event: Event) => errors.push(event as CustomEvent);
      window.addEventListener('pat-error', listener);
      try {
        const { el } = await withCatalogue(bad);
        expect(checkedLabels(el)).to.deep.equal(['Read repositories']);
        expect([...el.shadowRoot!.querySelectorAll('.scope label')].map((label) => label.textContent)).to.deep.equal([
          'Read repositories',
          'Write repositories',
        ]);
        // The same catalogue given to another element (as the list passes it on) is not reported again.
        const second = await withCatalogue(bad);
        await second.el.updateComplete;
        expect(warnings).to.have.length(1);
        expect(String(warnings[0]![0])).to.match(/“repo:read” appears more than once.*“empty” has an empty label.*entry 5 has no id/);
        expect(errors.map((event) => event.detail.operation)).to.deep.equal(['config']);
        expect(errors[0]!.detail.error.message).to.equal(warnings[0]![0]);
        await fill(el, nameInput(el), 'Still works');
        const created = oneEvent(el, 'pat-token-created');
        submitButton(el).click();
        expect((await created).detail.token.scopes).to.deep.equal(['repo:read']);
      } finally {
        console.warn = warn;
        window.removeEventListener('pat-error', listener);
      }
    });

    it('with nothing valid in it, is no catalogue at all', async () => {
      const warn = console.warn;
      console.warn = () => {};
      try {
        const { el } = await withCatalogue([{ id: '', label: '' }] as Scope[]);
        await waitUntil(() => el.shadowRoot!.querySelector('[part~=note]'));
        expect(el.shadowRoot!.querySelector('[part~=scopes]') === null).to.equal(true);
        expect($(el, '[part~=note]').textContent).to.contain('everything your account can do');
      } finally {
        console.warn = warn;
      }
    });
  });
});
