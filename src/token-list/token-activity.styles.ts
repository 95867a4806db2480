import { css } from 'lit';

/**
 * The detail view's layout, added to the list's shadow root when the view first loads. The
 * `<dialog>` itself (surface, border, backdrop, heading) is styled with the list's other dialog.
 */
export const tokenActivityStyles = css`
  /* The heading and Close stay in view; what is between them scrolls (a long trail, a phone). */
  dialog.activity {
    box-sizing: border-box;
    width: min(38rem, calc(100vw - 2rem));
    max-width: none;
    max-height: min(44rem, calc(100dvh - 2rem));
    overflow: hidden;
  }

  dialog.activity[open] {
    display: flex;
    flex-direction: column;
  }

  .activity-body {
    flex: 1 1 auto;
    min-height: 0;
    overflow: auto;
    overscroll-behavior: contain;
    /* Room for the focus ring of what scrolls inside. */
    margin-inline: -4px;
    padding-inline: 4px;
  }

  .activity-summary {
    margin: 0 0 var(--_space);
    overflow-wrap: anywhere;
  }

  .activity-section h3 {
    margin: var(--_space) 0 calc(var(--_space) * 0.5);
    font-size: 0.95em;
  }

  .activity-callers,
  .activity-events {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .activity-callers li,
  .activity-events li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.15rem 0.75rem;
    padding-block: calc(var(--_space) * 0.5);
    border-block-start: 1px solid var(--_border);
  }

  .activity-callers li {
    justify-content: space-between;
  }

  .activity-caller,
  .activity-where {
    overflow-wrap: anywhere;
    min-width: 0;
  }

  .activity-events li {
    flex-direction: column;
  }

  .activity-events li:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .activity-callers time,
  .activity-events time,
  .activity-where {
    color: var(--_muted);
    font-size: 0.9em;
  }

  .activity-what {
    font-weight: 500;
  }

  .activity-status {
    margin: calc(var(--_space) * 0.5) 0 0;
    color: var(--_muted);
  }

  .activity-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem var(--_space);
    margin-block-start: calc(var(--_space) * 0.5);
    color: var(--_danger);
  }

  .activity-error p {
    margin: 0;
  }

  .activity-more {
    margin-block-start: calc(var(--_space) * 0.75);
  }

  .activity-actions {
    display: flex;
    flex: none;
    justify-content: flex-end;
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
  }
`;
