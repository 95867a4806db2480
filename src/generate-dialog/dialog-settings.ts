/**
 * The settings of `<pat-generate-dialog>`, declared once: the backend (`endpoint`, `client`,
 * `headers`, `credentials`), `strings`, and the form's policy below. The dialog extends this class,
 * and so does `<pat-token-list>`, which passes every one of them on to the dialog it composes: a
 * host configures the feature on one tag, and a setting added here reaches both with nothing else
 * to write.
 *
 * The server may state its catalogue and policy in the list answer (`serverSettings`); what the
 * host sets wins, field by field, and the defaults fill the rest (`settings`).
 */
import { property, state } from 'lit/decorators.js';
import { DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, type ListTokensResponse, type Scope } from '../api/schemas.js';
import { ClientConfigMixin } from '../internal/client-config.js';
import { memo } from '../internal/memo.js';
import { PatElement } from '../internal/pat-element.js';
import { scopeCatalogue, type ScopeCatalogue } from '../internal/scope-catalogue.js';
import { DEFAULT_GRACE_PERIODS, DEFAULT_PRESETS, allowedGracePeriods, normalizeMaxLifetime, parseGracePeriods } from './expiration.js';

/** What the list answer said besides the tokens: the server's catalogue and policy. */
export type ServerSettings = Omit<ListTokensResponse, 'tokens'>;

/** The settings in force: the host's, else the server's, else the defaults. */
export interface Settings {
  catalogue: ScopeCatalogue | undefined;
  presets: readonly number[];
  /** Whether "No expiration" is offered. */
  allowNoExpiration: boolean;
  maxLifetimeDays: number | undefined;
  /** The grace periods offered, within the server's maximum. */
  gracePeriods: readonly number[];
  /** How many tokens the server lets a user have; undefined when it did not say. */
  maxTokensPerUser: number | undefined;
}

export abstract class DialogSettingsElement extends ClientConfigMixin(PatElement) {
  /**
   * Expiration presets offered by the form, in days (default: the server's, else `[7, 30, 60, 90]`).
   * 30 is chosen first, or the allowed preset nearest to it.
   */
  @property({ attribute: false }) presets: readonly number[] | undefined = undefined;

  /**
   * Offer "No expiration" (sent as `expiresInDays: null`); never offered when `max-lifetime-days` is
   * set. Unset: as the server says, else not offered.
   */
  @property({ type: Boolean, attribute: 'allow-no-expiration' }) allowNoExpiration: boolean | undefined = undefined;

  /** Longest lifetime a token may get, in days: limits the presets and the custom date. Unset: the server's maximum, if any. */
  @property({ type: Number, attribute: 'max-lifetime-days' }) maxLifetimeDays: number | undefined = undefined;

  /**
   * Passed to the reveal: a ready-to-paste example with `{token}` where the new secret goes, e.g.
   * `curl -H "Authorization: Bearer {token}" https://api.example.com/me`.
   */
  @property({ attribute: 'usage-template' }) usageTemplate: string | undefined = undefined;

  /** Longest name accepted, in characters (the contract's limit when unset or not a number of at least 1). */
  @property({ type: Number, attribute: 'max-name-length' }) maxNameLength: number = NAME_MAX_LENGTH;

  /** Longest description accepted, in characters (the contract's limit when unset or not a number of at least 1). */
  @property({ type: Number, attribute: 'max-description-length' }) maxDescriptionLength: number = DESCRIPTION_MAX_LENGTH;

  /**
   * The permissions a token can be limited to (unset: the server's catalogue, if it sends one). With
   * a catalogue the form asks for at least one (entries with `default: true` checked first) and the
   * list shows each token's by label; without one a token has all of the user's permissions.
   */
  @property({ attribute: false }) scopes: readonly Scope[] | undefined = undefined;

  /**
   * How long a regenerated token's predecessor may keep working, in hours (0–168), offered in the
   * regenerate form (default `0 1 24 168`, within the server's maximum). Attribute: hours separated
   * by commas or spaces, e.g. `grace-periods="0 1 24 168"`.
   */
  @property({ attribute: 'grace-periods', converter: parseGracePeriods }) gracePeriods: readonly number[] | undefined = undefined;

  /** The server's catalogue and policy, from the list answer: the list's own, passed on to its dialog. */
  @state() protected serverSettings: ServerSettings | undefined = undefined;

  readonly #settings = memo<Settings>();

  /** The settings in force: what the host set, field by field, else what the server said, else the defaults. */
  protected get settings(): Settings {
    const server = this.serverSettings;
    const policy = server?.policy;
    const lang = this.localize.lang;
    const host = [this.presets, this.allowNoExpiration, this.maxLifetimeDays, this.gracePeriods, this.scopes] as const;
    return this.#settings([...host, server, lang], () => {
      const hostMaxLifetime = normalizeMaxLifetime(this.maxLifetimeDays);
      return {
        // A bad catalogue is used without its invalid entries, and reported once (through whichever element meets it first).
        catalogue: scopeCatalogue(this.scopes ?? server?.scopes, lang, (error) => this.emit('pat-error', { operation: 'config', error })),
        presets: this.presets ?? policy?.presets ?? DEFAULT_PRESETS,
        // The host's maximum is a promise that every token expires; the server states both itself.
        allowNoExpiration: hostMaxLifetime === undefined && (this.allowNoExpiration ?? policy?.allowNoExpiration ?? false),
        maxLifetimeDays: hostMaxLifetime ?? normalizeMaxLifetime(policy?.maxLifetimeDays ?? undefined),
        gracePeriods: allowedGracePeriods(this.gracePeriods ?? DEFAULT_GRACE_PERIODS, policy?.maxGracePeriodHours),
        maxTokensPerUser: policy?.maxTokensPerUser,
      };
    });
  }

  /** The scope catalogue in force, checked and in this element's language. */
  protected get catalogue(): ScopeCatalogue | undefined {
    return this.settings.catalogue;
  }
}

/** Every setting's name: each reactive property of this class, the inherited ones included. */
const SETTINGS = [...DialogSettingsElement.elementProperties.keys()] as (keyof DialogSettingsElement)[];

/** Passes every setting of `from` on to `to` (an unchanged one costs `to` no update). */
export function passDialogSettings(from: DialogSettingsElement, to: DialogSettingsElement): void {
  for (const name of SETTINGS) (to as unknown as Record<string, unknown>)[name] = from[name];
}
