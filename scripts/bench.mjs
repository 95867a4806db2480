#!/usr/bin/env node
/**
 * `npm run bench`: `<pat-token-list>` from the production bundle against two baselines that build
 * the same table, in the system's headless Chromium: vanilla DOM (`<template>` clones) and a plain
 * Lit 3 element (`repeat`, one template per row).
 *
 * For 1, 10, 100, 1,000 and 10,000 tokens it times mount → rows laid out ("ready") and → the end
 * of the first frame showing them ("painted"), with the page's first `Intl` formatter built before
 * (ICU setup is a cost of the page, not of a table), beside main-thread CPU time; counts the DOM
 * nodes (the whole section, and per data row); reports the element's entry bundle (what the first
 * screen loads) and all-in size, minified + gzipped; it times deleting one row of 1,000 through the UI (delete
 * button → confirm dialog) and one real filter keystroke at 10,000 (input event → next frame); and
 * reads the JS heap after GC and the number of event listeners over the Chrome DevTools Protocol.
 * Every sample is a fresh page; samples alternate between the three (A B C A B C …) so drift hits
 * all alike. Prints medians, ratios against both baselines and the targets.
 *
 *   npm run bench -- --reps=10 --seconds=240 --json=bench-results.json
 *
 * Stops after `--reps` rounds or when another round would pass `--seconds`, whichever is first,
 * and always closes the browser. Exit code: 0 every target met, 1 a target missed or not
 * measurable, 2 the benchmark itself failed.
 */
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { BUDGETS_KB, buildBundle, gzipSize, TARGETS_KB } from './check-size.mjs';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.mjs';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'bench');

const SIZES = [1, 10, 100, 1_000, 10_000];
/** Where the per-row DOM cost is read: every row is rendered (no windowing) and rows dominate. */
const NODES_AT = 100;
const DELETE_AT = 1_000;
const FILTER_AT = 10_000;
const KEYSTROKES_PER_PAGE = 3;
const VARIANTS = ['vanilla', 'lit', 'element'];
/**
 * The targets. Up to 100 tokens, where windowing does not apply, the element must cost no more
 * than plain Lit rendering the same table (1.5× leaves room for what Lit's baseline lacks:
 * sorting, scopes, badges, focus handling); above, windowing must beat even vanilla DOM.
 */
const MOUNT_TARGETS = new Map([
  [1, { against: 'lit', max: 1.5 }],
  [10, { against: 'lit', max: 1.5 }],
  [100, { against: 'lit', max: 1.5 }],
  [1_000, { against: 'vanilla', max: 0.5 }],
  [10_000, { against: 'vanilla', max: 0.2 }],
]);
/** What windowing listens to while it is on: the page's scroll and resize. */
const WINDOWING_LISTENERS = 2;
const ONE_FRAME_MS = 1000 / 60;

const HANG_MARGIN_MS = 5 * 60_000;

const BROWSER_ARGS = ['--headless', ...CHROMIUM_ARGS];

function readOptions() {
  const { values } = parseArgs({
    options: {
      reps: { type: 'string', default: '10' },
      seconds: { type: 'string', default: '240' },
      json: { type: 'string' },
      sizes: { type: 'string' },
    },
  });
  const reps = Number(values.reps);
  const seconds = Number(values.seconds);
  if (!(Number.isInteger(reps) && reps >= 1) || !(seconds > 0)) {
    throw new Error('--reps must be a whole number ≥ 1 and --seconds a positive number.');
  }
  // Only some sizes (while working on one): the rows of the others stay empty and the run exits 1.
  const sizes = values.sizes === undefined ? SIZES : values.sizes.split(',').map(Number);
  if (!sizes.every((size) => SIZES.includes(size))) throw new Error(`--sizes must be some of ${SIZES.join(',')}.`);
  return { maxRounds: reps, budgetMs: seconds * 1000, json: values.json, sizes };
}

let options;
try {
  options = readOptions();
} catch (error) {
  console.error(`${error.message}\nUsage: npm run bench -- [--reps=10] [--seconds=240] [--json=FILE] [--sizes=1,10,100]`);
  process.exit(2);
}
const { maxRounds, budgetMs } = options;

// ---------------------------------------------------------------------------------------------
// Serving the pages and the bundle

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * The plain-Lit baseline with Lit's production build inside, its templates' whitespace collapsed
 * like the element's (else its rows would carry indentation text nodes the element's do not).
 */
async function buildLitBaseline() {
  const result = await esbuild.build({
    entryPoints: [join(benchDir, 'lit.js')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    conditions: ['production'],
    plugins: [minifyTemplatesPlugin({ filter: /[\\/]bench[\\/]lit\.js$/ })],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

function startServer(bundle, litBaseline) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
    const headers = {
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    };
    if (path === '/pat-elements.bundle.js') {
      response.writeHead(200, { ...headers, 'Content-Type': TYPES['.js'] }).end(bundle);
      return;
    }
    if (path === '/bench/lit.bundle.js') {
      response.writeHead(200, { ...headers, 'Content-Type': TYPES['.js'] }).end(litBaseline);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(`${benchDir}/`) || !TYPES[extname(file)]) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------------------------------------
// One sample: a fresh page, one mount, then the interaction measured at that size

/** Minified + gzipped bytes of the element's code: what the first screen loads, and everything. */
let bundleSizes;

/** Per `variant:size:metric`, the samples; and why a metric could not be measured. */
const samples = new Map();
const problems = new Map();

function record(variant, size, metric, value) {
  const key = `${variant}:${size}:${metric}`;
  if (!samples.has(key)) samples.set(key, []);
  samples.get(key).push(value);
}

function problem(variant, size, metric, message) {
  const key = `${variant}:${size}:${metric}`;
  if (!problems.has(key)) problems.set(key, message);
}

const broken = (variant, size, metric) => problems.has(`${variant}:${size}:${metric}`);

/** Uncaught errors on the pages, once each: they explain a metric that could not be measured. */
const pageErrors = new Set();

async function withPage(browser, origin, variant, use) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.add(`${variant}: ${error.message}`));
    await page.goto(`${origin}/bench/${variant}.html`);
    await page
      .waitForFunction(() => window.bench !== undefined, null, { timeout: 15_000 })
      .catch(() => {
        throw new Error(`the ${variant} page did not load: ${[...pageErrors].join('; ') || 'no error reported'}`);
      });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    return await use(page, cdp);
  } finally {
    await context.close();
  }
}

/** Before every timed step, so a collection left over from the previous one does not land in it. */
function collectGarbage(cdp) {
  return cdp.send('HeapProfiler.collectGarbage');
}

/**
 * The page's counters: JS heap, listeners, and seconds so far of style and layout (forced layouts
 * included) and of main-thread CPU time. CPU time does not grow while the thread waits for a core,
 * so it stays steady when the machine is busy, unlike wall-clock time. `ScriptDuration` is left
 * out: it reads far below what a CPU profile of the same mount shows, so it would mislead.
 */
async function readMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name) => metrics.find((metric) => metric.name === name)?.value ?? NaN;
  return {
    heap: value('JSHeapUsedSize'),
    listeners: value('JSEventListeners'),
    layout: value('RecalcStyleDuration') + value('LayoutDuration'),
    cpu: value('ThreadTime'),
  };
}

async function metricsAfterGc(cdp) {
  await collectGarbage(cdp);
  return readMetrics(cdp);
}

async function sample(browser, origin, variant, size, { warmUp = false } = {}) {
  await withPage(browser, origin, variant, async (page, cdp) => {
    await page.evaluate((count) => window.bench.prepare(count), size);
    const before = await metricsAfterGc(cdp);
    const mount = await page.evaluate(() => window.bench.mount());
    if (warmUp) return;
    if (mount.error) {
      problem(variant, size, 'mount', `mount: ${mount.error}`);
      return;
    }
    record(variant, size, 'mount', mount.ms);
    record(variant, size, 'painted', mount.paintedMs);
    record(variant, size, 'rows', mount.rows);
    const mounted = await readMetrics(cdp);
    record(variant, size, 'mountLayout', (mounted.layout - before.layout) * 1000);
    record(variant, size, 'mountCpu', (mounted.cpu - before.cpu) * 1000);
    const nodes = await page.evaluate(() => window.bench.nodes());
    record(variant, size, 'nodes', nodes.nodes);
    record(variant, size, 'nodesPerRow', nodes.nodesPerRow);
    const after = await metricsAfterGc(cdp);
    record(variant, size, 'heap', after.heap);
    record(variant, size, 'heapAdded', after.heap - before.heap);
    record(variant, size, 'listenersAdded', after.listeners - before.listeners);

    if (variant === 'element' && size === FILTER_AT && !broken(variant, size, 'validation')) {
      const validation = await page.evaluate(() => window.bench.validation?.() ?? { error: 'the page has no validation measurement' });
      if (validation.error) problem(variant, size, 'validation', validation.error);
      else record(variant, size, 'validation', validation.ms);
    }
    if (size === DELETE_AT && !broken(variant, size, 'delete')) await deleteOneRow(page, cdp, variant, size);
    if (size === FILTER_AT) {
      for (let stroke = 0; stroke < KEYSTROKES_PER_PAGE && !broken(variant, size, 'filter'); stroke += 1) {
        await filterKeystroke(page, cdp, variant, size);
      }
    }
  });
}

async function deleteOneRow(page, cdp, variant, size) {
  const opened = await page.evaluate(() => window.bench.openDelete());
  if (opened.error) return problem(variant, size, 'delete', `delete: ${opened.error}`);
  await collectGarbage(cdp);
  const before = await readMetrics(cdp);
  const deletion = await page.evaluate(() => window.bench.confirmDelete());
  const after = await readMetrics(cdp);
  if (deletion.error) return problem(variant, size, 'delete', `delete: ${deletion.error}`);
  record(variant, size, 'delete', deletion.ms);
  record(variant, size, 'deleteCpu', (after.cpu - before.cpu) * 1000);
}

/** The key the harness chose for the filter keystroke, for the report. */
let typedFilterKey = '';

async function filterKeystroke(page, cdp, variant, size) {
  await collectGarbage(cdp);
  const armed = await page.evaluate(() => window.bench.armFilter());
  if (armed.error) return problem(variant, size, 'filter', `filter: ${armed.error}`);
  typedFilterKey = await page.evaluate(() => window.bench.filterKey);
  const before = await readMetrics(cdp);
  await page.keyboard.press(typedFilterKey);
  const frame = await page.evaluate(() => window.bench.filterFrame());
  const after = await readMetrics(cdp);
  if (frame.error) return problem(variant, size, 'filter', `filter: ${frame.error}`);
  record(variant, size, 'filter', frame.ms);
  record(variant, size, 'filterCpu', (after.cpu - before.cpu) * 1000);
  if (!frame.appliedInFrame) record(variant, size, 'filterResult', frame.resultMs);
  await page.keyboard.press('Backspace');
  const cleared = await page.evaluate(() => window.bench.filterCleared());
  if (cleared.error) problem(variant, size, 'filter', `filter: ${cleared.error}`);
}

// ---------------------------------------------------------------------------------------------
// Statistics and the table

function median(values) {
  if (!values?.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const medianOf = (variant, size, metric) => median(samples.get(`${variant}:${size}:${metric}`));
const countOf = (variant, size, metric) => samples.get(`${variant}:${size}:${metric}`)?.length ?? 0;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => (value === undefined ? '—' : value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`);
const mb = (value) => (value === undefined ? '—' : `${(value / 1048576).toFixed(2)} MB`);
const count = (value) => (value === undefined ? '—' : Math.round(value).toLocaleString('en-US'));
const ratioText = (ratio) => (ratio === undefined || !Number.isFinite(ratio) ? '—' : `${ratio.toFixed(2)}×`);
const thousands = (n) => n.toLocaleString('en-US');

/**
 * Rows of the report: a measurement, the three medians, the element's ratio to each baseline, and
 * the target if there is one (a ratio to one baseline, or a fixed bound).
 */
function reportRows() {
  const rows = [];
  const medians = (metric, size) => VARIANTS.map((variant) => medianOf(variant, size, metric));
  const ratios = ([vanilla, lit, element]) =>
    [vanilla, lit].map((baseline) => (baseline !== undefined && element !== undefined ? element / baseline : undefined));
  const judge = (ratio, max) => (ratio === undefined ? 'n/a' : ratio <= max ? 'PASS' : 'FAIL');
  const ratioRow = (label, metric, size, format, target) => {
    const values = medians(metric, size);
    const [toVanilla, toLit] = ratios(values);
    const result = target ? judge(target.against === 'lit' ? toLit : toVanilla, target.max) : '';
    const targetText = target ? `≤ ${target.max}× ${target.against === 'lit' ? 'plain Lit' : 'vanilla'}` : '';
    rows.push([label, ...values.map(format), ratioText(toVanilla), ratioText(toLit), targetText, result]);
  };

  for (const size of SIZES) {
    ratioRow(`mount ${thousands(size)} → ready (rows laid out)`, 'mount', size, ms, MOUNT_TARGETS.get(size));
    ratioRow(`  → painted (first frame showing them)`, 'painted', size, ms, MOUNT_TARGETS.get(size));
    ratioRow('  main-thread CPU, to painted', 'mountCpu', size, ms);
    ratioRow('  style and layout (wall clock)', 'mountLayout', size, ms);
  }
  for (const size of [1, NODES_AT]) ratioRow(`DOM nodes, ${thousands(size)}`, 'nodes', size, count);
  ratioRow(
    `DOM nodes per data row, ${thousands(NODES_AT)}`,
    'nodesPerRow',
    NODES_AT,
    (value) => (value === undefined ? '—' : value.toFixed(1)),
    {
      against: 'lit',
      max: 1.5,
    },
  );
  ratioRow(`delete 1 of ${thousands(DELETE_AT)} (confirm → row gone)`, 'delete', DELETE_AT, ms, { against: 'vanilla', max: 2 });
  ratioRow('  main-thread CPU', 'deleteCpu', DELETE_AT, ms);

  {
    const values = medians('filter', FILTER_AT);
    const element = values[2];
    const late = countOf('element', FILTER_AT, 'filterResult');
    const result = element === undefined ? 'n/a' : element <= ONE_FRAME_MS && late === 0 ? 'PASS' : 'FAIL';
    rows.push([
      `filter keystroke at ${thousands(FILTER_AT)} → next frame`,
      ...values.map(ms),
      ...ratios(values).map(ratioText),
      `≤ ${ONE_FRAME_MS.toFixed(1)} ms (one frame)`,
      result,
    ]);
    ratioRow('  main-thread CPU', 'filterCpu', FILTER_AT, ms);
    if (late) {
      rows.push([
        `  filter result shown (${late} of ${countOf('element', FILTER_AT, 'filter')} not in that frame)`,
        '',
        '',
        ms(medianOf('element', FILTER_AT, 'filterResult')),
        '',
        '',
        '',
        '',
      ]);
    }
  }

  for (const size of [NODES_AT, 1_000, 10_000]) {
    ratioRow(`JS heap after GC, ${thousands(size)}`, 'heap', size, mb, size === 10_000 ? { against: 'vanilla', max: 3 } : undefined);
  }
  ratioRow(`  of which added by the table, ${thousands(FILTER_AT)}`, 'heapAdded', FILTER_AT, mb);

  {
    const added = (variant) => SIZES.map((size) => medianOf(variant, size, 'listenersAdded'));
    const element = added('element');
    const measured = element.every((value) => value !== undefined);
    // Windowing (above 100 rows) listens to the page's scroll and resize while it is on: a fixed
    // two more, whatever N. What must never happen is a listener per row.
    const whole = element.filter((_, i) => SIZES[i] <= NODES_AT);
    const windowed = element.filter((_, i) => SIZES[i] > NODES_AT);
    const constant =
      whole.every((value) => value === whole[0]) &&
      windowed.every((value) => value === windowed[0]) &&
      windowed[0] - whole[0] <= WINDOWING_LISTENERS;
    const result = !measured ? 'n/a' : constant ? 'PASS' : 'FAIL';
    rows.push([
      `event listeners added, N = ${SIZES.map(thousands).join(' / ')}`,
      ...VARIANTS.map((variant) => added(variant).map(count).join(' / ')),
      '',
      '',
      `same for every N (+${WINDOWING_LISTENERS} windowing)`,
      result,
    ]);
  }
  ratioRow(`data rows in the DOM, ${thousands(FILTER_AT)}`, 'rows', FILTER_AT, count);
  {
    const judge = (bytes, maxKb) => (bytes <= maxKb * 1024 ? 'PASS' : 'FAIL');
    const { entry, allIn } = bundleSizes;
    rows.push([
      'entry bundle, min+gzip (what the first screen loads)',
      '',
      '',
      kb(entry),
      '',
      '',
      `≤ ${TARGETS_KB.entry} KB`,
      judge(entry, TARGETS_KB.entry),
    ]);
    rows.push([
      'all-in, min+gzip (entry and every lazy chunk)',
      '',
      '',
      kb(allIn),
      '',
      '',
      `≤ ${BUDGETS_KB.bundle} KB (ceiling)`,
      judge(allIn, BUDGETS_KB.bundle),
    ]);
  }
  rows.push([
    `  zod/mini validation of ${thousands(FILTER_AT)} tokens`,
    '',
    '',
    ms(medianOf('element', FILTER_AT, 'validation')),
    '',
    '',
    'part of mount',
    '',
  ]);
  return rows;
}

function printTable(rows) {
  const header = ['measurement (median)', 'vanilla', 'plain Lit', 'element', '÷ vanilla', '÷ Lit', 'target', 'result'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) =>
    cells.map((cell, column) => (column === 0 || column === 6 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '─'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const [{ code: bundle }, litBaseline] = await Promise.all([buildBundle(), buildLitBaseline()]);
  // One file today: the first screen loads all of it.
  bundleSizes = { entry: gzipSize(bundle), allIn: gzipSize(bundle) };
  const server = await startServer(bundle, litBaseline);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: findBrowser(), headless: true, args: BROWSER_ARGS });

  // The first round always runs whole, so the budget only decides whether another one starts; a
  // run that hangs (a page that never answers) must still end and close the browser.
  const watchdog = setTimeout(() => {
    console.error(`The benchmark is still running ${HANG_MARGIN_MS / 60_000} minutes past its ${budgetMs / 1000} s budget; stopping.`);
    browser.close().finally(() => process.exit(2));
  }, budgetMs + HANG_MARGIN_MS);
  watchdog.unref();

  const loadAtStart = loadavg()[0];
  try {
    console.log(
      `Benchmarking <pat-token-list> against vanilla DOM and plain Lit: N = ${options.sizes.map(thousands).join(', ')}; ` +
        `up to ${maxRounds} rounds or ${budgetMs / 1000} s.`,
    );
    for (const variant of VARIANTS) await sample(browser, origin, variant, NODES_AT, { warmUp: true });

    let rounds = 0;
    let lastRoundMs = 0;
    while (rounds < maxRounds && Date.now() - started + lastRoundMs <= budgetMs) {
      const roundStart = Date.now();
      for (const size of options.sizes) {
        for (const variant of VARIANTS) {
          if (broken(variant, size, 'mount')) continue;
          await sample(browser, origin, variant, size);
        }
      }
      rounds += 1;
      lastRoundMs = Date.now() - roundStart;
      process.stdout.write(`  round ${rounds} done (${(lastRoundMs / 1000).toFixed(1)} s)\n`);
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const load = Math.max(loadAtStart, loadavg()[0]);
    const machine =
      `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, ` +
      `load average up to ${load.toFixed(1)}; Chromium ${browser.version()}; Node ${process.version}`;
    console.log(`\n${rounds} interleaved round${rounds === 1 ? '' : 's'} in ${seconds} s, a fresh page per sample. ${machine}\n`);
    if (load > cpus().length) {
      console.log(
        `The machine was busy (load ${load.toFixed(1)} on ${cpus().length} cores): wall-clock times, and the PASS/FAIL ` +
          'judged on them, swing from run to run; the main-thread CPU rows are the steadier comparison.\n',
      );
    }
    const rows = reportRows();
    printTable(rows);
    console.log(
      '\nBefore each timed mount the page builds one Intl formatter (its first costs ICU setup) and lays out text once.\n' +
        'ready: from creating the element (vanilla: the section) to its data rows in the DOM and laid out (a forced layout); ' +
        'the in-page client answers at once.\n' +
        'painted: from the same start to the end of the first frame that shows those rows (requestAnimationFrame, then a ' +
        'task posted from it: that frame’s style, layout and paint are done; the wait for the frame is included).\n' +
        'Ratios are of medians over interleaved samples; main-thread CPU is measured from before the mount to painted.\n' +
        "DOM nodes: every node (elements, text, comments such as Lit's markers) of the section, shadow roots included; " +
        'per row: the nodes of each data row in the DOM, on average.\n' +
        'delete: through the UI — the row’s delete button, then the confirm dialog’s confirm button; timed from that ' +
        'click to the row gone and laid out.\n' +
        `filter: a real "${typedFilterKey}" keystroke into the filter box; timed from its input event to the next animation frame, laid out.\n` +
        'heap and listeners: CDP Performance.getMetrics after HeapProfiler.collectGarbage, once the rows are ready; ' +
        'main-thread CPU: its ThreadTime over the same step (steadier than wall-clock time on a busy machine); ' +
        'style and layout: its RecalcStyleDuration + LayoutDuration.',
    );
    if (problems.size) {
      console.log('\nNot measured:');
      for (const [key, message] of problems) console.log(`  ${key.split(':').slice(0, 2).join(' at N=')}: ${message}`);
    }
    if (pageErrors.size) {
      console.log('\nUncaught errors on the pages:');
      for (const message of pageErrors) console.log(`  ${message}`);
    }
    if (options.json) {
      await writeFile(
        options.json,
        JSON.stringify(
          {
            machine,
            rounds,
            seconds: Number(seconds),
            samples: Object.fromEntries(samples),
            problems: Object.fromEntries(problems),
            table: rows,
          },
          null,
          2,
        ),
      );
      console.log(`\nRaw samples written to ${options.json}.`);
    }
    return rows.some((row) => row.at(-1) === 'FAIL' || row.at(-1) === 'n/a') ? 1 : 0;
  } finally {
    clearTimeout(watchdog);
    await browser.close();
    server.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`The benchmark failed: ${error.stack ?? error.message}`);
    process.exitCode = 2;
  },
);
