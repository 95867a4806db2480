/**
 * A token's detail view, opened by its row's Activity button: when and from where it was last
 * used, its recent callers, and what happened to it (created, regenerated, used from a new
 * address, revoked, deleted, expired, reminded), newest first, a page at a time. Loaded with its
 * styles on the first click (`import()`), so a list that is only looked at never loads it.
 *
 * A modal `<dialog>` (`ModalController`): focus moves to Close and returns to the row's button;
 * the loading, the count of events and a failure are announced (`role=status`, `role=alert`);
 * "Show older" moves focus to the first event it brought. Every server string is bound as text,
 * a leak's URL too (never a link: the server chose it).
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { HttpError, isAbortError } from '../api/errors.js';
import type { ActivityEvent, ActivityPage, RecentCaller, Token } from '../api/schemas.js';
import type { TokenClient } from '../api/token-client.js';
import { now } from '../internal/clock.js';
import { DATE_TIME_ZONE } from '../internal/locale.js';
import type { LocalizeController } from '../internal/localize.js';
import { ModalController } from '../internal/modal-controller.js';
import { describeError } from '../internal/strings.js';
import { tokenActivityStyles } from './token-activity.styles.js';

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface ActivityViewOptions {
  client: () => TokenClient | undefined;
  localize: LocalizeController;
  /** A page could not be loaded (not a 404: that is a server without activity). */
  failed: (error: unknown) => void;
}

type Status = { kind: 'loading' } | { kind: 'ready' } | { kind: 'not-kept' } | { kind: 'failed'; reason: string };

const DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

/** Adds the view's styles to the list's shadow root, once per root. */
function adoptStyles(root: Host['renderRoot']): void {
  const sheet = tokenActivityStyles.styleSheet;
  if (!(root instanceof ShadowRoot)) return;
  if (sheet && root.adoptedStyleSheets) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  // No constructable sheets: a `<style>` as Lit itself falls back to.
  if (root.querySelector('style[data-pat-activity]')) return;
  const style = document.createElement('style');
  style.dataset.patActivity = '';
  style.textContent = tokenActivityStyles.cssText;
  root.append(style);
}

export class ActivityView {
  readonly #host: Host;
  readonly #options: ActivityViewOptions;
  readonly #modal: ModalController;
  #token: Token | undefined;
  #events: ActivityEvent[] = [];
  #callers: RecentCaller[] | undefined;
  #next: string | null = null;
  #status: Status = { kind: 'loading' };
  /** The first event of the page "Show older" asked for: focus goes there when it arrives. */
  #focusFrom: number | undefined;
  #request: AbortController | undefined;

  constructor(host: Host, options: ActivityViewOptions) {
    this.#host = host;
    this.#options = options;
    adoptStyles(host.renderRoot);
    this.#modal = new ModalController({
      dialog: () => host.renderRoot.querySelector('dialog.activity'),
      closed: () => {
        this.#request?.abort();
        this.#token = undefined;
        this.#host.requestUpdate();
      },
    });
  }

  /** The token whose activity is shown: its row stays rendered (windowing) so focus can return to it. */
  get tokenId(): string | undefined {
    return this.#token?.id;
  }

  /** Shows `token`'s detail view and loads its first page. */
  async open(token: Token): Promise<void> {
    if (this.#modal.isOpen) return;
    this.#token = token;
    this.#events = [];
    this.#callers = undefined;
    this.#next = null;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#modal.show();
    await this.#load(null);
  }

  /** Closes it (the list left the page, say); the request in flight is aborted. */
  close(): void {
    this.#modal.close();
  }

  async #load(cursor: string | null): Promise<void> {
    const token = this.#token;
    const client = this.#options.client();
    if (!token || !client?.activity) return;
    this.#request?.abort();
    const request = (this.#request = new AbortController());
    this.#status = { kind: 'loading' };
    this.#host.requestUpdate();
    let page: ActivityPage;
    try {
      page = await client.activity(token.id, cursor, request.signal);
    } catch (error) {
      if (request.signal.aborted || isAbortError(error)) return;
      if (error instanceof HttpError && error.status === 404) this.#status = { kind: 'not-kept' };
      else {
        this.#status = { kind: 'failed', reason: describeError(error, this.#options.localize.strings) };
        this.#options.failed(error);
      }
      this.#focusFrom = undefined;
      this.#host.requestUpdate();
      return;
    }
    if (this.#token !== token) return;
    this.#focusFrom = cursor ? this.#events.length : undefined;
    this.#events = [...this.#events, ...page.events];
    if (!cursor) this.#callers = page.callers ?? undefined;
    this.#next = page.next;
    this.#status = { kind: 'ready' };
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (this.#focusFrom !== undefined) {
      this.#host.renderRoot.querySelector<HTMLElement>(`.activity-events li:nth-child(${this.#focusFrom + 1})`)?.focus();
      this.#focusFrom = undefined;
    }
  }

  #more = () => void this.#load(this.#next);
  #retry = () => void this.#load(this.#events.length ? this.#next : null);

  render(): TemplateResult {
    const { localize } = this.#options;
    const s = localize.strings;
    const token = this.#token;
    const status = this.#status;
    return html`<dialog part="activity-dialog" class="activity" aria-labelledby="activity-heading" aria-describedby="activity-summary">
      <h2 id="activity-heading">${localize.term('activityHeading', { name: token?.name ?? '' })}</h2>
      <div class="activity-body">
        <p id="activity-summary" class="activity-summary">${token ? this.#summary(token) : nothing}</p>
        ${this.#callers?.length ? this.#renderCallers(this.#callers) : nothing}
        <section class="activity-section" aria-labelledby="activity-events-heading">
          <h3 id="activity-events-heading">${s.activityEventsHeading}</h3>
          ${
            this.#events.length
              ? html`<ol part="activity-events" class="activity-events">
                  ${this.#events.map((event) => this.#renderEvent(event))}
                </ol>`
              : nothing
          }
          <p role="status" class=${status.kind === 'ready' && this.#events.length ? 'activity-status visually-hidden' : 'activity-status'}>
            ${this.#statusText(status)}
          </p>
          ${
            status.kind === 'failed'
              ? html`<div part="activity-error" class="activity-error">
                  <p role="alert">${localize.term('activityFailed', { reason: status.reason })}</p>
                  <button type="button" part="button retry-button" @click=${this.#retry}>${s.retryButton}</button>
                </div>`
              : nothing
          }
          ${
            this.#next && status.kind === 'ready'
              ? html`<button type="button" part="button activity-more-button" class="activity-more" @click=${this.#more}>
                  ${s.activityMore}
                </button>`
              : nothing
          }
        </section>
      </div>
      <form method="dialog" class="activity-actions">
        <button part="button activity-close-button" value="close" autofocus>${s.activityClose}</button>
      </form>
    </dialog>`;
  }

  #statusText(status: Status): string {
    const { localize } = this.#options;
    const s = localize.strings;
    switch (status.kind) {
      case 'loading':
        return s.activityLoading;
      case 'not-kept':
        return s.activityNotKept;
      case 'failed':
        return '';
      case 'ready':
        return this.#events.length ? localize.plural('activityEventCount', this.#events.length) : s.activityNone;
    }
  }

  /** "Last used 3 days ago from 203.0.113.7, curl/8.5": the newest caller, when the server keeps them. */
  #summary(token: Token): string {
    const { localize } = this.#options;
    if (!token.lastUsedAt) return localize.strings.activityNeverUsed;
    const when = this.#ago(token.lastUsedAt);
    const caller = this.#callers?.[0];
    return caller
      ? localize.term('activityLastUsedFrom', { when, caller: this.#caller(caller) })
      : localize.term('activityLastUsed', { when });
  }

  /** "3 days ago", or "just now" within the minute (a use "in the future" is clock skew: just now too), as the row says it. */
  #ago(iso: string): string {
    const { localize } = this.#options;
    const current = now();
    const ago = current.getTime() - Date.parse(iso);
    return ago < 60_000 ? localize.strings.justNow : localize.relative(new Date(Date.parse(iso)), current);
  }

  #caller({ ip, userAgent }: { ip?: string | null; userAgent?: string | null }): string {
    return ip && userAgent ? this.#options.localize.term('activityCaller', { ip, userAgent }) : (ip ?? userAgent ?? '');
  }

  #renderCallers(callers: readonly RecentCaller[]): TemplateResult {
    const { localize } = this.#options;
    return html`<section class="activity-section" aria-labelledby="activity-callers-heading">
      <h3 id="activity-callers-heading">${localize.strings.activityCallersHeading}</h3>
      <ul part="activity-callers" class="activity-callers">
        ${callers.map(
          (caller) =>
            html`<li>
              <span class="activity-caller">${this.#caller(caller)}</span>
              <time datetime=${caller.lastUsedAt}>${this.#ago(caller.lastUsedAt)}</time>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  #renderEvent(event: ActivityEvent): TemplateResult {
    const { localize } = this.#options;
    const caller = event.ip || event.userAgent ? localize.term('activityFrom', { caller: this.#caller(event) }) : '';
    const found = event.url ? localize.term('activityFoundAt', { url: event.url }) : '';
    return html`<li tabindex="-1">
      <time datetime=${event.at}>${localize.dateFormat(DATE_TIME_ZONE).format(new Date(event.at))}</time>
      <span class="activity-what">${this.#what(event)}</span>
      ${caller ? html`<span class="activity-where">${caller}</span>` : nothing}
      ${found ? html`<span class="activity-where">${found}</span>` : nothing}
    </li>`;
  }

  /** What happened, in words; a kind this version does not know is shown as the server named it. */
  #what(event: ActivityEvent): string {
    const { localize } = this.#options;
    const s = localize.strings;
    switch (event.type) {
      case 'created':
        return s.activityCreated;
      case 'regenerated':
        return event.relatedTokenId === this.#token?.id ? s.activityRegeneratedFrom : s.activityRegenerated;
      case 'new-caller':
        return s.activityNewCaller;
      case 'revoked':
        return event.reason === 'leaked'
          ? s.activityRevokedLeaked
          : event.reason === 'admin'
            ? s.activityRevokedAdmin
            : event.reason === 'account'
              ? s.activityRevokedAccount
              : s.activityRevoked;
      case 'deleted':
        return s.activityDeleted;
      case 'expired':
        return s.activityExpired;
      case 'expiry-reminder':
        return event.expiresAt
          ? localize.term('activityReminded', { date: localize.dateFormat(DATE).format(new Date(event.expiresAt)) })
          : event.type;
      default:
        return event.type;
    }
  }
}
