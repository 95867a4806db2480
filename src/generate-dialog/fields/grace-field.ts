import { html, nothing } from 'lit';
import { now } from '../../internal/clock.js';
import { graceEnd } from '../expiration.js';
import { describedBy, field, invalid, type FieldContext } from './field.js';

const GRACE_END_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** Regenerate: how long the current token keeps working. An expired token has nothing to keep. */
export function graceField(context: FieldContext) {
  const { form, localize, disabled } = context;
  if (form.targetExpired) return nothing;
  const chosen = form.grace;
  return field(
    context,
    'grace',
    localize.strings.dialogGraceLabel,
    html`
      <select
        id="grace"
        part="select"
        name="grace"
        ?disabled=${disabled}
        aria-invalid=${invalid(context, 'grace')}
        aria-describedby=${describedBy(context, 'grace', 'grace-summary')}
        @change=${(event: Event) => form.chooseGrace(Number((event.target as HTMLSelectElement).value))}
      >
        ${form.gracePeriods.map(
          (hours) => html`<option value=${String(hours)} .selected=${hours === chosen}>${graceLabel(context, hours)}</option>`,
        )}
      </select>
      <p id="grace-summary" class="hint" part="hint" aria-live="polite">${graceSummary(context, chosen)}</p>
    `,
  );
}

/** "Immediately", "1 hour", "24 hours", "7 days": whole days from two days up. */
function graceLabel({ localize }: FieldContext, hours: number): string {
  if (hours === 0) return localize.strings.dialogGraceImmediately;
  return hours >= 48 && hours % 24 === 0 ? localize.plural('dialogGraceDays', hours / 24) : localize.plural('dialogGraceHours', hours);
}

function graceSummary({ form, localize }: FieldContext, hours: number): string {
  const end = graceEnd(now(), hours, form.target!);
  if (hours === 0 || end.getTime() <= now().getTime()) return localize.strings.dialogGraceNone;
  return localize.term('dialogGraceUntil', { date: localize.dateFormat(GRACE_END_FORMAT).format(end) });
}
