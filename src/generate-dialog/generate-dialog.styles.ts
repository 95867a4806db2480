import { css } from 'lit';
import { spinnerStyles } from '../internal/spinner.styles.js';
import { themeStyles } from '../internal/theme.styles.js';

/** The dialog's layout on top of the shared theme (colours, buttons, fields: `theme.styles.ts`). */
export const generateDialogStyles = [
  themeStyles,
  spinnerStyles,
  css`
    /*
   * The top edge stays where it is (no re-centring) while the content grows or shrinks: an error,
   * the date picker or the reveal's status must not move what the user is looking at.
   */
    dialog {
      box-sizing: border-box;
      width: min(var(--pat-dialog-width, 36rem), calc(100vw - 2rem));
      max-height: calc(100dvh - var(--_top) - 1rem);
      margin-block: var(--_top) auto;
      padding: var(--pat-dialog-padding, clamp(1rem, 4vw, 1.5rem));
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 2);
      background: var(--_surface);
      color: var(--_surface-text);
      font: inherit;
      box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.25);
    }

    dialog::backdrop {
      background: var(--pat-backdrop-color, rgb(0 0 0 / 0.45));
    }

    :host {
      --_top: min(10dvh, 5rem);
    }

    /* The reveal's Done stays at the bottom of a dialog that scrolls, over the dialog's own surface. */
    pat-token-reveal {
      --_actions-position: sticky;
      --_actions-background: var(--_surface);
      --_actions-rule: 0 -1px 0 var(--_border);
    }

    /* Room for the close button in the corner, beside the dialog's heading and the reveal's. */
    h2,
    pat-token-reveal::part(heading) {
      padding-inline-end: 2.5rem;
    }

    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.25em;
      line-height: 1.3;
    }

    .close {
      position: absolute;
      inset-block-start: 0.75rem;
      inset-inline-end: 0.75rem;
      width: 2.25rem;
      padding: 0;
      border-color: transparent;
      font-size: 1.5em;
      font-weight: 400;
      line-height: 1;
    }

    .summary {
      display: grid;
      gap: 0.5rem;
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    /* The label beside its value where both fit, above it on a phone. */
    .summary div {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75rem;
    }

    .summary dt {
      flex: 0 0 7rem;
    }

    .summary dd {
      flex: 1 1 12rem;
    }

    .summary dt {
      color: var(--_muted);
    }

    .summary dd {
      margin: 0;
      overflow-wrap: anywhere;
    }

    .summary .name {
      font-weight: 600;
    }

    .scope-list {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    fieldset {
      min-width: 0;
      margin: 0 0 1rem;
      padding: 0;
      border: 0;
    }

    legend {
      padding: 0;
      font-weight: 600;
    }

    .scopes > legend {
      margin-bottom: 0.5rem;
    }

    .scope-group {
      margin: 0.5rem 0 0;
      padding-top: 0.5rem;
      border-top: 1px solid var(--_border);
    }

    .scope-group > legend {
      float: left;
      width: 100%;
      margin-bottom: 0.25rem;
      color: var(--_muted);
      font-size: 0.875em;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }

    /* Checkbox, then its label; the description under the label. */
    .scope {
      clear: both;
      display: grid;
      grid-template-columns: 1.5rem 1fr;
      column-gap: 0.5rem;
      align-items: start;
      padding-block: 0.25rem;
    }

    .scope input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0.1rem 0 0;
    }

    .scope label {
      font-weight: 500;
      overflow-wrap: anywhere;
    }

    .scope .hint {
      grid-column: 2;
      overflow-wrap: anywhere;
    }

    .select-all label {
      font-weight: 600;
    }

    .note {
      margin: 0 0 1.25rem;
      color: var(--_muted);
    }

    .field {
      display: grid;
      gap: 0.25rem;
      margin-bottom: 1rem;
    }

    label {
      font-weight: 600;
    }

    input:not([type='checkbox']),
    select,
    textarea {
      width: 100%;
    }

    textarea {
      min-height: 4.5em;
      resize: vertical;
    }

    [aria-invalid='true'] {
      border-color: var(--_danger);
    }

    :disabled {
      opacity: 0.7;
    }

    .hint,
    .expiry {
      margin: 0;
      color: var(--_muted);
      font-size: 0.875em;
    }

    .expiry.never,
    .hint.warning {
      color: var(--_warning);
      font-weight: 600;
    }

    /* A key reads left to right in every language, in the mono font; its mask is quieter. */
    .key {
      direction: ltr;
      unicode-bidi: isolate;
      font-family: var(--_mono);
      font-size: 0.925em;
      white-space: nowrap;
    }

    code {
      font: inherit;
    }

    .mask {
      font-weight: 400;
      opacity: 0.7;
    }

    .field-error {
      margin: 0;
      color: var(--_danger);
      font-size: 0.875em;
      font-weight: 600;
    }

    .form-error {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border: 1px solid var(--_danger);
      border-radius: var(--_radius);
      color: var(--_danger);
    }

    .form-error p,
    .form-error ul {
      margin: 0;
    }

    .form-error ul {
      padding-inline-start: 1.25rem;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      justify-content: flex-end;
      margin-top: 1.5rem;
    }

    .spinner {
      display: inline-block;
      width: 0.875em;
      height: 0.875em;
      margin-inline-end: 0.5em;
      vertical-align: -0.125em;
    }
  `,
];
