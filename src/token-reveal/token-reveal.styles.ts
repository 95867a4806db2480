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

    /* The token's name under the heading, on a line of its own: a long name never reflows the heading. */
    .subject {
      margin: -0.25rem 0 0.75rem;
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    label {
      display: block;
      margin-bottom: 0.25rem;
      font-weight: 600;
    }

    /* The secret's label, with Show / Hide at its end: the box below keeps its line for the secret and Copy. */
    .label-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.25rem 0.5rem;
      margin-bottom: 0.25rem;
    }

    .label-row label {
      margin: 0;
    }

    .label-row button,
    .box button {
      min-height: 2rem;
      padding-block: 0.2em;
    }

    /*
   * The field and its copy button in one box: side by side where the secret fits on one line beside
   * the button (41 characters: a 40-character token and the caret), else the button takes a
   * full-width line of its own below the text, inside the box.
   */
    .box {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
      padding: 0.25rem;
      padding-inline-start: 0.625rem;
      border: 1px solid var(--_field-border);
      border-radius: var(--_radius);
      background: var(--_field-bg);
    }

    .box:has(textarea:focus-visible) {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }

    /* In the secret's own font, so ch is one of its characters; --_full and --_half are set from its length. */
    .text {
      flex: 1000 1 var(--_full, 41ch);
      min-width: 0;
      font-family: var(--_mono);
      font-size: 0.875em;
    }

    .box button {
      flex: 1 0 auto;
      justify-content: center;
    }

    textarea {
      display: block;
      width: 100%;
      padding: 0.375rem 0;
      border: 0;
      background: transparent;
      outline: none;
      font: inherit;
      line-height: 1.5;
      /* A token has no spaces: break anywhere so a long one wraps instead of scrolling sideways. */
      word-break: break-all;
      overflow-wrap: anywhere;
      white-space: pre-wrap;
      field-sizing: content;
      resize: none;
    }

    /*
   * The whole secret on one line where it fits; else in two even halves, not wherever the edge
   * falls: the full width when the line is at least that wide, else the half (the huge factor
   * turns "is it wide enough" into a step), never wider than the line.
   */
    #secret {
      width: min(100%, var(--_full), max(var(--_half), (100% - var(--_full)) * 100000 + var(--_full)));
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

    /*
   * In a dialog that scrolls (a short window, 200 % zoom), Done stays in view at its bottom, over a
   * rule that shows there is more above it; the dialog sets these (a page scrolls on its own).
   */
    .actions {
      position: var(--_actions-position, static);
      inset-block-end: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
      justify-content: flex-end;
      margin-top: 1rem;
      padding-block: 0.5rem;
      background: var(--_actions-background, transparent);
      box-shadow: var(--_actions-rule, none);
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
