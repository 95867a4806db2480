/**
 * A process that opens a PGlite data folder the way a host does (`postgresStore(new PGlite(dir))`)
 * and holds it, driven by pglite-lock.test.mts: one JSON line out per event, one command per line
 * in (`create`, `verify <secret>`, `close`). Refused the folder, it says why and exits with 3.
 */
import { createInterface } from 'node:readline';
import { PGlite } from '@electric-sql/pglite';
import { createTokenService, postgresStore, type TokenStore } from '../../../src/server/index.js';

const say = (message: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(message)}\n`);

const db = new PGlite(process.argv[2]!);
let store: TokenStore;
try {
  store = postgresStore(db);
} catch (error) {
  // `ready: false`: refused at once, not after PGlite's start-up.
  say({ refused: (error as Error).message, name: (error as Error).name, ready: db.ready });
  process.exit(3);
}
await store.migrate();
const service = createTokenService({ store, prefix: 'pat' });
say({ ready: process.pid });

for await (const line of createInterface({ input: process.stdin })) {
  const [command, argument] = line.split(' ');
  if (command === 'create') say({ secret: (await service.create('ada', { name: `by ${process.pid}`, expiresInDays: 1 })).secret });
  else if (command === 'verify') say({ verified: (await service.verify(argument!)) !== null });
  else if (command === 'close') {
    await db.close();
    say({ closed: true });
  }
}
