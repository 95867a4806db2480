/**
 * The wire format of the default REST contract, defined once. Responses are parsed with these
 * schemas: unknown extra fields are dropped (forward compatible), a missing or mistyped required
 * field is a contract error. `zod/mini` keeps the bundle small and never compiles validators with
 * `new Function`, so it runs under a strict Content Security Policy.
 */
import * as z from 'zod/mini';

const isoDateTime = z.iso.datetime({ offset: true });

export const TokenSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  description: z.optional(z.nullable(z.string())),
  partialKey: z.string(),
  createdAt: isoDateTime,
  expiresAt: z.nullable(isoDateTime),
  lastUsedAt: z.optional(z.nullable(isoDateTime)),
});

export const ListTokensResponseSchema = z.object({
  tokens: z.array(TokenSchema),
});

export const CreateTokenRequestSchema = z.object({
  name: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  expiresInDays: z.nullable(z.int().check(z.positive())),
});

export const CreateTokenResponseSchema = z.object({
  token: TokenSchema,
  secret: z.string().check(z.minLength(1)),
});

/** RFC 9457 problem details; every member is optional on the wire. */
export const ProblemSchema = z.object({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.number()),
  detail: z.optional(z.string()),
  errors: z.optional(z.record(z.string(), z.union([z.string(), z.array(z.string())]))),
});

/** A token's metadata as the server describes it. It never contains the secret. */
export type Token = z.infer<typeof TokenSchema>;
export type ListTokensResponse = z.infer<typeof ListTokensResponseSchema>;
export type CreateTokenRequest = z.infer<typeof CreateTokenRequestSchema>;
export type CreateTokenResponse = z.infer<typeof CreateTokenResponseSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
