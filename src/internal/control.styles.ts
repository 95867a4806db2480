import { css } from 'lit';

/**
 * The base look of the dialog's and the reveal's buttons and their focus ring. Each element sets
 * the private `--_border`, `--_radius` and `--_accent` it draws them with, and adds its variants.
 */
export const controlStyles = css`
  button {
    font: inherit;
    padding: 0.4375rem 0.875rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--pat-button-background, transparent);
    color: inherit;
    cursor: pointer;
  }

  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;
