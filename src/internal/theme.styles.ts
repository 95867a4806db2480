import { css } from 'lit';

/**
 * The theme every element starts from: the public `--pat-*` custom properties with their one set
 * of defaults, resolved into private `--_*` values, and the one look of buttons and form controls.
 *
 * Defaults follow the host page: text and borders derive from the inherited `currentColor`, the
 * surfaces of dialogs from `Canvas` in the page's `color-scheme`, accents use `light-dark()`. So a
 * dialog in a dark page is as dark as the list beside it, and nothing here sets a `color-scheme`
 * of its own (forcing "light dark" would turn an element dark on a light-only page whenever the
 * OS prefers dark). Field borders are strong enough to find the field (3:1 against the surface,
 * WCAG 1.4.11); other rules are quieter.
 */
export const themeStyles = css`
  :host {
    --_accent: var(--pat-accent-color, light-dark(#0969da, #4493f8));
    --_accent-text: var(--pat-accent-text-color, light-dark(#ffffff, #0d1117));
    --_danger: var(--pat-danger-color, light-dark(#d1242f, #f85149));
    --_danger-text: var(--pat-danger-text-color, light-dark(#ffffff, #0d1117));
    --_warning: var(--pat-warning-color, light-dark(#9a6700, #d29922));
    --_success: var(--pat-success-color, light-dark(#1a7f37, #3fb950));
    --_border: var(--pat-border-color, color-mix(in srgb, currentColor 18%, transparent));
    --_field-border: var(--pat-field-border-color, color-mix(in srgb, currentColor 55%, transparent));
    --_muted: var(--pat-muted-color, color-mix(in srgb, currentColor 68%, transparent));
    --_surface: var(--pat-surface-color, Canvas);
    --_surface-text: var(--pat-surface-text-color, CanvasText);
    --_field-bg: var(--pat-field-background, color-mix(in srgb, currentColor 3%, var(--_surface)));
    --_field-text: var(--pat-field-color, currentColor);
    --_button-bg: var(--pat-button-background, transparent);
    --_radius: var(--pat-radius, 0.375rem);
    --_space: var(--pat-spacing, 0.75rem);
    --_mono: var(--pat-font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font: inherit;
    /* A page's centred text (Vite's React template has one) would centre counts, labels and cells. */
    text-align: start;
  }

  :host([hidden]) {
    display: none;
  }

  button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    box-sizing: border-box;
    min-height: 2.25rem;
    margin: 0;
    padding: 0.35em 0.9em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_button-bg);
    color: inherit;
    font: inherit;
    font-weight: 500;
    line-height: 1.2;
    white-space: nowrap;
    cursor: pointer;
  }

  button:hover {
    background: color-mix(in srgb, currentColor 7%, var(--_button-bg));
  }

  button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }

  button.primary:hover {
    background: color-mix(in srgb, var(--_accent) 88%, black);
  }

  button.danger {
    color: var(--_danger);
  }

  button.danger.solid {
    border-color: var(--_danger);
    background: var(--_danger);
    color: var(--_danger-text);
  }

  /* Busy: the button says what it is doing (and shows a spinner). */
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  /*
   * Not allowed yet (not busy): drawn as an outline, not a faded accent, which on a dark page
   * reads as active.
   */
  button.primary.unavailable {
    border-color: var(--_border);
    background: transparent;
    color: var(--_muted);
    opacity: 1;
    cursor: not-allowed;
  }

  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    box-sizing: border-box;
    margin: 0;
    padding: 0.4375rem 0.625rem;
    border: 1px solid var(--_field-border);
    border-radius: var(--_radius);
    background: var(--_field-bg);
    color: var(--_field-text);
    font: inherit;
  }

  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    button.primary,
    button.danger.solid {
      border-color: ButtonText;
    }

    button.primary.unavailable {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
