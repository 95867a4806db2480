/**
 * Table or cards, decided by measuring rather than by a breakpoint: the list is a table wherever
 * the table fits its box — every column at its natural width, names wrapping only between words —
 * and a list of cards everywhere else. How wide a table must be depends on the language, the font,
 * the names and which columns there are; a fixed width guessed for English would be wrong for
 * German, for a host's larger font, or for a settings column narrower than the viewport.
 *
 * The decision is a class on the frame around the table, set without a render: the table's DOM is
 * the same in both layouts, only its styles change. The element's width is observed (only while a
 * table is rendered) and checked again a frame later, outside the observer's callback, so the
 * change of height that a switch causes is never a "resize loop".
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface LayoutControllerOptions {
  /** The element around the table that carries the layout class; null while no table is rendered. */
  frame: () => HTMLElement | null;
  /** Called after the layout switched, or the list's width changed (rows wrap differently). */
  onChange: () => void;
  /** Whether the rows are placeholders (the loading skeleton): fitted in the next frame, not at once. */
  provisional?: () => boolean;
}

export const CARDS_CLASS = 'cards';

export class LayoutController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #frameOf: () => HTMLElement | null;
  readonly #onChange: () => void;
  readonly #provisional: () => boolean;
  #frame: HTMLElement | null = null;
  #cards = false;
  #recheck = true;
  #resizeObserver: ResizeObserver | undefined;
  #width = -1;
  #pendingFrame = 0;
  #provisionalFrame = 0;

  constructor(host: ReactiveControllerHost & Element, options: LayoutControllerOptions) {
    (this.#host = host).addController(this);
    this.#frameOf = options.frame;
    this.#onChange = options.onChange;
    this.#provisional = options.provisional ?? (() => false);
  }

  /** Whether the rows are shown as cards (the table does not fit). */
  get cards(): boolean {
    return this.#cards;
  }

  /** The rows, columns or strings changed: the next update measures whether the table fits. */
  recheck(): void {
    this.#recheck = true;
  }

  hostUpdated(): void {
    const frame = this.#host.isConnected ? this.#frameOf() : null;
    if (frame !== this.#frame) {
      this.#frame = frame;
      this.#recheck = true;
      if (frame) this.#observe();
      else this.#unobserve();
    }
    // In the table layout a check costs one layout the browser does anyway; in cards it costs a
    // layout of the table, so only when something that changes its width did.
    if (!frame || !(this.#recheck || !this.#cards)) return;
    cancelAnimationFrame(this.#provisionalFrame);
    // The skeleton is fitted in the next frame, where the browser lays it out anyway: rows that come
    // before then (a fast answer) replace it unmeasured, so the first screen forces one layout.
    if (this.#provisional())
      this.#provisionalFrame = requestAnimationFrame(() => this.#frame && this.#fit(this.#frame) && this.#onChange());
    else if (this.#fit(frame)) this.#onChange();
  }

  hostDisconnected(): void {
    this.#frame = null;
    this.#unobserve();
  }

  /** Measures and sets the layout; true when it switched. */
  #fit(frame: HTMLElement): boolean {
    this.#recheck = false;
    const table = frame.querySelector('table');
    if (!table) return false;
    const before = this.#cards;
    if (before) frame.classList.remove(CARDS_CLASS);
    // A table wider than its box can only be narrowed by breaking words or overflowing: cards.
    const cards = table.getBoundingClientRect().width > frame.clientWidth + 0.5;
    frame.classList.toggle(CARDS_CLASS, cards);
    this.#cards = cards;
    return cards !== before;
  }

  #observe(): void {
    // jsdom (hosts' unit tests) has no ResizeObserver: the layout is then fitted once per change.
    if (this.#resizeObserver || typeof ResizeObserver !== 'function') return;
    this.#resizeObserver = new ResizeObserver(([entry]) => {
      const width = entry!.contentBoxSize[0]!.inlineSize;
      if (Math.abs(width - this.#width) < 0.5) return;
      const first = this.#width < 0;
      this.#width = width;
      if (first) return;
      cancelAnimationFrame(this.#pendingFrame);
      this.#pendingFrame = requestAnimationFrame(() => {
        if (!this.#frame) return;
        this.#fit(this.#frame);
        this.#onChange();
      });
    });
    this.#resizeObserver.observe(this.#host);
  }

  #unobserve(): void {
    cancelAnimationFrame(this.#pendingFrame);
    cancelAnimationFrame(this.#provisionalFrame);
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#width = -1;
  }
}
