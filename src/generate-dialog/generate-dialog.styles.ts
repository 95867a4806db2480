import { css } from 'lit';
import { controlStyles } from '../internal/control.styles.js';
import { spinnerStyles } from '../internal/spinner.styles.js';

export const generateDialogStyles = [
  controlStyles,
  spinnerStyles,
  css`
  :host {
    --_accent: var(--pat-accent-color, light-dark(#0969da, #4493f8));
    --_accent-text: var(--pat-accent-text-color, light-dark(#ffffff, #0d1117));
    --_border: var(--pat-border-color, light-dark(#d1d9e0, #3d444d));
    --_muted: var(--pat-muted-color, light-dark(#59636e, #9198a1));
    --_warning: var(--pat-warning-color, light-dark(#9a6700, #d29922));
    --_danger: var(--pat-danger-color, light-dark(#d1242f, #f85149));
    --_radius: var(--pat-radius, 0.375rem);
    font: inherit;
    color: inherit;
  }

  dialog {
    box-sizing: border-box;
    width: min(var(--pat-dialog-width, 34rem), calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: var(--pat-dialog-padding, 1.5rem);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--pat-surface-color, Canvas);
    color: var(--pat-surface-text-color, CanvasText);
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
    box-sizing: border-box;
    width: 100%;
    margin: 0;
    padding: 0.4375rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--pat-field-background, Field);
    color: var(--pat-field-color, FieldText);
    font: inherit;
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

  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }

  button[aria-disabled='true'] {
    cursor: progress;
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
