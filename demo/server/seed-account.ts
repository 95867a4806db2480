/**
 * Fills the demo account through the token service itself, so every row is what the service
 * would have made: `demoSeed`'s six tokens (the mock's too), each created from the owner's
 * office at its own date, rotated and used by `demoCallers` when the seed says, which leaves the
 * trail those actions make. Their secrets are thrown away, as after a real reveal.
 */
import { DEMO_OFFICE, demoCallers, demoScopes, demoSeed } from '../../src/mock/seed.js';
import { createTokenService, type TokenStore } from '../../src/server/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function seedDemoAccount(
  store: TokenStore,
  { userId, prefix, now = new Date() }: { userId: string; prefix: string; now?: Date },
) {
  let time = now;
  const service = createTokenService({
    store,
    prefix,
    scopes: demoScopes,
    policy: { allowNoExpiration: true },
    clock: () => time,
  });
  const seed = demoSeed(now);
  const callers = demoCallers(now);
  const office = { caller: DEMO_OFFICE };
  const successors = new Set(seed.map((token) => token.replacedBy).filter(Boolean));
  const secrets = new Map<string, { id: string; secret: string }>();
  const days = (from: string, to: string | null | undefined) => (to ? Math.ceil((Date.parse(to) - Date.parse(from)) / DAY) : null);

  for (const token of seed.filter((t) => !successors.has(t.id))) {
    time = new Date(token.createdAt);
    const { token: made, secret } = await service.create(
      userId,
      {
        name: token.name,
        ...(token.description ? { description: token.description } : {}),
        expiresInDays: days(token.createdAt, token.expiresAt),
        ...(token.scopes ? { scopes: token.scopes } : {}),
      },
      office,
    );
    secrets.set(token.id, { id: made.id, secret });
  }
  for (const old of seed.filter((t) => t.replacedBy)) {
    const successor = seed.find((t) => t.id === old.replacedBy)!;
    time = new Date(successor.createdAt);
    const { token, secret } = await service.rotate(
      userId,
      secrets.get(old.id)!.id,
      {
        expiresInDays: days(successor.createdAt, successor.expiresAt),
        gracePeriodHours: Math.round((Date.parse(old.expiresAt!) - Date.parse(successor.createdAt)) / HOUR),
      },
      office,
    );
    secrets.set(successor.id, { id: token.id, secret });
  }
  // Each token's callers, oldest first: the newest is its last use, as the seed says.
  for (const token of seed.filter((t) => t.lastUsedAt)) {
    for (const { ip, userAgent, lastUsedAt } of [...(callers[token.id] ?? [])].reverse()) {
      time = new Date(lastUsedAt);
      await service.verify(secrets.get(token.id)!.secret, { caller: { ip: ip ?? undefined, userAgent: userAgent ?? undefined } });
    }
  }
  // Uses are written off verify's path, in batches: write them before the account is shown.
  await service.flushUsage();
}
