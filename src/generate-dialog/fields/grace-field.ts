import { html, nothing } from 'lit';
import { now } from '../../internal/clock.js';
import { DATE_TIME_ZONE } from '../../internal/locale.js';
import { withKey } from '../../internal/masked-key.js';
import { graceEnd } from '../expiration.js';
import { describedBy, field, invalid, type FieldContext } from './field.js';

/**
 * Regenerate: when the current token stops working. It starts at a day (expiration.ts); "Immediately"
 * comes last, as a choice that says what it breaks. An expired token has nothing to keep.
 */
export function graceField(context: FieldContext) {
  const { form, localize, disabled } = context;
  if (form.targetExpired) return nothing;
  const chosen = form.grace;
  const offered = form.gracePeriods;
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
        ${[...offered.filter((hours) => hours > 0), ...offered.filter((hours) => hours === 0)].map(
          (hours) => html`<option value=${String(hours)} .selected=${hours === chosen}>${graceLabel(context, hours)}</option>`,
        )}
      </select>
      ${graceSummary(context, chosen)}
    `,
  );
}

/** "In 1 hour", "In 24 hours", "In 7 days": whole days from two days up; "Immediately". */
function graceLabel({ localize }: FieldContext, hours: number): string {
  if (hours === 0) return localize.strings.dialogGraceImmediately;
  return hours >= 48 && hours % 24 === 0 ? localize.plural('dialogGraceDays', hours / 24) : localize.plural('dialogGraceHours', hours);
}

function graceSummary({ form, localize }: FieldContext, hours: number) {
  const end = graceEnd(now(), hours, form.target!);
  // Cut off at once: a warning that names the key whose users break.
  if (hours === 0 || end.getTime() <= now().getTime())
    return html`<p id="grace-summary" class="hint warning" part="hint" aria-live="polite">
      ${withKey(localize, 'dialogGraceNone', form.target!.partialKey)}
    </p>`;
  return html`<p id="grace-summary" class="hint" part="hint" aria-live="polite">
    ${localize.term('dialogGraceUntil', { date: localize.dateFormat(DATE_TIME_ZONE).format(end) })}
  </p>`;
}
