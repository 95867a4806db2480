#!/usr/bin/env node
/**
 * Finds a Chromium or Chrome for the tests: `CHROME_PATH` first, then the usual install locations.
 * When none is found and Debian's apt-get can be used (as root), installs `chromium`; otherwise
 * stops with one line saying what to install.
 *
 * `PAT_BROWSER_CANDIDATES` (paths separated by `:`) replaces the usual locations and
 * `PAT_NO_INSTALL=1` forbids installing: the tests use them to hide the browser from the finder.
 */
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export const USUAL_LOCATIONS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * Flags for every headless Chromium the project starts (tests, demo e2e, bench). As root it needs
 * `--no-sandbox`; without the background-networking flags it tries to reach Google's hosts, which
 * a closed network refuses. Launchers add `--headless` (or their own headless switch).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const INSTALL_HINT =
  'No Chromium or Chrome found: install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to its executable.';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function candidates(env) {
  if (env.PAT_BROWSER_CANDIDATES !== undefined) return env.PAT_BROWSER_CANDIDATES.split(':').filter(Boolean);
  return USUAL_LOCATIONS;
}

function canAptInstall(env) {
  if (env.PAT_NO_INSTALL === '1') return false;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore', env }).status === 0;
}

/** The browser's path, or throws an Error whose message is the one line to show. */
export function findBrowser(env = process.env, log = (line) => console.error(line)) {
  if (env.CHROME_PATH) {
    if (isExecutable(env.CHROME_PATH)) return env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${env.CHROME_PATH}, which is not an executable file. ${INSTALL_HINT}`);
  }
  const found = candidates(env).find(isExecutable);
  if (found) return found;

  if (canAptInstall(env)) {
    log('No Chromium found; installing Debian’s chromium package with apt-get (one time)…');
    const opts = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } };
    spawnSync('apt-get', ['update', '-qq'], opts);
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], opts);
    const installed = candidates(env).find(isExecutable);
    if (install.status === 0 && installed) return installed;
    throw new Error(`apt-get could not install chromium (exit ${install.status}). ${INSTALL_HINT}`);
  }
  throw new Error(INSTALL_HINT);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(findBrowser());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
