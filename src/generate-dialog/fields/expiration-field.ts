import { html, nothing } from 'lit';
import { now } from '../../internal/clock.js';
import { expiryMoment, toDateInputValue } from '../expiration.js';
import { describedBy, field, invalid, type FieldContext } from './field.js';

const EXPIRY_DATE_FORMAT: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };

/**
 * How long the token lives: the presets the policy allows, a custom date (its picker bounded by the
 * policy) and, where allowed, "No expiration"; under it, when the token will expire.
 */
export function expirationField(context: FieldContext) {
  const { form, localize, disabled } = context;
  const s = localize.strings;
  const choice = form.expiration;
  const custom = choice === 'custom';
  const bounds = form.dateBounds;
  return field(
    context,
    'expiration',
    s.dialogExpirationLabel,
    html`
      <select
        id="expiration"
        part="select"
        name="expiration"
        autofocus=${form.target ? '' : nothing}
        ?disabled=${disabled}
        aria-invalid=${custom ? 'false' : invalid(context, 'expiration')}
        aria-describedby=${custom ? 'expiry' : describedBy(context, 'expiration', 'expiry')}
        @change=${(event: Event) => form.chooseExpiration((event.target as HTMLSelectElement).value)}
      >
        ${form.presets.map(
          (days) => html`
            <option value=${String(days)} .selected=${choice === String(days)}>
              ${localize.plural('dialogExpirationDays', days, { days })}
            </option>
          `,
        )}
        <option value="custom" .selected=${custom}>${s.dialogExpirationCustom}</option>
        ${form.noExpirationAllowed ? html`<option value="never" .selected=${choice === 'never'}>${s.dialogExpirationNever}</option>` : nothing}
      </select>
      ${
        custom
          ? html`
              <label for="expiration-date" part="label">${s.dialogCustomDateLabel}</label>
              <input
                id="expiration-date"
                part="input date-input"
                type="date"
                dir="ltr"
                name="expiration-date"
                required
                min=${toDateInputValue(bounds.min)}
                max=${bounds.max ? toDateInputValue(bounds.max) : nothing}
                .value=${form.customDate}
                ?disabled=${disabled}
                aria-invalid=${invalid(context, 'expiration')}
                aria-describedby=${describedBy(context, 'expiration', 'expiry')}
                @input=${(event: Event) => form.setCustomDate((event.target as HTMLInputElement).value)}
              />
            `
          : nothing
      }
      <p id="expiry" class=${choice === 'never' ? 'expiry never' : 'expiry'} part="expiry" aria-live="polite">${expirySummary(context)}</p>
    `,
  );
}

function expirySummary({ form, localize }: FieldContext): string {
  const days = form.expiresInDays;
  if (days === null) return localize.strings.dialogNeverExpires;
  if (days === undefined) return localize.strings.dialogPickDate;
  const date = localize.dateFormat(EXPIRY_DATE_FORMAT).format(expiryMoment(now(), days));
  return localize.term('dialogExpiresOn', { date });
}
