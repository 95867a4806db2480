#!/usr/bin/env node
/**
 * End to end through the real demo, as a user and a host developer meet it:
 *
 * 1. `npm run build` (dist: the bundle and the framework typings), then the React page
 *    type-checked against dist's typings (tsc), the Vue page too (vue-tsc, strictTemplates), and
 *    the demo built with `vite build`;
 * 2. the Vite dev server (`npm run demo`) on a free port, with the reference server over PGlite
 *    (a fresh data folder of its own), driven in headless Chromium: a seeded token's detail view
 *    (its callers and trail); a fault injected through the control panel and recovered by Retry;
 *    the server's permissions as labels in the list and as the dialog's picker (the page sets
 *    nothing but `endpoint`); create a limited token → reveal → copy → the copied secret calls the
 *    host's API (`/api/whoami`), which reports its permissions → "Last used" shown, the onActivity
 *    hook's new caller in the panel, the token's detail view → Regenerate on the row → the old
 *    secret works in its grace period → delete → the secret is refused; a leak reported by the
 *    panel's scanner (a signed report) → the row turns Revoked with where it was found, the secret
 *    is refused, the panel shows what onLeak received → delete; the panel's maintain() reminds
 *    once; German (labels too), dark and right-to-left; "Revoke all my tokens" (`revokeAll`); the
 *    account filled to its limit from the panel: "100 of 100" before any form; two tokens deleted at
 *    once, then every expired one; no CSP violation or page error anywhere;
 * 3. the same page on the mock (`/?backend=mock`), its "Revoke all my tokens" and its limit too,
 *    and the bundle-only, React and Vue pages render the tokens and hear events.
 *
 * `--screenshot` also saves a picture of the demo page to docs/demo.png. The server is stopped by
 * its PID at the end, also on failure, and its data folder deleted. Exits non-zero when a check
 * fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from './build.mjs';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.mjs';
import { freePort } from './free-port.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const takeScreenshot = process.argv.includes('--screenshot');
const SEEDED_TOKENS = 6;
/** The per-user maximum of both demo backends, stated in their list answers. */
const MAX_TOKENS = 100;
const NEW_TOKEN = 'E2E deploy key';
const LEAKED_TOKEN = 'E2E leaked key';
const LEAK_URL = 'https://github.com/ada/dotfiles/blob/main/.env';
const TIMEOUT = 15_000;

const checks = [];
function passed(what) {
  checks.push(what);
  console.log(`  ✓ ${what}`);
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * Starts Vite's dev server as its own process group, so stopping it stops its children too. Its
 * backend keeps its data in `dataDir`, not in the developer's `.demo-data/`.
 */
async function startDevServer(port, dataDir) {
  const server = spawn(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      '--config',
      'vite.config.ts',
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: root,
      env: { ...process.env, PAT_DEMO_E2E: '1', PAT_DEMO_DATA: dataDir },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && server.exitCode === null) {
    try {
      if ((await fetch(`${url}/`)).ok) {
        // The demo's database opens (and is seeded) on the first token request: done here, so
        // the pages' waits measure the pages, not PGlite starting on a busy machine.
        const tokens = await fetch(`${url}/api/tokens`, { signal: AbortSignal.timeout(120_000) });
        if (!tokens.ok) throw new Error(`/api/tokens answered ${tokens.status}:\n${output}`);
        return { server, url };
      }
    } catch (error) {
      if (error.message?.startsWith('/api/tokens')) {
        await stopDevServer(server);
        throw error;
      }
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopDevServer(server);
  throw new Error(`vite did not answer on ${url} within 30 s (exit code ${server.exitCode}):\n${output}`);
}

/** Resolves once the server has exited, so its database is closed before its folder goes. */
async function stopDevServer(server) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const signal = (name) => {
    try {
      process.kill(-server.pid, name);
    } catch {
      server.kill(name);
    }
  };
  signal('SIGTERM');
  const stuck = setTimeout(() => signal('SIGKILL'), 15_000);
  await exited;
  clearTimeout(stuck);
}

/** Page errors, console errors and CSP violations; 4xx/5xx resource logs are expected (faults). */
function watchProblems(page) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Failed to load resource/.test(message.text())) return;
    problems.push(`console.error: ${message.text()}`);
  });
  return problems;
}

async function openPage(context, url) {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = watchProblems(page);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  await page.goto(url);
  return { page, problems };
}

const rows = (page) => page.locator('pat-token-list tbody tr[data-id]');
const row = (page, id) => page.locator(`pat-token-list tbody tr[data-id="${id}"]`);

async function expectRows(page, count, what) {
  await page.waitForFunction(
    (n) => document.querySelector('pat-token-list')?.shadowRoot?.querySelectorAll('tbody tr[data-id]').length === n,
    count,
    { timeout: TIMEOUT },
  );
  passed(what);
}

/** Every text and form value in the page, shadow roots included: where a secret could linger. */
function deepText(page) {
  return page.evaluate(() => {
    const parts = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.data);
      if (node instanceof Element) {
        for (const attribute of node.attributes) parts.push(attribute.value);
        if ('value' in node && typeof node.value === 'string') parts.push(node.value);
        if (node.shadowRoot) walk(node.shadowRoot);
      }
      for (const child of node.childNodes) walk(child);
    };
    walk(document);
    return parts.join('\n');
  });
}

async function hostPage(context, url) {
  console.log('\nHost settings page (/)');
  const { page, problems } = await openPage(context, `${url}/`);
  await expectRows(page, SEEDED_TOKENS, `the list shows the ${SEEDED_TOKENS} seeded tokens`);
  const badges = await page.locator('pat-token-list [part~=badge]').allTextContents();
  assert(badges.some((b) => /Expired/.test(b)) && badges.some((b) => /Expires in 3 days/.test(b)), `badges were ${badges}`);
  passed('an expired token and one expiring in 3 days are badged');
  await expectPermissionLabels(page, 'Read repositories', 'repo:read');
  passed('the seeded tokens’ permissions are shown by the server’s labels, not their ids');

  if (takeScreenshot) {
    mkdirSync(join(root, 'docs'), { recursive: true });
    await page.locator('pat-token-list').evaluate((list) => list.updateComplete);
    await page.screenshot({ path: join(root, 'docs/demo.png') });
    passed('saved docs/demo.png');
  }

  // The detail view on the real server: where the seeded Laptop CLI token was used from, and its trail.
  const details = await openActivity(page, 'Laptop CLI');
  await details.getByText(/^Last used .+ ago from 203\.0\.113\.7, curl\/8\.5\.0$/).waitFor();
  const laptopEvents = await details.locator('[part~=activity-events] li').allTextContents();
  assert(
    laptopEvents.filter((line) => /Used from a new address/.test(line)).length === 2 && /Created/.test(laptopEvents.at(-1)),
    `the Laptop CLI trail was ${laptopEvents}`,
  );
  await closeActivity(details);
  passed('Activity on a seeded row: "Last used … from 203.0.113.7, curl/8.5.0", its two callers’ first uses and its creation');

  // A fault through the control panel, then recovery by the list's own Retry.
  const panel = page.locator('.demo-panel');
  await panel.getByLabel('Server error (500)').check();
  await panel.getByRole('button', { name: 'Inject fault' }).click();
  await panel.getByRole('button', { name: 'Reload list' }).click();
  const alert = page.locator('pat-token-list [part~=alert]');
  await alert.getByText("Couldn't refresh the list.").waitFor();
  await panel.getByText('got a server error (500)').waitFor();
  passed('an injected server error shows "Couldn\'t refresh the list" and keeps the tokens');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await alert.waitFor({ state: 'detached' });
  await expectRows(page, SEEDED_TOKENS, 'Retry recovers: the alert is gone, the tokens are there');

  // Create → reveal → copy → dismiss.
  await page.getByRole('button', { name: 'Generate new token' }).click();
  const dialog = page.locator('pat-token-list pat-generate-dialog [part~=dialog]');
  await dialog.waitFor();
  await dialog.getByLabel('Name').fill(NEW_TOKEN);
  // The server's catalogue, with its defaults checked; one more chosen: a limited token.
  assert(await dialog.getByRole('checkbox', { name: 'Read repositories', exact: true }).isChecked(), 'the default is not checked');
  assert(!(await dialog.getByRole('checkbox', { name: 'Publish packages', exact: true }).isChecked()), 'a non-default is checked');
  await dialog.getByRole('checkbox', { name: 'Publish packages', exact: true }).check();
  passed('the dialog offers the server’s permissions, its defaults checked');
  await dialog.getByRole('button', { name: 'Generate token' }).click();
  const secretField = page.locator('pat-token-list pat-token-reveal #secret');
  await secretField.waitFor();
  const secret = await secretField.inputValue();
  assert(/^nimbus_[A-Za-z0-9]{36}$/.test(secret), 'the revealed secret is not nimbus_ + 36 base62 characters');
  passed('create reveals a nimbus_ secret once, in the dialog (the server’s format: 30 random + 6 checksum)');

  await page.locator('pat-token-list pat-token-reveal').getByRole('button', { name: 'Copy token' }).click();
  await page.locator('pat-token-list pat-token-reveal [part~=status]').getByText('Token copied').waitFor();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  assert(clipboard === secret, 'the clipboard does not hold the secret');
  await panel.locator('#event-log').getByText('pat-secret-copied').waitFor();
  passed('Copy puts exactly the secret on the clipboard and the host hears pat-secret-copied');

  await page.locator('pat-token-list pat-token-reveal').getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const newRow = rows(page).filter({ hasText: NEW_TOKEN });
  await newRow.getByText('New', { exact: true }).waitFor();
  assert(!(await deepText(page)).includes(secret), 'the secret is still somewhere in the page after Done');
  const events = await panel.locator('#event-log').textContent();
  assert(!events.includes(secret), 'an event carried the secret');
  assert(/pat-token-created/.test(events) && /pat-reveal-dismissed/.test(events), `events were: ${events}`);
  passed('Done closes the dialog, the new row is marked New, and the secret has left the page');
  const hooks = panel.locator('#hook-log');
  await hooks.getByText(`created “${NEW_TOKEN}” by ada from 127.0.0.1`).waitFor();
  passed('the server’s onActivity hook heard the create, with the acting user and the request’s address');

  // The copied secret against the host's own API, which the server protects with verify.
  const id = await newRow.getAttribute('data-id');
  const lastUsed = row(page, id).locator('[part~=last-used-cell]');
  await lastUsed.getByText('Never', { exact: true }).waitFor();
  await callWhoami(
    page,
    clipboard,
    /^200: acting as Ada Lovelace \(ada\) with “E2E deploy key”, permissions repo:read, issues:read, packages:write, account:read\.$/,
  );
  passed('the copied secret calls GET /api/whoami: 200, acting as its owner with the permissions chosen');
  const chips = await row(page, id).locator('[part~=scope]').allTextContents();
  assert(chips.map((chip) => chip.trim()).includes('Read repositories'), `the new row's permissions were ${chips}`);
  passed('the new token’s row shows its permissions by label');
  await lastUsed.locator('time').waitFor();
  assert(!/Never/.test(await lastUsed.textContent()), 'Last used still says Never');
  passed(`"Last used" in the list moves from "Never" to ${JSON.stringify((await lastUsed.textContent()).trim())}`);
  await hooks.getByText(new RegExp(`^onActivity new-caller “${NEW_TOKEN}” by token from 127\\.0\\.0\\.1, .*HeadlessChrome`)).waitFor();
  const used = await openActivity(page, NEW_TOKEN);
  await used.getByText(/^Last used .+ from 127\.0\.0\.1, .*HeadlessChrome/).waitFor();
  const usedEvents = (await used.locator('[part~=activity-events] li').allTextContents()).map((line) => line.replace(/\s+/g, ' ').trim());
  assert(
    usedEvents.length === 2 && /Used from a new address/.test(usedEvents[0]) && /Created.*From 127\.0\.0\.1/.test(usedEvents[1]),
    `the new token's trail was ${usedEvents}`,
  );
  await closeActivity(used);
  passed('the use through /api/whoami: onActivity hears a new caller, and the detail view shows it and the create');

  // Regenerate from the row, with a one-hour grace period: the new secret is revealed once, the
  // host hears pat-token-rotated, and the old row stays, marked Replaced, while its grace runs.
  await row(page, id)
    .getByRole('button', { name: `Regenerate token “${NEW_TOKEN}”` })
    .click();
  await dialog.getByRole('heading', { name: 'Regenerate token' }).waitFor();
  await dialog.getByLabel('Current token stops working').selectOption({ label: 'In 1 hour' });
  await dialog.getByRole('button', { name: 'Regenerate token' }).click();
  await secretField.waitFor();
  const rotatedSecret = await secretField.inputValue();
  assert(/^nimbus_[A-Za-z0-9]{36}$/.test(rotatedSecret) && rotatedSecret !== clipboard, 'regenerate did not reveal a new nimbus_ secret');
  await page.locator('pat-token-list pat-token-reveal').getByRole('checkbox').check();
  await page.locator('pat-token-list pat-token-reveal').getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await panel.locator('#event-log').getByText('pat-token-rotated').waitFor();
  assert(!(await deepText(page)).includes(rotatedSecret), 'the regenerated secret is still somewhere in the page after Done');
  await row(page, id).getByText('Replaced', { exact: true }).waitFor();
  const rotated = {
    id: await rows(page).filter({ hasText: NEW_TOKEN }).filter({ hasNotText: 'Replaced' }).getAttribute('data-id'),
    secret: rotatedSecret,
  };
  assert(rotated.id && rotated.id !== id, `the regenerated token's row was not found (${rotated.id})`);
  passed(
    'Regenerate on the row (1-hour grace): a new secret revealed once and gone after Done, pat-token-rotated heard, the old row marked Replaced',
  );
  await expectRows(page, SEEDED_TOKENS + 2, 'regenerate: the new token and the old one (in its grace period) are both listed');
  await callWhoami(page, clipboard, /^200: acting as Ada Lovelace/);
  passed('the old secret still works during the grace period');

  // Delete, with confirmation: the old token first; then its secret is refused.
  await row(page, id)
    .getByRole('button', { name: `Delete token “${NEW_TOKEN}”` })
    .click();
  const confirm = page.locator('pat-token-list [part~=confirm-dialog]');
  await confirm.getByRole('button', { name: 'Delete token' }).click();
  await row(page, id).waitFor({ state: 'detached' });
  await panel.locator('#event-log').getByText('pat-token-deleted').waitFor();
  await expectRows(page, SEEDED_TOKENS + 1, 'delete asks for confirmation, removes the row, and the host hears pat-token-deleted');
  await callWhoami(page, clipboard, /^401: refused\. This token is not valid/);
  passed('the deleted token’s secret is refused (401)');
  await row(page, rotated.id)
    .getByRole('button', { name: `Delete token “${NEW_TOKEN}”` })
    .click();
  await confirm.getByRole('button', { name: 'Delete token' }).click();
  await expectRows(page, SEEDED_TOKENS, 'the regenerated token is deleted too');
  await callWhoami(page, rotated.secret, /^401: refused\./);
  passed('and its secret is refused as well');

  // A leak: the panel plays GitHub's secret scanning and posts a signed report for a new token's
  // secret; the row turns Revoked with where it was found, the secret is refused, and the panel
  // shows what onLeak received. Then the user deletes the revoked token.
  await page.getByRole('button', { name: 'Generate new token' }).click();
  await dialog.getByLabel('Name').fill(LEAKED_TOKEN);
  await dialog.getByRole('button', { name: 'Generate token' }).click();
  await secretField.waitFor();
  const leaked = await secretField.inputValue();
  await page.locator('pat-token-list pat-token-reveal').getByRole('checkbox').check();
  await page.locator('pat-token-list pat-token-reveal').getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const leakedRow = rows(page).filter({ hasText: LEAKED_TOKEN });
  const leakedId = await leakedRow.getAttribute('data-id');
  await callWhoami(page, leaked, /^200: acting as Ada Lovelace/);
  const leakForm = page.locator('#simulate-leak');
  await leakForm.getByLabel('Leaked token').fill(leaked);
  await leakForm.getByRole('button', { name: 'Simulate a leak' }).click();
  await leakForm
    .locator('#leak-result')
    .getByText(
      /^The receiver answered 200 \(true_positive\); onLeak heard 1 token\(s\); GET \/api\/whoami with that secret now answers 401\.$/,
    )
    .waitFor();
  const heard = JSON.parse((await leakForm.locator('#leak-heard').textContent()).replace(/^onLeak received:\n/, ''));
  assert(
    heard.length === 1 &&
      heard[0].reason === 'leaked' &&
      heard[0].userId === 'ada' &&
      heard[0].token.id === leakedId &&
      heard[0].url === LEAK_URL &&
      heard[0].token.revocation?.url === LEAK_URL,
    `onLeak heard ${JSON.stringify(heard)}`,
  );
  passed(
    '"Simulate a leak" posts a signed report: 200 true_positive, and the panel shows what onLeak received (the token, its owner, the URL)',
  );
  const revokedRow = row(page, leakedId);
  await page.waitForFunction(
    (id) => document.querySelector('pat-token-list')?.shadowRoot?.querySelector(`tr[data-id="${id}"]`)?.matches('[part~=row-revoked]'),
    leakedId,
    { timeout: TIMEOUT },
  );
  const line = revokedRow.locator('[part~=revocation]');
  assert(
    /^Revoked automatically on .+: found in public code at github\.com\/ada\/dotfiles/.test((await line.textContent()).trim()),
    `the row says ${await line.textContent()}`,
  );
  assert((await line.locator('a').getAttribute('href')) === LEAK_URL, 'the row does not link to where the secret was found');
  assert((await revokedRow.getByRole('button', { name: /^Regenerate/ }).count()) === 0, 'a revoked token offers Regenerate');
  passed('the row turns Revoked: why, when and a link to where it was found, and no Regenerate');
  await hooks.getByText(`onActivity revoked “${LEAKED_TOKEN}” (leaked) by system`).waitFor();
  passed('onActivity hears the revocation as a `revoked` event by the system, with its reason');
  await callWhoami(page, leaked, /^401: refused\./);
  passed('its secret is refused by /api/whoami (401)');
  // "Use a token" keeps what was pasted into it; nothing else may.
  await page.locator('#token-secret').fill('');
  assert(!(await deepText(page)).includes(leaked), 'the leaked secret is still somewhere in the page');
  passed('the leak form is cleared, and the secret is in no answer, list or event of the page');
  await revokedRow.getByRole('button', { name: `Delete token “${LEAKED_TOKEN}”` }).click();
  await confirm.getByRole('button', { name: 'Delete token' }).click();
  await expectRows(page, SEEDED_TOKENS, 'the user deletes the revoked token');

  // maintain(), as a cron job runs it: Terraform Cloud (3 days left) is reminded once, the backup token's expiry recorded.
  await panel.getByRole('button', { name: 'Run service.maintain()' }).click();
  await panel
    .locator('#maintain-status')
    .getByText(/expiry-reminders: sent 1/)
    .waitFor();
  await hooks.getByText(/^notify remind ada: “Terraform Cloud” \(nimbus_\w{4}…\) expires .*, 2 days left$/).waitFor();
  await hooks.getByText('onActivity expired “Nightly backup script” by system').waitFor();
  const maintainStatus = panel.locator('#maintain-status');
  const firstRun = await maintainStatus.textContent();
  await panel.getByRole('button', { name: 'Run service.maintain()' }).click();
  await page.waitForFunction(
    (first) =>
      /^maintain\(\) at /.test(document.querySelector('#maintain-status')?.textContent ?? '') &&
      document.querySelector('#maintain-status')?.textContent !== first,
    firstRun,
  );
  const secondRun = await maintainStatus.textContent();
  assert(!/expiry-reminders|expiry-events/.test(secondRun), `the second maintain() did it again: ${secondRun}`);
  assert((await hooks.getByText(/^notify /).count()) === 1, 'a second maintain() reminded again');
  const terraform = await openActivity(page, 'Terraform Cloud');
  await terraform
    .locator('[part~=activity-events]')
    .getByText(/^Reminder sent: it expires on /)
    .waitFor();
  await closeActivity(terraform);
  passed('Run service.maintain(): the notifier hears Terraform Cloud once (a second run sends nothing), and its trail shows the reminder');

  // Language, theme, direction.
  await panel.getByLabel('Deutsch').check();
  await page.getByRole('button', { name: 'Neues Token erstellen' }).waitFor();
  await page.locator('pat-token-list [part~=count]').getByText(`${SEEDED_TOKENS} Tokens`).waitFor();
  passed('Deutsch: the list reads German (strings from pat-elements/locales/de)');
  await expectPermissionLabels(page, 'Repositorys lesen', 'Read repositories');
  passed('Deutsch: the permissions too, in the server’s German text');
  await panel.getByLabel('Dark').check();
  const scheme = await page.locator('pat-token-list').evaluate((list) => getComputedStyle(list).colorScheme);
  assert(scheme === 'dark', `the list's color-scheme is ${scheme}`);
  await panel.getByLabel(/Right-to-left/).check();
  const direction = await page.locator('pat-token-list [part~=table]').evaluate((table) => getComputedStyle(table).direction);
  assert(direction === 'rtl', `the table's direction is ${direction}`);
  passed('Dark and right-to-left reach the list');
  await panel.getByLabel(/Brand/).check();
  const accent = await page
    .locator('pat-token-list')
    .evaluate((list) => getComputedStyle(list).getPropertyValue('--pat-accent-color').trim());
  assert(accent === '#6f2dbd', `--pat-accent-color is ${accent}`);
  passed('the brand theme applies through --pat-* properties');

  // After a compromise the host revokes every working token of the account at once.
  await panel.getByRole('button', { name: 'Revoke all my tokens' }).click();
  const working = SEEDED_TOKENS - 1; // one seeded token has expired
  await panel.getByText(`Revoked ${working} token(s); the host's onRevocation heard ${working} event(s).`).waitFor();
  await page.waitForFunction(
    (n) => document.querySelector('pat-token-list')?.shadowRoot?.querySelectorAll('tbody tr[part~=row-revoked]').length === n,
    working,
    { timeout: TIMEOUT },
  );
  passed(`"Revoke all my tokens" (service.revokeAll): the ${working} working tokens turn Revoked at once, the expired one stays expired`);
  await panel.getByRole('button', { name: 'Reset demo data' }).click();
  await page.waitForFunction(
    () => document.querySelector('pat-token-list')?.shadowRoot?.querySelectorAll('tbody tr[part~=row-revoked]').length === 0,
    undefined,
    { timeout: TIMEOUT },
  );

  // Arabic, then the per-user maximum, reached from the panel.
  await panel.getByLabel('العربية').check();
  await expectPermissionLabels(page, 'قراءة المستودعات', 'Repositorys lesen');
  passed('العربية: the permissions in the server’s Arabic text');
  await panel.getByLabel('Deutsch').check();
  await expectLimit(page, panel, `${MAX_TOKENS} von ${MAX_TOKENS} Tokens`, 'Neues Token erstellen');
  await panel.getByRole('button', { name: 'Reset demo data' }).click();
  await expectRows(page, SEEDED_TOKENS, 'Reset demo data: back to the seeded tokens');

  // Bulk delete through the server (still in German): two tokens selected, one confirmation, one
  // DELETE each; then "Delete all expired".
  await page.getByRole('checkbox', { name: '„Laptop CLI“ auswählen' }).check();
  await page.getByRole('checkbox', { name: '„Grafana dashboard“ auswählen' }).check();
  await page.locator('pat-token-list [part~=count]').getByText('2 ausgewählt').waitFor();
  await page.getByRole('button', { name: 'Ausgewählte löschen' }).click();
  await confirm.getByRole('button', { name: 'Tokens löschen' }).click();
  await expectRows(page, SEEDED_TOKENS - 2, 'bulk delete: two tokens selected, one confirmation, both rows gone through the server');
  await page.getByRole('button', { name: 'Alle abgelaufenen löschen' }).click();
  await confirm.getByRole('button', { name: 'Tokens löschen' }).click();
  await expectRows(page, SEEDED_TOKENS - 3, '"Delete all expired" through the server');
  await panel.getByRole('button', { name: 'Reset demo data' }).click();
  await expectRows(page, SEEDED_TOKENS, 'Reset demo data again');

  assert(problems.length === 0, `problems on the host page:\n${problems.join('\n')}`);
  passed('no page error, console error or CSP violation');
  await page.close();
}

/** Opens the named token's detail view by its name, a button in its row; resolves to the dialog once its events are in. */
async function openActivity(page, name) {
  await rows(page).filter({ hasText: name }).filter({ hasNotText: 'Replaced' }).getByRole('button', { name, exact: true }).click();
  const details = page.locator('pat-token-list [part~=activity-dialog]');
  await details.locator('[part~=activity-events] li').first().waitFor();
  return details;
}

async function closeActivity(details) {
  await details.getByRole('button', { name: 'Close' }).click();
  await details.waitFor({ state: 'hidden' });
}

/** The list's permission chips include `label` and no longer `before` (an id, or another language's label). */
async function expectPermissionLabels(page, label, before) {
  await page.waitForFunction(
    ({ label, before }) => {
      const chips = [...(document.querySelector('pat-token-list')?.shadowRoot?.querySelectorAll('[part~=scope]') ?? [])].map((chip) =>
        chip.textContent.trim(),
      );
      return chips.includes(label) && !chips.includes(before);
    },
    { label, before },
    { timeout: TIMEOUT },
  );
}

/**
 * The panel fills the account to its limit: the count says "100 of 100" and "Generate new token"
 * says why it cannot be used, before any form (a click opens none).
 */
async function expectLimit(page, panel, count, generate) {
  await panel.getByRole('button', { name: 'Fill the account to its limit' }).click();
  await panel.locator('#limit-status').getByText('the account is at its limit').waitFor();
  await page.locator('pat-token-list [part~=count]').getByText(count, { exact: true }).waitFor();
  const button = page.getByRole('button', { name: generate });
  assert((await button.getAttribute('aria-disabled')) === 'true', 'the generate button is not aria-disabled at the limit');
  assert(await page.locator('pat-token-list [part~=limit-note]').isVisible(), 'no note says why at the limit');
  // Focusable and clickable (aria-disabled, which Playwright counts as disabled): the click opens nothing.
  await button.click({ force: true });
  await page.locator('pat-token-list').evaluate((list) => list.updateComplete);
  assert(!(await page.locator('pat-token-list pat-generate-dialog[open]').count()), 'a form opened at the limit');
  passed(`"Fill the account to its limit": the list says "${count}" and why "${generate}" cannot be used; a click opens no form`);
}

/** Pastes `secret` into the panel's "Use a token", calls /api/whoami, and waits for `answer`. */
async function callWhoami(page, secret, answer) {
  const form = page.locator('#use-token');
  await form.getByLabel('Token', { exact: true }).fill(secret);
  const result = form.locator('#whoami-result');
  await result.evaluate((element) => (element.textContent = ''));
  await form.getByRole('button', { name: 'Call /api/whoami' }).click();
  await page.waitForFunction(
    ({ source, flags }) => new RegExp(source, flags).test(document.querySelector('#whoami-result')?.textContent ?? ''),
    { source: answer.source, flags: answer.flags },
    { timeout: TIMEOUT },
  );
}

async function mockPage(context, url) {
  console.log('\nThe same page on the mock (/?backend=mock)');
  const { page, problems } = await openPage(context, `${url}/?backend=mock`);
  await expectRows(page, SEEDED_TOKENS, 'the list shows the mock’s seeded tokens');
  const panel = page.locator('.demo-panel');
  await panel.getByText('pat-elements/mock in a service worker').waitFor();
  assert(await page.locator('#use-token').isHidden(), '"Use a token" is shown without the server');
  assert(await page.locator('#server-hooks').isHidden(), 'the server’s hooks are shown without the server');
  await panel.getByLabel('Server error (500)').check();
  await panel.getByRole('button', { name: 'Inject fault' }).click();
  await panel.getByRole('button', { name: 'Reload list' }).click();
  await page.locator('pat-token-list [part~=alert]').getByText("Couldn't refresh the list.").waitFor();
  await panel.getByText('GET /api/tokens got a server error (500)').waitFor();
  passed('the panel’s faults reach the mock too');
  await page.locator('pat-token-list [part~=alert]').getByRole('button', { name: 'Retry' }).click();
  await expectRows(page, SEEDED_TOKENS, 'Retry recovers on the mock');
  await expectPermissionLabels(page, 'Read repositories', 'repo:read');
  passed('the mock states the catalogue too: permissions by label');
  assert(await page.locator('#simulate-leak').isHidden(), '"Simulate a leak" is shown without the server');
  await panel.getByRole('button', { name: 'Revoke all my tokens' }).click();
  await panel.getByText(`Revoked ${SEEDED_TOKENS - 1} token(s)`).waitFor();
  await page.waitForFunction(
    (n) => document.querySelector('pat-token-list')?.shadowRoot?.querySelectorAll('tbody tr[part~=row-revoked]').length === n,
    SEEDED_TOKENS - 1,
    { timeout: TIMEOUT },
  );
  passed('"Revoke all my tokens" on the mock (simulateRevocation) turns its working tokens Revoked');
  await panel.getByRole('button', { name: 'Reset demo data' }).click();
  await page.waitForFunction(
    () => document.querySelector('pat-token-list')?.shadowRoot?.querySelectorAll('tbody tr[part~=row-revoked]').length === 0,
    undefined,
    { timeout: TIMEOUT },
  );
  await expectLimit(page, panel, `${MAX_TOKENS} of ${MAX_TOKENS} tokens`, 'Generate new token');
  assert(problems.length === 0, `problems on the mock page:\n${problems.join('\n')}`);
  passed('no page error, console error or CSP violation');
  await page.close();
}

async function bundlePage(context, url) {
  console.log('\nPlain HTML with the bundle (/bundle.html)');
  const { page, problems } = await openPage(context, `${url}/bundle.html`);
  const scripts = [];
  page.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
  await page.reload();
  await expectRows(page, SEEDED_TOKENS, 'the bundle-only page renders the tokens');
  const fromSource = scripts.filter((path) =>
    /^\/(@fs\/.*)?src\/(define|index|token-list|generate-dialog|token-reveal)/.test(path.replace(root, '')),
  );
  assert(scripts.includes('/pat-elements.bundle.js'), 'the page did not load /pat-elements.bundle.js');
  assert(fromSource.length === 0, `the page loaded element sources: ${fromSource.join(', ')}`);
  passed('its elements come from /pat-elements.bundle.js only');
  assert(problems.length === 0, `problems on the bundle page:\n${problems.join('\n')}`);
  passed('no page error, console error or CSP violation');
  await page.close();
}

async function vuePage(context, url) {
  console.log('\nVue 3 (/vue/)');
  const { page, problems } = await openPage(context, `${url}/vue/`);
  await expectRows(page, SEEDED_TOKENS, 'Vue renders <pat-token-list> with the tokens');
  await rows(page)
    .first()
    .getByRole('button', { name: /^Delete token/ })
    .click();
  await page.locator('pat-token-list [part~=confirm-dialog]').getByRole('button', { name: 'Delete token' }).click();
  await page
    .locator('.last-event')
    .getByText(/^Deleted “/)
    .waitFor();
  passed('an @pat-token-deleted listener receives the event');
  assert(problems.length === 0, `problems on the Vue page:\n${problems.join('\n')}`);
  passed('no page error, console error or CSP violation');
  await page.close();
}

async function reactPage(context, url) {
  console.log('\nReact 19 (/react/)');
  const { page, problems } = await openPage(context, `${url}/react/`);
  await expectRows(page, SEEDED_TOKENS, 'React renders <pat-token-list> with the tokens');
  await rows(page)
    .first()
    .getByRole('button', { name: /^Delete token/ })
    .click();
  await page.locator('pat-token-list [part~=confirm-dialog]').getByRole('button', { name: 'Delete token' }).click();
  await page
    .getByRole('status')
    .getByText(/^Deleted “/)
    .waitFor();
  passed('an onpat-token-deleted prop receives the event');
  assert(problems.length === 0, `problems on the React page:\n${problems.join('\n')}`);
  passed('no page error, console error or CSP violation');
  await page.close();
}

function run(label, command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${label} failed:\n${result.stdout}${result.stderr}`);
  passed(label);
}

async function main() {
  const started = Date.now();
  console.log('Builds');
  await build({ log: () => {} });
  passed('npm run build (dist, bundle, React typings)');
  run('the React page type-checks against dist/types/react.d.ts', process.execPath, [
    join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    'demo/react/tsconfig.json',
  ]);
  run('the Vue page type-checks against dist/types/vue.d.ts (vue-tsc, strictTemplates)', process.execPath, [
    join(root, 'node_modules/vue-tsc/bin/vue-tsc.js'),
    '-p',
    'demo/vue/tsconfig.json',
  ]);
  run('vite build of the demo (host page, React page, Vue page)', process.execPath, [
    join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    'vite.config.ts',
    '--logLevel',
    'warn',
  ]);
  for (const page of ['react', 'vue']) {
    assert(existsSync(join(root, `demo-dist/${page}/index.html`)), `vite build wrote no demo-dist/${page}/index.html`);
  }

  let server;
  let browser;
  const dataDir = mkdtempSync(join(tmpdir(), 'pat-demo-e2e-'));
  try {
    const dev = await startDevServer(await freePort(), dataDir);
    server = dev.server;
    const { url } = dev;
    browser = await chromium.launch({
      executablePath: findBrowser(),
      args: CHROMIUM_ARGS,
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    await hostPage(context, url);
    await mockPage(context, url);
    await bundlePage(context, url);
    await reactPage(context, url);
    await vuePage(context, url);
  } finally {
    await browser?.close();
    await stopDevServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\nDemo e2e: ${checks.length} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(`\n✗ ${error.message}`);
  console.log(`\nDemo e2e failed after ${checks.length} passed checks.`);
  process.exitCode = 1;
});
