// Every link of the README and the docs leads somewhere: a relative link (or one into this
// repository on GitHub) names a file or folder that exists inside the repository, and an
// `#anchor` names a heading of the page it points at, as GitHub makes anchors. Links to other
// sites are not fetched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { anchors, links, readDoc, root } from '../support/markdown.mjs';

const REPOSITORY = 'https://github.com/pat-elements/pat-elements';
const RAW = 'https://raw.githubusercontent.com/pat-elements/pat-elements/main/';

const DOCS = [
  'README.md',
  'bench/README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
];

/**
 * Where `link`, found in the file `from`, leads in the repository: `{ path, anchor }` with `path`
 * from the root, or null for a link to another site.
 */
function target(link, from) {
  const [address, anchor = ''] = link.split('#');
  if (address === '') return { path: from, anchor };
  if (address === REPOSITORY || address === `${REPOSITORY}/`) return { path: 'README.md', anchor };
  const onGitHub = new RegExp(`^${REPOSITORY}/(?:blob|tree)/main/(.+)$`).exec(address);
  if (onGitHub) return { path: onGitHub[1], anchor };
  if (address.startsWith(RAW)) return { path: address.slice(RAW.length), anchor };
  if (/^[a-z][a-z+.-]*:/i.test(address)) return null;
  return { path: normalize(join(dirname(from), decodeURIComponent(address))), anchor };
}

/** Every link of `file` that does not resolve, with the reason. */
function brokenLinks(file, markdown = readDoc(file)) {
  const broken = [];
  for (const link of links(markdown)) {
    const to = target(link, file);
    if (!to) continue;
    if (to.path === file) {
      if (to.anchor && !anchors(markdown).has(to.anchor)) broken.push(`${link}: no heading #${to.anchor} on this page`);
    } else if (to.path.startsWith('..') || relative(root, join(root, to.path)).startsWith('..')) {
      broken.push(`${link}: leaves the repository`);
    } else if (!existsSync(join(root, to.path))) {
      broken.push(`${link}: ${to.path} does not exist`);
    } else if (to.anchor && to.path.endsWith('.md') && statSync(join(root, to.path)).isFile()) {
      if (!anchors(readDoc(to.path)).has(to.anchor)) broken.push(`${link}: ${to.path} has no heading #${to.anchor}`);
    }
  }
  return broken;
}

test('the README, bench/README.md and every page of docs/ are checked', () => {
  assert.ok(DOCS.length >= 15, `found ${DOCS.join(', ')}`);
  const count = DOCS.reduce((sum, file) => sum + links(readDoc(file)).length, 0);
  assert.ok(count > 50, `found ${count} links`);
});

for (const file of DOCS) {
  test(`every relative link and #anchor of ${file} resolves`, () => {
    assert.deepEqual(brokenLinks(file), []);
  });
}

test('the checker finds a missing file, a missing heading, an anchor of the page itself, and a link out of the repository', () => {
  const page = '# Title\n\n## A section\n\n[ok](#a-section) [ok](../README.md#quick-start) [ok](https://example.com/x#y)\n';
  assert.deepEqual(brokenLinks('docs/page.md', page), []);
  const broken = [
    '[a](#no-such-section)',
    '[b](missing.md)',
    '[c](../README.md#no-such-heading)',
    '[d](../../outside.md)',
    `[e](${REPOSITORY}/blob/main/docs/missing.md)`,
    `[f](${REPOSITORY}#no-such-heading)`,
  ];
  assert.equal(brokenLinks('docs/page.md', `${page}\n${broken.join('\n')}\n`).length, broken.length);
  // Links in code blocks are code, not links.
  assert.deepEqual(brokenLinks('docs/page.md', `${page}\n\`\`\`md\n[x](missing.md)\n\`\`\`\n`), []);
});
