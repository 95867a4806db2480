import type { Token } from '../api/schemas.js';

const DAY = 86_400_000;

/**
 * Tokens a real account would have, relative to `now`: active ones, one expiring in 3 days,
 * one expired, one that never expires, some used recently and some never.
 */
export function demoSeed(now: Date = new Date()): Token[] {
  const at = (days: number, hours = 0) => new Date(now.getTime() + days * DAY + hours * 3_600_000).toISOString();
  return [
    {
      id: 'tok_ci_deploy',
      name: 'CI deploy (GitHub Actions)',
      description: 'Pushes release builds from the main branch',
      partialKey: 'pat_7Qm2',
      createdAt: at(-64),
      expiresAt: at(26),
      lastUsedAt: at(0, -2),
    },
    {
      id: 'tok_terraform',
      name: 'Terraform Cloud',
      description: 'Infrastructure state sync',
      partialKey: 'pat_Kx9d',
      createdAt: at(-87),
      expiresAt: at(3),
      lastUsedAt: at(-1, -5),
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
      description: 'Read-only metrics scraping',
      partialKey: 'pat_Rf0e',
      createdAt: at(-400),
      expiresAt: null,
      lastUsedAt: at(-9),
    },
    {
      id: 'tok_zapier',
      name: 'Zapier integration',
      description: 'Created for a trial; never set up',
      partialKey: 'pat_3nWv',
      createdAt: at(-40),
      expiresAt: at(50),
      lastUsedAt: null,
    },
    {
      id: 'tok_old_backup',
      name: 'Nightly backup script',
      description: 'Replaced by the new backup service',
      partialKey: 'pat_Ue8s',
      createdAt: at(-120),
      expiresAt: at(-30),
      lastUsedAt: at(-31),
    },
  ];
}
