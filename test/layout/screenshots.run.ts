/**
 * Photographs every state of the list (and of the dialog it opens) in the host page of
 * `host-page.ts`, into `docs/screenshots/`: `npm run screenshots` (scripts/screenshots.mjs) runs
 * this file alone; it is not part of `npm test` (its name does not end in `.test.ts`). Each state
 * is taken at 1280 px (desktop), 728 px (a settings column) and 390 px (a phone), in light and
 * dark, the main ones right to left, and some at 320 px (the narrowest phone). The README's
 * picture is `list-1280-light.png`.
 */
import { waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { ActivityEvent, Token } from '../../src/api/schemas.js';
import { setClock } from '../../src/internal/clock.js';
import { demoScopes, type MockBackend, type MockBackendOptions } from '../../src/mock/index.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import { NOW, settled } from '../support/list-harness.js';
import {
  longNameTokens,
  manyTokens,
  mountHostPage,
  realisticTokens,
  tokensWithoutScopes,
  type HostPage,
  type Language,
  type Scheme,
} from '../support/host-page.js';

interface Shot {
  width: number;
  scheme: Scheme;
  language: Language;
}

const SHOTS: Shot[] = [
  { width: 1280, scheme: 'light', language: 'en' },
  { width: 1280, scheme: 'dark', language: 'en' },
  { width: 728, scheme: 'light', language: 'en' },
  { width: 728, scheme: 'dark', language: 'de' },
  { width: 390, scheme: 'light', language: 'en' },
  { width: 390, scheme: 'dark', language: 'en' },
];
/** A state told by the server, in each of its languages: English, German, Arabic. */
const LANGUAGE_SHOTS: Shot[] = [
  { width: 1280, scheme: 'light', language: 'en' },
  { width: 728, scheme: 'dark', language: 'de' },
  { width: 1280, scheme: 'light', language: 'rtl' },
];
/** The main states again, right to left. */
const RTL_SHOTS: Shot[] = [
  { width: 1280, scheme: 'light', language: 'rtl' },
  { width: 390, scheme: 'dark', language: 'rtl' },
];
/** The narrowest phone, in German (the longest words): for the states where width is the question. */
const NARROW_SHOTS: Shot[] = [
  { width: 320, scheme: 'light', language: 'de' },
  { width: 320, scheme: 'dark', language: 'de' },
];

interface State {
  name: string;
  rtl?: boolean;
  /** Also at 320 px, in German. */
  narrow?: boolean;
  /** The viewport rather than the whole page: a modal, or the middle of a long list. */
  viewport?: boolean;
  seed?: () => Token[];
  /** Without the host's scope catalogue. */
  noScopes?: boolean;
  /** What the mock backend states in its list answer (catalogue, policy). */
  server?: Omit<MockBackendOptions, 'seed' | 'now'>;
  /** Instead of `SHOTS` (and `RTL_SHOTS`). */
  shots?: Shot[];
  /** Runs before the page mounts (faults for the first load). */
  before?: (backend: MockBackend) => Promise<void> | void;
  /** Brings the mounted list into the state. */
  arrange?: (host: HostPage, backend: MockBackend) => Promise<void>;
  /** Photograph before the list has settled (the loading state). */
  unsettled?: boolean;
}

const root = (list: PatTokenList) => list.shadowRoot!;
const dialogOf = (list: PatTokenList) => root(list).querySelector('pat-generate-dialog')!;

async function frames(count = 3): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise(requestAnimationFrame);
}

async function openDelete(list: PatTokenList, id: string): Promise<HTMLDialogElement> {
  root(list).querySelector<HTMLButtonElement>(`tr[data-id="${id}"] button[data-action=delete]`)!.click();
  const dialog = root(list).querySelector<HTMLDialogElement>('dialog[part~=confirm-dialog]')!;
  await waitUntil(() => dialog.open);
  return dialog;
}

/** Chooses a status in the list's status filter. */
async function chooseStatus(list: PatTokenList, status: string): Promise<void> {
  const select = root(list).querySelector<HTMLSelectElement>('select[part~=status-filter]')!;
  select.value = status;
  select.dispatchEvent(new Event('change'));
  await list.updateComplete;
}

/** The realistic account with a token a secret scanner found in a public repository, revoked. */
function withRevoked(): Token[] {
  return [
    ...realisticTokens(),
    {
      id: 'tok_leaked',
      name: 'Staging smoke tests',
      description: 'Pasted into a public gist by mistake',
      partialKey: 'pat_9fA2',
      createdAt: new Date(NOW.getTime() - 30 * 86_400_000).toISOString(),
      expiresAt: new Date(NOW.getTime() + 60 * 86_400_000).toISOString(),
      lastUsedAt: new Date(NOW.getTime() - 2 * 86_400_000).toISOString(),
      scopes: ['repo:read'],
      revocation: {
        at: new Date(NOW.getTime() - 86_400_000).toISOString(),
        reason: 'leaked',
        url: 'https://gist.github.com/example/1',
      },
    },
  ];
}

async function openRegenerate(list: PatTokenList, id: string) {
  root(list).querySelector<HTMLButtonElement>(`tr[data-id="${id}"] button[data-action=regenerate]`)!.click();
  await waitUntil(() => dialogOf(list).open);
  await dialogOf(list).updateComplete;
  return dialogOf(list);
}

/**
 * The terraform token's activity as a server that keeps it answers: two callers, the last use
 * from a new address, its expiry reminder, made by regenerating an earlier token, and older pages.
 */
async function terraformActivity(): Promise<void> {
  const ago = (days: number, hours = 0) => new Date(NOW.getTime() - (days * 24 + hours) * 3_600_000).toISOString();
  const curl = { ip: '203.0.113.7', userAgent: 'curl/8.5.0' };
  const terraform = { ip: '198.51.100.4', userAgent: 'Terraform/1.9.5 (+https://www.terraform.io)' };
  const office = { ip: '192.0.2.23', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15' };
  const event = (n: number, fields: Partial<ActivityEvent> & Pick<ActivityEvent, 'type' | 'at'>): ActivityEvent => ({
    id: `evt_${n}`,
    tokenId: 'tok_tf',
    tokenName: 'terraform-prod state sync',
    ...fields,
  });
  await useHandlers(
    http.get('/api/tokens/:id/activity', () =>
      HttpResponse.json({
        events: [
          event(5, { type: 'new-caller', at: ago(3), actor: 'token', ...curl }),
          event(4, {
            type: 'expiry-reminder',
            at: ago(4),
            actor: 'system',
            expiresAt: new Date(NOW.getTime() + 3 * 86_400_000).toISOString(),
          }),
          event(3, { type: 'new-caller', at: ago(19, -2), actor: 'token', ...terraform }),
          event(2, { type: 'regenerated', at: ago(20), actor: 'user', tokenId: 'tok_tf_old', relatedTokenId: 'tok_tf', ...office }),
        ],
        next: 'older',
        callers: [
          { ...curl, lastUsedAt: ago(3) },
          { ...terraform, lastUsedAt: ago(5) },
        ],
      }),
    ),
  );
}

const STATES: State[] = [
  { name: 'list', rtl: true, narrow: true },
  // Told by the server's list answer; the host sets nothing but the endpoint.
  { name: 'server-permissions', noScopes: true, server: { scopes: demoScopes }, shots: LANGUAGE_SHOTS },
  {
    name: 'server-permission-picker',
    noScopes: true,
    viewport: true,
    server: { scopes: demoScopes, maxLifetimeDays: 366, allowNoExpiration: false },
    shots: LANGUAGE_SHOTS,
    arrange: async ({ list }) => {
      root(list).querySelector<HTMLButtonElement>('#generate-button')!.click();
      await dialogOf(list).updateComplete;
      dialogOf(list).shadowRoot!.querySelector('fieldset.scopes')!.scrollIntoView({ block: 'start' });
    },
  },
  {
    name: 'token-limit',
    noScopes: true,
    viewport: true,
    // 100 that count: the replaced token in its grace period does not.
    seed: () => [...realisticTokens(), ...manyTokens(95)],
    server: { scopes: demoScopes, maxTokensPerUser: 100 },
    shots: [...LANGUAGE_SHOTS, { width: 390, scheme: 'light', language: 'en' }],
  },
  { name: 'without-scopes', noScopes: true, seed: tokensWithoutScopes },
  { name: 'long-names', seed: () => [...longNameTokens(), ...realisticTokens().slice(3)] },
  {
    name: 'loading',
    unsettled: true,
    before: (backend) => backend.failNext('timeout', { operation: 'list' }),
  },
  { name: 'empty', seed: () => [] },
  { name: 'load-failed', before: (backend) => backend.failNext('network', { operation: 'list' }) },
  {
    name: 'refresh-failed',
    arrange: async ({ list }, backend) => {
      backend.failNext('server-error', { operation: 'list' });
      await list.refresh();
    },
  },
  {
    name: 'tokens-left-out',
    before: async () => {
      const [first, second, ...rest] = realisticTokens();
      await useHandlers(
        http.get('/api/tokens', () => HttpResponse.json({ tokens: [first, { ...second, createdAt: 'yesterday' }, ...rest] })),
      );
    },
  },
  {
    name: 'status-filter-revoked',
    rtl: true,
    seed: withRevoked,
    arrange: async ({ list }) => chooseStatus(list, 'revoked'),
  },
  {
    name: 'status-filter-expiring',
    arrange: async ({ list }) => chooseStatus(list, 'expiring'),
  },
  {
    name: 'filtered-to-nothing',
    arrange: async ({ list }) => {
      const input = root(list).querySelector<HTMLInputElement>('input[part~=filter]')!;
      input.value = 'staging';
      input.dispatchEvent(new Event('input'));
    },
  },
  { name: 'confirm-delete', rtl: true, viewport: true, arrange: async ({ list }) => void (await openDelete(list, 'tok_tf')) },
  {
    name: 'confirm-delete-replaced',
    rtl: true,
    narrow: true,
    viewport: true,
    arrange: async ({ list }) => void (await openDelete(list, 'tok_ci_old')),
  },
  {
    name: 'confirm-delete-replacement',
    viewport: true,
    arrange: async ({ list }) => void (await openDelete(list, 'tok_ci')),
  },
  {
    name: 'delete-failed',
    arrange: async ({ list }, backend) => {
      backend.failNext('server-error', { operation: 'revoke' });
      const dialog = await openDelete(list, 'tok_tf');
      dialog.querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
      await waitUntil(() => root(list).querySelector('[part~=row-error]'));
      (document.activeElement as HTMLElement | null)?.blur();
    },
  },
  {
    name: 'deleted',
    rtl: true,
    viewport: true,
    arrange: async ({ list }) => {
      const dialog = await openDelete(list, 'tok_old');
      dialog.querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
      await waitUntil(() => root(list).querySelector('[part~=notice] [role=status]')!.textContent!.trim());
      (document.activeElement as HTMLElement | null)?.blur();
    },
  },
  {
    name: 'many-tokens',
    viewport: true,
    seed: () => manyTokens(300),
    arrange: async ({ list }) => {
      window.scrollTo(0, list.getBoundingClientRect().top + window.scrollY + 6000);
      window.dispatchEvent(new Event('scroll'));
      await list.updateComplete;
    },
  },
  {
    name: 'generate-dialog',
    rtl: true,
    viewport: true,
    arrange: async ({ list }) => {
      root(list).querySelector<HTMLButtonElement>('#generate-button')!.click();
      await dialogOf(list).updateComplete;
    },
  },
  {
    name: 'regenerate-dialog',
    rtl: true,
    narrow: true,
    viewport: true,
    arrange: async ({ list }) => void (await openRegenerate(list, 'tok_tf')),
  },
  {
    // A token's detail view, opened from its name: where it was used from, and what happened to it.
    name: 'activity',
    rtl: true,
    narrow: true,
    viewport: true,
    before: terraformActivity,
    arrange: async ({ list }) => {
      root(list).querySelector<HTMLButtonElement>('tr[data-id="tok_tf"] button[data-action=activity]')!.click();
      await waitUntil(() => root(list).querySelector('[part~=activity-more-button]'), 'the activity did not load', { timeout: 5000 });
    },
  },
  {
    name: 'regenerate-immediately',
    rtl: true,
    viewport: true,
    arrange: async ({ list }) => {
      const dialog = await openRegenerate(list, 'tok_ci');
      const grace = dialog.shadowRoot!.querySelector<HTMLSelectElement>('#grace')!;
      grace.value = '0';
      grace.dispatchEvent(new Event('change'));
      await dialog.updateComplete;
    },
  },
  {
    name: 'regenerate-never-expiring',
    viewport: true,
    arrange: async ({ list }) => void (await openRegenerate(list, 'tok_graf')),
  },
  {
    name: 'reveal',
    rtl: true,
    narrow: true,
    viewport: true,
    arrange: async ({ list }) => {
      root(list).querySelector<HTMLButtonElement>('#generate-button')!.click();
      const dialog = dialogOf(list);
      await dialog.updateComplete;
      const name = dialog.shadowRoot!.querySelector<HTMLInputElement>('#name')!;
      name.value = 'Nightly backup job';
      name.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('#submit')!.click();
      await waitUntil(() => dialog.shadowRoot!.querySelector('pat-token-reveal'), 'no reveal', { timeout: 5000 });
    },
  },
];

describe('screenshots', function () {
  this.timeout(60_000);
  let host: HostPage | undefined;

  afterEach(async () => {
    host?.remove();
    host = undefined;
    setClock();
    window.scrollTo(0, 0);
  });

  for (const state of STATES) {
    for (const shot of state.shots ?? [...SHOTS, ...(state.rtl ? RTL_SHOTS : []), ...(state.narrow ? NARROW_SHOTS : [])]) {
      const file = `${state.name}-${shot.width}-${shot.scheme}${shot.language === 'en' ? '' : `-${shot.language}`}.png`;
      it(file, async () => {
        setClock(NOW);
        await setViewport({ width: shot.width, height: shot.width < 600 ? (shot.width < 360 ? 640 : 844) : 800 });
        await emulateMedia({ colorScheme: shot.scheme });
        const backend = await useMockBackend({ ...state.server, seed: state.seed?.() ?? realisticTokens(), now: () => NOW });
        await state.before?.(backend);
        host = await mountHostPage({ language: shot.language, scheme: shot.scheme, settle: !state.unsettled, scopes: !state.noScopes });
        await state.arrange?.(host, backend);
        await host.list.updateComplete;
        if (!state.unsettled) await waitUntil(() => settled(host!.list));
        await frames();
        await executeServerCommand('pat-screenshot', { name: file, fullPage: !state.viewport });
      });
    }
  }
});
