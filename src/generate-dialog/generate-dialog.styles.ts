import { css } from 'lit';
import { spinnerStyles } from '../internal/spinner.styles.js';
import { themeStyles } from '../internal/theme.styles.js';

/** The dialog's layout on top of the shared theme (colours, buttons, fields: `theme.styles.ts`). */
export const generateDialogStyles = [
  themeStyles,
  spinnerStyles,
  css`

  dialog {
    box-sizing: border-box;
    width: min(var(--pat-dialog-width, 34rem), calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: var(--pat-dialog-padding, 1.5rem);
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

  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25em;
    line-height: 1.3;
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

  input,
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

  .expiry.never {
    color: var(--_warning);
    font-weight: 600;
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
