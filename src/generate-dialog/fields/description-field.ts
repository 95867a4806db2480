import { html } from 'lit';
import { describedBy, field, invalid, type FieldContext } from './field.js';

/** The token's optional description. */
export function descriptionField(context: FieldContext) {
  const { form, localize, disabled } = context;
  return field(
    context,
    'description',
    localize.strings.dialogDescriptionLabel,
    html`
      <textarea
        id="description"
        part="input description-input"
        name="description"
        rows="3"
        .value=${form.description}
        ?disabled=${disabled}
        aria-invalid=${invalid(context, 'description')}
        aria-describedby=${describedBy(context, 'description')}
        @input=${(event: Event) => form.setDescription((event.target as HTMLTextAreaElement).value)}
      ></textarea>
    `,
  );
}
