// The bundle's template minifier: whitespace only, and never anything that changes what renders
// or where a binding lands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCss, minifyHtml, minifyTemplates } from '../../scripts/minify-templates.mjs';

test('HTML: indentation becomes one space, and goes next to table structure', () => {
  const source = `
    <table>
      <tr>
        <td>
          <span class="a">x</span>
          <span>y</span>
        </td>
      </tr>
    </table>`;
  assert.equal(minifyHtml(source), '<table><tr><td><span class="a">x</span> <span>y</span></td></tr></table>');
});

test('HTML: inside a tag, spaces between attributes stay single and go before ">"', () => {
  assert.equal(minifyHtml('<span\n    class="a  b"\n    hidden\n  >t</span\n  >'), '<span class="a  b" hidden>t</span>');
  // An unquoted value would swallow the "/" of "/>", so the space before it stays.
  assert.equal(minifyHtml('<input type=search\n />'), '<input type=search />');
  assert.equal(minifyHtml('<input type="search"\n />'), '<input type="search"/>');
});

test('HTML: comments and the contents of pre, textarea, script and style are kept', () => {
  const source = '<!--  a  --><pre>  a\n  b </pre><textarea>\n  x  </textarea>';
  assert.equal(minifyHtml(source), source);
});

test('CSS: comments and optional whitespace go; strings, descendant combinators and calc spaces stay', () => {
  const source = `
    /* why */
    :host {
      --x: var(--pat-x, light-dark(#fff, #000));
    }
    .a :focus-visible,
    .b > .c {
      content: '↕  ' / '';
      width: calc(100% - 2rem);
    }`;
  assert.equal(
    minifyCss(source),
    ":host{--x:var(--pat-x,light-dark(#fff,#000))}.a :focus-visible,.b>.c{content:'↕  ' / '';width:calc(100% - 2rem)}",
  );
});

test('CSS: a number loses its leading zero, never inside a longer number, a name or a string', () => {
  const source = `
    .a {
      margin: 0 0 0.5rem;
      vertical-align: -0.125em;
      width: calc(100% - 0.5em);
      background: rgb(0 0 0 / 0.45);
      animation: spin 0.8s linear;
      padding: 10.5px 0;
      --gap-0.5: 1px;
      content: '0.5';
    }`;
  assert.equal(
    minifyCss(source),
    ".a{margin:0 0 .5rem;vertical-align:-.125em;width:calc(100% - .5em);background:rgb(0 0 0 / .45);animation:spin .8s linear;padding:10.5px 0;--gap-0.5:1px;content:'0.5'}",
  );
});

test('templates: only tagged html/css literals change, and every binding keeps its place', () => {
  const source = [
    'const label = `  keep  me  `;',
    'const t = html`',
    '  <p class=${cls}>',
    '    ${a} ${b}',
    '  </p>',
    '  ${items.map((i) => html`  <li>  ${i}  </li>  `)}',
    '`;',
    'const s = css`  .a  {  color: red;  }  `;',
  ].join('\n');
  const result = minifyTemplates(source);
  assert.match(result, /const label = `  keep  me  `;/);
  assert.match(result, /html` <p class=\$\{cls\}> \$\{a\} \$\{b\} <\/p> \$\{items\.map\(\(i\) => html` <li> \$\{i\} <\/li> `\)\} `/);
  assert.match(result, /css`\.a\{color:red\}`/);
});

test('templates: a line continuation (backslash before a newline) leaves the template as written', () => {
  const source = 'html`<p>a \\\n   b</p>`';
  assert.equal(minifyTemplates(source), source);
});
