/**
 * Test-runner commands the layout tests and the screenshot run need beyond
 * `@web/test-runner-commands`: a real mouse wheel (synthetic wheel events do not scroll) and a
 * screenshot saved under `docs/screenshots/`.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const screenshots = join(root, 'docs/screenshots');

export function layoutCommandsPlugin() {
  return {
    name: 'pat-layout-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'pat-wheel' && command !== 'pat-screenshot') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`${command} needs the Chrome launcher`);
      const page = session.browser.getPage(session.id);
      if (command === 'pat-wheel') {
        await page.mouse.move(payload.x, payload.y);
        await page.mouse.wheel({ deltaY: payload.deltaY });
        return true;
      }
      const path = resolve(screenshots, payload.name);
      if (relative(screenshots, path).startsWith('..') || !path.endsWith('.png'))
        throw new Error(`not a PNG under docs/screenshots: ${payload.name}`);
      mkdirSync(dirname(path), { recursive: true });
      await page.screenshot({ path, fullPage: payload.fullPage ?? false, clip: payload.clip });
      return true;
    },
  };
}
