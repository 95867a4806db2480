import { html } from 'lit';
import type { Token } from '../../api/schemas.js';
import { maskedKey } from '../../internal/masked-key.js';
import type { FieldContext } from './field.js';

/** Regenerate: which token, read-only — its name, its key (two tokens may share a name) and what it may do. */
export function regenerateSummary({ form, localize }: FieldContext, target: Token) {
  const s = localize.strings;
  const scopes = target.scopes;
  const labelOf = (id: string) => form.catalogue?.labelOf(id) ?? id;
  return html`
    <dl class="summary" part="summary">
      <div>
        <dt>${s.dialogNameLabel}</dt>
        <dd class="name">${target.name}</dd>
      </div>
      <div>
        <dt>${s.columnKey}</dt>
        <dd>${maskedKey(target.partialKey)}</dd>
      </div>
      <div>
        <dt>${s.dialogScopesLabel}</dt>
        <dd>
          ${
            scopes?.length
              ? html`<ul class="scope-list">
                  ${scopes.map((id) => html`<li dir="auto">${labelOf(id)}</li>`)}
                </ul>`
              : s.dialogScopesAll
          }
        </dd>
      </div>
    </dl>
  `;
}
