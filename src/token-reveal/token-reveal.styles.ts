import { css } from 'lit';
import { controlStyles } from '../internal/control.styles.js';

export const tokenRevealStyles = [
  controlStyles,
  css`
  :host {
    --_accent: var(--pat-accent-color, light-dark(#0969da, #4493f8));
    --_accent-text: var(--pat-accent-text-color, light-dark(#ffffff, #0d1117));
    --_border: var(--pat-border-color, light-dark(#d1d9e0, #3d444d));
    --_muted: var(--pat-muted-color, light-dark(#59636e, #9198a1));
    --_warning: var(--pat-warning-color, light-dark(#9a6700, #d29922));
    --_success: var(--pat-success-color, light-dark(#1a7f37, #3fb950));
    --_danger: var(--pat-danger-color, light-dark(#d1242f, #f85149));
    --_radius: var(--pat-radius, 0.375rem);
    --_field-bg: var(--pat-field-background, light-dark(#f6f8fa, #151b23));
    display: block;
    font: inherit;
    color: inherit;
  }

  :host([hidden]) {
    display: none;
  }

  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.125em;
    line-height: 1.3;
  }

  .warning {
    margin: 0 0 1rem;
    color: var(--_warning);
    font-weight: 600;
  }

  label {
    display: block;
    margin-bottom: 0.25rem;
    font-weight: 600;
  }

  .secret-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: flex-start;
  }

  textarea {
    box-sizing: border-box;
    flex: 1 1 16rem;
    width: 100%;
    min-width: 0;
    margin: 0;
    padding: 0.5rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_field-bg);
    color: inherit;
    font-family: var(--pat-font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 0.9375em;
    line-height: 1.5;
    /* A token has no spaces: break anywhere so 255+ characters wrap instead of scrolling sideways. */
    word-break: break-all;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
    field-sizing: content;
    resize: none;
  }

  .usage {
    margin-top: 1rem;
  }

  button {
    white-space: nowrap;
  }

  button[aria-pressed='false'] {
    color: var(--_muted);
  }

  button.copied {
    border-color: var(--_success);
  }

  .status {
    min-height: 1.5em;
    margin: 0.75rem 0 0;
  }

  .status.failed {
    color: var(--_danger);
  }

  .acknowledge {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    margin-top: 0.75rem;
    font-weight: normal;
  }

  /* 24 × 24 px: the minimum target size (WCAG 2.5.8), even where the label is not the target. */
  .acknowledge input {
    flex: none;
    margin: 0;
    width: 1.5rem;
    height: 1.5rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    justify-content: flex-end;
    margin-top: 1rem;
  }

  .done {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }

  .done[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }

  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .hint.nudged {
    color: var(--_danger);
    font-weight: 600;
  }

  @media (forced-colors: active) {
    .done[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
`,
];
