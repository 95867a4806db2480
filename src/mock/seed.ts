import type { ActivityEvent, RecentCaller, Scope, Token } from '../api/schemas.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const REPOSITORIES = { en: 'Repositories', de: 'Repositorys', ar: 'المستودعات' };
const ISSUES = { en: 'Issues', de: 'Issues', ar: 'المشكلات' };
const PACKAGES = { en: 'Packages', de: 'Pakete', ar: 'الحزم' };
const ACCOUNT = { en: 'Account', de: 'Konto', ar: 'الحساب' };

/**
 * A code host's scope catalogue, as a realistic example for demos and tests: four groups, two of
 * them with more than three scopes, read access checked by default, every scope described — in
 * English, German and Arabic (`Text`), so a page in another language shows its own.
 */
export const demoScopes: readonly Scope[] = [
  {
    id: 'repo:read',
    label: { en: 'Read repositories', de: 'Repositorys lesen', ar: 'قراءة المستودعات' },
    description: {
      en: 'Clone and pull code; read commits, branches and tags.',
      de: 'Code klonen und abrufen; Commits, Branches und Tags lesen.',
      ar: 'استنساخ الشيفرة وسحبها، وقراءة الإيداعات والفروع والوسوم.',
    },
    group: REPOSITORIES,
    default: true,
  },
  {
    id: 'repo:write',
    label: { en: 'Write repositories', de: 'In Repositorys schreiben', ar: 'الكتابة في المستودعات' },
    description: {
      en: 'Push commits and create branches and tags.',
      de: 'Commits pushen und Branches und Tags anlegen.',
      ar: 'دفع الإيداعات وإنشاء الفروع والوسوم.',
    },
    group: REPOSITORIES,
  },
  {
    id: 'repo:hooks',
    label: { en: 'Manage webhooks', de: 'Webhooks verwalten', ar: 'إدارة خطافات الويب' },
    description: {
      en: 'Create, change and delete repository webhooks.',
      de: 'Webhooks von Repositorys anlegen, ändern und löschen.',
      ar: 'إنشاء خطافات الويب للمستودعات وتعديلها وحذفها.',
    },
    group: REPOSITORIES,
  },
  {
    id: 'repo:admin',
    label: { en: 'Administer repositories', de: 'Repositorys administrieren', ar: 'إدارة المستودعات' },
    description: {
      en: 'Change settings, manage collaborators, delete repositories.',
      de: 'Einstellungen ändern, Mitwirkende verwalten, Repositorys löschen.',
      ar: 'تغيير الإعدادات وإدارة المتعاونين وحذف المستودعات.',
    },
    group: REPOSITORIES,
  },
  {
    id: 'issues:read',
    label: { en: 'Read issues', de: 'Issues lesen', ar: 'قراءة المشكلات' },
    description: { en: 'Issues, comments and labels.', de: 'Issues, Kommentare und Labels.', ar: 'المشكلات والتعليقات والتصنيفات.' },
    group: ISSUES,
    default: true,
  },
  {
    id: 'issues:write',
    label: { en: 'Write issues', de: 'Issues schreiben', ar: 'الكتابة في المشكلات' },
    description: {
      en: 'Open, comment on, label and close issues.',
      de: 'Issues eröffnen, kommentieren, labeln und schließen.',
      ar: 'فتح المشكلات والتعليق عليها وتصنيفها وإغلاقها.',
    },
    group: ISSUES,
  },
  {
    id: 'packages:read',
    label: { en: 'Download packages', de: 'Pakete herunterladen', ar: 'تنزيل الحزم' },
    description: {
      en: 'Pull packages and container images.',
      de: 'Pakete und Container-Images abrufen.',
      ar: 'سحب الحزم وصور الحاويات.',
    },
    group: PACKAGES,
  },
  {
    id: 'packages:write',
    label: { en: 'Publish packages', de: 'Pakete veröffentlichen', ar: 'نشر الحزم' },
    description: {
      en: 'Upload package versions and container images.',
      de: 'Paketversionen und Container-Images hochladen.',
      ar: 'رفع إصدارات الحزم وصور الحاويات.',
    },
    group: PACKAGES,
  },
  {
    id: 'packages:delete',
    label: { en: 'Delete packages', de: 'Pakete löschen', ar: 'حذف الحزم' },
    description: {
      en: 'Remove package versions for good.',
      de: 'Paketversionen endgültig entfernen.',
      ar: 'إزالة إصدارات الحزم نهائيًا.',
    },
    group: PACKAGES,
  },
  {
    id: 'account:read',
    label: { en: 'Read profile', de: 'Profil lesen', ar: 'قراءة الملف الشخصي' },
    description: {
      en: 'Your name, avatar and public email address.',
      de: 'Ihr Name, Ihr Avatar und Ihre öffentliche E-Mail-Adresse.',
      ar: 'اسمك وصورتك الرمزية وبريدك الإلكتروني العام.',
    },
    group: ACCOUNT,
    default: true,
  },
  {
    id: 'account:email',
    label: { en: 'Manage email addresses', de: 'E-Mail-Adressen verwalten', ar: 'إدارة عناوين البريد الإلكتروني' },
    description: {
      en: 'Add, verify and remove email addresses.',
      de: 'E-Mail-Adressen hinzufügen, bestätigen und entfernen.',
      ar: 'إضافة عناوين البريد الإلكتروني والتحقق منها وإزالتها.',
    },
    group: ACCOUNT,
  },
  {
    id: 'account:keys',
    label: { en: 'Manage SSH and GPG keys', de: 'SSH- und GPG-Schlüssel verwalten', ar: 'إدارة مفاتيح SSH وGPG' },
    description: {
      en: 'Add and remove the keys that sign in and sign commits.',
      de: 'Die Schlüssel für die Anmeldung und zum Signieren von Commits hinzufügen und entfernen.',
      ar: 'إضافة المفاتيح التي تُستخدم لتسجيل الدخول وتوقيع الإيداعات وإزالتها.',
    },
    group: ACCOUNT,
  },
  {
    id: 'account:audit',
    label: { en: 'Read the security log', de: 'Sicherheitsprotokoll lesen', ar: 'قراءة سجل الأمان' },
    description: {
      en: 'Sign-ins, token use and other security events.',
      de: 'Anmeldungen, Token-Nutzung und andere Sicherheitsereignisse.',
      ar: 'عمليات تسجيل الدخول واستخدام الرموز وأحداث الأمان الأخرى.',
    },
    group: ACCOUNT,
  },
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
