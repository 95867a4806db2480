/**
 * Where keyboard focus is in the list, and where it goes: the focused row (which windowing keeps
 * rendered, with its neighbours, wherever the page is scrolled), Home / End / PageUp / PageDown
 * from row to row, the arrow keys within a row (to its dates, which are not Tab stops), and where
 * focus lands when what had it goes away (a removed row, a dismissed message, a closed dialog
 * whose opener is gone). Every move of focus the list makes is here.
 */
import type { ReactiveControllerHost } from 'lit';
import { scrollingAncestors, visibleBand } from './window-controller.js';

/** Keys that move focus between rows while it is on something in a row (the page would scroll anyway). */
const ROW_KEYS = new Set(['Home', 'End', 'PageUp', 'PageDown']);

/** What the arrow keys move between in a row: its dates (`tabindex="-1"`), links and buttons, in reading order. */
const IN_ROW = 'time, a[href], button';

export type RowFocusHost = ReactiveControllerHost & Element & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface RowFocusOptions {
  /** The ids of the rows shown, in their order (the filtered, sorted view). */
  ids: () => readonly string[];
}

export class RowFocusController {
  readonly #host: RowFocusHost;
  readonly #ids: () => readonly string[];
  /** The row that last had focus: it and its neighbours stay rendered wherever the page scrolls. */
  #focusedRowId: string | undefined;

  constructor(host: RowFocusHost, options: RowFocusOptions) {
    this.#host = host;
    this.#ids = options.ids;
  }

  /**
   * The rows windowing renders wherever the page is scrolled, as indices into `ids`: the focused
   * row and its neighbours (so Tab and Shift+Tab always find the next row), and `held` rows (one a
   * dialog asks about, or will return focus to).
   */
  kept(ids: readonly string[], held: readonly (string | undefined)[]): number[] {
    const keep: number[] = [];
    // A few lookups a render: a scan costs less than a map of every id built per view.
    const focused = this.#focusedRowId === undefined ? -1 : ids.indexOf(this.#focusedRowId);
    if (focused >= 0) keep.push(focused - 1, focused, focused + 1);
    for (const id of held) if (id !== undefined) keep.push(ids.indexOf(id));
    return keep;
  }

  // ——— Moving focus ———

  /** Focuses what `selector` finds in the row (its first button if nothing), rendering it first. */
  async focusRow(id: string, selector: string): Promise<void> {
    this.#focusedRowId = id;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const row = this.rowOf(id);
    (row?.querySelector<HTMLElement>(selector) ?? row?.querySelector<HTMLElement>('button'))?.focus();
  }

  /** Focuses that row's button (Delete unless said otherwise), or the fallback when it is gone. */
  focusButton(id?: string, action = 'delete'): void {
    ((id && this.buttonOf(id, action)) || this.fallback())?.focus();
  }

  /**
   * Removes a row with `remove`. If focus was in it, it goes to the same place in the next row (the
   * previous one after the last), which is rendered wherever the page is scrolled.
   */
  async removeRow(id: string, remove: () => void): Promise<void> {
    const row = this.rowOf(id);
    const focusWasInRow = !!row && row.contains(this.#active());
    const neighbourId = this.#neighbourOf(id);
    if (focusWasInRow) this.#focusedRowId = neighbourId;
    remove();
    if (!focusWasInRow) return;
    await this.#host.updateComplete;
    this.focusButton(neighbourId);
  }

  /** Whether focus is nowhere in the list (it was on something that went away). */
  get lost(): boolean {
    return !this.#active();
  }

  // ——— Lookups ———

  rowOf(id: string): HTMLTableRowElement | null {
    // A scan, not `CSS.escape`: jsdom (hosts' unit tests) has no `CSS`. Rendered rows are few.
    const rows = this.#host.renderRoot.querySelectorAll<HTMLTableRowElement>('tr[data-id]');
    return [...rows].find((row) => row.dataset.id === id) ?? null;
  }

  buttonOf(id: string, action: string): HTMLButtonElement | null {
    return this.rowOf(id)?.querySelector(`button[data-action="${action}"]`) ?? null;
  }

  /** Where focus goes when what had it disappears and no row can take it. */
  fallback(): HTMLElement | null {
    const root = this.#host.renderRoot;
    const slot = root.querySelector<HTMLSlotElement>('slot[name=generate-button]');
    // The slotted replacement if there is one, else our own button.
    const generate = slot && ((slot.assignedElements()[0] as HTMLElement | undefined) ?? slot.querySelector('button'));
    return generate ?? root.querySelector<HTMLElement>('.empty-heading') ?? root.querySelector('table');
  }

  #active(): Element | null {
    return (this.#host.renderRoot as ShadowRoot).activeElement;
  }

  /** The row after this one in the view, else the one before. */
  #neighbourOf(id: string): string | undefined {
    const ids = this.#ids();
    const index = ids.indexOf(id);
    return ids[index + 1] ?? ids[index - 1];
  }

  // ——— Listening (on the table) ———

  readonly onFocusIn = (event: FocusEvent): void => {
    const row = (event.target as Element).closest<HTMLElement>('tr[data-id]');
    if (!row || row.dataset.id === this.#focusedRowId) return;
    this.#focusedRowId = row.dataset.id;
    // Render the new focus's neighbours, so the next Tab or Shift+Tab finds them.
    if (row.hasAttribute('aria-rowindex')) this.#host.requestUpdate();
  };

  /**
   * Home, End, PageUp and PageDown on anything focusable in a row move focus to the same thing in
   * the first, the last, or a page's worth of rows further: the keyboard reaches the end of a long
   * list at once, and Tab goes on from where focus landed rather than from a row far away. A page
   * is what the list can show at once: the viewport, or the host's scrolling panel it is in.
   */
  readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('tr[data-id]');
    if (!row || target === row) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') return this.#across(event, row, target);
    if (!ROW_KEYS.has(event.key)) return;
    const ids = this.#ids();
    const from = Math.max(0, ids.indexOf(row.dataset.id!));
    const [top, bottom] = visibleBand(scrollingAncestors(this.#host));
    const page = Math.max(1, Math.floor((bottom - top) / Math.max(1, row.getBoundingClientRect().height)) - 1);
    const last = ids.length - 1;
    const to = { Home: 0, End: last, PageUp: Math.max(0, from - page), PageDown: Math.min(last, from + page) }[event.key]!;
    event.preventDefault();
    if (to !== from) void this.focusRow(ids[to]!, sameFocusable(target));
  };

  /**
   * Left and Right move to the previous and next date, link or button of the row (mirrored right
   * to left): a row's exact times are a key away without making every date a Tab stop.
   */
  #across(event: KeyboardEvent, row: HTMLElement, target: HTMLElement): void {
    const stops = [...row.querySelectorAll<HTMLElement>(IN_ROW)];
    const forward = (event.key === 'ArrowRight') === (getComputedStyle(row).direction !== 'rtl');
    const next = stops[stops.indexOf(target) + (forward ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }
}

/** A selector for the same control in another row: the same action's button, or the same cell's date. */
function sameFocusable(element: HTMLElement): string {
  const action = element.dataset.action;
  if (action) return `button[data-action="${action}"]`;
  const cell = element
    .closest('[part~="cell"]')
    ?.getAttribute('part')
    ?.split(' ')
    .find((part) => part.endsWith('-cell'));
  return cell ? `[part~="${cell}"] time` : 'button';
}
