/**
 * The generate dialog's form as a model, without Lit or a DOM: what the user entered, the policy it
 * is checked against, which fields are shown and what is wrong with them, the request a submit
 * sends, and where the server's answer to a failed one goes. The element renders it and feeds it the
 * user's edits; every change is announced through `onChange`.
 *
 * Errors are data, not sentences (`{ key: 'dialogNameTooLong', max, length }`): the view words them
 * in the page's language, and tests compare them as values.
 */
import { HttpError } from '../api/errors.js';
import { DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, type CreateTokenRequest, type RotateTokenRequest, type Token } from '../api/schemas.js';
import { now } from '../internal/clock.js';
import { daysBetween } from '../internal/locale.js';
import type { ScopeCatalogue } from '../internal/scope-catalogue.js';
import {
  addCalendarDays,
  allowedGracePeriods,
  allowedPresets,
  customDateBounds,
  lifetimeDays,
  nearestPreset,
  normalizeMaxLifetime,
  parseDateInputValue,
  preferredGrace,
  preferredPreset,
  toDateInputValue,
} from './expiration.js';

export type Field = 'name' | 'description' | 'expiration' | 'scopes' | 'grace';

/** The expiration select's value: a preset's days as a string, `'custom'` or `'never'`. */
export type ExpirationChoice = string;

/** Why a field was not accepted: one of the form's checks (a string's key and what fills it in), or the server's words. */
export type FieldError =
  | { key: 'dialogNameRequired' | 'dialogDateRequired' | 'dialogDateTooEarly' | 'dialogScopesRequired' }
  | { key: 'dialogNameTooLong' | 'dialogDescriptionTooLong'; max: number; length: number }
  | { key: 'dialogDateOutOfRange'; min: Date; max: Date }
  | { server: string };

export type FieldErrors = Partial<Record<Field, FieldError>>;

/** What stopped a submit that no field can show: said above the fields. */
export type FormFailure =
  | { kind: 'not-configured' }
  /** A regenerate was answered 404: the token is gone, and the form can only be closed. */
  | { kind: 'gone' }
  /** Any other failure; `details`: the server's field errors that no shown field could take. */
  | { kind: 'error'; error: unknown; details: string[] };

/** The policy the form follows: the dialog's settings in force (the host's, else the server's, else the defaults). */
export interface FormPolicy {
  presets: readonly number[];
  /** Whether "No expiration" is offered (the settings rule it out where the host set a maximum lifetime). */
  allowNoExpiration: boolean;
  maxLifetimeDays: number | undefined;
  maxNameLength: number;
  maxDescriptionLength: number;
  gracePeriods: readonly number[];
}

/** What a valid form sends. */
export type Submission =
  { operation: 'create'; request: CreateTokenRequest } | { operation: 'rotate'; token: Token; request: RotateTokenRequest };

/** Where a problem+json `errors` member is shown: the contract's field names mapped to the form's. */
const SERVER_FIELDS = new Map<string, Field>([
  ['name', 'name'],
  ['description', 'description'],
  ['expiresInDays', 'expiration'],
  ['scopes', 'scopes'],
  ['gracePeriodHours', 'grace'],
]);

/** A usable length limit: a whole number of at least 1, else the contract's (a typo never turns the check off). */
function lengthLimit(value: unknown, contractLimit: number): number {
  const limit = Number(value);
  return Number.isFinite(limit) && limit >= 1 ? Math.floor(limit) : contractLimit;
}

export class GenerateForm {
  readonly #policy: FormPolicy;
  readonly #onChange: () => void;

  /** The checked scope catalogue; the form asks for scopes only with one. */
  catalogue: ScopeCatalogue | undefined;

  #target: Token | undefined;
  #name = '';
  #description = '';
  /** Undefined until the user picks: the policy's preferred preset applies. */
  #expiration: ExpirationChoice | undefined;
  #customDate = '';
  /** Undefined until the user picks: the catalogue's defaults apply. */
  #scopes: ReadonlySet<string> | undefined;
  #grace: number | undefined;
  #errors: FieldErrors = {};
  #failure: FormFailure | undefined;
  /** After the first submit, fields are re-checked as the user types, so errors clear when fixed. */
  #validateAsTyped = false;

  constructor(policy: FormPolicy, onChange: () => void) {
    this.#policy = policy;
    this.#onChange = onChange;
  }

  // ——— What the form holds ———

  /** The token being regenerated; undefined in the create form. */
  get target(): Token | undefined {
    return this.#target;
  }

  get name(): string {
    return this.#name;
  }

  get description(): string {
    return this.#description;
  }

  get customDate(): string {
    return this.#customDate;
  }

  get errors(): FieldErrors {
    return this.#errors;
  }

  get failure(): FormFailure | undefined {
    return this.#failure;
  }

  /** A regenerate found the token gone: nothing can be sent any more. */
  get gone(): boolean {
    return this.#failure?.kind === 'gone';
  }

  /** Back to an empty form: the create form, or the regenerate form of `target`. */
  reset(target?: Token): void {
    this.#target = target;
    this.#name = this.#description = this.#customDate = '';
    this.#expiration = this.#scopes = this.#grace = this.#failure = undefined;
    this.#errors = {};
    this.#validateAsTyped = false;
    this.#onChange();
  }

  // ——— The policy, as the form applies it ———

  /** The fields this form shows, in their order: a server error on another one goes above the form. */
  get fields(): Field[] {
    const target = this.#target;
    if (target) return this.#expired(target) ? ['expiration'] : ['expiration', 'grace'];
    return this.catalogue ? ['name', 'description', 'expiration', 'scopes'] : ['name', 'description', 'expiration'];
  }

  get noExpirationAllowed(): boolean {
    return this.#policy.allowNoExpiration;
  }

  /** The policy's presets; regenerating, also the token's own lifetime where the policy allows it (a 98-day token stays 98 days). */
  get presets(): number[] {
    const presets = allowedPresets(this.#policy.presets, this.#policy.maxLifetimeDays);
    const own = this.#target ? lifetimeDays(this.#target) : null;
    const max = normalizeMaxLifetime(this.#policy.maxLifetimeDays);
    if (own === null || presets.includes(own) || (max !== undefined && own > max)) return presets;
    return [...presets, own].sort((a, b) => a - b);
  }

  /** The first and last dates the custom date picker allows. */
  get dateBounds(): { min: Date; max: Date | undefined } {
    return customDateBounds(now(), this.#policy.maxLifetimeDays);
  }

  /** The expiration chosen; until the user picks, the policy's (or the regenerated token's) default. */
  get expiration(): ExpirationChoice {
    const picked = this.#expiration;
    const presets = this.presets;
    if (picked === 'custom') return picked;
    if (picked === 'never' && this.noExpirationAllowed) return picked;
    if (picked !== undefined && presets.includes(Number(picked))) return picked;
    return this.#defaultExpiration(presets);
  }

  /** Days the token should live (null: never), or undefined while the custom date is not valid. */
  get expiresInDays(): number | null | undefined {
    const choice = this.expiration;
    if (choice === 'never') return null;
    if (choice !== 'custom') return Number(choice);
    const date = parseDateInputValue(this.#customDate);
    if (!date) return undefined;
    const days = daysBetween(now(), date);
    const max = normalizeMaxLifetime(this.#policy.maxLifetimeDays);
    return days >= 1 && (max === undefined || days <= max) ? days : undefined;
  }

  /** The grace periods offered when regenerating, in hours. */
  get gracePeriods(): number[] {
    return allowedGracePeriods(this.#policy.gracePeriods);
  }

  /** The grace period chosen, or the one the form starts from (a day, where offered). */
  get grace(): number {
    const offered = this.gracePeriods;
    return this.#grace !== undefined && offered.includes(this.#grace) ? this.#grace : preferredGrace(offered);
  }

  /** Whether the token being regenerated has expired: it has nothing to keep, so no grace period. */
  get targetExpired(): boolean {
    return !!this.#target && this.#expired(this.#target);
  }

  /** The scope ids checked; until the user picks, the catalogue's defaults. */
  get selectedScopes(): ReadonlySet<string> {
    return this.#scopes ?? new Set(this.catalogue?.defaults);
  }

  // ——— The user's edits ———

  setName(value: string): void {
    this.#name = value;
    this.#recheck('name');
  }

  setDescription(value: string): void {
    this.#description = value;
    this.#recheck('description');
  }

  chooseExpiration(choice: ExpirationChoice): void {
    const previous = this.expiration;
    // Start the date picker at the date the previous preset gave, so "custom" is a small step.
    if (choice === 'custom' && !this.#customDate && previous !== 'custom' && previous !== 'never') {
      this.#customDate = toDateInputValue(addCalendarDays(now(), Number(previous)));
    }
    this.#expiration = choice;
    // A date picker that just appeared has not been used yet: no error on it until it is.
    this.#recheck('expiration', this.#validateAsTyped && choice !== 'custom');
  }

  setCustomDate(value: string): void {
    this.#customDate = value;
    this.#recheck('expiration');
  }

  chooseGrace(hours: number): void {
    this.#grace = hours;
    this.#recheck('grace');
  }

  /** Checks or clears scopes; checked at once, as a choice is acted on as soon as it is made. */
  toggleScopes(ids: readonly string[], checked: boolean): void {
    const selected = new Set(this.selectedScopes);
    for (const id of ids) {
      if (checked) selected.add(id);
      else selected.delete(id);
    }
    this.#scopes = selected;
    this.#recheck('scopes', true);
  }

  // ——— Submitting ———

  /** Checks every field shown: the request to send, or undefined (and the errors to show). */
  submit(): Submission | undefined {
    if (this.gone) return undefined;
    this.#validateAsTyped = true;
    const errors: FieldErrors = {};
    for (const field of this.fields) {
      const error = this.#check(field);
      if (error) errors[field] = error;
    }
    this.#errors = errors;
    const expiresInDays = this.expiresInDays;
    const valid = Object.keys(errors).length === 0 && expiresInDays !== undefined;
    if (valid) this.#failure = undefined;
    this.#onChange();
    if (!valid) return undefined;

    const target = this.#target;
    if (target)
      return { operation: 'rotate', token: target, request: { expiresInDays, gracePeriodHours: this.targetExpired ? 0 : this.grace } };
    const description = this.#description.trim();
    const catalogue = this.catalogue;
    const selected = this.selectedScopes;
    return {
      operation: 'create',
      request: {
        name: this.#name.trim(),
        ...(description ? { description } : {}),
        expiresInDays,
        // In the catalogue's order, whatever order they were ticked in.
        ...(catalogue ? { scopes: catalogue.scopes.map((scope) => scope.id).filter((id) => selected.has(id)) } : {}),
      },
    };
  }

  /** No client to send the request with. */
  notConfigured(): void {
    this.#failure = { kind: 'not-configured' };
    this.#onChange();
  }

  /**
   * A submit failed: the server's field errors go on the fields shown (the first message for each),
   * the rest above the form with the failure; a regenerate answered 404 leaves only Close.
   */
  failed(error: unknown): void {
    const gone = !!this.#target && error instanceof HttpError && error.status === 404;
    const onFields: FieldErrors = {};
    const elsewhere: string[] = [];
    if (error instanceof HttpError && !gone) {
      const shown = this.fields;
      for (const [key, message] of Object.entries(error.fieldErrors)) {
        const field = SERVER_FIELDS.get(key);
        if (field && shown.includes(field) && !onFields[field]) onFields[field] = { server: message };
        else elsewhere.push(message);
      }
    }
    const placed = Object.keys(onFields).length > 0;
    this.#errors = onFields;
    this.#failure = gone ? { kind: 'gone' } : placed && !elsewhere.length ? undefined : { kind: 'error', error, details: elsewhere };
    this.#onChange();
  }

  /** The first field shown with an error, where focus goes after a refused submit. */
  get firstInvalid(): Field | undefined {
    return this.fields.find((field) => this.#errors[field]);
  }

  // ——— Checks ———

  #check(field: Field): FieldError | undefined {
    if (field === 'name') {
      const name = this.#name.trim();
      const max = lengthLimit(this.#policy.maxNameLength, NAME_MAX_LENGTH);
      if (!name) return { key: 'dialogNameRequired' };
      return name.length > max ? { key: 'dialogNameTooLong', max, length: name.length } : undefined;
    }
    if (field === 'description') {
      const description = this.#description.trim();
      const max = lengthLimit(this.#policy.maxDescriptionLength, DESCRIPTION_MAX_LENGTH);
      return description.length > max ? { key: 'dialogDescriptionTooLong', max, length: description.length } : undefined;
    }
    if (field === 'scopes') return this.catalogue && this.selectedScopes.size === 0 ? { key: 'dialogScopesRequired' } : undefined;
    if (field === 'grace') return undefined;
    if (this.expiration !== 'custom' || this.expiresInDays !== undefined) return undefined;
    if (!parseDateInputValue(this.#customDate)) return { key: 'dialogDateRequired' };
    const { min, max } = this.dateBounds;
    return max ? { key: 'dialogDateOutOfRange', min, max } : { key: 'dialogDateTooEarly' };
  }

  /**
   * After an edit: re-check the field once the user has tried to submit (or, for a choice like
   * the scopes, as soon as they act on it), else drop an error the server put on it.
   */
  #recheck(field: Field, acted = this.#validateAsTyped): void {
    const { [field]: _previous, ...others } = this.#errors;
    const error = acted ? this.#check(field) : undefined;
    this.#errors = error ? { ...others, [field]: error } : others;
    this.#onChange();
  }

  /** Create: 30 days or the nearest preset. Regenerate: the old token's lifetime (offered as a preset), or the nearest one the policy allows. */
  #defaultExpiration(presets: readonly number[]): ExpirationChoice {
    const lifetime = this.#target ? lifetimeDays(this.#target) : undefined;
    if (lifetime === null && this.noExpirationAllowed) return 'never';
    const preset =
      lifetime === undefined
        ? preferredPreset(presets)
        : lifetime === null
          ? presets[presets.length - 1]
          : nearestPreset(presets, lifetime);
    return preset === undefined ? 'custom' : String(preset);
  }

  #expired(token: Token): boolean {
    return token.expiresAt !== null && Date.parse(token.expiresAt) <= now().getTime();
  }
}
