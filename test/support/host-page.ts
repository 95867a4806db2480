/**
 * A host's settings page around `<pat-token-list>`, as products lay them out: a top bar, a
 * settings menu beside the content (above it on narrow screens), a heading and a paragraph, the
 * list, and a footer. The layout test measures the list in it; the screenshot run photographs it.
 */
import { waitUntil } from '@open-wc/testing';
import type { Token } from '../../src/api/schemas.js';
import { ar } from '../../src/locales/ar.js';
import { de } from '../../src/locales/de.js';
import { demoScopes } from '../../src/mock/seed.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { at, settled, token } from './list-harness.js';

/** `rtl` is Arabic: the page, its text and the list's strings. */
export type Language = 'en' | 'de' | 'rtl';
export type Scheme = 'light' | 'dark';

const STYLE = `
  .host-page {
    --line: light-dark(#d1d9e0, #3d444d);
    --muted: light-dark(#59636e, #9198a1);
    color-scheme: light;
    min-height: 100vh;
    background: light-dark(#ffffff, #0d1117);
    color: light-dark(#1f2328, #f0f6fc);
    font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  }
  .host-page[data-scheme='dark'] { color-scheme: dark; }
  .host-page *, .host-page *::before, .host-page *::after { box-sizing: border-box; }
  .host-header { display: flex; align-items: center; gap: 1rem; padding: 0.75rem 1.5rem;
    background: light-dark(#f6f8fa, #010409); border-block-end: 1px solid var(--line); font-weight: 600; }
  .host-body { display: grid; grid-template-columns: 13rem minmax(0, 1fr); gap: 2rem; max-width: 76rem;
    margin-inline: auto; padding: 2rem 1.5rem; }
  .host-nav ul { margin: 0; padding: 0; list-style: none; }
  .host-nav a { display: block; padding: 0.35rem 0.75rem; border-radius: 6px; color: inherit; text-decoration: none; }
  .host-nav a[aria-current] { background: light-dark(#eef1f4, #262c36); font-weight: 600; }
  .host-content h1 { margin: 0 0 0.5rem; padding-block-end: 0.5rem; border-block-end: 1px solid var(--line);
    font-size: 1.5rem; font-weight: 400; }
  .host-content > p { margin: 0 0 1rem; color: var(--muted); }
  .host-footer { padding: 2rem 1.5rem; border-block-start: 1px solid var(--line); color: var(--muted); }
  @media (max-width: 48rem) {
    .host-body { grid-template-columns: minmax(0, 1fr); gap: 1rem; padding: 1rem; }
    .host-nav ul { display: flex; gap: 0.25rem; overflow-x: auto; }
    .host-nav a { white-space: nowrap; }
  }
`;

const NAV = ['Profile', 'Account', 'Password and authentication', 'Sessions', 'Personal access tokens', 'Billing'];

/** The host's own text, in English, or in Arabic for the right-to-left page. */
const HOST_TEXT = {
  ltr: {
    nav: NAV,
    heading: 'Personal access tokens',
    intro: 'Tokens let scripts and integrations use the API as you. Give each one a clear name and the shortest lifetime that works.',
  },
  rtl: {
    nav: ['الملف الشخصي', 'الحساب', 'كلمة المرور والمصادقة', 'الجلسات', 'رموز الوصول الشخصية', 'الفوترة'],
    heading: 'رموز الوصول الشخصية',
    intro: 'تتيح رموز الوصول للبرامج النصية والتكاملات استخدام الواجهة البرمجية باسمك. امنح كل رمز اسمًا واضحًا وأقصر مدة صلاحية ممكنة.',
  },
};

/**
 * What a real account has: short and long names, descriptions or none, every expiry state, scopes
 * from the mock's catalogue (one unknown to it, one token with all permissions), and a token in the
 * grace period of a regenerate.
 */
export function realisticTokens(): Token[] {
  return [
    token({
      id: 'tok_ci',
      name: 'CI deploy',
      description: 'Release builds on main',
      partialKey: 'pat_7Qm2',
      createdAt: at(0, -3),
      expiresAt: at(90, -3),
      lastUsedAt: null,
      scopes: ['repo:read', 'repo:write', 'packages:write'],
    }),
    token({
      id: 'tok_ci_old',
      name: 'CI deploy',
      description: 'Release builds on main',
      partialKey: 'pat_Lw5c',
      createdAt: at(-64),
      expiresAt: at(0, 21),
      lastUsedAt: at(0, -0.5),
      scopes: ['repo:read', 'repo:write', 'packages:write'],
      replacedBy: 'tok_ci',
    }),
    token({
      id: 'tok_tf',
      name: 'terraform-prod state sync',
      description: 'Infrastructure state in the eu-west account',
      partialKey: 'pat_Kx9d',
      createdAt: at(-20),
      expiresAt: at(3),
      lastUsedAt: at(-3),
      scopes: ['repo:read', 'packages:read', 'issues:read', 'account:read', 'repo:hooks'],
    }),
    token({
      id: 'tok_graf',
      name: 'Grafana Cloud dashboards',
      partialKey: 'pat_b41Z',
      createdAt: at(-40),
      expiresAt: null,
      lastUsedAt: null,
      scopes: ['metrics:read'],
    }),
    token({
      id: 'tok_laptop',
      name: 'Laptop CLI',
      description: 'gh-like command line on my work machine',
      partialKey: 'pat_P0a8',
      createdAt: at(-62),
      expiresAt: at(120),
      lastUsedAt: at(-1),
    }),
    token({
      id: 'tok_old',
      name: 'Backup script',
      description: 'Replaced by the new backup service',
      partialKey: 'pat_Ue8s',
      createdAt: at(-120),
      expiresAt: at(-30),
      lastUsedAt: at(-31),
      scopes: ['repo:read'],
    }),
  ];
}

/** The same account where the host has no scope catalogue and tokens have all permissions. */
export function tokensWithoutScopes(): Token[] {
  return realisticTokens().map(({ scopes: _all, ...rest }) => rest);
}

/** Names of 100 characters, made of ordinary words: they may wrap, but only between words. */
export const LONG_NAMES = [
  'Nightly integration test runner for the payments service staging environment in the eu-west region',
  'Deployment pipeline token used by the release automation to publish container images and Helm charts',
];

export function longNameTokens(): Token[] {
  return [
    token({
      id: 'tok_long1',
      name: LONG_NAMES[0]!,
      description: 'Owned by the platform team; rotate before the quarterly audit',
      partialKey: 'pat_L0ng',
      createdAt: at(-3),
      expiresAt: at(2),
      lastUsedAt: at(0, -1),
    }),
    token({ id: 'tok_long2', name: LONG_NAMES[1]!, partialKey: 'pat_R3ls', createdAt: at(-9), expiresAt: at(-1), lastUsedAt: at(-2) }),
    ...realisticTokens().slice(0, 3),
  ];
}

/** `count` tokens, newest first, every third with a description. */
export function manyTokens(count: number): Token[] {
  return Array.from({ length: count }, (_, i) =>
    token({
      id: `tok_${i}`,
      name: i % 7 === 3 ? `${LONG_NAMES[i % 2]} ${i}`.slice(0, 100) : `Service token ${i}`,
      description: i % 3 ? null : `Used by worker ${i}`,
      createdAt: at(0, -i - 1),
      lastUsedAt: i % 4 ? at(-1 - (i % 9)) : null,
    }),
  );
}

export interface HostPage {
  page: HTMLElement;
  list: PatTokenList;
  remove(): void;
}

/**
 * Mounts the page with a list on `/api/tokens` (serve it with `useMockBackend` first) and waits
 * until the list has settled (unless `settle` is false).
 */
export async function mountHostPage({
  language = 'en',
  scheme = 'light',
  settle = true,
  scopes = true,
}: { language?: Language; scheme?: Scheme; settle?: boolean; scopes?: boolean } = {}): Promise<HostPage> {
  const style = document.createElement('style');
  style.textContent = STYLE;
  const page = document.createElement('div');
  page.className = 'host-page';
  page.dataset.scheme = scheme;
  page.lang = language === 'rtl' ? 'ar' : language;
  page.dir = language === 'rtl' ? 'rtl' : 'ltr';
  const text = HOST_TEXT[language === 'rtl' ? 'rtl' : 'ltr'];
  page.innerHTML = `
    <header class="host-header">Nimbus</header>
    <div class="host-body">
      <nav class="host-nav" aria-label="Settings"><ul>${text.nav
        .map((item, i) => `<li><a href="#"${i === 4 ? ' aria-current="page"' : ''}>${item}</a></li>`)
        .join('')}</ul></nav>
      <main class="host-content">
        <h1>${text.heading}</h1>
        <p>${text.intro}</p>
      </main>
    </div>
    <footer class="host-footer">© Nimbus</footer>`;
  const list = document.createElement('pat-token-list');
  list.endpoint = '/api/tokens';
  if (language === 'de') list.strings = de;
  if (language === 'rtl') list.strings = ar;
  if (scopes) list.scopes = demoScopes;
  page.querySelector('main')!.append(list);
  document.body.style.margin = '0';
  document.body.append(style, page);
  if (settle) await waitUntil(() => settled(list), 'the list did not settle', { timeout: 5000 });
  await list.updateComplete;
  return {
    page,
    list,
    remove() {
      page.remove();
      style.remove();
      document.body.style.removeProperty('margin');
    },
  };
}
