/**
 * The baseline: the same table as `<pat-token-list>` (same columns, texts, order, confirm dialog
 * and filter), written by hand with `<template>` clones and delegated listeners. It is what the
 * element's costs are compared with, so it is written to be fast, not to be short.
 */
import { installBench } from './harness.js';

const DAY = 86_400_000;
const EXPIRING_SOON_DAYS = 7;

const sectionTemplate = document.querySelector('#token-section');
const rowTemplate = document.querySelector('#token-row');

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

/** Fills a cloned row; the cells are reached by position, as the template fixes them. */
function fillRow(row, token, now) {
  const [nameCell, keyCell, createdCell, expiresCell, usedCell, actionCell] = row.children;
  row.dataset.id = token.id;
  nameCell.firstElementChild.textContent = token.name;
  nameCell.lastElementChild.textContent = token.description ?? '';

  // Elements, not nodes: the template's indentation puts text nodes between them.
  const key = keyCell.firstElementChild;
  key.setAttribute('aria-label', `Key starting with ${token.partialKey}`);
  key.firstElementChild.textContent = token.partialKey;

  const created = new Date(token.createdAt);
  createdCell.firstElementChild.dateTime = token.createdAt;
  createdCell.firstElementChild.textContent = intl().date.format(created);

  const [expiresTime, badge] = expiresCell.children;
  if (token.expiresAt === null) {
    expiresTime.textContent = 'Never';
  } else {
    const expires = new Date(token.expiresAt);
    expiresTime.dateTime = token.expiresAt;
    expiresTime.textContent = intl().date.format(expires);
    const days = daysBetween(now, expires);
    if (expires <= now) {
      badge.textContent = 'Expired';
      badge.className = 'badge expired';
    } else if (days <= EXPIRING_SOON_DAYS) {
      badge.textContent = days === 0 ? 'Expires today' : `Expires in ${days} ${intl().plural.select(days) === 'one' ? 'day' : 'days'}`;
      badge.className = 'badge expiring';
    }
  }

  const used = usedCell.firstElementChild;
  if (token.lastUsedAt) {
    used.dateTime = token.lastUsedAt;
    used.textContent = formatRelative(new Date(token.lastUsedAt), now);
  } else {
    used.textContent = 'Never used';
  }

  actionCell.firstElementChild.setAttribute('aria-label', `Delete token “${token.name}”`);
}

function countText(shown, total) {
  if (shown !== total) return `Showing ${shown} of ${total}`;
  return `${total} ${intl().plural.select(total) === 'one' ? 'token' : 'tokens'}`;
}

function mountVanilla(stage, client) {
  const section = sectionTemplate.content.firstElementChild.cloneNode(true);
  const tbody = section.querySelector('tbody');
  const count = section.querySelector('.count');
  const filter = section.querySelector('input[type="search"]');
  const noMatches = section.querySelector('.no-matches');
  const dialog = section.querySelector('dialog');
  /** The row's token for each rendered row, for the filter and the delete. */
  const tokenOf = new Map();
  let rowToDelete = null;

  function render(tokens) {
    const now = new Date();
    // Newest first, like the element's default sort.
    const sorted = tokens
      .map((token) => ({ token, created: Date.parse(token.createdAt) }))
      .sort((a, b) => b.created - a.created)
      .map((entry) => entry.token);
    const rows = document.createDocumentFragment();
    for (const token of sorted) {
      const row = rowTemplate.content.firstElementChild.cloneNode(true);
      fillRow(row, token, now);
      tokenOf.set(row, token);
      rows.append(row);
    }
    tbody.replaceChildren(rows);
    count.textContent = countText(sorted.length, sorted.length);
  }

  function applyFilter() {
    const query = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const [row, token] of tokenOf) {
      const matches = !query || `${token.name}\n${token.description ?? ''}`.toLowerCase().includes(query);
      row.hidden = !matches;
      if (matches) shown += 1;
    }
    count.textContent = countText(shown, tokenOf.size);
    noMatches.hidden = shown > 0;
    noMatches.textContent = shown ? '' : `No tokens match “${filter.value}”.`;
  }

  async function deleteRow(row) {
    const token = tokenOf.get(row);
    await client.revoke(token.id, new AbortController().signal);
    tokenOf.delete(row);
    row.remove();
    count.textContent = countText(tokenOf.size, tokenOf.size);
  }

  // Delegated: two listeners for the whole section, whatever the number of rows.
  section.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.classList.contains('delete')) {
      rowToDelete = button.closest('tr');
      dialog.querySelector('h3').textContent = `Delete token “${tokenOf.get(rowToDelete).name}”?`;
      dialog.showModal();
    } else if (button.classList.contains('cancel')) {
      dialog.close();
    } else if (button.classList.contains('confirm')) {
      dialog.close();
      deleteRow(rowToDelete);
    }
  });
  section.addEventListener('input', applyFilter);

  stage.append(section);
  client.list(new AbortController().signal).then(render);
  return section;
}

installBench({ variant: 'vanilla', mount: mountVanilla });
