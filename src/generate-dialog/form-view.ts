/**
 * The generate form as the dialog shows it: heading, what the token will be allowed to do, a
 * failure no field can show, the fields of its mode (create: name, description, expiration and,
 * with a catalogue, scopes; regenerate: which token, expiration and grace period), and its buttons.
 */
import { html, nothing } from 'lit';
import { describeError } from '../internal/strings.js';
import { descriptionField } from './fields/description-field.js';
import { expirationField } from './fields/expiration-field.js';
import type { FieldContext } from './fields/field.js';
import { graceField } from './fields/grace-field.js';
import { nameField } from './fields/name-field.js';
import { regenerateSummary } from './fields/regenerate-summary.js';
import { scopesField } from './fields/scopes-field.js';
import type { FormFailure } from './generate-form.js';

export interface FormViewContext extends FieldContext {
  /** A request is in flight. */
  pending: boolean;
  submit: (event: SubmitEvent) => void;
  close: () => void;
}

export function formView(context: FormViewContext) {
  const { form, localize, pending, close } = context;
  const s = localize.strings;
  const { target, catalogue, failure, gone } = form;
  return html`
    <form part="form" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${context.submit}>
      <h2 id="heading" part="heading">${target ? s.dialogRegenerateHeading : s.dialogHeading}</h2>
      <p class="note" part="note">${target ? s.dialogRegenerateNote : catalogue ? s.dialogScopedNote : s.dialogPermissionsNote}</p>
      ${failure ? failureAlert(context, failure) : nothing}
      ${target ? regenerateSummary(context, target) : [nameField(context), descriptionField(context)]} ${expirationField(context)}
      ${target ? graceField(context) : catalogue ? scopesField(context, catalogue) : nothing}
      <div class="actions" part="actions">
        ${
          gone
            ? html`<button type="button" id="gone-close" part="button cancel-button" class="primary" @click=${close}>
                ${s.dialogClose}
              </button>`
            : html`
                <button type="button" part="button cancel-button" @click=${close}>${s.dialogCancel}</button>
                <button id="submit" type="submit" part="button submit-button" class="primary" aria-disabled=${pending ? 'true' : nothing}>
                  ${pending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${submitLabel(context)}
                </button>
              `
        }
      </div>
    </form>
  `;
}

function submitLabel({ form, localize, pending }: FormViewContext): string {
  const s = localize.strings;
  if (form.target) return pending ? s.dialogRegenerateSubmitting : s.dialogRegenerateSubmit;
  return pending ? s.dialogSubmitting : s.dialogSubmit;
}

function failureAlert({ localize }: FormViewContext, failure: FormFailure) {
  const s = localize.strings;
  const message =
    failure.kind === 'gone'
      ? s.dialogTokenGone
      : failure.kind === 'not-configured'
        ? s.dialogNotConfigured
        : describeError(failure.error, s);
  const details = failure.kind === 'error' ? failure.details : [];
  return html`
    <div class="form-error" part="error" role="alert">
      <p>${message}</p>
      ${
        details.length
          ? html`<ul>
              ${details.map((detail) => html`<li>${detail}</li>`)}
            </ul>`
          : nothing
      }
    </div>
  `;
}
