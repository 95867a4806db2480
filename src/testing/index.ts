/**
 * `pat-elements/testing`: what a host's own tests do with the elements, the way a user does it —
 * find a token's row, generate a token and read its secret, delete a token — in jsdom (Vitest,
 * Jest) and in a browser alike. The helpers click the elements' own buttons and read what they
 * show, so a test keeps passing when the markup inside the elements changes; they need real
 * timers (they wait for the elements by polling). docs/hosts.md has an example.
 */
import type { Token } from '../api/schemas.js';
import type { PatErrorDetail } from '../events/error.js';
import type { PatGenerateDialog } from '../generate-dialog/generate-dialog.js';
import type { PatTokenList } from '../token-list/token-list.js';
import type { PatTokenReveal } from '../token-reveal/token-reveal.js';

/** How long a helper waits for the elements before it fails, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 3_000;

export interface WaitOptions {
  /** Default `DEFAULT_TIMEOUT_MS`: shorter than the usual test timeout, so the helper's message is the one seen. */
  timeout?: number;
}

/** A badge a row shows beside the token's name or expiry. */
export type TokenBadge = 'new' | 'replaced' | 'expired' | 'expiring';

/** A token's row as the user sees it: a snapshot, taken when the helper was called. */
export interface TokenRow {
  /** The token's id. */
  readonly id: string;
  readonly name: string;
  /** `null` when the token has none. */
  readonly description: string | null;
  /** The visible start of the key, e.g. `pat_7Qm2` (the rest is a mask). */
  readonly partialKey: string;
  readonly badges: readonly TokenBadge[];
  /** True while its delete is in flight. */
  readonly deleting: boolean;
  /** Why its last delete failed, as the row says it; `null` when it did not. */
  readonly deleteError: string | null;
}

/** What the reveal shows: the secret is read from its field, in the test's own process. */
export interface RevealContent {
  readonly secret: string;
  /** The usage example with the secret in it, when the host set `usage-template`. */
  readonly usage: string | null;
}

export interface GenerateOptions extends WaitOptions {
  name: string;
  description?: string;
  /** One of the offered presets, or `null` for "No expiration" (when allowed). Default: the form's choice. */
  expiresInDays?: number | null;
  /** The labels of the permissions to grant, with a scope catalogue; the others are unticked. Default: the form's choice. */
  permissions?: readonly string[];
}

const BADGES: readonly TokenBadge[] = ['new', 'replaced', 'expired', 'expiring'];

/** Waits until the list has loaded (or shows why it could not, then rejects), and returns its rows. */
export async function waitForTokens(list: PatTokenList, options?: WaitOptions): Promise<TokenRow[]> {
  const root = shadowOf(list);
  await poll(
    () => !root.querySelector('[part~=skeleton]') && !!root.querySelector('[part~=row], [part~=empty], [part~=error]'),
    'the token list to load',
    options,
  );
  const error = root.querySelector('[part~=error]');
  if (error) throw new Error(`The token list could not be loaded: ${text(error)}`);
  return tokenRows(list);
}

/**
 * The rows the list shows now, in their order. Above 100 tokens only the rows near the visible
 * part of the page are rendered: narrow a long list with its filter first.
 */
export function tokenRows(list: PatTokenList): TokenRow[] {
  return rowElements(list).map(readRow);
}

/** The row of the token with this name (or the first whose name matches), if the list shows it. */
export function findRow(list: PatTokenList, name: string | RegExp): TokenRow | undefined {
  const row = rowNamed(list, name);
  return row && readRow(row);
}

/** Waits until the list shows a row of a token with this name. */
export async function waitForRow(list: PatTokenList, name: string | RegExp, options?: WaitOptions): Promise<TokenRow> {
  return readRow(
    await poll(
      () => rowNamed(list, name),
      () => `a row named ${String(name)} (the list shows ${names(list)})`,
      options,
    ),
  );
}

/**
 * Generates a token as a user does: opens the dialog (the list's "Generate new token" button, or
 * `show()` on a dialog), fills it in and submits it. Resolves once the reveal shows the secret,
 * with the new token and the secret read from the reveal; the reveal stays on screen
 * (`dismissReveal` closes it). Rejects with what the form says when it is not accepted.
 */
export async function generateToken(
  target: PatTokenList | PatGenerateDialog,
  { name, description, expiresInDays, permissions, ...wait }: GenerateOptions,
): Promise<{ token: Token; secret: string }> {
  const dialog = await openDialog(target);
  const root = shadowOf(dialog);
  typeInto(find<HTMLInputElement>(root, '[part~=name-input]', 'the name field'), name);
  if (description !== undefined)
    typeInto(find<HTMLTextAreaElement>(root, '[part~=description-input]', 'the description field'), description);
  if (expiresInDays !== undefined) chooseExpiration(root, expiresInDays);
  if (permissions) choosePermissions(root, permissions);
  await dialog.updateComplete;

  const created = outcome<Token>(dialog, 'pat-token-created', 'create', () => formProblem(root));
  // Awaited below; until then a refusal must not count as an unhandled rejection.
  created.promise.catch(() => {});
  find<HTMLButtonElement>(root, '[part~=submit-button]', 'the Generate button').click();
  await dialog.updateComplete;
  const refused = fieldErrors(root);
  if (refused.length && !created.settled()) {
    created.cancel();
    throw new Error(`The dialog did not accept the form: ${refused.join(' ')}`);
  }
  const token = await withTimeout(created.promise, 'the server to create the token', wait);
  const { secret } = await readReveal(dialog, wait);
  return { token, secret };
}

/**
 * What the reveal on screen shows (of a list's dialog, a dialog, or a reveal): its secret, shown
 * first if the user hid it. Waits for it to appear.
 */
export async function readReveal(target: PatTokenList | PatGenerateDialog | PatTokenReveal, options?: WaitOptions): Promise<RevealContent> {
  const reveal = await poll(() => revealOf(target), 'the reveal to show a secret', options);
  await reveal.updateComplete;
  const root = shadowOf(reveal);
  const toggle = root.querySelector<HTMLButtonElement>('[part~=toggle-button]');
  if (toggle?.getAttribute('aria-pressed') === 'false') {
    toggle.click();
    await reveal.updateComplete;
  }
  const secret = find<HTMLTextAreaElement>(root, '[part~=secret]', 'the secret field').value;
  const usage = root.querySelector<HTMLTextAreaElement>('[part~=usage]')?.value ?? null;
  return { secret, usage };
}

/** Closes the reveal as a user does who stored the secret: ticks "I have stored it", then Done. */
export async function dismissReveal(target: PatTokenList | PatGenerateDialog | PatTokenReveal, options?: WaitOptions): Promise<void> {
  const reveal = await poll(() => revealOf(target), 'the reveal to show a secret', options);
  const root = shadowOf(reveal);
  const acknowledge = find<HTMLInputElement>(root, '[part~=acknowledge] input', 'the "I have stored it" checkbox');
  if (!reveal.canDismiss && !acknowledge.checked) acknowledge.click();
  await reveal.updateComplete;
  const dismissed = once(reveal, 'pat-reveal-dismissed');
  find<HTMLButtonElement>(root, '[part~=done-button]', 'the Done button').click();
  await withTimeout(dismissed, 'the reveal to close', options);
}

/**
 * Deletes the token with this name as a user does: its row's Delete, then Delete in the
 * confirmation. Resolves with the deleted token once the list has removed it; rejects with what
 * the row says when the server refused.
 */
export async function deleteToken(list: PatTokenList, name: string | RegExp, options?: WaitOptions): Promise<Token> {
  const row = rowNamed(list, name);
  if (!row) throw new Error(`No row named ${String(name)}: the list shows ${names(list)}.`);
  const root = shadowOf(list);
  find<HTMLButtonElement>(row, '[part~=delete-button]', 'the row’s Delete button').click();
  const confirm = await poll(
    () => root.querySelector<HTMLDialogElement>('[part~=confirm-dialog]')?.open && root.querySelector('[part~=confirm-dialog]'),
    'the delete confirmation to open',
    options,
  );
  const id = row.dataset.id;
  const deleted = outcome<Token>(list, 'pat-token-deleted', 'revoke', () =>
    text(rowById(list, id)?.querySelector('[part~=row-error] [role=alert]') ?? null),
  );
  find<HTMLButtonElement>(confirm, '[part~=confirm-delete-button]', 'the confirmation’s Delete button').click();
  return withTimeout(deleted.promise, 'the token to be deleted', options);
}

// ——— Reading the elements ———

function shadowOf(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has not rendered: is pat-elements/define imported?`);
  return element.shadowRoot;
}

function find<E extends Element>(root: ParentNode, selector: string, what: string): E {
  const found = root.querySelector<E>(selector);
  if (!found) throw new Error(`Could not find ${what}.`);
  return found;
}

/** An element's text as a user reads it: whitespace collapsed. */
function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function rowElements(list: PatTokenList): HTMLTableRowElement[] {
  return [...shadowOf(list).querySelectorAll<HTMLTableRowElement>('tr[part~=row]')];
}

function rowNamed(list: PatTokenList, name: string | RegExp): HTMLTableRowElement | undefined {
  return rowElements(list).find((row) => {
    const rowName = text(row.querySelector('[part~=name]'));
    return typeof name === 'string' ? rowName === name : name.test(rowName);
  });
}

function rowById(list: PatTokenList, id: string | undefined): HTMLTableRowElement | undefined {
  return rowElements(list).find((row) => row.dataset.id === id);
}

function names(list: PatTokenList): string {
  const shown = tokenRows(list).map((row) => JSON.stringify(row.name));
  return shown.length ? shown.join(', ') : 'no rows';
}

function readRow(row: HTMLTableRowElement): TokenRow {
  const parts = (row.getAttribute('part') ?? '').split(/\s+/);
  const description = row.querySelector('[part~=description]');
  const error = row.querySelector('[part~=row-error] [role=alert]');
  return {
    id: row.dataset.id ?? '',
    name: text(row.querySelector('[part~=name]')),
    description: description ? text(description) : null,
    partialKey: text(row.querySelector('[part~=key]')),
    badges: BADGES.filter((badge) => row.querySelector(`[part~=badge-${badge}]`)),
    deleting: parts.includes('row-deleting'),
    deleteError: error ? text(error) : null,
  };
}

function revealOf(target: PatTokenList | PatGenerateDialog | PatTokenReveal): PatTokenReveal | undefined {
  let reveal: Element | null | undefined = target;
  if (target.localName === 'pat-token-list') reveal = target.shadowRoot?.querySelector('[part~=generate-dialog]');
  if (reveal?.localName === 'pat-generate-dialog') reveal = reveal.shadowRoot?.querySelector('[part~=reveal]');
  const found = reveal as PatTokenReveal | null | undefined;
  return found?.hasSecret ? found : undefined;
}

// ——— Driving the dialog ———

/** The open create form: the dialog itself (`show()`), or the list's, opened by its Generate button. */
async function openDialog(target: PatTokenList | PatGenerateDialog): Promise<PatGenerateDialog> {
  let dialog: PatGenerateDialog;
  if (target.localName === 'pat-generate-dialog') {
    dialog = target as PatGenerateDialog;
    dialog.show();
  } else {
    const root = shadowOf(target);
    // A host's own button in the slot, else the list's.
    const slotted = root.querySelector<HTMLSlotElement>('slot[name=generate-button]')?.assignedElements()[0];
    const button = (slotted as HTMLElement | undefined) ?? root.querySelector<HTMLElement>('[part~=generate-button]');
    if (!button) throw new Error('The list has no Generate button (is no-generate set?).');
    button.click();
    dialog = find<PatGenerateDialog>(root, '[part~=generate-dialog]', 'the list’s dialog');
  }
  await dialog.updateComplete;
  if (!dialog.open) throw new Error('The dialog did not open (did a click handler on the Generate button call preventDefault()?).');
  if (revealOf(dialog)) throw new Error('The dialog still shows a secret: call dismissReveal() first.');
  return dialog;
}

/** Sets a field's value and fires `input`, as typing does. */
function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function chooseExpiration(root: ShadowRoot, days: number | null): void {
  const select = find<HTMLSelectElement>(root, 'select[part~=select]', 'the expiration field');
  const value = days === null ? 'never' : String(days);
  const offered = [...select.options].map((option) => option.value);
  if (!offered.includes(value)) {
    const choices = offered.filter((option) => option !== 'custom').map((option) => (option === 'never' ? 'null' : option));
    throw new Error(`The form does not offer expiresInDays: ${String(days)}; it offers ${choices.join(', ')}.`);
  }
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function choosePermissions(root: ShadowRoot, labels: readonly string[]): void {
  const options = [...root.querySelectorAll('[part~=scopes] [part~=scope]:not(.select-all)')].map((option) => ({
    label: text(option.querySelector('label')),
    box: option.querySelector<HTMLInputElement>('input[type=checkbox]')!,
  }));
  if (!options.length) throw new Error('The form offers no permissions to choose (no scope catalogue).');
  const unknown = labels.filter((label) => !options.some((option) => option.label === label));
  if (unknown.length) {
    throw new Error(
      `The form offers no permission ${unknown.map((label) => JSON.stringify(label)).join(', ')}; it offers ${options.map((o) => JSON.stringify(o.label)).join(', ')}.`,
    );
  }
  for (const { label, box } of options) if (box.checked !== labels.includes(label)) box.click();
}

function fieldErrors(root: ShadowRoot): string[] {
  return [...root.querySelectorAll('[part~=field-error]')].map(text).filter(Boolean);
}

/** The form's alert, or its field errors: what the user is told about a refused request. */
function formProblem(root: ShadowRoot): string {
  return text(root.querySelector('[part~=form] [part~=error]')) || fieldErrors(root).join(' ');
}

// ——— Waiting ———

/**
 * The first `success` event, or a rejection on the element's `pat-error` for `operation`, saying
 * what the element shows (`shown()`), or else the error's own message.
 */
function outcome<T>(
  element: Element,
  success: 'pat-token-created' | 'pat-token-deleted',
  operation: PatErrorDetail['operation'],
  shown: () => string,
) {
  let done = false;
  let stop = () => {};
  const promise = new Promise<T>((resolve, reject) => {
    const onSuccess = (event: Event) => finish(() => resolve((event as CustomEvent<{ token: T }>).detail.token));
    const onError = (event: Event) => {
      const detail = (event as CustomEvent<PatErrorDetail>).detail;
      if (detail.operation !== operation) return;
      // The element renders what went wrong after it dispatched the event.
      void (element as Element & { updateComplete: Promise<unknown> }).updateComplete.then(() =>
        finish(() => reject(new Error(shown() || (detail.error instanceof Error ? detail.error.message : String(detail.error))))),
      );
    };
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      stop();
      settle();
    };
    stop = () => {
      element.removeEventListener(success, onSuccess);
      element.removeEventListener('pat-error', onError);
    };
    element.addEventListener(success, onSuccess);
    element.addEventListener('pat-error', onError);
  });
  return {
    promise,
    settled: () => done,
    cancel: () => {
      done = true;
      stop();
    },
  };
}

function once(element: Element, type: string): Promise<Event> {
  return new Promise((resolve) => element.addEventListener(type, resolve, { once: true }));
}

/** `what` is described when the time is up, so it can say what the page shows then. */
type Description = string | (() => string);

function withTimeout<T>(promise: Promise<T>, what: Description, { timeout = DEFAULT_TIMEOUT_MS }: WaitOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const describe = () => (typeof what === 'function' ? what() : what);
    const timer = setTimeout(() => reject(new Error(`Timed out after ${timeout} ms waiting for ${describe()}.`)), timeout);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Resolves with what `check` returns once it is truthy; checks every few milliseconds. */
function poll<T>(check: () => T | false | null | undefined, what: Description, options?: WaitOptions): Promise<T> {
  const found = check();
  if (found) return Promise.resolve(found);
  let interval: ReturnType<typeof setInterval> | undefined;
  const checked = new Promise<T>((resolve) => {
    interval = setInterval(() => {
      const value = check();
      if (!value) return;
      clearInterval(interval);
      resolve(value);
    }, 10);
  });
  return withTimeout(checked, what, options).finally(() => clearInterval(interval));
}
