// The browser finder, tested by hiding the browser from it (never by uninstalling anything).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser, INSTALL_HINT } from '../../scripts/find-browser.mjs';

const root = new URL('../..', import.meta.url).pathname;
const hidden = { PAT_BROWSER_CANDIDATES: '/nonexistent/chromium', PAT_NO_INSTALL: '1' };

function fakeBrowser() {
  const dir = mkdtempSync(join(tmpdir(), 'pat-browser-'));
  const path = join(dir, 'chromium');
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

test('CHROME_PATH wins over the usual locations', () => {
  const path = fakeBrowser();
  assert.equal(findBrowser({ CHROME_PATH: path, PAT_BROWSER_CANDIDATES: '/usr/bin/chromium' }), path);
});

test('a CHROME_PATH that is not executable is reported, not ignored', () => {
  assert.throws(() => findBrowser({ CHROME_PATH: '/nonexistent/chrome' }), /CHROME_PATH is set to \/nonexistent\/chrome/);
});

test('the first executable candidate is used', () => {
  const path = fakeBrowser();
  assert.equal(findBrowser({ PAT_BROWSER_CANDIDATES: `/nonexistent/a:${path}`, PAT_NO_INSTALL: '1' }), path);
});

test('with no browser and no way to install one, it says what to install', () => {
  assert.throws(
    () => findBrowser(hidden),
    (error) => error.message === INSTALL_HINT,
  );
});

test('the finder script prints exactly one line and exits 1 when hidden from the browser', () => {
  const { CHROME_PATH: _ignored, ...env } = process.env;
  const result = spawnSync('node', ['scripts/find-browser.mjs'], { cwd: root, encoding: 'utf8', env: { ...env, ...hidden } });
  assert.equal(result.status, 1);
  assert.equal(result.stdout, '');
  assert.deepEqual(result.stderr.trim().split('\n'), [INSTALL_HINT]);
});

test('npm test stops at once with that line when no browser can be found', () => {
  const { CHROME_PATH: _ignored, ...env } = process.env;
  const result = spawnSync('node', ['scripts/run-tests.mjs'], { cwd: root, encoding: 'utf8', env: { ...env, ...hidden } });
  assert.equal(result.status, 1);
  assert.match(result.stderr, new RegExp(INSTALL_HINT.replace(/[.*+?^${}()|[\]\\`]/g, '\\$&')));
  assert.match(result.stdout, /^0 passed, 1 failed$/m);
});

test('as root with apt-get, a missing browser is installed with apt-get (a stand-in apt-get here)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pat-apt-'));
  const browser = join(dir, 'chromium');
  const log = join(dir, 'apt.log');
  // Records its arguments; "installs" by creating the browser the finder looks for.
  writeFileSync(
    join(dir, 'apt-get'),
    `#!/bin/sh\necho "$@" >> ${log}\nif [ "$1" = install ]; then printf '#!/bin/sh\\n' > ${browser}; chmod +x ${browser}; fi\n`,
  );
  chmodSync(join(dir, 'apt-get'), 0o755);
  const env = { PATH: `${dir}:${process.env.PATH}`, PAT_BROWSER_CANDIDATES: browser };
  const lines = [];
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    assert.equal(
      findBrowser(env, (line) => lines.push(line)),
      browser,
    );
    assert.match(spawnSync('cat', [log], { encoding: 'utf8' }).stdout, /^install -y -qq chromium$/m);
    assert.equal(lines.length, 1);
  } else {
    // Not root: apt-get cannot be used, so the finder must not try it.
    assert.throws(
      () => findBrowser(env),
      (error) => error.message === INSTALL_HINT,
    );
  }
});
