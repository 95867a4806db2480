/**
 * What a shipped locale looks like on screen. `visitEveryState` walks the list, the dialog and the
 * reveal through every state a user can reach (loading; a first load failing in each way the
 * elements word themselves; tokens with each badge; filters; delete; the form with each error;
 * pending; the reveal with each copy result; empty; permissions; regenerate with its grace
 * periods) under one `lang`, and collects every text node and accessible attribute of their
 * shadow trees. `checkRenderedLocale` then asserts, as one `describe` block per locale, that no
 * English default string is left in them, that every string of the locale appears somewhere, and
 * that dates, relative times and counts are formatted for that locale.
 */
import { expect, waitUntil as waitUntilWithin } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { RestTokenClient } from '../../src/api/rest-token-client.js';
import type { ActivityPage, Token } from '../../src/api/schemas.js';
import type { Scope } from '../../src/api/schemas.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { customDateBounds, graceEnd, toDateInputValue } from '../../src/generate-dialog/expiration.js';
import { setClock } from '../../src/internal/clock.js';
import { DATE_TIME_ZONE } from '../../src/internal/locale.js';
import { defaultStrings, type PatStrings } from '../../src/internal/pat-strings.js';
import { fill as fillTemplate } from '../../src/internal/strings.js';
import { BULK_LISTED } from '../../src/token-list/delete-flow.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import type { PatTokenReveal } from '../../src/token-reveal/token-reveal.js';
import { NOW, at, settled, text, token } from './list-harness.js';
import {
  $ as dialogPart,
  choose,
  dateInput,
  descriptionInput,
  dialogOf,
  fill,
  nameInput,
  revealOf,
  submitButton,
  typeInto,
  waitForReveal,
} from './dialog-harness.js';
import { LANGUAGE_NEUTRAL } from './locale-checks.js';
import { useHandlers, useMockBackend } from './mock-backend.js';
import { acknowledgeBox, copyButton, doneButton, part, toggleButton, usageCopyButton } from './reveal-harness.js';
import { stubClipboard, type ClipboardStub } from './secret-hygiene.js';

/**
 * `waitUntil` with 5 s instead of 1 s: these walks mount the list again and again, each load a
 * round trip through msw's worker, and on a busy CI machine one took over a second.
 */
const waitUntil = (condition: () => unknown, message: string) => waitUntilWithin(condition, message, { timeout: 5_000 });

type Key = keyof PatStrings;

/** A host's scope catalogue (in the host's language: here names that read the same in every one). */
const SCOPES: Scope[] = [
  { id: 'alpha', label: 'Alpha', group: 'Epsilon' },
  { id: 'beta', label: 'Beta', group: 'Epsilon' },
  { id: 'gamma', label: 'Gamma', group: 'Epsilon' },
  { id: 'delta', label: 'Delta', group: 'Epsilon' },
  { id: 'zeta', label: 'Zeta' },
];

const ATTRIBUTES = [
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'placeholder',
  'title',
  'alt',
  'label',
  'data-label',
];
const USAGE = 'curl -H "Authorization: Bearer {token}" https://api.example.com/me';
const DAY = 86_400_000;

const normalize = (value: string) => value.replace(/\s+/g, ' ').trim();
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Placeholders that are always numbers, so they match digits of any script (and grouping), not words. */
const NUMERIC = new Set(['count', 'days', 'shown', 'total', 'length', 'status']);

/**
 * Whether a template (a string with `{placeholders}`) is in a collected text: as the whole text,
 * or, for a template long enough not to occur by chance, inside a longer one (an error message
 * inside "Couldn't delete … {reason}").
 */
function matcher(template: string): (text: string) => boolean {
  const normalized = normalize(template);
  const pattern = normalized
    .split(/(\{\w+\})/)
    .map((piece) => {
      const name = /^\{(\w+)\}$/.exec(piece)?.[1];
      if (!name) return escape(piece);
      return NUMERIC.has(name) ? '[\\p{N}\\s.,\\u066b\\u066c]+' : '.+?';
    })
    .join('');
  const whole = new RegExp(`^${pattern}$`, 'u');
  const literal = normalized.replace(/\{\w+\}/g, '').trim();
  const inside = literal.length >= 12 ? new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'u') : undefined;
  return (text) => whole.test(text) || (inside?.test(text) ?? false);
}

/**
 * The texts, and what fills the word placeholders of the strings that match one whole: "Active"
 * is shown when "Active (3)" is, as the `{name}` of "{name} ({count})".
 */
function withPlaceholderValues(texts: Iterable<string>, strings: PatStrings): Set<string> {
  const all = new Set(texts);
  const templates = Object.values(strings)
    .flatMap((value) => forms(value))
    .filter((form) => /\{\w+\}/.test(form) && !/^\{\w+\}$/.test(form.trim()));
  for (const template of templates) {
    const pattern = normalize(template)
      .split(/(\{\w+\})/)
      .map((piece) => {
        const name = /^\{(\w+)\}$/.exec(piece)?.[1];
        if (!name) return escape(piece);
        return NUMERIC.has(name) ? '[\\p{N}\\s.,\\u066b\\u066c]+' : '(.+?)';
      })
      .join('');
    const whole = new RegExp(`^${pattern}$`, 'u');
    for (const text of [...all]) {
      const match = whole.exec(text);
      for (const value of match?.slice(1) ?? []) all.add(normalize(value));
    }
  }
  return all;
}

/** Every form of a string: the string itself, or each plural form. */
const forms = (value: PatStrings[Key]): string[] => (typeof value === 'string' ? [value] : Object.values(value));

/** The keys of `strings` whose text (any form) is in `texts`. */
function keysShown(strings: PatStrings, texts: Iterable<string>, keys: readonly Key[] = Object.keys(strings) as Key[]): Map<Key, string> {
  const shown = new Map<Key, string>();
  const all = [...texts];
  for (const key of keys) {
    for (const form of forms(strings[key])) {
      const matches = matcher(form);
      const found = all.find((text) => matches(text));
      if (found !== undefined) {
        shown.set(key, found);
        break;
      }
    }
  }
  return shown;
}

/** Texts and accessible attributes under `root`, through every open shadow root. */
function collectTexts(root: Node, into: Set<string>): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.localName === 'style') continue;
    const value = normalize(node.textContent ?? '');
    if (value) into.add(value);
  }
  const elements = root instanceof Element || root instanceof ShadowRoot || root instanceof Document ? root.querySelectorAll('*') : [];
  for (const element of elements) {
    // A sentence with a key or a link in it ("Replaced by pat_…••••", "… found in public code at
    // github.com/…") is one text across its nodes.
    if ([...element.children].some((child) => child.classList.contains('key') || child.localName === 'a')) {
      into.add(normalize(element.textContent ?? ''));
    }
    for (const name of ATTRIBUTES) {
      const value = normalize(element.getAttribute(name) ?? '');
      if (value) into.add(value);
    }
    if (element.shadowRoot) collectTexts(element.shadowRoot, into);
  }
}

function seed(): Token[] {
  return [
    token({ id: 'soon', name: 'Alpha', createdAt: at(-10), expiresAt: at(3), lastUsedAt: null }),
    token({ id: 'tomorrow', name: 'Beta', expiresAt: at(1), lastUsedAt: at(-3) }),
    // An hour after noon UTC: the same calendar day in every time zone from UTC−11 to UTC+10.
    token({ id: 'today', name: 'Gamma', expiresAt: at(0, 1), lastUsedAt: at(-1) }),
    token({ id: 'expired', name: 'Delta', expiresAt: at(-30), lastUsedAt: at(-31) }),
    // The server may hide the whole key.
    token({ id: 'forever', name: 'Epsilon', expiresAt: null, lastUsedAt: at(-3), partialKey: '' }),
  ];
}

/** What `visitEveryState` saw, and a few texts to compare with `Intl` for the locale. */
interface Visit {
  texts: Set<string>;
  /** The `soon` token's created cell, its expires cell, and the `tomorrow` token's last-used cell. */
  createdCell: string;
  expiresCell: string;
  lastUsedCell: string;
  /** The count above the list of five tokens. */
  count: string;
  /** The form's summary with the 30-day preset chosen. */
  expirySummary: string;
  /** The error of a custom date past a 30-day maximum lifetime. */
  outOfRange: string;
  /** Regenerating the `soon` token with a grace period of 24 hours: when it stops working. */
  graceSummary: string;
}

function mountList(page: HTMLElement, configure: (list: PatTokenList) => void = () => {}): PatTokenList {
  const list = document.createElement('pat-token-list');
  list.endpoint = '/api/tokens';
  configure(list);
  page.append(list);
  return list;
}

const $ = <E extends Element = HTMLElement>(root: { shadowRoot: ShadowRoot | null }, selector: string): E => {
  const found = root.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`${selector} is not rendered`);
  return found;
};

const row = (list: PatTokenList, id: string) => $<HTMLTableRowElement>(list, `tbody tr[data-id="${id}"]`);
const cellText = (list: PatTokenList, id: string, cell: string) => text(row(list, id).querySelector(`[part~="${cell}"]`)!);

async function askToDelete(list: PatTokenList, id: string): Promise<HTMLDialogElement> {
  row(list, id).querySelector<HTMLButtonElement>('button[data-action=delete]')!.click();
  const confirm = $<HTMLDialogElement>(list, 'dialog[part~=confirm-dialog]');
  await waitUntil(() => confirm.open, 'the delete confirmation did not open');
  return confirm;
}

async function openGenerateDialog(list: PatTokenList): Promise<PatGenerateDialog> {
  $<HTMLButtonElement>(list, '#generate-button').click();
  const dialog = dialogOf(list);
  await dialog.updateComplete;
  await waitUntil(() => dialogPart<HTMLDialogElement>(dialog, 'dialog').open, 'the dialog did not open');
  return dialog;
}

async function submit(dialog: PatGenerateDialog): Promise<void> {
  submitButton(dialog).click();
  await dialog.updateComplete;
}

/** Clicks a copy button and waits for the reveal to report the result. */
async function copyWith(reveal: PatTokenReveal, button: HTMLButtonElement): Promise<void> {
  const status = () => text(part(reveal, '[role=status]'));
  const before = status();
  button.click();
  await waitUntil(() => status() !== before, 'the reveal reported nothing');
}

/** Every kind of event the detail view words, with callers and a next page (data in the visit's own words). */
function activityPage(): ActivityPage {
  const event = (type: string, days: number, fields: Partial<ActivityPage['events'][number]> = {}) => ({
    id: `evt_${type}_${days}`,
    type,
    at: at(days),
    tokenId: 'tomorrow',
    ...fields,
  });
  const caller = { ip: '203.0.113.7', userAgent: 'Alpha/1.0' };
  return {
    events: [
      event('expiry-reminder', -1, { expiresAt: at(1) }),
      event('revoked', -2, { reason: 'leaked', url: '203.0.113.9/Beta' }),
      event('revoked', -3, { reason: 'admin' }),
      event('revoked', -4, { reason: 'account' }),
      event('revoked', -5),
      event('new-caller', -6, caller),
      event('regenerated', -7, { relatedTokenId: 'later' }),
      event('regenerated', -8, { tokenId: 'earlier', relatedTokenId: 'tomorrow' }),
      event('expired', -9),
      event('deleted', -10),
      event('created', -11, caller),
    ],
    next: 'page-2',
    callers: [{ ...caller, lastUsedAt: at(-3) }],
  };
}

/** Opens the `tomorrow` token's detail view through each of its states, collecting texts. */
async function visitActivity(list: PatTokenList, collect: () => void): Promise<void> {
  const view = () => $<HTMLDialogElement>(list, 'dialog[part~=activity-dialog]');
  const status = () => text(list.shadowRoot!.querySelector('dialog[part~=activity-dialog] [role=status]')!);
  const open = async (id: string) => {
    row(list, id).querySelector<HTMLButtonElement>('button[data-action=activity]')!.click();
    await waitUntil(() => list.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part~=activity-dialog]')?.open, 'no detail view');
  };
  const close = async () => {
    $<HTMLButtonElement>(list, 'button[part~=activity-close-button]').click();
    await waitUntil(() => !view().open, 'the detail view did not close');
  };
  const route = '/api/tokens/:id/activity';
  let answer: () => Response | Promise<Response> = () => new Promise<Response>(() => {});
  await useHandlers(http.get(route, () => answer()));

  // Loading (an answer that never comes), for a token never used.
  await open('soon');
  collect();
  const loading = status();
  await close();
  // A server without activity.
  answer = () =>
    HttpResponse.json({ type: 'about:blank', status: 404 }, { status: 404, headers: { 'content-type': 'application/problem+json' } });
  await open('tomorrow');
  await waitUntil(() => status() !== loading, 'the 404 was not shown');
  collect();
  await close();
  // A failure, then Retry: every kind of event, callers, a next page; then nothing recorded.
  answer = () => new HttpResponse('<h1>Error</h1>', { status: 500 });
  await open('tomorrow');
  await waitUntil(() => list.shadowRoot!.querySelector('[part~=activity-error]'), 'the failure was not shown');
  collect();
  answer = () => HttpResponse.json(activityPage());
  $<HTMLButtonElement>(list, '[part~=activity-error] button').click();
  await waitUntil(() => list.shadowRoot!.querySelector('[part~=activity-more-button]'), 'the events were not shown');
  collect();
  await expect(list).to.be.accessible();
  await close();
  answer = () => HttpResponse.json({ events: [], next: null });
  await open('today');
  await waitUntil(() => status() !== loading, 'the empty trail was not shown');
  collect();
  await close();
}

/**
 * Walks every state under `lang` (and `dir`), collecting texts after each step, and checks that
 * the list, the form with errors and the reveal are accessible in that language.
 */
async function visitEveryState(lang: string, dir: 'ltr' | 'rtl' = 'ltr'): Promise<Visit> {
  const texts = new Set<string>();
  const page = document.createElement('div');
  page.lang = lang;
  page.dir = dir;
  document.body.append(page);
  const collect = () => collectTexts(page, texts);
  let clipboard: ClipboardStub | undefined;
  setClock(NOW);
  try {
    const backend = await useMockBackend({ seed: seed(), now: () => NOW });

    // Loading: a first answer that never comes.
    backend.failNext('timeout', { operation: 'list' });
    const loading = mountList(page);
    await waitUntil(() => backend.requests.length === 1, 'the list sent no request');
    await loading.updateComplete;
    collect();
    loading.remove();

    // The first load fails, in every way the elements put into their own words: a status without
    // a problem+json title of the server's, an answer that is not the contract's, no answer in
    // time, an adapter's own error.
    const rest = new RestTokenClient({ endpoint: '/api/tokens' });
    const failures: { how: string; before?: () => Promise<void> | void; configure?: (list: PatTokenList) => void }[] = [
      ...[401, 403, 404, 409, 422, 429, 418, 502].map((status) => ({
        how: `HTTP ${status}`,
        before: () => useHandlers(http.get('/api/tokens', () => new HttpResponse('<h1>Error</h1>', { status }), { once: true })),
      })),
      { how: 'an array', before: () => useHandlers(http.get('/api/tokens', () => HttpResponse.json([]), { once: true })) },
      { how: 'a mistyped field', before: () => backend.failNext('schema-violation', { operation: 'list' }) },
      {
        how: 'no answer in time',
        before: () => backend.failNext('timeout', { operation: 'list' }),
        configure: (list) => (list.client = new RestTokenClient({ endpoint: '/api/tokens', timeoutMs: 200 })),
      },
      {
        how: "an adapter's own error",
        configure: (list) => {
          list.client = {
            list: () => Promise.reject(new Error('The adapter failed')),
            create: (request, signal) => rest.create(request, signal),
            revoke: (id, signal) => rest.revoke(id, signal),
          };
        },
      },
    ];
    for (const { how, before, configure } of failures) {
      await before?.();
      const failed = mountList(page, configure);
      await waitUntil(() => settled(failed), `the list failing with ${how} did not settle`);
      collect();
      failed.remove();
    }

    // Tokens: expiring in 3 days, tomorrow, today; expired; never expiring with a hidden key.
    const list = mountList(page, (el) => {
      el.allowNoExpiration = true;
      el.usageTemplate = USAGE;
    });
    await waitUntil(() => settled(list), 'the list did not settle');
    await list.updateComplete;
    collect();
    const visit: Partial<Visit> = {
      createdCell: cellText(list, 'soon', 'created-cell'),
      expiresCell: cellText(list, 'soon', 'expires-cell'),
      lastUsedCell: cellText(list, 'tomorrow', 'last-used-cell'),
      count: text($(list, '[part~=count]')),
    };
    await expect(list).to.be.accessible();

    // Filters: some tokens match, then none.
    const filter = $<HTMLInputElement>(list, 'input[type=search]');
    await typeInto(filter, 'alp');
    await list.updateComplete;
    collect();
    await typeInto(filter, 'zzz');
    await list.updateComplete;
    collect();
    await typeInto(filter, '');
    await list.updateComplete;

    // A refresh fails (the answer is not JSON): the tokens stay, with the reason and Retry.
    backend.failNext('malformed-json', { operation: 'list' });
    await list.refresh();
    await list.updateComplete;
    collect();
    $<HTMLButtonElement>(list, '[part~=retry-button]').click();
    await waitUntil(() => !list.shadowRoot!.querySelector('[part~=retry-button]'), 'Retry did not reload the list');

    // Delete: the confirmation, a failure (network), then success and its announcement.
    let confirm = await askToDelete(list, 'expired');
    collect();
    backend.failNext('network', { operation: 'revoke' });
    $<HTMLButtonElement>(list, 'button[part~=confirm-delete-button]').click();
    await waitUntil(() => list.shadowRoot!.querySelector('[part~=dismiss-button]'), 'the failed delete was not reported');
    collect();
    $<HTMLButtonElement>(list, '[part~=dismiss-button]').click();
    confirm = await askToDelete(list, 'expired');
    $<HTMLButtonElement>(list, 'button[part~=confirm-delete-button]').click();
    await waitUntil(() => !confirm.open && !list.shadowRoot!.querySelector('tr[data-id="expired"]'), 'the token was not deleted');
    await waitUntil(() => text($(list, '[role=status]')) !== '', 'the delete was not announced');
    collect();

    // A token's detail view: loading, a server without activity, a failure, every kind of event, none.
    await visitActivity(list, collect);

    // The form: each field error, each kind of expiration.
    let dialog = await openGenerateDialog(list);
    collect();
    await submit(dialog);
    await waitUntil(() => dialog.shadowRoot!.querySelector('#name-error'), 'no error for the empty name');
    collect();
    await expect(list).to.be.accessible();
    await fill(dialog, nameInput(dialog), 'x'.repeat(101));
    await fill(dialog, descriptionInput(dialog), 'x'.repeat(501));
    collect();
    await fill(dialog, descriptionInput(dialog), '');
    // A custom date starts at the preset's; after the first submit, errors follow each edit.
    await choose(dialog, 'custom');
    collect();
    await fill(dialog, dateInput(dialog), '');
    collect();
    await fill(dialog, dateInput(dialog), toDateInputValue(NOW));
    collect();
    await choose(dialog, 'never');
    collect();
    await choose(dialog, '30');
    visit.expirySummary = text(dialogPart(dialog, '#expiry'));
    collect();

    // Generating: an answer that never comes, then the dialog closed (which aborts it).
    await fill(dialog, nameInput(dialog), 'Zeta');
    backend.failNext('timeout', { operation: 'create' });
    await submit(dialog);
    await waitUntil(() => submitButton(dialog).getAttribute('aria-disabled') === 'true', 'the form did not show progress');
    collect();
    dialog.close();
    await dialog.updateComplete;

    // The reveal: named, each copy result, Done refused until a copy or a confirmation.
    dialog = await openGenerateDialog(list);
    await fill(dialog, nameInput(dialog), 'Zeta');
    await submit(dialog);
    const reveal = await waitForReveal(dialog);
    collect();
    await expect(list).to.be.accessible();
    doneButton(reveal).click();
    await reveal.updateComplete;
    collect();
    clipboard = stubClipboard('fail');
    await copyWith(reveal, copyButton(reveal));
    collect();
    await copyWith(reveal, usageCopyButton(reveal));
    collect();
    clipboard.restore();
    clipboard = stubClipboard('succeed');
    await copyWith(reveal, copyButton(reveal));
    collect();
    await copyWith(reveal, usageCopyButton(reveal));
    collect();
    toggleButton(reveal).click();
    await reveal.updateComplete;
    collect();
    toggleButton(reveal).click();
    acknowledgeBox(reveal).click();
    await reveal.updateComplete;
    doneButton(reveal).click();
    await waitUntil(() => !revealOf(dialog), 'Done did not close the reveal');
    await waitUntil(() => list.shadowRoot!.querySelector('[part~=badge-new]'), 'the new token is not marked');
    collect();

    // Deleting: an answer that never comes.
    backend.failNext('timeout', { operation: 'revoke' });
    await askToDelete(list, 'soon');
    $<HTMLButtonElement>(list, 'button[part~=confirm-delete-button]').click();
    await waitUntil(() => row(list, 'soon').getAttribute('aria-busy') === 'true', 'the delete did not show progress');
    collect();
    list.remove();

    // Scopes and regenerate on the rows: all permissions, none, more than one (shown, then fewer
    // again), a replaced token still in its grace period (and the one that replaced it), a token
    // that never expires where the policy wants every token to, one used seconds ago, and tokens
    // the system revoked, for each reason (a leak with and without where it was found).
    const revoked = (id: string, reason: 'leaked' | 'admin' | 'account') =>
      token({ id, name: 'Epsilon', revocation: { at: at(-1), reason, url: 'https://example.com/leak' } });
    backend.reset([
      token({ id: 'scoped', name: 'Alpha', expiresAt: at(30), scopes: ['alpha', 'beta', 'gamma', 'delta', 'zeta'] }),
      token({ id: 'unscoped', name: 'Beta', expiresAt: at(30), lastUsedAt: new Date(NOW.getTime() - 10_000).toISOString() }),
      token({ id: 'nothing', name: 'Gamma', expiresAt: at(30), scopes: [] }),
      token({ id: 'replaced', name: 'Delta', expiresAt: at(0, 1), replacedBy: 'scoped', scopes: ['alpha'] }),
      token({ id: 'forever', name: 'Zeta', expiresAt: null }),
      revoked('leaked', 'leaked'),
      revoked('admin', 'admin'),
      revoked('account', 'account'),
      token({ id: 'leaked-nowhere', name: 'Epsilon', revocation: { at: at(-1), reason: 'leaked' } }),
    ]);
    const rows = mountList(page, (el) => (el.scopes = SCOPES));
    await waitUntil(() => settled(rows), 'the list with scopes did not settle');
    await rows.updateComplete;
    collect();
    await expect(rows).to.be.accessible();
    $<HTMLButtonElement>(rows, 'tr[data-id="scoped"] [part~=scopes-button]').click();
    await rows.updateComplete;
    collect();
    // Deleting either of a regenerated pair says what it does to the other.
    for (const id of ['replaced', 'scoped']) {
      const confirm = await askToDelete(rows, id);
      collect();
      $<HTMLButtonElement>(rows, 'button[part~=confirm-cancel-button]').click();
      await waitUntil(() => !confirm.open, 'the confirmation did not close');
    }

    // A refresh fails, and its Retry is pending (an answer that never comes).
    backend.failNext('network', { operation: 'list' });
    await rows.refresh();
    await rows.updateComplete;
    backend.failNext('timeout', { operation: 'list' });
    $<HTMLButtonElement>(rows, '[part~=retry-button]').click();
    await waitUntil(() => $(rows, '[part~=retry-button]').getAttribute('aria-disabled') === 'true', 'Retry did not show progress');
    collect();
    rows.remove();

    // Bulk delete: two tokens selected (the bar, Delete all expired), both failing; then every
    // token, more than the confirmation lists one by one, deleted.
    backend.reset(
      Array.from({ length: BULK_LISTED + 2 }, (_, i) => token({ id: `bulk${i}`, name: 'Alpha', expiresAt: i ? at(30) : at(-1) })),
    );
    const bulk = mountList(page);
    await waitUntil(() => settled(bulk), 'the list for a bulk delete did not settle');
    const bulkDelete = async () => {
      $<HTMLButtonElement>(bulk, '[part~=bulk-delete-button]').click();
      await waitUntil(() => $<HTMLDialogElement>(bulk, 'dialog[part~=confirm-dialog]').open, 'the bulk confirmation did not open');
      collect();
      const before = text($(bulk, '[role=status]'));
      $<HTMLButtonElement>(bulk, 'button[part~=confirm-delete-button]').click();
      await waitUntil(() => ![before, ''].includes(text($(bulk, '[role=status]'))), 'the bulk delete was not announced');
      collect();
    };
    for (const id of ['bulk1', 'bulk2']) row(bulk, id).querySelector<HTMLInputElement>('input[part~=select]')!.click();
    await bulk.updateComplete;
    collect();
    backend.failNext('network', { operation: 'revoke', times: 2 });
    await bulkDelete();
    $<HTMLInputElement>(bulk, 'input[part~=select-all]').click();
    await bulk.updateComplete;
    await bulkDelete();
    bulk.remove();

    // An answer with one broken token: the others are shown, and the broken one is counted.
    const [first, second, ...others] = seed();
    await useHandlers(
      http.get('/api/tokens', () => HttpResponse.json({ tokens: [first, { ...second, createdAt: 'yesterday' }, ...others] }), {
        once: true,
      }),
    );
    const partial = mountList(page);
    await waitUntil(() => settled(partial), 'the partly broken list did not settle');
    collect();
    partial.remove();

    // At the server's maximum: "N of N tokens", and why "Generate new token" cannot be used.
    const full = seed().filter((t) => !t.replacedBy);
    await useHandlers(
      http.get('/api/tokens', () => HttpResponse.json({ tokens: full, policy: { maxTokensPerUser: full.length } }), { once: true }),
    );
    const atLimit = mountList(page);
    await waitUntil(() => atLimit.shadowRoot!.querySelector('[part~=limit-note]'), 'the limit was not shown');
    collect();
    atLimit.remove();

    // The dialog: a created token whose answer breaks the contract (the field is not shown).
    backend.reset(seed());
    const broken = document.createElement('pat-generate-dialog');
    broken.endpoint = '/api/tokens';
    page.append(broken);
    broken.show();
    await broken.updateComplete;
    await fill(broken, nameInput(broken), 'Zeta');
    backend.failNext('schema-violation', { operation: 'create' });
    await submit(broken);
    await waitUntil(() => broken.shadowRoot!.querySelector('[part~=error][role=alert]'), 'the broken answer was not reported');
    collect();
    broken.close();
    broken.remove();

    // No tokens at all.
    backend.reset([]);
    const empty = mountList(page);
    await waitUntil(() => settled(empty), 'the empty list did not settle');
    collect();
    empty.remove();

    // With a scope catalogue: the permissions, a group with "select all", none chosen.
    backend.reset(seed());
    const scoped = document.createElement('pat-generate-dialog');
    scoped.endpoint = '/api/tokens';
    scoped.scopes = SCOPES;
    page.append(scoped);
    scoped.show();
    await scoped.updateComplete;
    collect();
    await fill(scoped, nameInput(scoped), 'Zeta');
    await submit(scoped);
    await waitUntil(() => scoped.shadowRoot!.querySelector('#scopes-error'), 'no error without a permission');
    collect();
    scoped.close();

    // Regenerate: the summary of a token with all permissions, each grace period, pending, then gone.
    scoped.regenerate(seed()[0]!);
    await scoped.updateComplete;
    collect();
    await choose(scoped, '24', dialogPart<HTMLSelectElement>(scoped, '#grace'));
    visit.graceSummary = text(dialogPart(scoped, '#grace-summary'));
    collect();
    await choose(scoped, '0', dialogPart<HTMLSelectElement>(scoped, '#grace'));
    collect();
    backend.failNext('timeout', { operation: 'rotate' });
    await submit(scoped);
    await waitUntil(() => submitButton(scoped).getAttribute('aria-disabled') === 'true', 'the regenerate did not show progress');
    collect();
    scoped.close();
    await scoped.updateComplete;
    backend.failNext('not-found', { operation: 'rotate' });
    scoped.regenerate(seed()[0]!);
    await scoped.updateComplete;
    await submit(scoped);
    await waitUntil(() => scoped.shadowRoot!.querySelector('#gone-close'), 'a token gone was not reported');
    collect();
    scoped.close();
    scoped.remove();

    // The dialog alone: a custom date past its maximum lifetime, then no backend to send to.
    const alone = document.createElement('pat-generate-dialog');
    alone.maxLifetimeDays = 30;
    page.append(alone);
    alone.show();
    await alone.updateComplete;
    await choose(alone, 'custom');
    await fill(alone, dateInput(alone), toDateInputValue(new Date(NOW.getTime() + 60 * DAY)));
    await fill(alone, nameInput(alone), 'Zeta');
    await submit(alone);
    await waitUntil(() => alone.shadowRoot!.querySelector('#expiration-error'), 'no error for a date past the maximum');
    visit.outOfRange = text(dialogPart(alone, '#expiration-error'));
    collect();
    await fill(alone, dateInput(alone), toDateInputValue(new Date(NOW.getTime() + 20 * DAY)));
    await submit(alone);
    await waitUntil(() => alone.shadowRoot!.querySelector('[part~=error]'), 'no error without a backend');
    collect();
    alone.close();
    alone.remove();

    // The reveal alone, without the token's metadata.
    const bare = document.createElement('pat-token-reveal');
    page.append(bare);
    bare.secret = 'pat_LocaleCheckSecretValue0123456789';
    await bare.updateComplete;
    collect();
    bare.remove();

    return { ...(visit as Omit<Visit, 'texts'>), texts };
  } finally {
    clipboard?.restore();
    setClock();
    page.remove();
  }
}

/** The English strings (any form) still in `texts`, as `key: text`; `allowed` are the same in the locale. */
function englishLeft(texts: Iterable<string>, allowed: readonly Key[]): string[] {
  const keys = (Object.keys(defaultStrings) as Key[]).filter((key) => !allowed.includes(key) && !LANGUAGE_NEUTRAL.includes(key));
  return [...keysShown(defaultStrings, texts, keys)].map(([key, found]) => `${key}: ${found}`);
}

/**
 * The Latin words of the visit's own data: token and scope names, the filters typed, the address
 * where a leaked token was found, and the contract's path of the field a mistyped answer broke
 * (keys are left out apart).
 */
const DATA_WORDS = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'alp', 'zzz', 'example', 'com', 'leak', 'tokens', 'createdAt'];
/** What `Intl` itself writes in every language: the time zone of an exact moment. */
const INTL_WORDS = ['UTC', 'GMT'];
/** A partial key as the mock makes them (random after the prefix). */
const PARTIAL_KEY = /\bpat_\w*/g;

export interface RenderedLocaleOptions {
  /** Keys whose text, or one of its plural forms, is the same in this language as in English. */
  sameAsEnglish?: readonly Key[];
  dir?: 'ltr' | 'rtl';
  /**
   * For a language not written in Latin script: the Latin words its strings use (JSON, HTTP, …).
   * Any other Latin word on screen is English that does not come from the strings at all.
   */
  latinWords?: readonly string[];
}

/**
 * One `describe` block per locale: the visit under `lang`, then no English left, every string
 * of the locale shown, and dates, relative times and counts formatted as `Intl` does for `lang`.
 */
export function checkRenderedLocale(
  lang: string,
  strings: PatStrings,
  { sameAsEnglish = [], dir = 'ltr', latinWords }: RenderedLocaleOptions = {},
): void {
  describe(`on screen, under lang="${lang}"`, () => {
    let visit: Visit;

    before(async function () {
      // Some thirty states, each a render or a round trip to the mock.
      this.timeout(120_000);
      visit = await visitEveryState(lang, dir);
      visit.texts = withPlaceholderValues(visit.texts, strings);
    });

    it('leaves no English string in the list, the dialog or the reveal (text or accessible attribute)', () => {
      expect(englishLeft(visit.texts, sameAsEnglish)).to.deep.equal([]);
    });

    if (latinWords) {
      it('shows no Latin word but those of its strings and of the data', () => {
        const allowed = new Set([...latinWords, ...DATA_WORDS, ...INTL_WORDS]);
        const words = [...visit.texts].flatMap((value) => value.replace(PARTIAL_KEY, '').match(/[A-Za-z]+/g) ?? []);
        expect([...new Set(words.filter((word) => !allowed.has(word)))]).to.deep.equal([]);
      });
    }

    it('shows every string of the locale somewhere along the way', () => {
      const keys = Object.keys(strings) as Key[];
      const shown = keysShown(strings, visit.texts, keys);
      expect(keys.filter((key) => !shown.has(key))).to.deep.equal([]);
    });

    it('formats dates, relative times and counts for the locale', () => {
      const medium = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
      expect(visit.createdCell).to.contain(medium.format(new Date(at(-10))));
      expect(visit.expiresCell).to.contain(medium.format(new Date(at(3))));
      expect(visit.lastUsedCell).to.equal(new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-3, 'day'));

      const five = strings.tokenCount[new Intl.PluralRules(lang).select(5)] ?? strings.tokenCount.other;
      expect(visit.count).to.equal(normalize(fillTemplate(five, { count: new Intl.NumberFormat(lang).format(5) })));

      const expiry = new Intl.DateTimeFormat(lang, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
      expect(visit.expirySummary).to.equal(
        normalize(fillTemplate(strings.dialogExpiresOn, { date: expiry.format(new Date(NOW.getTime() + 30 * DAY)) })),
      );

      const { min, max } = customDateBounds(NOW, 30);
      const range = { min: medium.format(min), max: medium.format(max!) };
      expect(visit.outOfRange).to.equal(normalize(fillTemplate(strings.dialogDateOutOfRange, range)));

      const graceEnds = new Intl.DateTimeFormat(lang, DATE_TIME_ZONE).format(graceEnd(NOW, 24, { expiresAt: at(3) }));
      expect(visit.graceSummary).to.equal(normalize(fillTemplate(strings.dialogGraceUntil, { date: graceEnds })));
    });
  });
}
