/**
 * A host's scope catalogue: the permissions a token can be limited to. It is configuration, not
 * part of the wire format (the wire carries scope ids only), so it lives apart from `schemas.ts`,
 * whose every schema is a component of the OpenAPI document.
 */
import * as z from 'zod/mini';

/**
 * One permission of a host's scope catalogue, which a token can be limited to. Not on the wire:
 * the host gives it to the elements (`scopes` property) and to the server (`scopes` option).
 */
export const ScopeSchema = z.object({
  id: z.string().check(z.minLength(1)),
  label: z.string().check(z.trim(), z.minLength(1)),
  description: z.optional(z.string()),
  group: z.optional(z.string()),
  /** Checked when the dialog opens. */
  default: z.optional(z.boolean()),
});

export type Scope = z.infer<typeof ScopeSchema>;
