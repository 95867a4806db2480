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

    /* ——— Toolbar: the count and the generate button, the filters on a line of their own ——— */

    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 0.75) var(--_space);
      margin-block-end: var(--_space);
    }

    .count {
      flex: 1 1 auto;
      color: var(--_muted);
    }

    .controls {
      order: 1;
      display: flex;
      flex: 1 1 100%;
      flex-wrap: wrap;
      align-items: end;
      gap: calc(var(--_space) * 0.75) var(--_space);
    }

    .limit-note {
      order: 1;
      flex: 1 1 100%;
      margin: 0;
      padding-inline-start: calc(var(--_space) * 0.75);
      border-inline-start: 3px solid var(--_warning);
      color: var(--_muted);
    }

    /* A control with its label above it, always visible. */
    .control {
      display: grid;
      gap: 0.2rem;
    }

    .control-label {
      font-size: 0.875em;
      font-weight: 600;
    }

    .filter {
      flex: 1 1 14rem;
      max-width: 24rem;
    }

    .control input,
    .control select {
      min-height: 2.25rem;
      padding: 0.35em 0.6em;
    }

    .filter input::placeholder {
      color: var(--_muted);
    }

    /* ——— Messages ——— */

    .alert,
    .empty {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 0.5) var(--_space);
      padding: calc(var(--_space) * 0.75) var(--_space);
      margin-block-end: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    .alert {
      border-color: color-mix(in srgb, var(--_danger) 55%, transparent);
      background: color-mix(in srgb, var(--_danger) 8%, transparent);
    }

    /* The message takes the line; a row's failed delete has its own width (below). */
    [role='alert'] {
      flex: 1 1 16rem;
    }

    /*
   * The notice of a delete floats at the bottom of the window, over the page: the rows do not move
   * when it comes or goes (it leaves by itself). Empty, it stays in the page as a live region.
   */
    .notice {
      position: fixed;
      z-index: 3;
      inset-block-end: 1rem;
      inset-inline: 1rem;
      width: fit-content;
      max-width: min(32rem, calc(100% - 2rem));
      margin-inline: auto;
      padding: 0.6em 1em;
      border-radius: var(--_radius);
      background: var(--_surface-text);
      color: var(--_surface);
      box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.25);
    }

    .notice:not(.shown) {
      clip-path: inset(50%);
      padding: 0;
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

    /* ——— Table: the name takes what the other columns leave ——— */

    .frame {
      /* The containing block of the visually hidden labels: they never stick out of the list. */
      position: relative;
    }

    table {
      width: 100%;
      border-collapse: collapse;
    }

    th,
    td {
      padding: calc(var(--_space) * 0.6) calc(var(--_space) * 0.5);
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

    /* Every column but the name is as wide as its content; the name gets the rest. */
    tr > :not(:first-child) {
      width: 1px;
      white-space: nowrap;
    }

    /* A line of its own under the name or a date: what replaced a token, why it was revoked, a nudge. */
    .line {
      display: block;
      margin-block-start: 0.1em;
      color: var(--_muted);
      font-size: 0.925em;
      font-weight: 400;
      white-space: normal;
    }

    /* A header may wrap between its words ("Last / used"): the column is as wide as its dates. */
    thead .sortable,
    .sort-button {
      white-space: normal;
      text-align: start;
    }

    /* Wide enough for a name to be read at a glance; narrower, and the list becomes cards. */
    .name-cell {
      min-width: 9em;
      font-weight: 400;
    }

    .sort-button {
      gap: 0.3em;
      min-height: 0;
      margin: -0.2em -0.35em;
      padding: 0.2em 0.35em;
      border: 0;
      background: transparent;
      font-weight: inherit;
    }

    .sort-button:hover {
      background: color-mix(in srgb, currentColor 7%, transparent);
    }

    .sort-indicator::after {
      content: '↕' / '';
      opacity: 0.45;
    }

    /* A sorted column's header has aria-sort, ascending or descending. */
    [aria-sort] .sort-indicator::after {
      content: '↑' / '';
      opacity: 1;
    }

    [aria-sort='descending'] .sort-indicator::after {
      content: '↓' / '';
    }

    .name {
      font-weight: 600;
    }

    /*
     * The name opens the token's activity: underlined as a link, and no wider than the name. At
     * least 24 px tall to hit (WCAG 2.5.8) by padding that the negative margin keeps out of the line.
     */
    .name-button {
      display: inline;
      min-height: 0;
      margin-block: -3px;
      padding: 3px 0;
      border: 0;
      border-radius: 2px;
      background: transparent;
      font-weight: inherit;
      line-height: inherit;
      white-space: normal;
      text-align: start;
      text-decoration: underline 1px color-mix(in srgb, currentColor 35%, transparent);
      text-underline-offset: 0.2em;
    }

    .name-button:hover {
      background: transparent;
      text-decoration-color: currentColor;
    }

    /* A row's checkbox (a bulk delete's selection), before its name; the select-all one in the header. */
    /* A 24 px target, as every other control; drawn into the line without making it taller. */
    .select {
      inline-size: 1.5rem;
      block-size: 1.5rem;
      margin-block: -0.25rem;
      margin-inline: 0 0.4em;
      vertical-align: middle;
      accent-color: var(--_accent);
    }

    .select-all {
      display: none;
    }

    .cards .select-all {
      display: flex;
      align-items: center;
      margin-block-end: calc(var(--_space) * 0.75);
    }

    .description {
      display: block;
      margin-block-start: 0.1em;
      color: var(--_muted);
      font-size: 0.925em;
    }

    /* Where a leak was found: a long address wraps anywhere rather than widening the row. */
    .revocation {
      overflow-wrap: anywhere;
    }

    /* A key and a date read left to right in every language: isolated from the page's direction. */
    .key {
      direction: ltr;
      unicode-bidi: isolate;
      font-family: var(--_mono);
      font-size: 0.925em;
      white-space: nowrap;
    }

    code {
      font: inherit;
    }

    .mask {
      color: var(--_muted);
    }

    time {
      position: relative;
      unicode-bidi: plaintext;
      white-space: nowrap;
      border-radius: 2px;
    }

    time[title]:hover {
      text-decoration: underline dotted color-mix(in srgb, currentColor 50%, transparent);
      text-underline-offset: 0.2em;
    }

    /* The exact moment, for the keyboard (a pointer gets the title). */
    time[title]:focus-visible::after {
      content: attr(title) / '';
      position: absolute;
      z-index: 2;
      inset-block-start: calc(100% + 0.35rem);
      inset-inline-start: 0;
      padding: 0.25em 0.55em;
      border-radius: var(--_radius);
      background: var(--_surface-text);
      color: var(--_surface);
      font-size: 0.85em;
      font-weight: 400;
      white-space: nowrap;
      pointer-events: none;
    }

    .muted {
      color: var(--_muted);
    }

    a {
      color: var(--_accent);
    }

    .badge {
      display: inline-block;
      padding: 0 0.5em;
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: 0.8em;
      font-weight: 600;
      line-height: 1.5;
      white-space: nowrap;
      vertical-align: 0.1em;
    }

    /* Under the date, wrapping at the column's width ("Stops working / in 21 hours") rather than widening it. */
    [part~='expires-cell'] {
      min-width: 8.5em;
    }

    [part~='expires-cell'] .badge {
      display: block;
      width: fit-content;
      margin-block-start: 0.2em;
      border-radius: 0.75em;
      white-space: normal;
      text-wrap: balance;
    }

    .expired-badge,
    .revoked-badge {
      color: var(--_danger);
    }

    .expiring-badge,
    .replaced-badge,
    .never-badge {
      color: var(--_warning);
    }

    .new-badge {
      color: var(--_accent);
    }

    /* One permission and "+N more" on one line; all of them, wrapping, once shown. */
    .scopes-cell:has([aria-expanded='true']) {
      white-space: normal;
    }

    .scopes {
      display: inline;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    /* A label in any script reads in its own direction. */
    .scope,
    .scopes-button {
      unicode-bidi: plaintext;
    }

    .scope {
      display: inline-block;
      margin-block: 0.1em;
      margin-inline-end: 0.3em;
      padding: 0 0.5em;
      border-radius: var(--_radius);
      background: color-mix(in srgb, currentColor 8%, transparent);
      font-size: 0.85em;
      line-height: 1.6;
      white-space: nowrap;
    }

    .scopes-button {
      min-height: 1.5rem;
      padding: 0 0.5em;
      background: transparent;
      font-size: 0.85em;
    }

    .actions-cell {
      padding-block: calc(var(--_space) * 0.45);
      text-align: end;
    }

    /* Row actions and a failed delete's: compact, side by side, never outside the list. */
    .actions-cell button,
    .row-error button {
      min-height: 2rem;
      padding: 0.2em 0.5em;
      font-size: 0.875em;
    }

    .actions-cell button + button {
      margin-inline-start: 0.375rem;
    }

    .row-error {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.375rem;
      margin-block-start: 0.4em;
      padding: 0.4em 0.6em;
      border-radius: var(--_radius);
      background: color-mix(in srgb, var(--_danger) 8%, transparent);
    }

    .row-error p {
      flex: 1 1 14rem;
      color: var(--_danger);
      font-weight: 400;
    }

    /*
   * A stripe at the row's start rather than a tint (a tinted background would lower the text's
   * contrast); an inset shadow has no logical direction, so RTL flips its offset.
   */
    :host(:dir(rtl)) {
      --_start: -1;
    }

    .frame:not(.cards) tr[part~='row-new'] > :first-child,
    .cards tr[part~='row-new'] {
      box-shadow: inset calc(3px * var(--_start, 1)) 0 var(--_accent);
    }

    .no-matches td {
      width: auto;
      padding-block: calc(var(--_space) * 2);
      text-align: center;
      white-space: normal;
    }

    .no-matches p {
      margin-block-end: var(--_space);
    }

    /* Placeholders with a real row's line heights, so nothing jumps when the tokens arrive. */
    .bone {
      display: block;
      width: 6em;
      height: 0.9em;
      margin-block: calc((1lh - 0.9em) / 2);
      border-radius: var(--_radius);
      background: color-mix(in srgb, currentColor 10%, transparent);
      animation: pulse 1.4s ease-in-out infinite;
    }

    .name-bone {
      width: min(14em, 70%);
    }

    .description-bone {
      width: min(20em, 90%);
      font-size: 0.925em;
    }

    .button-bone {
      display: inline-block;
      width: 9em;
      height: 2rem;
      margin: 0;
    }

    @keyframes pulse {
      50% {
        opacity: 0.45;
      }
    }

    table:focus-visible {
      outline-offset: 4px;
    }

    /* ——— Cards, wherever the table does not fit (set by measuring: layout-controller.ts) ——— */

    /* One sort control instead of the column headers. */
    .sort-control {
      display: none;
    }

    .cards .sort-control {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
      margin-block-end: calc(var(--_space) * 0.75);
    }

    .cards thead {
      display: none;
    }

    .cards table,
    .cards tbody {
      display: block;
    }

    .cards table {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    /*
   * A card: the name across the top; then each detail with its label above it, in a grid whose
   * columns are the same in every card; the permissions on a line of their own; the actions
   * together at the end.
   */
    .cards tbody tr {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 7.5rem), 1fr));
      gap: calc(var(--_space) * 0.75) var(--_space);
      padding: var(--_space);
      border-block-end: 1px solid var(--_border);
    }

    .cards tbody tr:last-child {
      border-block-end: 0;
    }

    .cards tbody th,
    .cards tbody td {
      width: auto;
      min-width: 0;
      padding: 0;
      border: 0;
      white-space: normal;
    }

    .cards .name-cell,
    .cards .scopes-cell,
    .cards .actions-cell,
    .cards .no-matches td {
      grid-column: 1 / -1;
    }

    .cards .name-cell {
      overflow-wrap: break-word;
    }

    /* The label above its value; isolated, so the two never run together in a page of the other direction. */
    .cards tbody td[data-label]::before {
      content: attr(data-label) / '';
      display: block;
      margin-block-end: 0.1em;
      color: var(--_muted);
      font-size: 0.85em;
      unicode-bidi: isolate;
    }

    .cards .actions-cell {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 0.375rem;
    }

    .cards .actions-cell button + button {
      margin: 0;
    }

    .cards tbody tr.spacer {
      display: block;
      padding: 0;
      border: 0;
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
    }

    /* The token asked about, under the heading: its name on a line of its own, then its key and state. */
    .subject {
      display: grid;
      gap: 0.2rem;
      margin-block-end: 0.75rem;
    }

    .subject-name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    /* A bulk delete's tokens: each as the single delete names it; a long list scrolls. */
    .bulk-list {
      max-height: min(45vh, 22rem);
      overflow: auto;
      margin-block-start: 0;
      padding: 0;
      border-block-start: 1px solid var(--_border);
      list-style: none;
    }

    .bulk-list li {
      display: grid;
      gap: 0.1rem;
      padding-block: 0.4rem;
      border-block-end: 1px solid var(--_border);
    }

    .confirm-actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-block-start: calc(var(--_space) * 1.5);
    }

    @media (prefers-reduced-motion: reduce) {
      .bone {
        animation: none;
      }
    }

    @media (forced-colors: active) {
      /* Without colours, a borderless header button (or the name that opens the activity) would read as plain text. */
      .sort-button,
      .name-button {
        border: 1px solid ButtonText;
      }
    }
  `,
];
