/**
 * Windowing against the page's own scroll: of a long list, only the rows in and near the visible
 * part of the viewport are in the DOM; spacers stand in for the others, so the page is as tall as
 * the whole list and its scrollbar, wheel, keyboard scrolling and find-in-page scroll proportions
 * stay true. There is no inner scroll box: a box inside a page means two scrollbars, a page that
 * ends before the list does, and on a phone a small window onto a long list.
 *
 * "Visible" is the viewport clipped by every scrolling ancestor (through shadow roots), so a list
 * placed in a host's scrolling panel windows against that panel. Rows may differ in height (cards,
 * wrapped names): each rendered row is measured, unmeasured ones count as the average so far, and
 * the browser's scroll anchoring keeps what the user looks at in place while estimates become
 * measurements. Nothing is listened to while the list is short enough to render whole.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { memo } from '../internal/memo.js';

export interface WindowControllerOptions {
  /** The element the rows are rendered into; null until it is. */
  container: () => HTMLElement | null;
  /** The attribute on each rendered row that holds its key (its token's id). */
  keyAttribute: string;
  /** Rows rendered beyond each edge of the visible part, so a wheel turn or a Tab finds them ready. */
  overscan?: number;
  /** A row's height in px until one is measured. */
  estimatedHeight?: number;
}

/** The element the list is in: its ancestors are what may scroll it. */
export type WindowHost = ReactiveControllerHost & Element;

/** A row to render (by index), or a run of rows `[from, to)` that a spacer stands in for. */
export type WindowSlot = { index: number } | { gap: readonly [from: number, to: number] };

/** The attribute a spacer carries (`data-gap="from-to"`): the rows it stands in for. */
export const GAP_ATTRIBUTE = 'data-gap';

const DEFAULT_OVERSCAN = 6;
const DEFAULT_ESTIMATED_HEIGHT = 56;
/** The viewport height assumed before anything was measured (the first render of a long list). */
const ASSUMED_VIEWPORT = 900;

export class WindowController implements ReactiveController {
  readonly #host: WindowHost;
  readonly #container: () => HTMLElement | null;
  readonly #keyAttribute: string;
  readonly #overscan: number;
  readonly #defaultHeight: number;

  /** Measured heights by key; cleared when the rows' width changes (they wrap differently). */
  readonly #heights = new Map<string, number>();
  #measuredSum = 0;
  /** Bumped whenever a height changes, so the offsets are rebuilt once rather than per lookup. */
  #version = 0;
  readonly #offsets = memo<Float64Array>();

  /** The keys of the last layout and its contiguous window `[start, end)`. */
  #keys: readonly string[] = [];
  #window: readonly [number, number] = [0, 0];
  /** The visible part, in px from the container's top, as last seen. */
  #visible: readonly [number, number] = [0, ASSUMED_VIEWPORT];
  #laidOutThisUpdate = false;

  #listening = false;
  #scrollers: Element[] = [];

  constructor(host: WindowHost, options: WindowControllerOptions) {
    (this.#host = host).addController(this);
    this.#container = options.container;
    this.#keyAttribute = options.keyAttribute;
    this.#overscan = options.overscan ?? DEFAULT_OVERSCAN;
    this.#defaultHeight = options.estimatedHeight ?? DEFAULT_ESTIMATED_HEIGHT;
  }

  /** Whether the last update laid out a window (and so the controller is listening to scrolls). */
  get active(): boolean {
    return this.#listening;
  }

  /** The height a row not measured yet counts as: the average of those measured. */
  get estimatedHeight(): number {
    return this.#heights.size ? this.#measuredSum / this.#heights.size : this.#defaultHeight;
  }

  /**
   * Call while rendering, with every row's key in order: returns what to render. `keep` are indices
   * rendered wherever the window is (the focused row and its neighbours, so Tab and Shift+Tab always
   * reach the next row; a row a dialog will return focus to). A render that does not call this
   * turns windowing off until one does.
   */
  layout(keys: readonly string[], keep: Iterable<number> = []): WindowSlot[] {
    this.#laidOutThisUpdate = true;
    this.#keys = keys;
    const count = keys.length;
    const [first, last] = this.#indicesIn(this.#visible);
    const start = Math.max(0, first - this.#overscan);
    const end = Math.min(count, last + this.#overscan);
    this.#window = [start, end];

    const indices = new Set<number>();
    for (let index = start; index < end; index++) indices.add(index);
    for (const index of keep) if (index >= 0 && index < count) indices.add(index);
    const slots: WindowSlot[] = [];
    let next = 0;
    for (const index of [...indices].sort((a, b) => a - b)) {
      if (index > next) slots.push({ gap: [next, index] });
      slots.push({ index });
      next = index + 1;
    }
    if (count > next) slots.push({ gap: [next, count] });
    return slots;
  }

  /**
   * Forgets every measurement; the next update measures anew. Call it when the rows change width
   * or layout (they wrap differently): the controller itself observes no element.
   */
  invalidate(): void {
    if (!this.#heights.size) return;
    this.#heights.clear();
    this.#measuredSum = 0;
    this.#version++;
    this.#host.requestUpdate();
  }

  /** The height, in px, that the rows `[from, to)` take or are estimated to take. */
  heightOf(from: number, to: number): number {
    const offsets = this.#currentOffsets();
    return offsets[to]! - offsets[from]!;
  }

  hostUpdated(): void {
    const laidOut = this.#laidOutThisUpdate;
    this.#laidOutThisUpdate = false;
    const container = this.#container();
    if (!laidOut || !container || !this.#host.isConnected) {
      this.#listen(false);
      return;
    }
    this.#listen(true);
    this.#measure(container);
    this.#sizeSpacers(container);
    this.#checkCoverage();
  }

  hostDisconnected(): void {
    this.#listen(false);
  }

  // ——— Geometry ———

  /** Offsets of every row's top from the container's top, plus the total at the end. */
  #currentOffsets(): Float64Array {
    const keys = this.#keys;
    return this.#offsets([keys, this.#version], () => {
      const estimate = this.estimatedHeight;
      const values = new Float64Array(keys.length + 1);
      for (let i = 0; i < keys.length; i++) values[i + 1] = values[i]! + (this.#heights.get(keys[i]!) ?? estimate);
      return values;
    });
  }

  /** The rows `[first, last)` that intersect `[top, bottom)` px; the nearest ones when none do. */
  #indicesIn([top, bottom]: readonly [number, number]): [number, number] {
    const count = this.#keys.length;
    if (!count) return [0, 0];
    const offsets = this.#currentOffsets();
    const first = Math.min(count - 1, this.#rowAt(offsets, Math.max(0, top)));
    const last = Math.max(first + 1, Math.min(count, this.#rowAt(offsets, Math.max(0, bottom - 1)) + 1));
    return [first, last];
  }

  /** The index of the row whose extent holds `y` (binary search; the last row past the end). */
  #rowAt(offsets: Float64Array, y: number): number {
    let low = 0;
    let high = offsets.length - 2;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (offsets[middle]! <= y) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** The visible part of the viewport, clipped by every scrolling ancestor, in the container's px. */
  #readVisible(container: HTMLElement): readonly [number, number] {
    const [top, bottom] = visibleBand(this.#scrollers);
    const offset = container.getBoundingClientRect().top;
    return [top - offset, bottom - offset];
  }

  #measure(container: HTMLElement): void {
    let changed = false;
    for (const row of container.children) {
      const key = row.getAttribute(this.#keyAttribute);
      if (key === null) continue;
      const height = row.getBoundingClientRect().height;
      const known = this.#heights.get(key);
      if (known !== undefined && Math.abs(known - height) < 0.5) continue;
      this.#measuredSum += height - (known ?? 0);
      this.#heights.set(key, height);
      changed = true;
    }
    if (changed) this.#version++;
  }

  /** Spacer heights are set through the CSSOM: a `style` attribute would break a strict CSP. */
  #sizeSpacers(container: HTMLElement): void {
    for (const spacer of container.querySelectorAll<HTMLElement>(`:scope > [${GAP_ATTRIBUTE}]`)) {
      const [from, to] = spacer.getAttribute(GAP_ATTRIBUTE)!.split('-').map(Number);
      spacer.style.height = `${this.heightOf(from!, to!)}px`;
    }
  }

  /** Renders again when the visible rows are not all inside the rendered window. */
  #checkCoverage = (): void => {
    const container = this.#container();
    if (!container || !this.#listening) return;
    this.#visible = this.#readVisible(container);
    const [first, last] = this.#indicesIn(this.#visible);
    const [start, end] = this.#window;
    if (first < start || last > end) this.#host.requestUpdate();
  };

  // ——— Listening, only while windowing ———

  /** Starts or stops listening to the scrolls and resizes that can move the visible part. */
  #listen(on: boolean): void {
    if (on === this.#listening) return;
    this.#listening = on;
    if (on) this.#scrollers = scrollingAncestors(this.#host);
    const method = on ? 'addEventListener' : 'removeEventListener';
    for (const target of [window, ...this.#scrollers]) target[method]('scroll', this.#checkCoverage, { passive: true });
    window[method]('resize', this.#checkCoverage, { passive: true });
    if (!on) this.#scrollers = [];
  }
}

/**
 * The part of the viewport that the scrollers (an element's scrolling ancestors) let be seen,
 * `[top, bottom]` in viewport px: what "visible" and "a page" mean inside a host's scrolling panel.
 */
export function visibleBand(scrollers: readonly Element[]): [top: number, bottom: number] {
  let top = 0;
  let bottom = window.innerHeight;
  for (const scroller of scrollers) {
    const rect = scroller.getBoundingClientRect();
    top = Math.max(top, rect.top + scroller.clientTop);
    bottom = Math.min(bottom, rect.top + scroller.clientTop + scroller.clientHeight);
  }
  return [top, Math.max(top, bottom)];
}

/**
 * Every ancestor (through shadow roots and slots) that clips vertically, nearest first. The root
 * element and a body whose overflow is the viewport's are the viewport itself, already counted.
 */
export function scrollingAncestors(element: Element): Element[] {
  const found: Element[] = [];
  const root = document.documentElement;
  const bodyIsViewport = getComputedStyle(root).overflowY === 'visible';
  for (let node = composedParent(element); node && node !== root; node = composedParent(node)) {
    if (node === document.body && bodyIsViewport) continue;
    if (getComputedStyle(node).overflowY !== 'visible') found.push(node);
  }
  return found;
}

function composedParent(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
