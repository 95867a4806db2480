/**
 * The README and docs/*.md as the Node tests read them: sections by heading, fenced code blocks
 * by language, links, and the anchors GitHub gives headings. One reading for every test that
 * runs or checks what the docs show, so a moved section fails loudly, naming where it looked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;

/** A file of the repository, by its path from the root. */
export const readDoc = (path) => readFileSync(join(root, path), 'utf8');

const FENCE = /^( *)(`{3,}|~{3,})/;

/** The lines of `markdown`, each marked whether it is inside (or is the fence of) a code block. */
function lines(markdown) {
  let open = null;
  return markdown.split('\n').map((text) => {
    const fence = FENCE.exec(text);
    if (open === null && fence) {
      open = fence[2];
      return { text, code: true };
    }
    if (open !== null) {
      if (fence && fence[2].startsWith(open) && text.trim() === fence[2]) open = null;
      return { text, code: true };
    }
    return { text, code: false };
  });
}

/** Markdown with its fenced code blocks blanked out: there `#` starts a comment and `[a](b)` is code. */
export function prose(markdown) {
  return lines(markdown)
    .map((line) => (line.code ? '' : line.text))
    .join('\n');
}

/** The headings outside code blocks: `{ level, title }`. */
export function headings(markdown) {
  return lines(markdown)
    .filter((line) => !line.code && /^#{1,6} /.test(line.text))
    .map((line) => ({ level: /^#+/.exec(line.text)[0].length, title: line.text.replace(/^#+ /, '').trim() }));
}

/**
 * What is under the heading titled `title` (any level), up to the next heading of the same level
 * or higher. Throws, naming the file, when there is no such heading.
 */
export function section(markdown, title, file = 'the document') {
  const all = lines(markdown);
  const start = all.findIndex((line) => !line.code && /^#{1,6} /.test(line.text) && line.text.replace(/^#+ /, '').trim() === title);
  if (start < 0) throw new Error(`${file} has no section "${title}"`);
  const level = /^#+/.exec(all[start].text)[0].length;
  const end = all.findIndex((line, i) => i > start && !line.code && new RegExp(`^#{1,${level}} `).test(line.text));
  return all
    .slice(start + 1, end < 0 ? undefined : end)
    .map((line) => line.text)
    .join('\n');
}

/** The fenced code blocks of `markdown` in `lang` (every block when `lang` is undefined), with the fence's indentation removed. */
export function codeBlocks(markdown, lang) {
  return [...markdown.matchAll(/^( *)```(\w*)\n([\s\S]*?)^\1```$/gm)]
    .filter(([, , language]) => lang === undefined || language === lang)
    .map(([, indent, , code]) => code.replace(new RegExp(`^ {${indent.length}}`, 'gm'), ''));
}

/**
 * The `index`-th code block in `lang` under the heading `title` of the file `path`, as a host
 * would copy it. Throws when there is none, so a renamed or moved section fails loudly.
 */
export function docSnippet(path, title, lang, index = 0) {
  const blocks = codeBlocks(section(readDoc(path), title, path), lang);
  if (!blocks[index]) throw new Error(`${path}'s "${title}" has no ${lang} block #${index + 1}`);
  return blocks[index];
}

/** GitHub's anchor for a heading: markup and punctuation dropped, lower case, spaces as hyphens. */
export function slug(title) {
  return title
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a file's headings get on GitHub; a repeated heading gets `-1`, `-2`… */
export function anchors(markdown) {
  const seen = new Map();
  const found = new Set();
  for (const { title } of headings(markdown)) {
    const base = slug(title);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    found.add(count === 0 ? base : `${base}-${count}`);
  }
  return found;
}

/** The targets of Markdown links and images outside code blocks. */
export function links(markdown) {
  return [...prose(markdown).matchAll(/!?\[(?:[^\]`]|`[^`]*`)*\]\(([^)\s]+)\)/g)].map((match) => match[1]);
}
