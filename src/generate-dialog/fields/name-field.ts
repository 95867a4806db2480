import { html } from 'lit';
import { describedBy, field, invalid, type FieldContext } from './field.js';

/** The token's name, with a hint on what it is for. First in the create form, and focused when it opens. */
export function nameField(context: FieldContext) {
  const { form, localize, disabled } = context;
  const s = localize.strings;
  return field(
    context,
    'name',
    s.dialogNameLabel,
    html`
      <input
        id="name"
        part="input name-input"
        name="name"
        autocomplete="off"
        required
        autofocus
        .value=${form.name}
        ?disabled=${disabled}
        aria-invalid=${invalid(context, 'name')}
        aria-describedby=${describedBy(context, 'name', 'name-hint')}
        @input=${(event: Event) => form.setName((event.target as HTMLInputElement).value)}
      />
      <p id="name-hint" class="hint" part="hint">${s.dialogNameHint}</p>
    `,
  );
}
