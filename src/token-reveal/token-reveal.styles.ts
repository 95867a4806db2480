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

    /* The one thing to take in before anything else: this is the only time. */
    .banner {
      margin: 0 0 1rem;
      padding: 0.625rem 0.75rem;
      border: 1px solid color-mix(in srgb, var(--_warning) 60%, transparent);
      border-inline-start-width: 0.25rem;
      border-radius: var(--_radius);
      background: color-mix(in srgb, var(--_warning) 10%, transparent);
      font-weight: 600;
    }

    label {
      display: block;
      margin-bottom: 0.25rem;
      font-weight: 600;
    }

    /*
   * The field and its buttons in one box. The text takes a line of its own at 41 characters (a
   * 40-character token and the caret) and wraps only a longer secret; the buttons follow on the
   * same line where there is room, else on the next, inside the box.
   */
    .box {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
      padding: 0.25rem 0.25rem 0.25rem 0.625rem;
      border: 1px solid var(--_field-border);
      border-radius: var(--_radius);
      background: var(--_field-bg);
    }

    .box:has(textarea:focus-visible) {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }

    textarea {
      flex: 1 1 41ch;
      min-width: 0;
      padding: 0.375rem 0;
      border: 0;
      background: transparent;
      outline: none;
      font-family: var(--_mono);
      font-size: 0.875em;
      line-height: 1.5;
      /* A token has no spaces: break anywhere so a long one wraps instead of scrolling sideways. */
      word-break: break-all;
      overflow-wrap: anywhere;
      white-space: pre-wrap;
      field-sizing: content;
      resize: none;
    }

    .box-actions {
      display: flex;
      gap: 0.25rem;
      margin-inline-start: auto;
    }

    .box-actions button {
      min-height: 2rem;
      padding-block: 0.2em;
    }

    .swap {
      display: inline-grid;
    }

    .swap > *,
    .swap::before {
      grid-area: 1 / 1;
    }

    .swap::before {
      content: attr(data-other) / '';
      visibility: hidden;
    }

    .usage {
      margin-top: 1rem;
    }

    button.copied {
      border-color: var(--_success);
    }

    /* Success shows on the button ("Copied") and is announced; only problems take room on screen. */
    .status:not(.failed) {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    .status.failed {
      margin: 0.75rem 0 0;
      color: var(--_danger);
    }

    .acknowledge {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin-top: 1rem;
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

    /* Met: kept, invisible, so Done does not move when the hint goes. */
    .hint.met {
      visibility: hidden;
    }
  `,
];
