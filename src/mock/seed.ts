import type { Token } from '../api/schemas.js';
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
