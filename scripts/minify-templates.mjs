/**
 * Whitespace-only minification of Lit's `html` and `css` tagged templates, as an esbuild plugin
 * for the production bundle. esbuild minifies the JavaScript but leaves template literals as
 * written, and the indentation of our templates and styles is a large share of what ships.
 *
 * Only the static parts of a template change, and only in ways that cannot change what renders
 * or where Lit's bindings land:
 * - HTML: a whitespace run in text becomes one space (a space renders like a newline and
 *   indentation), and disappears only next to table-structure tags, where whitespace never renders;
 *   inside a tag it becomes one space, and disappears before `>` (and before `/>` after a quoted
 *   value, since an unquoted value would swallow the `/`). Attribute values, comments and the
 *   contents of `<pre>`, `<textarea>`, `<script>` and `<style>` are copied as they are.
 * - CSS: comments go, whitespace runs become one space and disappear next to `{ } ; , >` and after
 *   `:` (never before it: `a :hover` and `a:hover` differ), a `;` before `}` goes, and a number's
 *   leading zero goes (`0.5rem` → `.5rem`, `-0.1em` → `-.1em`; never inside a name or a longer
 *   number). Strings are copied as they are.
 * Bindings are replaced by a marker character while minifying, so text never merges across one.
 * A template whose raw text holds a backslash before whitespace (a line continuation) is left alone.
 */
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

/** Stands in for each `${…}` while a template's static parts are minified as one string. */
const BINDING = '\u0000';

/** Elements whose surrounding whitespace never renders: table structure, laid out by the table. */
const TABLE_STRUCTURE = new Set(['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td']);

/** Elements whose contents are kept byte for byte. */
const VERBATIM_CONTENT = new Set(['pre', 'textarea', 'script', 'style']);

const isSpace = (char) => char === ' ' || char === '\n' || char === '\t' || char === '\r' || char === '\f';

/** The tag name starting at `source[at]` (just after `<` or `</`), lower-cased. */
function tagNameAt(source, at) {
  // eslint-disable-next-line no-control-regex -- NUL ends a tag name, as the HTML parser says
  return /^[a-zA-Z][^\s/>\u0000]*/.exec(source.slice(at))?.[0].toLowerCase() ?? '';
}

export function minifyHtml(source) {
  let out = '';
  let i = 0;
  /** The name of the tag just closed by `>` (with a leading `/` for an end tag). */
  let lastTag = '';
  while (i < source.length) {
    const char = source[i];
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      const stop = end === -1 ? source.length : end + 3;
      out += source.slice(i, stop);
      i = stop;
      lastTag = '';
    } else if (char === '<' && /[a-zA-Z/]/.test(source[i + 1] ?? '')) {
      const closing = source[i + 1] === '/';
      const name = tagNameAt(source, i + (closing ? 2 : 1));
      i = copyTag(source, i, (tag) => (out += tag));
      lastTag = (closing ? '/' : '') + name;
      if (!closing && VERBATIM_CONTENT.has(name)) {
        const end = source.toLowerCase().indexOf(`</${name}`, i);
        const stop = end === -1 ? source.length : end;
        out += source.slice(i, stop);
        i = stop;
      }
    } else if (isSpace(char)) {
      let end = i;
      while (end < source.length && isSpace(source[end])) end++;
      const afterStructure = out.endsWith('>') && TABLE_STRUCTURE.has(lastTag.replace('/', ''));
      const next = source[end] === '<' ? tagNameAt(source, end + (source[end + 1] === '/' ? 2 : 1)) : '';
      const beforeStructure = TABLE_STRUCTURE.has(next);
      out += afterStructure || beforeStructure ? '' : ' ';
      i = end;
    } else {
      out += char;
      i++;
      lastTag = '';
    }
  }
  return out;
}

/** Copies the tag starting at `source[start]` (`<…>`), minified; returns the index after it. */
function copyTag(source, start, write) {
  let tag = '';
  let i = start;
  while (i < source.length) {
    const char = source[i];
    if (char === '"' || char === "'") {
      const end = source.indexOf(char, i + 1);
      const stop = end === -1 ? source.length : end + 1;
      tag += source.slice(i, stop);
      i = stop;
    } else if (isSpace(char)) {
      let end = i;
      while (end < source.length && isSpace(source[end])) end++;
      const beforeEnd = source[end] === '>' || (source.startsWith('/>', end) && /["']$/.test(tag));
      tag += beforeEnd ? '' : ' ';
      i = end;
    } else {
      tag += char;
      i++;
      if (char === '>') break;
    }
  }
  write(tag);
  return i;
}

export function minifyCss(source) {
  let out = '';
  let i = 0;
  const dropSpaceAfter = /[{};,>:]$/;
  const dropSpaceBefore = /^[{};,>]/;
  while (i < source.length) {
    const char = source[i];
    if (char === '"' || char === "'") {
      let end = i + 1;
      while (end < source.length && source[end] !== char) end += source[end] === '\\' ? 2 : 1;
      out += source.slice(i, end + 1);
      i = end + 1;
    } else if (source.startsWith('/*', i) && !source.slice(i, source.indexOf('*/', i)).includes(BINDING)) {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 2;
      // A comment separates like whitespace: `a/**/b` must not become `ab`.
      if (!isSpace(source[i] ?? '') && !dropSpaceAfter.test(out) && !dropSpaceBefore.test(source.slice(i))) out += ' ';
    } else if (isSpace(char)) {
      let end = i;
      while (end < source.length && isSpace(source[end])) end++;
      if (out && end < source.length && !dropSpaceAfter.test(out) && !dropSpaceBefore.test(source.slice(end))) out += ' ';
      i = end;
    } else if (char === ';' && /^\s*}/.test(source.slice(i + 1))) {
      i++;
    } else if (char === '0' && /^\.\d/.test(source.slice(i + 1, i + 3)) && startsNumber(out)) {
      i++;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/** Whether a number written after `out` starts a value of its own (not `10.5`, `h0.5` or `--x-0.5`). */
function startsNumber(out) {
  return /(^|[\s:(,/*+]|[\s:(,/*+]-)$/.test(out);
}

const MINIFIERS = { html: minifyHtml, svg: minifyHtml, css: minifyCss };

/** The source with every `html`/`svg`/`css` tagged template's static parts minified. */
export function minifyTemplates(source, fileName = 'module.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && Object.hasOwn(MINIFIERS, node.tag.text)) {
      edits.push(...templateEdits(node.template, MINIFIERS[node.tag.text], source));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  edits.sort((a, b) => b.start - a.start);
  let result = source;
  for (const { start, end, text } of edits) result = result.slice(0, start) + text + result.slice(end);
  return result;
}

/** Replacements for the raw text of each static part of one template. */
function templateEdits(template, minify, source) {
  // Each literal's raw text sits between its delimiters: `…${, }…${ and }…`.
  const literals = ts.isNoSubstitutionTemplateLiteral(template)
    ? [template]
    : [template.head, ...template.templateSpans.map((span) => span.literal)];
  const parts = literals.map((literal) => {
    const start = literal.getStart() + 1;
    const end = literal.end - (ts.isTemplateTail(literal) || ts.isNoSubstitutionTemplateLiteral(literal) ? 1 : 2);
    return { start, end, raw: source.slice(start, end) };
  });
  const raws = parts.map((part) => part.raw);
  if (raws.some((raw) => raw.includes(BINDING) || /\\\s/.test(raw))) return [];
  const minified = minify(raws.join(BINDING)).split(BINDING);
  if (minified.length !== parts.length) throw new Error('minify-templates: a binding marker was lost');
  return parts.map((part, index) => ({ ...part, text: minified[index] }));
}

/** esbuild plugin: loads our TypeScript sources with their templates minified. */
export function minifyTemplatesPlugin({ filter = /[\\/]src[\\/].*\.ts$/ } = {}) {
  return {
    name: 'minify-lit-templates',
    setup(build) {
      build.onLoad({ filter }, async ({ path }) => ({
        contents: minifyTemplates(await readFile(path, 'utf8'), path),
        loader: 'ts',
      }));
    },
  };
}
