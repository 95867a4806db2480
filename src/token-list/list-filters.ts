/**
 * What the list is filtered by: the text typed (name, description, key prefix, permissions) and the
 * status chosen, with the handlers of both controls. A whole secret typed, dropped or pasted into
 * the filter is cut to its key prefix before anything keeps it (filter-secret.ts). The status
 * depends on the time: its predicate and counts are rebuilt once a minute, not once a render.
 */
import { nothing, type ReactiveControllerHost } from 'lit';
import type { Token } from '../api/schemas.js';
import type { LocalizeController } from '../internal/localize.js';
import { memo } from '../internal/memo.js';
import { withoutSecret } from './filter-secret.js';
import { statusCounts, statusFilter, statusName } from './status-filter.js';
import { tokenStatus, type TokenStatus } from './token-status.js';

export interface ListFiltersOptions {
  tokens: () => readonly Token[] | undefined;
  localize: LocalizeController;
}

/** What a status depends on: the time of the render, its minute, and the "expiring soon" threshold. */
export interface StatusClock {
  now: Date;
  minute: number;
  soonDays: number;
}

export class ListFilters {
  readonly #host: ReactiveControllerHost;
  readonly #options: ListFiltersOptions;
  #text = '';
  #status: TokenStatus | '' = '';
  readonly #only = memo<((token: Token) => boolean) | undefined>();
  readonly #counts = memo<ReturnType<typeof statusCounts>>();

  constructor(host: ReactiveControllerHost, options: ListFiltersOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** The text typed; never a whole secret. */
  get text(): string {
    return this.#text;
  }

  /** Whether a status is chosen (the count then says how many of all are shown). */
  get byStatus(): boolean {
    return !!this.#status;
  }

  /** Keeps the tokens of the chosen status; undefined while every status is shown. The same function for a minute. */
  only({ now, minute, soonDays }: StatusClock): ((token: Token) => boolean) | undefined {
    const status = this.#status;
    return this.#only([status, minute, soonDays], () => (status ? (token) => tokenStatus(token, now, soonDays) === status : undefined));
  }

  /** The status select, once there are tokens to count. */
  renderStatus(clock: StatusClock) {
    const tokens = this.#options.tokens();
    if (!tokens?.length) return nothing;
    return statusFilter({
      localize: this.#options.localize,
      total: tokens.length,
      counts: this.#counts([tokens, clock.minute, clock.soonDays], () => statusCounts(tokens, clock.now, clock.soonDays)),
      chosen: this.#status,
      onChange: this.onStatusChange,
    });
  }

  /** What the filters ask for, in words: the text typed and the status chosen. */
  describe(): string {
    const status = this.#status && statusName(this.#options.localize.strings, this.#status);
    return [this.#text.trim(), status].filter(Boolean).join(', ');
  }

  clear(): void {
    this.#text = '';
    this.#status = '';
    this.#host.requestUpdate();
  }

  /** A whole secret typed or dropped in is cut to its key prefix in the same event. */
  readonly onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const value = withoutSecret(input.value, this.#options.tokens());
    if (value !== input.value) input.value = value;
    this.#setText(value);
  };

  /** A pasted secret never reaches the field: its key prefix is inserted instead. */
  readonly onPaste = (event: ClipboardEvent): void => {
    const pasted = event.clipboardData?.getData('text') ?? '';
    const prefix = withoutSecret(pasted, this.#options.tokens());
    if (prefix === pasted) return;
    event.preventDefault();
    const input = event.target as HTMLInputElement;
    input.setRangeText(prefix, input.selectionStart ?? input.value.length, input.selectionEnd ?? input.value.length, 'end');
    this.#setText(input.value);
  };

  readonly onStatusChange = (event: Event): void => {
    this.#status = (event.target as HTMLSelectElement).value as TokenStatus | '';
    this.#host.requestUpdate();
  };

  #setText(text: string): void {
    this.#text = text;
    this.#host.requestUpdate();
  }
}
