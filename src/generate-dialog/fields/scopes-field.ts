import { html, nothing } from 'lit';
import type { LocalScope, ScopeCatalogue } from '../../internal/scope-catalogue.js';
import { fieldError, type FieldContext } from './field.js';

/** A group with more scopes than this gets a "select all" checkbox. */
const SELECT_ALL_FROM = 4;

/**
 * With a scope catalogue: the permissions the token gets, as checkboxes under their groups'
 * legends, each described; a group of four or more has "select all". At least one is required.
 * The catalogue's text is the host's or the server's, in any language: each piece takes its own
 * direction (`dir="auto"`) inside a line aligned as the page is, so an English description on an
 * Arabic page reads left to right, its full stop where English puts it.
 */
export function scopesField(context: FieldContext, catalogue: ScopeCatalogue) {
  const { form, localize, disabled } = context;
  const s = localize.strings;
  const selected = form.selectedScopes;
  let index = 0;
  const option = (scope: LocalScope) => {
    const id = `scope-${index++}`;
    return html`
      <div class="scope" part="scope">
        <input
          id=${id}
          type="checkbox"
          .checked=${selected.has(scope.id)}
          aria-describedby=${scope.description ? `${id}-description` : nothing}
          @change=${() => form.toggleScopes([scope.id], !selected.has(scope.id))}
        />
        <label for=${id}><span dir="auto">${scope.label}</span></label>
        ${scope.description ? html`<p id="${id}-description" class="hint"><span dir="auto">${scope.description}</span></p>` : nothing}
      </div>
    `;
  };
  return html`
    <fieldset class="scopes" part="scopes" ?disabled=${disabled} aria-describedby=${form.errors.scopes ? 'scopes-error' : nothing}>
      <legend part="label">${s.dialogScopesLabel}</legend>
      ${fieldError(context, 'scopes')}
      ${catalogue.groups.map(({ name, scopes }) => {
        if (name === undefined) return scopes.map(option);
        const ids = scopes.map((scope) => scope.id);
        const checked = ids.filter((id) => selected.has(id)).length;
        const allId = `scope-all-${index++}`;
        return html`
          <fieldset class="scope-group" part="scope-group">
            <legend><span dir="auto">${name}</span></legend>
            ${
              scopes.length >= SELECT_ALL_FROM
                ? html`<div class="scope select-all" part="scope">
                    <input
                      id=${allId}
                      type="checkbox"
                      .checked=${checked === ids.length}
                      .indeterminate=${checked > 0 && checked < ids.length}
                      @change=${() => form.toggleScopes(ids, checked < ids.length)}
                    />
                    <label for=${allId}>${s.dialogScopesSelectAll}</label>
                  </div>`
                : nothing
            }
            ${scopes.map(option)}
          </fieldset>
        `;
      })}
    </fieldset>
  `;
}
