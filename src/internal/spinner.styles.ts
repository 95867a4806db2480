import { css } from 'lit';

/**
 * The busy spinner of the list's delete buttons and the dialog's submit button: a border, so it
 * needs no image and nothing inline under a strict CSP. The button's text already says it is busy,
 * so under reduced motion it stands still. Each element sizes and places it.
 */
export const spinnerStyles = css`
  .spinner {
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;
