// The app's login: users, and sessions by cookie. Kept on globalThis: Next.js may load a module
// once per route, and every route must see the same sessions.
const USERS: Record<string, { id: string; password: string }> = {
  ada: { id: 'u-ada', password: 'lovelace' },
  bob: { id: 'u-bob', password: 'builder' },
};
const shared = globalThis as typeof globalThis & { appSessions?: Map<string, string> };
const sessions = (shared.appSessions ??= new Map());

/** A new session's id for a right name and password, else null. */
export function logIn(username: string, password: string): string | null {
  const user = USERS[username];
  if (!user || user.password !== password) return null;
  const sid = crypto.randomUUID();
  sessions.set(sid, user.id);
  return sid;
}

export const userOfSession = (sid: string | undefined): string | null => (sid && sessions.get(sid)) || null;
