import type { ActivityEvent, RecentCaller, Token } from '../api/schemas.js';
import type { Scope } from '../api/scopes.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A code host's scope catalogue, as a realistic example for demos and tests: four groups, two of
 * them with more than three scopes, read access checked by default, every scope described.
 */
export const demoScopes: readonly Scope[] = [
  {
    id: 'repo:read',
    label: 'Read repositories',
    description: 'Clone and pull code; read commits, branches and tags.',
    group: 'Repositories',
    default: true,
  },
  { id: 'repo:write', label: 'Write repositories', description: 'Push commits and create branches and tags.', group: 'Repositories' },
  { id: 'repo:hooks', label: 'Manage webhooks', description: 'Create, change and delete repository webhooks.', group: 'Repositories' },
  {
    id: 'repo:admin',
    label: 'Administer repositories',
    description: 'Change settings, manage collaborators, delete repositories.',
    group: 'Repositories',
  },
  { id: 'issues:read', label: 'Read issues', description: 'Issues, comments and labels.', group: 'Issues', default: true },
  { id: 'issues:write', label: 'Write issues', description: 'Open, comment on, label and close issues.', group: 'Issues' },
  { id: 'packages:read', label: 'Download packages', description: 'Pull packages and container images.', group: 'Packages' },
  { id: 'packages:write', label: 'Publish packages', description: 'Upload package versions and container images.', group: 'Packages' },
  { id: 'packages:delete', label: 'Delete packages', description: 'Remove package versions for good.', group: 'Packages' },
  {
    id: 'account:read',
    label: 'Read profile',
    description: 'Your name, avatar and public email address.',
    group: 'Account',
    default: true,
  },
  { id: 'account:email', label: 'Manage email addresses', description: 'Add, verify and remove email addresses.', group: 'Account' },
  {
    id: 'account:keys',
    label: 'Manage SSH and GPG keys',
    description: 'Add and remove the keys that sign in and sign commits.',
    group: 'Account',
  },
  { id: 'account:audit', label: 'Read the security log', description: 'Sign-ins, token use and other security events.', group: 'Account' },
];

/**
 * Six tokens a real account would have, relative to `now`: active ones, one expiring in 3 days,
 * one expired, one that never expires, some used recently; most limited to scopes of
 * `demoScopes`, one with all permissions. The CI token was regenerated 3 hours ago with a 24-hour
 * grace period: the pipeline still uses the old token (`replacedBy` names the new one), and the
 * new one has not been used yet.
 */
export function demoSeed(now: Date = new Date()): Token[] {
  const at = (days: number, hours = 0) => new Date(now.getTime() + days * DAY + hours * HOUR).toISOString();
  const ciDeploy = {
    name: 'CI deploy (GitHub Actions)',
    description: 'Pushes release builds from the main branch',
    scopes: ['repo:read', 'repo:write', 'packages:write'],
  };
  return [
    {
      id: 'tok_ci_deploy',
      ...ciDeploy,
      partialKey: 'pat_7Qm2',
      createdAt: at(0, -3),
      expiresAt: at(90, -3),
      lastUsedAt: null,
    },
    {
      id: 'tok_ci_deploy_old',
      ...ciDeploy,
      partialKey: 'pat_Lw5c',
      createdAt: at(-64),
      expiresAt: at(0, 21),
      lastUsedAt: at(0, -0.5),
      replacedBy: 'tok_ci_deploy',
    },
    {
      id: 'tok_terraform',
      name: 'Terraform Cloud',
      description: 'Infrastructure state sync',
      partialKey: 'pat_Kx9d',
      createdAt: at(-87),
      expiresAt: at(3),
      lastUsedAt: at(-1, -5),
      scopes: ['repo:read', 'packages:read'],
    },
    {
      id: 'tok_laptop_cli',
      name: 'Laptop CLI',
      description: null,
      partialKey: 'pat_b41Z',
      createdAt: at(-12),
      expiresAt: at(78),
      lastUsedAt: at(0, -0.2),
    },
    {
      id: 'tok_grafana',
      name: 'Grafana dashboard',
      description: 'Read-only issue metrics for the team board',
      partialKey: 'pat_Rf0e',
      createdAt: at(-400),
      expiresAt: null,
      lastUsedAt: at(-9),
      scopes: ['issues:read', 'repo:read', 'account:read'],
    },
    {
      id: 'tok_old_backup',
      name: 'Nightly backup script',
      description: 'Replaced by the new backup service',
      partialKey: 'pat_Ue8s',
      createdAt: at(-120),
      expiresAt: at(-30),
      lastUsedAt: at(-31),
      scopes: ['repo:read'],
    },
  ];
}

/** Where the demo account's owner works from: the page's requests come from here. */
export const DEMO_OFFICE = {
  ip: '198.51.100.23',
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15',
};

/**
 * Who used `demoSeed`'s tokens, newest first per token, relative to `now` (addresses from the
 * documentation ranges): the callers the reference server would keep, and from which each
 * token's `new-caller` events come. The laptop's CLI was used from a new address this morning.
 */
export function demoCallers(now: Date = new Date()): Record<string, RecentCaller[]> {
  const at = (days: number, hours = 0) => new Date(now.getTime() + days * DAY + hours * HOUR).toISOString();
  return {
    tok_ci_deploy_old: [{ ip: '192.0.2.44', userAgent: 'GitHub-Actions-Runner/2.317.0', lastUsedAt: at(0, -0.5) }],
    tok_terraform: [{ ip: '203.0.113.7', userAgent: 'Terraform/1.9.5 (+https://www.terraform.io)', lastUsedAt: at(-1, -5) }],
    tok_laptop_cli: [
      { ip: '203.0.113.7', userAgent: 'curl/8.5.0', lastUsedAt: at(0, -0.2) },
      { ip: DEMO_OFFICE.ip, userAgent: 'nimbus-cli/2.4.1 (darwin; arm64)', lastUsedAt: at(-3) },
    ],
    tok_grafana: [{ ip: '192.0.2.10', userAgent: 'Grafana/11.1.0', lastUsedAt: at(-9) }],
    tok_old_backup: [{ ip: '192.0.2.200', userAgent: 'python-requests/2.31.0', lastUsedAt: at(-31) }],
  };
}

/**
 * The activity trail `demoSeed`'s account would have, newest first, and its tokens' recent
 * callers: each token created from the office, the CI token regenerated, each caller's first use,
 * the backup token's expiry and Terraform's reminder a week before it expires.
 */
export function demoActivity(now: Date = new Date()): { events: ActivityEvent[]; callers: Record<string, RecentCaller[]> } {
  const tokens = demoSeed(now);
  const callers = demoCallers(now);
  const byId = new Map(tokens.map((token) => [token.id, token]));
  const events: ActivityEvent[] = [];
  let count = 0;
  const add = (token: Token, type: string, at: string, fields: Partial<ActivityEvent> = {}) =>
    events.push({ id: `evt_seed${String((count += 1)).padStart(8, '0')}`, type, at, tokenId: token.id, tokenName: token.name, ...fields });
  const user = { actor: 'user', ...DEMO_OFFICE };

  for (const token of tokens) {
    const successorOf = tokens.find((other) => other.replacedBy === token.id);
    if (!successorOf) add(token, 'created', token.createdAt, { ...user, expiresAt: token.expiresAt });
    if (token.replacedBy) {
      const successor = byId.get(token.replacedBy)!;
      add(token, 'regenerated', successor.createdAt, { ...user, relatedTokenId: successor.id, expiresAt: token.expiresAt });
    }
    // Each caller's first use: an hour after the token was made, or the day it was last seen.
    for (const caller of callers[token.id] ?? []) {
      const first = Math.max(Date.parse(token.createdAt) + HOUR, Date.parse(caller.lastUsedAt) - 2 * DAY);
      const firstAt = new Date(Math.min(first, Date.parse(caller.lastUsedAt))).toISOString();
      add(token, 'new-caller', firstAt, { actor: 'token', ip: caller.ip, userAgent: caller.userAgent });
    }
    if (token.expiresAt && !token.replacedBy) {
      const expires = Date.parse(token.expiresAt);
      if (expires <= now.getTime()) add(token, 'expired', token.expiresAt, { actor: 'system', expiresAt: token.expiresAt });
      else if (expires - now.getTime() <= 7 * DAY && expires - Date.parse(token.createdAt) > 7 * DAY) {
        add(token, 'expiry-reminder', new Date(expires - 7 * DAY).toISOString(), { actor: 'system', expiresAt: token.expiresAt });
      }
    }
  }
  events.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : -1));
  return { events, callers };
}
