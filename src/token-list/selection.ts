/**
 * Which tokens are selected for a bulk delete. What counts is the selected tokens the filters show
 * (`of`): a token deleted or filtered away leaves the selection's count and its delete, and the
 * select-all checkbox selects exactly what the filters show, rendered or not (windowing).
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { Token } from '../api/schemas.js';
import type { LocalizeController } from '../internal/localize.js';
import { memo } from '../internal/memo.js';

export class Selection {
  readonly #host: ReactiveControllerHost;
  #ids: ReadonlySet<string> = new Set();
  readonly #of = memo<readonly Token[]>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** The selected tokens of `view`, in its order; the same array while neither changed. */
  of(view: readonly Token[]): readonly Token[] {
    const ids = this.#ids;
    return this.#of([view, ids], () => (ids.size ? view.filter((token) => ids.has(token.id)) : []));
  }

  /** Selects or unselects these tokens. */
  set(tokens: readonly Pick<Token, 'id'>[], on: boolean): void {
    const ids = new Set(this.#ids);
    for (const { id } of tokens)
      if (on) ids.add(id);
      else ids.delete(id);
    this.#ids = ids;
    this.#host.requestUpdate();
  }

  clear(): void {
    if (!this.#ids.size) return;
    this.#ids = new Set();
    this.#host.requestUpdate();
  }

  /**
   * The checkbox that selects every token of `view` (or, when all are, none): in the Name header
   * of the table, with a visible label above the cards. Mixed while some are.
   */
  renderAll(localize: LocalizeController, view: readonly Token[], visibleLabel: boolean) {
    if (!view.length) return nothing;
    const chosen = this.of(view).length;
    const box = html`<input
      type="checkbox"
      part="select-all"
      class="select"
      aria-label=${visibleLabel ? nothing : localize.strings.selectAll}
      .checked=${chosen === view.length}
      .indeterminate=${chosen > 0 && chosen < view.length}
      @change=${() => this.set(view, chosen < view.length)}
    />`;
    return visibleLabel ? html`<label class="select-all">${box}${localize.strings.selectAll}</label>` : box;
  }
}
