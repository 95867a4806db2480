/**
 * The one frame of the generate form's fields — a label, the control and what is said under it,
 * then the field's error — and what every field template is given to render itself.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../internal/localize.js';
import type { Field, FieldError, GenerateForm } from '../generate-form.js';

const RANGE_DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

/** What a field template renders from: the form, the words, and whether its controls take input. */
export interface FieldContext {
  form: GenerateForm;
  localize: LocalizeController;
  /** A request is in flight, or there is nothing left to send. */
  disabled: boolean;
}

/** A field's error in the page's language. */
function errorText({ localize }: FieldContext, error: FieldError): string {
  if ('server' in error) return error.server;
  if (error.key !== 'dialogDateOutOfRange') return localize.term(error.key, error);
  const format = localize.dateFormat(RANGE_DATE_FORMAT);
  return localize.term(error.key, { min: format.format(error.min), max: format.format(error.max) });
}

/** `aria-invalid` of a field's control. */
export function invalid({ form }: FieldContext, field: Field): 'true' | 'false' {
  return form.errors[field] ? 'true' : 'false';
}

/** `aria-describedby` of a field's control: its hint, then its error. */
export function describedBy({ form }: FieldContext, field: Field, hintId?: string): string | typeof nothing {
  const ids = [hintId, form.errors[field] ? `${field}-error` : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

/** The field's error under it (`#{field}-error`, which its control is described by). */
export function fieldError(context: FieldContext, field: Field): TemplateResult | typeof nothing {
  const error = context.form.errors[field];
  return error ? html`<p id="${field}-error" class="field-error" part="field-error">${errorText(context, error)}</p>` : nothing;
}

/** A field: its label (for the control with the field's id), the control and what goes under it, its error. */
export function field(context: FieldContext, name: Field, label: string, content: TemplateResult): TemplateResult {
  return html`
    <div class="field" part="field">
      <label for=${name} part="label">${label}</label>
      ${content} ${fieldError(context, name)}
    </div>
  `;
}
