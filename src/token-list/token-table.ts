/**
 * The list's table around its rows: the caption, the column headers (sortable ones are buttons),
 * and what stands in for rows — a spacer for rows windowing leaves out, a message when the filter
 * matches nothing. One DOM for both layouts; the stylesheet makes cards of it where the table does
 * not fit, and then one "Sort by" select stands in for the headers (one control, not a bar of
 * buttons that takes a phone's screen).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../internal/localize.js';
import type { Columns } from './token-row.js';
import { FIRST_DIRECTION, type SortKey, type TokenSort } from './token-view.js';

export interface TableInput {
  localize: LocalizeController;
  columns: Columns;
  sort: TokenSort;
  /** Loading: `aria-busy`. */
  busy: boolean;
  /** Every row's count (headers included) while only some are rendered; undefined when all are. */
  rowCount: number | undefined;
  /** The rows. */
  body: unknown;
  onClick: (event: Event) => void;
  onFocusIn: (event: FocusEvent) => void;
  onKeydown: (event: KeyboardEvent) => void;
  /** The card layout's sort select: its value is `key direction`. */
  onSortChange: (event: Event) => void;
}

export function tokenTable(input: TableInput): TemplateResult {
  const { localize, columns, sort, busy, rowCount, body, onClick, onFocusIn, onKeydown } = input;
  const s = localize.strings;
  const sortHeader = (key: SortKey, label: string) => {
    const sorted = sort.key === key ? sort.direction : undefined;
    return html`<th scope="col" part="header" class="sortable" aria-sort=${sorted ?? nothing}>
      <button type="button" part="button sort-button" class="sort-button" data-action="sort" data-sort-key=${key}>
        ${label}<span class="sort-indicator" aria-hidden="true"></span>
      </button>
    </th>`;
  };
  // The frame's class (table or cards) belongs to the layout controller: no binding here.
  return html`<div class="frame">
    ${sortSelect(input)}
    <table
      part="table"
      tabindex="-1"
      aria-busy=${busy ? 'true' : 'false'}
      aria-rowcount=${rowCount ?? nothing}
      @click=${onClick}
      @focusin=${onFocusIn}
      @keydown=${onKeydown}
    >
      <caption part="caption" class="visually-hidden">
        ${s.tableCaption}
      </caption>
      <thead>
        <tr part="header-row" data-label=${s.sortBy} aria-rowindex=${rowCount === undefined ? nothing : 1}>
          ${sortHeader('name', s.columnName)}
          <th scope="col" part="header">${s.columnKey}</th>
          ${sortHeader('createdAt', s.columnCreated)} ${sortHeader('expiresAt', s.columnExpires)}
          ${columns.lastUsed ? sortHeader('lastUsedAt', s.columnLastUsed) : nothing}
          ${columns.scopes ? html`<th scope="col" part="header">${s.columnScopes}</th>` : nothing}
          <th scope="col" part="header"><span class="visually-hidden">${s.columnActions}</span></th>
        </tr>
      </thead>
      <tbody>
        ${body}
      </tbody>
    </table>
  </div>`;
}

/** Each sortable column in both directions, its first one first ("Created, latest first"). */
function sortSelect({ localize, columns, sort, onSortChange }: TableInput): TemplateResult {
  const s = localize.strings;
  const keys: [SortKey, string][] = [
    ['createdAt', s.columnCreated],
    ['name', s.columnName],
    ['expiresAt', s.columnExpires],
  ];
  if (columns.lastUsed) keys.push(['lastUsedAt', s.columnLastUsed]);
  const flip = { ascending: 'descending', descending: 'ascending' } as const;
  return html`<label class="control sort-control">
    <span class="control-label">${s.sortBy}</span>
    <select @change=${onSortChange}>
      ${keys.flatMap(([key, column]) =>
        [FIRST_DIRECTION[key], flip[FIRST_DIRECTION[key]]].map((direction) => {
          const words =
            key === 'name'
              ? direction === 'ascending'
                ? 'sortAToZ'
                : 'sortZToA'
              : direction === 'ascending'
                ? 'sortEarliestFirst'
                : 'sortLatestFirst';
          return html`<option value="${key} ${direction}" .selected=${sort.key === key && sort.direction === direction}>
            ${localize.term(words, { column })}
          </option>`;
        }),
      )}
    </select>
  </label>`;
}

/** Stands in for the rows `[from, to)`; no cells: it is no row of data, for assistive technology or anything else. */
export function spacerRow([from, to]: readonly [number, number]): TemplateResult {
  return html`<tr class="spacer" aria-hidden="true" data-gap=${`${from}-${to}`}></tr>`;
}

/** The filter matched nothing: says so, with a button that clears it. */
export function noMatchesRow(localize: LocalizeController, filter: string, columns: Columns): TemplateResult {
  return html`<tr class="no-matches">
    <td colspan=${4 + Number(columns.lastUsed) + Number(columns.scopes)}>
      <p>${localize.term('noMatches', { filter: filter.trim() })}</p>
      <button type="button" part="button clear-filter-button" data-action="clear-filter">${localize.strings.clearFilter}</button>
    </td>
  </tr>`;
}
