import { css } from 'lit';
import { themeStyles } from '../internal/theme.styles.js';

/** The reveal's layout on top of the shared theme (colours, buttons, fields: `theme.styles.ts`). */
export const tokenRevealStyles = [
  themeStyles,
  css`
  :host {
    display: block;
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
    flex: 1 1 16rem;
    width: 100%;
    min-width: 0;
    padding: 0.5rem 0.625rem;
    font-family: var(--_mono);
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

  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .hint.nudged {
    color: var(--_danger);
    font-weight: 600;
  }
`,
];
