/**
 * The in-page half of `npm run bench`, shared by the element page and the vanilla baseline so that
 * both are timed by the same code: the same tokens, handed over by the same in-page `client`
 * adapter (no network: we time rendering, not fetch), and the same notion of "ready".
 *
 * The harness knows nothing about either table's markup beyond what ARIA and HTML define: a table
 * (`<table>` or `role=table|grid`), data rows (rows with cells), buttons with accessible names, a
 * `dialog`, a search box. So it keeps working while the element's internals change.
 */

// ---------------------------------------------------------------------------------------------
// Data

const NAMES = [
  'CI deploy',
  'Terraform Cloud',
  'Laptop CLI',
  'Grafana dashboard',
  'Zapier integration',
  'Nightly backup',
  'Staging smoke tests',
  'Release bot',
  'Data export',
  'Kubernetes operator',
];
const DESCRIPTIONS = [
  'Pushes release builds from the main branch',
  'Infrastructure state sync',
  null,
  'Read-only metrics scraping',
  'Used by the on-call runbook',
  null,
  'Replaced by the new backup service',
];
/** The filter keystroke. Only "Zapier integration" contains it (no description, key or date
 * text does), so it narrows 10,000 rows to 1,000 and its result can be checked. */
export const FILTER_KEY = 'z';
const KEY_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYabcdefghijklmnopqrstuvwxy0123456789';

const DAY = 86_400_000;

/** A small seeded generator, so every run and both pages see the same tokens. */
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` tokens as a real account would have them: each name carries a unique five-digit number
 * (how the harness recognises a row), some never expire, some expired, some expiring soon, some
 * never used.
 */
export function makeTokens(count, now) {
  const random = mulberry32(count);
  const at = (offset) => new Date(now.getTime() + offset).toISOString();
  const tokens = [];
  for (let i = 0; i < count; i += 1) {
    let partialKey = 'pat_';
    for (let c = 0; c < 4; c += 1) partialKey += KEY_CHARS[Math.floor(random() * KEY_CHARS.length)];
    const createdAt = -Math.floor(random() * 700 * DAY) - DAY;
    const expiresAt =
      i % 11 === 0
        ? null
        : i % 13 === 0
          ? at(-Math.floor(random() * 30 * DAY) - DAY)
          : i % 7 === 0
            ? at(3 * DAY)
            : at(Math.floor(random() * 365 * DAY) + 8 * DAY);
    tokens.push({
      id: `tok_${i}`,
      name: `${NAMES[i % NAMES.length]} ${String(i).padStart(5, '0')}`,
      description: DESCRIPTIONS[i % DESCRIPTIONS.length],
      partialKey,
      createdAt: at(createdAt),
      expiresAt,
      lastUsedAt: i % 5 === 0 ? null : at(-Math.floor(random() * 60 * DAY)),
    });
  }
  return tokens;
}

/** The `TokenClient` both tables get: answers at once from memory; `revoke` really removes. */
class BenchClient {
  #tokens;
  listCalls = 0;
  /** `performance.now()` when the last `list()` answered. */
  listedAt = -1;

  constructor(tokens) {
    this.#tokens = tokens;
  }

  get tokens() {
    return this.#tokens;
  }

  async list() {
    this.listCalls += 1;
    const tokens = this.#tokens.slice();
    this.listedAt = performance.now();
    return tokens;
  }

  async create() {
    throw new Error('The benchmark does not create tokens.');
  }

  async revoke(id) {
    this.#tokens = this.#tokens.filter((token) => token.id !== id);
  }
}

// ---------------------------------------------------------------------------------------------
// Waiting and looking, the same for both tables

// One message channel for the whole page, set up before anything is measured, so waiting adds no
// event listener of its own to the counts.
const channel = new MessageChannel();
const waitingForTask = [];
channel.port1.onmessage = () => waitingForTask.shift()?.();

/** Resolves in a new task: after every microtask (so every Lit update) queued before it ran. */
function nextTask() {
  return new Promise((resolve) => {
    waitingForTask.push(resolve);
    channel.port2.postMessage(null);
  });
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * When the frame that shows the DOM as it is now has been rendered: a `requestAnimationFrame`
 * callback runs at the start of the next frame, before its style, layout and paint; a task posted
 * from it runs once that frame's main-thread work (through paint and commit) is done. Raster and
 * compositing happen off the main thread and cost every table alike. The wait for the frame (up to
 * one vsync interval) is part of it, as it is for a user.
 */
function afterNextPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => nextTask().then(() => resolve(performance.now()))));
}

/** Style and layout now, so "ready" means laid out, not only in the DOM. */
function forceLayout() {
  return document.body.offsetHeight;
}

/**
 * Builds one `Intl` formatter before anything is timed: a page's first `Intl` constructor
 * initialises ICU (10–30 ms), a cost of the page that every table would otherwise pay inside its
 * mount, whichever formatter it builds first. The tables still build (and pay for) their own.
 */
function warmUpIntl() {
  new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium' }).format(new Date());
}

/**
 * Lays out text in the page's fonts once before anything is timed: a fresh page's first text
 * layout loads fonts, a cost of the page that would otherwise land on whichever table came first.
 */
function warmUpText(stage) {
  const sample = document.createElement('p');
  const code = document.createElement('code');
  code.textContent = 'pat_Ab12••••';
  sample.append('Warm-up 00000 ', code);
  stage.replaceChildren(sample);
  forceLayout();
  stage.replaceChildren();
}

const TABLE = 'table, [role="table"], [role="grid"], [role="treegrid"]';
const DATA_ROW = 'tr:has(> td), [role="row"]:has(> [role="cell"], > [role="gridcell"])';
/** The five-digit number in every token's name (cells' texts run together in `textContent`). */
const TOKEN_NUMBER = /(?<!\d)\d{5}(?!\d)/;

/** `root` and every shadow root inside it, depth first. */
function* treesOf(root) {
  yield root;
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) yield* treesOf(element.shadowRoot);
  }
}

/** The tree (document, element or shadow root) that holds the table: rows live beside it, since
 * ARIA table semantics do not cross shadow roots. */
function tableTree(host) {
  for (const tree of treesOf(host.shadowRoot ?? host)) {
    if (tree.querySelector(TABLE)) return tree;
  }
  return null;
}

function dataRows(tree) {
  return tree ? tree.querySelectorAll(DATA_ROW) : [];
}

/** Nodes of every kind (elements, text, comments such as Lit's markers) in `root` and below. */
function nodesIn(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let count = 0;
  while (walker.nextNode()) count += 1;
  return count;
}

/**
 * The DOM the table costs: nodes in the whole section (every shadow root included) and, per data
 * row in the DOM, the nodes of that row (the row, its cells and everything in them).
 */
function countNodes(host) {
  let total = 1 + nodesIn(host);
  if (host.shadowRoot) for (const tree of treesOf(host.shadowRoot)) total += nodesIn(tree);
  const rows = dataRows(tableTree(host));
  let inRows = 0;
  for (const row of rows) inRows += 1 + nodesIn(row);
  return { nodes: total, nodesPerRow: rows.length ? inRows / rows.length : 0 };
}

/**
 * Whether the first rows on show (up to 20) all contain the filter key (`filtered`), or not all
 * do (the filter is cleared). Hidden rows (a `hidden` filter) are skipped.
 */
function shownRowsMatch(tree, filtered) {
  let shown = 0;
  let matching = 0;
  for (const row of dataRows(tree)) {
    if (!row.checkVisibility()) continue;
    shown += 1;
    if (row.textContent.toLowerCase().includes(FILTER_KEY)) matching += 1;
    if (shown === 20) break;
  }
  return shown > 0 && (filtered ? matching === shown : matching < shown);
}

function deepQuery(host, selector, accept = () => true) {
  for (const tree of treesOf(host.shadowRoot ?? host)) {
    for (const element of tree.querySelectorAll(selector)) if (accept(element)) return element;
  }
  return null;
}

function accessibleText(element) {
  return `${element.getAttribute('aria-label') ?? ''} ${element.textContent ?? ''}`.trim();
}

/** Polls in new tasks until `check()` is truthy. */
async function waitFor(check, { timeoutMs, what }) {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeoutMs) throw new Error(`${what} (waited ${Math.round(timeoutMs / 1000)} s)`);
    await nextTask();
  }
}

const MOUNT_TIMEOUT_MS = 60_000;
/** How long rows may stay absent once `list()` has answered, or after mounting without a call. */
const STALL_MS = 3_000;

// ---------------------------------------------------------------------------------------------
// The page's API, driven by scripts/bench.mjs

/**
 * Installs `window.bench`. `mount(stage, client)` puts one table on the page and returns its host
 * element; `extras` are measurements only one page can make.
 */
export function installBench({ variant, mount, extras = {} }) {
  const stage = document.querySelector('#stage');
  let client;
  let host;
  let expectedRows = 0;
  /** The row being deleted and its dialog's confirm button, between the two delete steps. */
  let pendingDelete = null;
  /** Set by the capturing `input` listener while a filter keystroke is being timed. */
  let filterTiming = null;

  // Installed once at load for the same reason as the message channel.
  window.addEventListener(
    'input',
    () => {
      if (!filterTiming || filterTiming.start !== undefined) return;
      const timing = filterTiming;
      timing.start = performance.now();
      requestAnimationFrame(() => {
        forceLayout();
        const ms = performance.now() - timing.start;
        // Checked in this frame: a debounced filter would show its result only later.
        timing.resolve({ ms, appliedInFrame: shownRowsMatch(tableTree(host), true) });
      });
    },
    { capture: true },
  );

  /**
   * Until the table's data rows are laid out: all `count` of them, or, for a table that renders
   * only some (windowing, pages), the rows it shows once they stop changing for two frames. The
   * time is that of the last change, so the frames spent confirming it are not counted; `painted`
   * is when the first frame after that change was rendered (`afterNextPaint`).
   */
  async function waitForRows(count, mountedAt) {
    let tree = null;
    let lastCount = -1;
    let changedAt = mountedAt;
    let paintedAt = null;
    let stableFrames = 0;
    for (;;) {
      tree ??= tableTree(host);
      const rows = dataRows(tree);
      const now = performance.now();
      if (rows.length !== lastCount) {
        forceLayout();
        changedAt = performance.now();
        paintedAt = afterNextPaint();
        lastCount = rows.length;
        stableFrames = 0;
      }
      const showsTokens = rows.length > 0 && TOKEN_NUMBER.test(rows[0].textContent);
      if (showsTokens && rows.length === count) return { at: changedAt, paintedAt: await paintedAt, rows: rows.length };
      if (showsTokens) {
        stableFrames += 1;
        if (stableFrames > 2) return { at: changedAt, paintedAt: await paintedAt, rows: rows.length };
        await nextFrame();
        continue;
      }
      if (client.listCalls === 0 && now - mountedAt > STALL_MS) {
        throw new Error(`never called client.list() in ${STALL_MS / 1000} s`);
      }
      if (client.listedAt >= 0 && now - Math.max(client.listedAt, changedAt) > STALL_MS) {
        throw new Error(`no data rows ${STALL_MS / 1000} s after client.list() answered (${rows.length} rows with cells)`);
      }
      if (now - mountedAt > MOUNT_TIMEOUT_MS) throw new Error(`rows not ready after ${MOUNT_TIMEOUT_MS / 1000} s`);
      await nextTask();
    }
  }

  async function settleFilter(expectMatching) {
    const tree = tableTree(host);
    await waitFor(() => shownRowsMatch(tree, expectMatching), {
      timeoutMs: 10_000,
      what: expectMatching ? 'the filter never narrowed the rows' : 'clearing the filter never restored the rows',
    });
  }

  async function measure(action) {
    try {
      return await action();
    } catch (error) {
      return { error: error.message };
    }
  }

  window.bench = {
    variant,
    filterKey: FILTER_KEY,

    /** Fresh tokens for the next mount, and the page's fonts warmed up (not timed). */
    prepare(count) {
      warmUpIntl();
      warmUpText(stage);
      host = undefined;
      expectedRows = count;
      client = new BenchClient(makeTokens(count, new Date()));
    },

    /** Mount → data rows in the DOM and laid out (`ms`), and → the first frame showing them rendered (`paintedMs`). */
    mount: () =>
      measure(async () => {
        const start = performance.now();
        host = mount(stage, client);
        const { at, paintedAt, rows } = await waitForRows(expectedRows, start);
        return { ms: at - start, paintedMs: paintedAt - start, rows };
      }),

    /** The DOM the mounted table costs; a step of its own, so the mount's CPU time leaves it out. */
    nodes: () => measure(async () => countNodes(host)),

    /**
     * Deleting the first row the way a user does, in two steps so that only the second is timed:
     * its delete button, until the confirm dialog is open (not timed)…
     */
    openDelete: () =>
      measure(async () => {
        const row = dataRows(tableTree(host))[0];
        const number = row?.textContent.match(TOKEN_NUMBER)?.[0];
        if (!number) throw new Error('no data row to delete');
        const button = [...row.querySelectorAll('button')].findLast((b) => /delete|revoke|remove/i.test(accessibleText(b)));
        if (!button) throw new Error('no delete button in the row');
        button.click();
        const isOpenDialog = (dialog) => dialog.open || (dialog.localName !== 'dialog' && dialog.checkVisibility());
        const dialog = await waitFor(() => deepQuery(host, 'dialog, [role="dialog"], [role="alertdialog"]', isOpenDialog), {
          timeoutMs: 2_000,
          what: 'no confirm dialog opened after clicking delete',
        });
        const confirm = deepQuery(
          dialog,
          'button',
          (b) => /delete|revoke|remove|confirm/i.test(accessibleText(b)) && !/cancel|keep|close/i.test(accessibleText(b)),
        );
        if (!confirm) throw new Error('no confirm button in the dialog');
        await nextFrame();
        pendingDelete = { row, number, confirm };
        return { ok: true };
      }),

    /** …then the dialog's confirm button, timed until the row is gone and laid out. */
    confirmDelete: () =>
      measure(async () => {
        const { row, number, confirm } = pendingDelete;
        pendingDelete = null;
        const start = performance.now();
        confirm.click();
        await waitFor(() => !row.isConnected || !row.textContent.includes(number), {
          timeoutMs: 10_000,
          what: 'the row was still there after confirming',
        });
        forceLayout();
        const ms = performance.now() - start;
        if (client.tokens.length !== expectedRows - 1) throw new Error('the row went but client.revoke() was not called');
        return { ms };
      }),

    /** Focuses the filter box so the next keystroke can be timed; the keystroke itself is real. */
    armFilter: () =>
      measure(async () => {
        const input = deepQuery(host, 'input[type="search"], [role="searchbox"], input', (element) => element.checkVisibility());
        if (!input) throw new Error('no filter box (a visible input) in the list');
        input.focus();
        filterTiming = {};
        filterTiming.done = new Promise((resolve) => (filterTiming.resolve = resolve));
        return { ok: true };
      }),

    /** The keystroke's `input` event → the next frame, laid out; and whether the filter showed by then. */
    filterFrame: () =>
      measure(async () => {
        const { ms, appliedInFrame } = await Promise.race([
          filterTiming.done,
          delay(5_000).then(() => {
            throw new Error('no input event reached the page');
          }),
        ]);
        const start = filterTiming.start;
        filterTiming = null;
        if (appliedInFrame) return { ms, appliedInFrame };
        await settleFilter(true);
        return { ms, appliedInFrame, resultMs: performance.now() - start };
      }),

    /** After the keystroke is erased: until every row is back (not timed). */
    filterCleared: () => measure(() => settleFilter(false).then(() => ({ ok: true }))),

    ...Object.fromEntries(Object.entries(extras).map(([name, extra]) => [name, () => measure(() => extra(client.tokens))])),
  };
}
