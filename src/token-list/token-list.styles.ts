import { css } from 'lit';
import { spinnerStyles } from '../internal/spinner.styles.js';
import { themeStyles } from '../internal/theme.styles.js';

/** The list's layout on top of the shared theme (colours, buttons, fields: `theme.styles.ts`). */
export const tokenListStyles = [
  themeStyles,
  spinnerStyles,
  css`
  :host {
    display: block;
    container: pat-token-list / inline-size;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  p {
    margin: 0;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .spinner {
    width: 0.9em;
    height: 0.9em;
  }

  /* ——— Toolbar ——— */

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-block-end: var(--_space);
  }

  .count {
    margin-inline-end: auto;
    color: var(--_muted);
  }

  .filter input {
    width: min(16rem, 100%);
    min-height: 2.25rem;
    padding: 0.35em 0.6em;
  }

  .filter input::placeholder {
    color: var(--_muted);
  }

  /* ——— Messages ——— */

  .alert,
  .load-failure,
  .empty {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
    margin-block-end: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .alert,
  .load-failure {
    border-color: color-mix(in srgb, var(--_danger) 55%, transparent);
    background: color-mix(in srgb, var(--_danger) 8%, transparent);
  }

  .alert p,
  .load-failure [role='alert'] {
    flex: 1 1 16rem;
  }

  .failure-heading,
  .empty-heading {
    font-weight: 600;
  }

  .empty {
    flex-direction: column;
    align-items: flex-start;
    padding: calc(var(--_space) * 2);
    border-style: dashed;
  }

  .empty p:not(.empty-heading) {
    color: var(--_muted);
    max-width: 60ch;
  }

  /* ——— Table ——— */

  table {
    width: 100%;
    border-collapse: collapse;
  }

  /* Many tokens: a scroll box in which only the rows near its visible part are rendered. */
  .windowed {
    max-height: var(--pat-max-height, 40rem);
    overflow-y: auto;
  }

  .windowed thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_surface);
  }


  th,
  td {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  thead th {
    padding-block: calc(var(--_space) * 0.5);
    color: var(--_muted);
    font-weight: 600;
    white-space: nowrap;
  }

  .sort-button {
    gap: 0.3em;
    min-height: 0;
    margin: -0.2em -0.35em;
    padding: 0.2em 0.35em;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    font-weight: inherit;
    cursor: pointer;
  }

  .sort-button:hover {
    background: color-mix(in srgb, currentColor 7%, transparent);
  }

  .sort-indicator::after {
    content: '↕' / '';
    opacity: 0.45;
  }

  [aria-sort='ascending'] .sort-indicator::after {
    content: '↑' / '';
    opacity: 1;
  }

  [aria-sort='descending'] .sort-indicator::after {
    content: '↓' / '';
    opacity: 1;
  }

  .name-cell {
    font-weight: 400;
    overflow-wrap: anywhere;
  }

  .name {
    font-weight: 600;
  }

  .description {
    display: block;
    margin-block-start: 0.15em;
    color: var(--_muted);
    font-size: 0.925em;
  }

  .key {
    font-family: var(--_mono);
    font-size: 0.925em;
    white-space: nowrap;
  }

  code {
    font: inherit;
  }

  .mask {
    margin-inline-start: 0.1em;
    color: var(--_muted);
    letter-spacing: 0.05em;
  }

  time,
  .never {
    white-space: nowrap;
  }

  .secondary,
  .never {
    color: var(--_muted);
  }

  .secondary {
    display: block;
    font-size: 0.925em;
  }

  .badge {
    display: inline-block;
    margin-inline-start: 0.4em;
    padding: 0.05em 0.5em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.8em;
    font-weight: 600;
    white-space: nowrap;
    vertical-align: 0.1em;
  }

  .expired-badge {
    color: var(--_danger);
  }

  .expiring-badge {
    color: var(--_warning);
  }

  .new-badge {
    color: var(--_accent);
  }

  .actions-cell {
    padding-block: calc(var(--_space) * 0.4);
    text-align: end;
    white-space: nowrap;
  }

  /* A stripe rather than a tint: a tinted background would lower the text's contrast. */
  tr.new > :first-child {
    box-shadow: inset 3px 0 0 var(--_accent);
    animation: new-row 2.5s ease-out;
  }

  @keyframes new-row {
    from {
      box-shadow: inset 0.6rem 0 0 var(--_accent);
    }
  }


  .no-matches td {
    padding-block: calc(var(--_space) * 2);
    text-align: center;
  }

  .no-matches p {
    margin-block-end: var(--_space);
  }

  .bone {
    display: block;
    height: 0.9em;
    width: 70%;
    border-radius: var(--_radius);
    background: color-mix(in srgb, currentColor 10%, transparent);
    animation: pulse 1.4s ease-in-out infinite;
  }

  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }

  table:focus-visible {
    outline-offset: 4px;
  }

  /* ——— Cards, below 600 px of the element's own width ——— */

  @container pat-token-list (width < 600px) {
    table,
    tbody {
      display: block;
    }

    thead tr {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      margin-block-end: calc(var(--_space) * 0.5);
    }

    thead tr::before {
      content: attr(data-label) / '';
      color: var(--_muted);
    }

    thead th {
      display: block;
      padding: 0;
      border: 0;
    }

    /* Only the sortable headers make sense as a row of sort buttons. */
    thead th:not(.sortable) {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    tbody tr {
      display: flex;
      flex-direction: column;
      gap: 0.35rem;
      padding: var(--_space);
      margin-block-end: calc(var(--_space) * 0.75);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    tbody th,
    tbody td {
      display: grid;
      grid-template-columns: 5rem minmax(0, 1fr);
      align-items: baseline;
      justify-items: start;
      column-gap: calc(var(--_space) * 0.75);
      padding: 0;
      border: 0;
    }

    tbody td[data-label]::before {
      content: attr(data-label) / '';
      grid-row: 1 / span 2;
      color: var(--_muted);
    }

    tbody td[data-label] > * {
      grid-column: 2;
    }

    .mask {
      letter-spacing: 0;
    }

    tbody td .badge {
      margin-inline-start: 0;
      margin-block-start: 0.2em;
    }

    tbody .name-cell {
      display: block;
      margin-block-end: 0.25rem;
    }

    tbody .actions-cell {
      display: block;
      text-align: start;
      margin-block-start: 0.25rem;
    }

    .secondary {
      display: inline;
      margin-inline-start: 0.4em;
    }

    .skeleton td,
    .no-matches td {
      display: block;
    }

    .windowed thead th {
      position: static;
    }

    tbody tr.spacer {
      display: block;
      margin: 0;
      padding: 0;
      border: 0;
    }
  }

  /* ——— Confirmation dialog ——— */

  dialog {
    max-width: min(30rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 1.75);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
    color: var(--_surface-text);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  dialog h2 {
    margin: 0 0 0.5rem;
    font-size: 1.15em;
    overflow-wrap: anywhere;
  }

  .confirm-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-block-start: calc(var(--_space) * 1.5);
  }

  @media (prefers-reduced-motion: reduce) {
    .bone,
    tr.new > :first-child {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    /* Without colours, a borderless header button would read as plain text. */
    .sort-button {
      border: 1px solid ButtonText;
    }
  }
`,
];
