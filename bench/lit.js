/**
 * The second baseline: the same section as `vanilla.js` (heading, count, filter, generate button,
 * a table of the same five columns plus delete, a native confirm `<dialog>`) as one plain Lit 3
 * element, written the way the Lit docs write a list: `repeat` keyed by id, one template per row,
 * event bindings on the row's buttons. It is what "costs no more than Lit itself" is measured
 * against. `scripts/bench.mjs` bundles it with Lit's production build.
 */
import { LitElement, css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { installBench } from './harness.js';

const DAY = 86_400_000;
const EXPIRING_SOON_DAYS = 7;

/** Built on first use, as the element builds its own, so both pay for them while mounting. */
let formats;
function intl() {
  const locale = document.documentElement.lang;
  formats ??= {
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
    relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
    plural: new Intl.PluralRules(locale),
  };
  return formats;
}

const UNITS = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

function formatRelative(date, now) {
  const diff = date.getTime() - now.getTime();
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return intl().relative.format(Math.trunc(diff / ms), unit);
  }
  return intl().relative.format(0, 'second');
}

function daysBetween(now, date) {
  const start = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const end = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((end - start) / DAY);
}

function badge(token, now) {
  if (token.expiresAt === null) return nothing;
  const expires = new Date(token.expiresAt);
  if (expires <= now) return html`<span class="badge expired">Expired</span>`;
  const days = daysBetween(now, expires);
  if (days > EXPIRING_SOON_DAYS) return nothing;
  const text = days === 0 ? 'Expires today' : `Expires in ${days} ${intl().plural.select(days) === 'one' ? 'day' : 'days'}`;
  return html`<span class="badge expiring">${text}</span>`;
}

class BenchLitList extends LitElement {
  static properties = {
    client: { attribute: false },
    tokens: { state: true },
    filter: { state: true },
    confirming: { state: true },
  };

  static styles = css`
    :host {
      display: block;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin-block-end: 0.75rem;
    }
    h2 {
      flex: 1 1 100%;
      margin: 0;
      font-size: 1.25rem;
    }
    .count {
      margin: 0;
      color: GrayText;
    }
    .filter {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin-inline-start: auto;
    }
    button,
    input {
      font: inherit;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding: 0.5rem 0.75rem;
      text-align: start;
      vertical-align: top;
      border-block-end: 1px solid color-mix(in srgb, currentColor 15%, transparent);
    }
    thead th {
      font-weight: 600;
      white-space: nowrap;
    }
    tbody th {
      font-weight: 400;
    }
    .name,
    .description {
      display: block;
    }
    .name {
      font-weight: 600;
    }
    .description {
      color: GrayText;
    }
    .key {
      white-space: nowrap;
    }
    .mask {
      letter-spacing: 0.05em;
      opacity: 0.6;
    }
    .badge {
      display: inline-block;
      margin-inline-start: 0.5rem;
      padding: 0 0.4rem;
      border-radius: 999px;
      font-size: 0.85em;
      background: color-mix(in srgb, currentColor 10%, transparent);
    }
    .expired,
    .danger {
      color: #b3261e;
    }
    .expiring {
      color: #8a5300;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `;

  constructor() {
    super();
    this.tokens = undefined;
    this.filter = '';
    this.confirming = undefined;
  }

  connectedCallback() {
    super.connectedCallback();
    this.client.list(new AbortController().signal).then((tokens) => {
      // Newest first, like the element's default sort.
      this.tokens = tokens
        .map((token) => ({ token, created: Date.parse(token.createdAt) }))
        .sort((a, b) => b.created - a.created)
        .map((entry) => entry.token);
    });
  }

  get #shown() {
    const query = this.filter.trim().toLowerCase();
    if (!query || !this.tokens) return this.tokens ?? [];
    return this.tokens.filter((token) => `${token.name}\n${token.description ?? ''}`.toLowerCase().includes(query));
  }

  #count(shown) {
    const total = this.tokens?.length ?? 0;
    if (shown !== total) return `Showing ${shown} of ${total}`;
    return `${total} ${intl().plural.select(total) === 'one' ? 'token' : 'tokens'}`;
  }

  render() {
    const now = new Date();
    const shown = this.#shown;
    return html`<section aria-labelledby="heading">
      <header>
        <h2 id="heading">Personal access tokens</h2>
        <p class="count" role="status">${this.tokens ? this.#count(shown.length) : ''}</p>
        <label class="filter">
          <span>Filter tokens</span>
          <input type="search" placeholder="Name or description" autocomplete="off" .value=${this.filter} @input=${this.#onInput} />
        </label>
        <button type="button">Generate new token</button>
      </header>
      <table>
        <caption class="visually-hidden">
          Personal access tokens
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            shown,
            (token) => token.id,
            (token) => this.#row(token, now),
          )}
        </tbody>
      </table>
      ${shown.length || !this.tokens ? nothing : html`<p>No tokens match “${this.filter}”.</p>`}
      <dialog aria-labelledby="confirm-heading">
        <h3 id="confirm-heading">Delete token “${this.confirming?.name ?? ''}”?</h3>
        <p>Anything using it stops working immediately. This can't be undone.</p>
        <button type="button" @click=${this.#cancel}>Cancel</button>
        <button type="button" class="danger" @click=${this.#confirm}>Delete token</button>
      </dialog>
    </section>`;
  }

  #row(token, now) {
    return html`<tr>
      <th scope="row"><span class="name">${token.name}</span><span class="description">${token.description ?? ''}</span></th>
      <td>
        <code class="key" aria-label="Key starting with ${token.partialKey}"
          >${token.partialKey}<span class="mask" aria-hidden="true">••••••••••••</span></code
        >
      </td>
      <td><time datetime=${token.createdAt}>${intl().date.format(new Date(token.createdAt))}</time></td>
      <td>
        ${
          token.expiresAt === null
            ? html`<time>Never</time>`
            : html`<time datetime=${token.expiresAt}>${intl().date.format(new Date(token.expiresAt))}</time>`
        }${badge(token, now)}
      </td>
      <td>
        ${
          token.lastUsedAt
            ? html`<time datetime=${token.lastUsedAt}>${formatRelative(new Date(token.lastUsedAt), now)}</time>`
            : html`<time>Never used</time>`
        }
      </td>
      <td>
        <button type="button" class="danger" aria-label="Delete token “${token.name}”" @click=${() => this.#ask(token)}>Delete</button>
      </td>
    </tr>`;
  }

  #onInput(event) {
    this.filter = event.target.value;
  }

  async #ask(token) {
    this.confirming = token;
    await this.updateComplete;
    this.renderRoot.querySelector('dialog').showModal();
  }

  #cancel() {
    this.renderRoot.querySelector('dialog').close();
  }

  async #confirm() {
    this.renderRoot.querySelector('dialog').close();
    const token = this.confirming;
    await this.client.revoke(token.id, new AbortController().signal);
    this.tokens = this.tokens.filter((t) => t !== token);
  }
}
customElements.define('bench-lit-list', BenchLitList);

installBench({
  variant: 'lit',
  mount(stage, client) {
    const list = document.createElement('bench-lit-list');
    list.client = client;
    stage.append(list);
    return list;
  },
});
