/**
 * `pat-elements/testing` in a real browser (the consumers suite runs it in jsdom): rows read as
 * the user sees them, a create through the dialog that hands the secret to the test and leaves it
 * nowhere else, the reveal read even when hidden, a delete confirmed, and failures that say what
 * the element says.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { Token } from '../../src/api/schemas.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import {
  deleteToken,
  dismissReveal,
  findRow,
  generateToken,
  readReveal,
  tokenRows,
  waitForRow,
  waitForTokens,
} from '../../src/testing/index.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { KNOWN_SECRET } from '../support/dialog-harness.js';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import { expectNoSecretAnywhere, watchForSecrets, type SecretWatch } from '../support/secret-hygiene.js';
import { at, NOW, sampleTokens } from '../support/list-harness.js';
import '../../src/define.js';

const created: Token = {
  id: 'tok_new',
  name: 'Deploy bot',
  description: 'Ships releases',
  partialKey: KNOWN_SECRET.slice(0, 8),
  createdAt: at(0),
  expiresAt: at(30),
  lastUsedAt: null,
};

/** The message a helper's promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the helper did not reject');
}

async function list(template = html`<pat-token-list endpoint="/api/tokens"></pat-token-list>`): Promise<PatTokenList> {
  return fixture<PatTokenList>(template);
}

describe('pat-elements/testing', () => {
  let watch: SecretWatch;
  beforeEach(() => {
    setClock(NOW);
    watch = watchForSecrets();
  });
  afterEach(() => {
    watch.stop();
    setClock();
  });

  describe('rows', () => {
    it('waitForTokens resolves once loaded with the rows as the user reads them', async () => {
      const backend = await useMockBackend({ seed: sampleTokens(), slowMs: 200 });
      backend.failNext('slow', { operation: 'list' });
      const el = await list();
      expect(tokenRows(el), 'nothing while loading').to.deep.equal([]);
      const rows = await waitForTokens(el);
      expect(rows.map((row) => row.id)).to.deep.equal(['tok_ci', 'tok_tf', 'tok_graf', 'tok_old']);
      expect(rows[0]).to.deep.equal({
        id: 'tok_ci',
        name: 'CI deploy',
        description: 'Release builds',
        partialKey: 'pat_7Qm2',
        badges: [],
        deleting: false,
        deleteError: null,
      });
      expect(rows.find((row) => row.id === 'tok_tf')!.badges).to.deep.equal(['expiring']);
      expect(rows.find((row) => row.id === 'tok_graf')!.description).to.equal(null);
      expect(rows.find((row) => row.id === 'tok_old')!.badges).to.deep.equal(['expired']);
    });

    it('waitForTokens rejects with what the list says when it cannot load', async () => {
      const backend = await useMockBackend({ seed: sampleTokens() });
      backend.failNext('server-error', { operation: 'list' });
      const el = await list();
      expect(await rejection(waitForTokens(el))).to.match(/^The token list could not be loaded: .+/);
    });

    it('findRow and waitForRow find a row by its name or a pattern, and say which rows there are when not', async () => {
      await useMockBackend({ seed: sampleTokens() });
      const el = await list();
      expect((await waitForRow(el, 'terraform')).id).to.equal('tok_tf');
      expect(findRow(el, /^backup/i)?.id).to.equal('tok_old');
      expect(findRow(el, 'CI')).to.equal(undefined);
      expect(await rejection(waitForRow(el, 'Nope', { timeout: 50 }))).to.equal(
        'Timed out after 50 ms waiting for a row named Nope (the list shows "CI deploy", "terraform", "Grafana", "Backup script").',
      );
    });
  });

  describe('generateToken and the reveal', () => {
    it('creates through the list, resolves with the token and the secret, and leaves the secret nowhere else', async () => {
      await useMockBackend({ seed: sampleTokens() });
      await useHandlers(http.post('/api/tokens', () => HttpResponse.json({ token: created, secret: KNOWN_SECRET }, { status: 201 })));
      const el = await list();
      await waitForTokens(el);

      const result = await generateToken(el, { name: 'Deploy bot', description: 'Ships releases', expiresInDays: 60 });
      expect(result).to.deep.equal({ token: created, secret: KNOWN_SECRET });
      expect(await readReveal(el)).to.deep.equal({ secret: KNOWN_SECRET, usage: null });

      await dismissReveal(el);
      expect(findRow(el, 'Deploy bot')).to.include({ id: 'tok_new' });
      expect(findRow(el, 'Deploy bot')!.badges).to.deep.equal(['new']);
      expect(watch.events.map((event) => event.type)).to.include.members(['pat-token-created', 'pat-reveal-dismissed']);
      expectNoSecretAnywhere(KNOWN_SECRET, watch, [el]);
    });

    it('sends what it was given: name, description, the preset and the permissions by label', async () => {
      const backend = await useMockBackend({ seed: [] });
      const scopes = [
        { id: 'repo:read', label: 'Read repositories', default: true },
        { id: 'repo:write', label: 'Write repositories' },
        { id: 'admin', label: 'Administer' },
      ];
      const el = await list(html`<pat-token-list endpoint="/api/tokens" .scopes=${scopes} allow-no-expiration></pat-token-list>`);
      await waitForTokens(el);
      const { token, secret } = await generateToken(el, {
        name: 'Scoped',
        description: 'Least privilege',
        expiresInDays: null,
        permissions: ['Write repositories', 'Administer'],
      });
      expect(secret.startsWith(token.partialKey)).to.be.true;
      const create = backend.requests.find((request) => request.operation === 'create')!;
      expect(create.body).to.deep.equal({
        name: 'Scoped',
        description: 'Least privilege',
        expiresInDays: null,
        scopes: ['repo:write', 'admin'],
      });
      await dismissReveal(el);
    });

    it('works on a dialog of its own, and reads a reveal whose secret the user hid, with its usage example', async () => {
      await useMockBackend({ seed: [] });
      await useHandlers(http.post('/api/tokens', () => HttpResponse.json({ token: created, secret: KNOWN_SECRET }, { status: 201 })));
      const dialog = await fixture<PatGenerateDialog>(
        html`<pat-generate-dialog endpoint="/api/tokens" usage-template="curl -H 'Authorization: Bearer {token}'"></pat-generate-dialog>`,
      );
      await generateToken(dialog, { name: 'Deploy bot' });
      const reveal = dialog.shadowRoot!.querySelector('pat-token-reveal')!;
      reveal.shadowRoot!.querySelector<HTMLButtonElement>('[part~=toggle-button]')!.click();
      await reveal.updateComplete;
      expect(reveal.shadowRoot!.querySelector<HTMLTextAreaElement>('[part~=secret]')!.value, 'hidden by the user').not.to.contain(
        KNOWN_SECRET,
      );

      expect(await readReveal(dialog)).to.deep.equal({ secret: KNOWN_SECRET, usage: `curl -H 'Authorization: Bearer ${KNOWN_SECRET}'` });
      expect(await readReveal(reveal)).to.deep.equal(await readReveal(dialog));
      await dismissReveal(dialog);
      expect(dialog.open).to.be.false;
      expectNoSecretAnywhere(KNOWN_SECRET, watch, [dialog]);
    });

    it('rejects with what the form says: a field it refuses, the server refusing, a preset or permission it does not offer', async () => {
      const backend = await useMockBackend({ seed: [] });
      const el = await list();
      await waitForTokens(el);

      expect(await rejection(generateToken(el, { name: '  ' }))).to.equal(
        'The dialog did not accept the form: Enter a name for the token.',
      );
      expect(await rejection(generateToken(el, { name: 'x', expiresInDays: 3 }))).to.equal(
        'The form does not offer expiresInDays: 3; it offers 7, 30, 60, 90.',
      );
      expect(await rejection(generateToken(el, { name: 'x', permissions: ['Read'] }))).to.equal(
        'The form offers no permissions to choose (no scope catalogue).',
      );
      backend.failNext('server-error', { operation: 'create' });
      const refused = await rejection(generateToken(el, { name: 'Deploy bot' }));
      const dialog = el.shadowRoot!.querySelector('pat-generate-dialog')!;
      expect(refused).to.equal(dialog.shadowRoot!.querySelector('[part~=form] [part~=error]')!.textContent!.replace(/\s+/g, ' ').trim());
      expect(refused).to.have.length.greaterThan(10);
      expect(backend.requests.filter((request) => request.operation === 'create')).to.have.length(1);
      dialog.close();
    });
  });

  describe('deleteToken', () => {
    it('confirms the delete, resolves with the token once the row is gone, and sends one DELETE', async () => {
      const backend = await useMockBackend({ seed: sampleTokens() });
      const el = await list();
      await waitForTokens(el);
      const deleted = await deleteToken(el, 'terraform');
      expect(deleted.id).to.equal('tok_tf');
      expect(tokenRows(el).map((row) => row.name)).to.deep.equal(['CI deploy', 'Grafana', 'Backup script']);
      const deletes = backend.requests.filter((request) => request.operation === 'revoke');
      expect(deletes.map((request) => new URL(request.url).pathname)).to.deep.equal(['/api/tokens/tok_tf']);
    });

    it('rejects with what the row says when the server refuses, and names the rows when there is no such token', async () => {
      const backend = await useMockBackend({ seed: sampleTokens() });
      const el = await list();
      await waitForTokens(el);
      backend.failNext('server-error', { operation: 'revoke' });
      const message = await rejection(deleteToken(el, 'Grafana'));
      expect(message).to.equal(findRow(el, 'Grafana')!.deleteError);
      expect(message).to.match(/^Couldn't delete this token\. ./);
      expect(await rejection(deleteToken(el, 'Nope'))).to.equal(
        'No row named Nope: the list shows "CI deploy", "terraform", "Grafana", "Backup script".',
      );
    });
  });
});
