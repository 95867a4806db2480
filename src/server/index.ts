/**
 * `pat-elements/server`: the reference backend of the token contract. A host mounts one handler
 * and gets token generation, hash-only storage, verification, expiry, rotation and the error
 * format:
 *
 * ```ts
 * import { createTokenService, createFetchHandler, postgresStore } from 'pat-elements/server';
 * const store = postgresStore(pool);
 * await store.migrate();
 * const tokens = createTokenService({ store, prefix: 'acme' });
 * const handler = createFetchHandler(tokens, { basePath: '/api/tokens', authenticate: (req) => userIdOf(req) });
 * ```
 *
 * It imports nothing from the elements and nothing that needs a DOM: only the contract's schemas.
 */
export { createTokenService, LAST_USED_RESOLUTION_MS } from './token-service.js';
export type {
  ActionOptions,
  CheckOptions,
  CheckResult,
  RefusalReason,
  TokenService,
  TokenServiceOptions,
  VerifiedToken,
} from './token-service.js';
export {
  ACTIVITY_PAGE_SIZE,
  DEFAULT_ACTIVITY,
  MAX_RECENT_CALLERS,
  type ActivityHook,
  type ActivityOptions,
  type ActivityType,
  type TokenActivity,
} from './activity.js';
export type { ExpiryReminder, ExpiryReminderOptions } from './activity-maintenance.js';
export { tokenOf } from './require-token.js';
export type {
  Authorization,
  ClientIp,
  GuardNodeRequest,
  GuardNodeResponse,
  GuardRefusalReason,
  RequireTokenOptions,
  TokenGuard,
  TokenRefusal,
} from './require-token.js';
export type { UsageOptions } from './usage-recorder.js';
export type { LeakOutcome, LeakReport, LeakResult, RevocationEvent, RevocationHook } from './revocation.js';
export {
  GITHUB_SECRET_SCANNING_KEYS_URL,
  MAX_REPORT_BYTES,
  type LeakEvent,
  type SecretScanningKeyDocument,
  type SecretScanningKeys,
  type SecretScanningOptions,
} from './secret-scanning.js';
export { tokenPattern } from './token-pattern.js';
export { createTestSecretScanner, type ScannerFinding, type TestSecretScanner } from './test-scanner.js';
export { SetupError, TokenServiceError, type TokenServiceErrorCode } from './errors.js';
export { DEFAULT_POLICY, type TokenPolicy } from './policy.js';
export { createFetchHandler, RETRY_AFTER_SECONDS, type FetchHandler, type FetchHandlerOptions } from './fetch-handler.js';
export { MAX_BODY_BYTES } from './json-body.js';
export { toNodeListener, type NodeContext, type NodeListener, type NodeRequest, type NodeResponse } from './node-listener.js';
export { memoryStore, type MemoryRecord, type MemoryStore } from './memory-store.js';
export { postgresStore, type PostgresStoreOptions, type SqlClient } from './postgres-store.js';
export { DEFAULT_TIMEOUT_MS } from './database-guard.js';
export { SCHEMA_VERSION } from './postgres-migrations.js';
export { PGliteInUseError, PGLITE_LOCK_FILE } from './pglite-lock.js';
export type { MaintenanceReport, MaintenanceStepResult } from './maintenance.js';
export type {
  ActivityLimits,
  ActivityQuery,
  LeakedSecret,
  LeakRevocation,
  NewToken,
  RecentCaller,
  RecordedUses,
  Replacement,
  RevocationReason,
  RotateInput,
  RotateResult,
  StoredActivity,
  StoredToken,
  TokenCaller,
  TokenRevocation,
  TokenStore,
  TokenUse,
} from './store.js';
export type { Scope } from '../api/schemas.js';
export type {
  ActivityEvent,
  ActivityPage,
  CreateTokenRequest,
  CreateTokenResponse,
  RotateTokenRequest,
  RotateTokenResponse,
  Token,
} from '../api/schemas.js';
