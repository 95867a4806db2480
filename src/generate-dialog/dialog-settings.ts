/**
 * The settings of `<pat-generate-dialog>`, declared once: the backend (`endpoint`, `client`,
 * `headers`, `credentials`), `strings`, and the form's policy below. The dialog extends this class,
 * and so does `<pat-token-list>`, which passes every one of them on to the dialog it composes: a
 * host configures the feature on one tag, and a setting added here reaches both with nothing else
 * to write.
 */
import { property } from 'lit/decorators.js';
import { DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH } from '../api/schemas.js';
import type { Scope } from '../api/scopes.js';
import { ClientConfigMixin } from '../internal/client-config.js';
import { PatElement } from '../internal/pat-element.js';
import { scopeCatalogue, type ScopeCatalogue } from '../internal/scope-catalogue.js';
import { DEFAULT_GRACE_PERIODS, DEFAULT_PRESETS, parseGracePeriods } from './expiration.js';

export abstract class DialogSettingsElement extends ClientConfigMixin(PatElement) {
  /** Expiration presets offered by the form, in days. 30 is chosen first, or the allowed preset nearest to it. */
  @property({ attribute: false }) presets: readonly number[] = DEFAULT_PRESETS;

  /** Offer "No expiration" (sent as `expiresInDays: null`); never offered when `max-lifetime-days` is set. */
  @property({ type: Boolean, attribute: 'allow-no-expiration' }) allowNoExpiration = false;

  /** Longest lifetime a token may get, in days: limits the presets and the custom date. */
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
   * The permissions a token can be limited to. With a catalogue the form asks for at least one
   * (entries with `default: true` checked first) and the list shows each token's by label; without
   * one a token has all of the user's permissions.
   */
  @property({ attribute: false }) scopes: readonly Scope[] | undefined = undefined;

  /**
   * How long a regenerated token's predecessor may keep working, in hours (0–168), offered in the
   * regenerate form. Attribute: hours separated by commas or spaces, e.g. `grace-periods="0 1 24 168"`.
   */
  @property({ attribute: 'grace-periods', converter: parseGracePeriods }) gracePeriods: readonly number[] = DEFAULT_GRACE_PERIODS;

  /** `scopes`, checked (once per catalogue, shared with the elements it is passed to): its invalid entries left out and reported. */
  protected get catalogue(): ScopeCatalogue | undefined {
    return scopeCatalogue(this.scopes, (error) => this.emit('pat-error', { operation: 'config', error }));
  }
}

/** Every setting's name: each reactive property of this class, the inherited ones included. */
const SETTINGS = [...DialogSettingsElement.elementProperties.keys()] as (keyof DialogSettingsElement)[];

/** Passes every setting of `from` on to `to` (an unchanged one costs `to` no update). */
export function passDialogSettings(from: DialogSettingsElement, to: DialogSettingsElement): void {
  for (const name of SETTINGS) (to as unknown as Record<string, unknown>)[name] = from[name];
}
