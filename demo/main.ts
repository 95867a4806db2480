/**
 * The demo's host page and its control panel. The host part is what a product writes: one
 * `<pat-token-list endpoint="/api/tokens">` in its settings page. The rest drives the backend
 * (the reference server, or the mock where there is none) and the page around the list (theme,
 * language, direction) to show how it behaves.
 */
// The languages of the switch: each module registers its strings for its `lang`, and the
// elements switch with the page's `lang`.
import 'pat-elements/locales/ar';
import 'pat-elements/locales/de';
import 'pat-elements/locales/es';
import 'pat-elements/locales/fr';
import 'pat-elements/locales/ja';
import 'pat-elements/locales/pt-BR';
import 'pat-elements/locales/zh-CN';
import { connectBackend, type DemoFault } from './backend-controls.js';
import { HOST_TEXT } from './host-text.js';
import { setUpServerHooks } from './server-hooks.js';
import { setUpUseToken } from './use-token.js';

const backend = await connectBackend();
// Registered only now: the list asks for its tokens as soon as it is upgraded, and the backend
// (the mock's service worker) must already be listening to answer.
await import('pat-elements/define');

const app = document.querySelector<HTMLElement>('#app')!;
const list = document.querySelector('pat-token-list')!;

document.querySelector('#backend-note')!.textContent =
  backend.kind === 'server'
    ? 'Outside the host page. The backend is pat-elements/server on PGlite (embedded PostgreSQL) in the dev server; tokens are kept in .demo-data/.'
    : 'Outside the host page. The backend is pat-elements/mock in a service worker.';

// ——— Faults ———

const FAULT_LABELS: Record<DemoFault, string> = {
  'server-error': 'a server error (500)',
  slow: 'a slow answer (4 s)',
  network: 'a network failure',
  'schema-violation': 'a contract violation',
  'empty-list': 'an empty list',
};
const faultStatus = document.querySelector<HTMLElement>('#fault-status')!;
/** The latest injection; an older one that settles late must not overwrite its status. */
let injection = 0;

document.querySelector<HTMLFormElement>('#fault-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const fault = new FormData(event.target as HTMLFormElement).get('fault') as DemoFault;
  const mine = ++injection;
  faultStatus.textContent = `Queued: the next ${fault === 'empty-list' ? 'load' : 'request'} gets ${FAULT_LABELS[fault]}.`;
  void backend.injectFault(fault).then((request) => {
    if (request && mine === injection) faultStatus.textContent = `${request} got ${FAULT_LABELS[fault]}.`;
  });
});

document.querySelector('#reload-list')!.addEventListener('click', () => void list.refresh());

// ——— What the server's hooks hear (onActivity, expiry reminders), and maintain() ———

const hooksGroup = document.querySelector<HTMLElement>('#server-hooks')!;
hooksGroup.hidden = backend.kind !== 'server';
const serverHooks = backend.kind === 'server' ? setUpServerHooks(hooksGroup, () => void list.refresh()) : undefined;

document.querySelector('#reset-data')!.addEventListener('click', async () => {
  injection += 1;
  await backend.reset();
  faultStatus.textContent = 'No fault queued.';
  serverHooks?.clear();
  document.querySelector('#limit-status')!.textContent = '';
  void list.refresh();
});

// ——— The per-user maximum, shown before the form ———

const limitStatus = document.querySelector<HTMLElement>('#limit-status')!;
document.querySelector('#fill-to-limit')!.addEventListener('click', async () => {
  limitStatus.textContent = 'Filling the account…';
  const added = await backend.fillToLimit();
  limitStatus.textContent = `Added ${added} token${added === 1 ? '' : 's'}: the account is at its limit. Delete one to generate again.`;
  void serverHooks?.refresh();
  void list.refresh();
});

// ——— Use a token (the server's verify, through the host's own API) ———

const useToken = document.querySelector<HTMLFormElement>('#use-token')!;
useToken.hidden = backend.kind !== 'server';
// "Last used" moves in the list once the server has seen the token; a new caller is an event.
setUpUseToken(useToken, document.querySelector('#whoami-result')!, () => {
  void list.refresh();
  void serverHooks?.refresh();
});

// ——— A leak, as GitHub's secret scanning would report it; an account's tokens revoked at once ———

const leakForm = document.querySelector<HTMLFormElement>('#simulate-leak')!;
const leakResult = document.querySelector<HTMLElement>('#leak-result')!;
const leakHeard = document.querySelector<HTMLElement>('#leak-heard')!;
leakForm.hidden = !backend.leak;
leakForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(leakForm);
  const secret = String(data.get('secret') ?? '').trim();
  if (!secret || !backend.leak) return;
  leakResult.textContent = 'Sending a signed report to /api/tokens/secret-scanning…';
  leakHeard.hidden = true;
  const answer = await backend.leak(secret, String(data.get('url') ?? ''));
  // The field is cleared: the secret stays in the page no longer than the request.
  leakForm.querySelector<HTMLInputElement>('#leak-secret')!.value = '';
  if (answer.error) {
    leakResult.textContent = answer.error;
    return;
  }
  const [label] = (answer.feedback as Array<{ label?: string }> | null) ?? [];
  leakResult.textContent =
    `The receiver answered ${answer.status}${label?.label ? ` (${label.label})` : ''}; ` +
    `onLeak heard ${answer.onLeak?.length ?? 0} token(s); GET /api/whoami with that secret now answers ${answer.whoami}.`;
  leakHeard.textContent = answer.onLeak?.length ? `onLeak received:\n${JSON.stringify(answer.onLeak, null, 2)}` : '';
  leakHeard.hidden = !answer.onLeak?.length;
  void list.refresh();
  // Each revocation is a `revoked` event of the trail: onActivity heard it too.
  void serverHooks?.refresh();
});

document.querySelector('#revoke-all-button')!.addEventListener('click', async () => {
  const result = document.querySelector<HTMLElement>('#revoke-all-result')!;
  const { revoked, heard } = await backend.revokeAll();
  result.textContent = `Revoked ${revoked} token(s); the host's onRevocation heard ${heard.length} event(s).`;
  void list.refresh();
  void serverHooks?.refresh();
});

// ——— Theme, language, direction ———

document.querySelector('#theme')!.addEventListener('change', (event) => {
  app.dataset.theme = (event.target as HTMLInputElement).value;
});

const hostEnglish = new Map([...app.querySelectorAll<HTMLElement>('[data-i18n]')].map((el) => [el, el.textContent!]));

const rtl = document.querySelector<HTMLInputElement>('#rtl')!;

document.querySelector('#locale')!.addEventListener('change', (event) => {
  const locale = (event.target as HTMLInputElement).value;
  // `lang` drives the words (from the registered locale), dates and plurals; the list notices the change.
  app.lang = locale;
  // Arabic is written right to left: the page turns, and the elements with it.
  rtl.checked = locale === 'ar';
  app.dir = rtl.checked ? 'rtl' : 'ltr';
  for (const [el, english] of hostEnglish) el.textContent = HOST_TEXT[locale]?.[el.dataset.i18n!] ?? english;
});

document.querySelector('#rtl')!.addEventListener('change', (event) => {
  app.dir = (event.target as HTMLInputElement).checked ? 'rtl' : 'ltr';
});

// ——— What the host would hear ———

const log = document.querySelector<HTMLOListElement>('#event-log')!;
const EVENTS = [
  'pat-token-created',
  'pat-token-rotated',
  'pat-token-deleted',
  'pat-secret-copied',
  'pat-reveal-dismissed',
  'pat-error',
] as const;

/** A one-line summary of an event's detail; details never carry a secret. */
function describe(name: (typeof EVENTS)[number], event: Event): string {
  const detail = (event as CustomEvent).detail;
  switch (name) {
    case 'pat-token-created':
    case 'pat-token-deleted':
      return `“${detail.token.name}”`;
    case 'pat-token-rotated':
      return `“${detail.token.name}”${detail.previous ? `, the old one works until ${detail.previous.expiresAt}` : ''}`;
    case 'pat-secret-copied':
      return `${detail.what} of ${detail.tokenId ?? 'a token'}`;
    case 'pat-reveal-dismissed':
      return detail.copied ? 'after copying' : 'without copying';
    case 'pat-error':
      return `${detail.operation}: ${detail.error.message}`;
  }
}

for (const name of EVENTS) {
  window.addEventListener(name, (event) => {
    const item = document.createElement('li');
    const label = document.createElement('code');
    label.textContent = name;
    item.append(label, ` ${describe(name, event)}`);
    log.prepend(item);
    while (log.children.length > 8) log.lastElementChild!.remove();
    // A create, regenerate or delete on the page: the server's onActivity heard it too.
    void serverHooks?.refresh();
  });
}
