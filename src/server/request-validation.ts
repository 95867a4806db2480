/**
 * Checks a create or rotate request against the contract's schemas (the same ones the elements
 * use), the input rule for text (`src/api/text-rules.ts`) and then the service's policy. Failures
 * become one message per field, written for the person who filled in the form; submitted values
 * are never echoed (a secret may be pasted into any field).
 */
import * as z from 'zod/mini';
import {
  CreateTokenRequestSchema,
  DESCRIPTION_MAX_LENGTH,
  MAX_GRACE_PERIOD_HOURS,
  NAME_MAX_LENGTH,
  RotateTokenRequestSchema,
} from '../api/schemas.js';
import { isInvisible, textProblem, type TextProblem } from '../api/text-rules.js';
import { TokenServiceError } from './errors.js';
import type { ResolvedPolicy } from './policy.js';

export interface ValidCreateRequest {
  name: string;
  description: string | null;
  expiresInDays: number | null;
  scopes: string[] | null;
}

export interface ValidRotateRequest {
  expiresInDays: number | null;
  gracePeriodHours: number;
}

type Issue = z.core.$ZodIssue;

const SCHEMA_MESSAGES: Record<string, (issue: Issue) => string> = {
  name: (issue) => (issue.code === 'too_big' ? `Name must be at most ${NAME_MAX_LENGTH} characters.` : 'Name is required.'),
  description: () => `Description must be text of at most ${DESCRIPTION_MAX_LENGTH} characters.`,
  expiresInDays: () => 'Expiration must be a whole number of days, at least 1 (or null for no expiration).',
  scopes: () => 'Scopes must be a non-empty list of scope ids.',
  gracePeriodHours: () => `The grace period must be a whole number of hours from 0 to ${MAX_GRACE_PERIOD_HOURS}.`,
};

/** The schema's verdict as field messages; a body that is not an object has no fields to blame. */
function parse<S extends z.ZodMiniType>(schema: S, body: unknown): z.output<S> {
  const result = z.safeParse(schema, body);
  if (result.success) return result.data;
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string') throw new TokenServiceError('invalid-request', 'The request body must be a JSON object.');
    errors[field] ??= SCHEMA_MESSAGES[field]?.(issue) ?? 'This value is not valid.';
  }
  throw invalid(errors);
}

function invalid(errors: Record<string, string>): TokenServiceError {
  return new TokenServiceError('invalid-request', 'Some fields are invalid.', errors);
}

/** What each text problem means to the person who typed the field. */
const TEXT_MESSAGES: Record<TextProblem, (field: string) => string> = {
  control: (field) =>
    field === 'Description'
      ? 'Description must not contain control characters (line breaks and tabs are fine).'
      : `${field} must not contain control characters such as tabs, line breaks or terminal escapes.`,
  bidi: (field) => `${field} must not contain characters that reverse the direction of the text (bidirectional overrides or isolates).`,
  surrogate: (field) => `${field} contains a broken character (half of a surrogate pair): type or paste it again.`,
};

/**
 * The input rule of `src/api/text-rules.ts`, for the fields the schema let through: control
 * characters, direction overrides and lone surrogates are refused, and a name that shows nothing
 * is no name. Every store gets the same text, whatever it would have done with the rest.
 */
function checkText(request: { name: string; description?: string | undefined }, errors: Record<string, string>): void {
  const nameProblem = textProblem(request.name);
  if (nameProblem) errors.name = TEXT_MESSAGES[nameProblem]('Name');
  else if (isInvisible(request.name)) errors.name = 'Name is required.';
  const descriptionProblem = request.description === undefined ? null : textProblem(request.description, { multiline: true });
  if (descriptionProblem) errors.description = TEXT_MESSAGES[descriptionProblem]('Description');
}

function checkLifetime(expiresInDays: number | null, policy: ResolvedPolicy): string | undefined {
  if (expiresInDays === null) return policy.allowNoExpiration ? undefined : 'Tokens must have an expiration date.';
  if (expiresInDays > policy.maxLifetimeDays) return `Tokens can live at most ${policy.maxLifetimeDays} days.`;
  return undefined;
}

/** A service's scope catalogue as the checks need it. */
export interface CatalogueIds {
  ids: ReadonlySet<string>;
  /** What a create without `scopes` gets: the entries marked `default`. */
  defaults: readonly string[];
}

export function validateCreateRequest(body: unknown, policy: ResolvedPolicy, catalogue: CatalogueIds | null): ValidCreateRequest {
  const request = parse(CreateTokenRequestSchema, body);
  const errors: Record<string, string> = {};
  checkText(request, errors);
  const lifetime = checkLifetime(request.expiresInDays, policy);
  if (lifetime) errors.expiresInDays = lifetime;

  // With a catalogue, no scopes means its defaults: all permissions only by choosing them all.
  let scopes: string[] | null = null;
  if (request.scopes !== undefined) {
    if (!catalogue) errors.scopes = 'This server has no scopes: leave them out, and the token gets all of your permissions.';
    else if (!request.scopes.every((id) => catalogue.ids.has(id))) errors.scopes = 'Choose scopes from the ones offered.';
    else scopes = [...new Set(request.scopes)];
  } else if (catalogue) {
    if (catalogue.defaults.length) scopes = [...catalogue.defaults];
    else errors.scopes = 'Choose at least one permission.';
  }
  if (Object.keys(errors).length) throw invalid(errors);

  // Trimmed as the name is; a description that shows nothing is no description.
  const description = request.description?.trim();
  return {
    name: request.name,
    description: description && !isInvisible(description) ? description : null,
    expiresInDays: request.expiresInDays,
    scopes,
  };
}

export function validateRotateRequest(body: unknown, policy: ResolvedPolicy): ValidRotateRequest {
  const request = parse(RotateTokenRequestSchema, body);
  const errors: Record<string, string> = {};
  const lifetime = checkLifetime(request.expiresInDays, policy);
  if (lifetime) errors.expiresInDays = lifetime;
  const gracePeriodHours = request.gracePeriodHours ?? 0;
  if (gracePeriodHours > policy.maxGracePeriodHours) {
    errors.gracePeriodHours = `The grace period can be at most ${policy.maxGracePeriodHours} hours.`;
  }
  if (Object.keys(errors).length) throw invalid(errors);
  return { expiresInDays: request.expiresInDays, gracePeriodHours };
}
