/**
 * Hostile strings a server (or whoever can write a token's name) might send. Each one that ran as
 * markup or script would set `window.__patPwned`; none may.
 */
declare global {
  interface Window {
    __patPwned?: string;
  }
}

const pwn = (id: string) => `window.__patPwned='${id}'`;

export const XSS_PAYLOADS: readonly string[] = [
  `<img src=x onerror="${pwn('img')}">`,
  `<script>${pwn('script')}</script>`,
  `<svg onload="${pwn('svg')}"><circle r="9"/></svg>`,
  `<svg><script>${pwn('svg-script')}</script></svg>`,
  `<iframe srcdoc="<script>parent.__patPwned='iframe'</script>"></iframe>`,
  `"><img src=x onerror=${pwn('attr-double')}>`,
  `'><img src=x onerror=${pwn('attr-single')}>`,
  `" autofocus onfocus="${pwn('onfocus')}" x="`,
  `\` onmouseover=${pwn('backtick')} \``,
  `javascript:${pwn('js-url')}`,
  `<a href="javascript:${pwn('anchor')}">click</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${pwn('mxss')}>`,
  `<details open ontoggle="${pwn('details')}">`,
  `<style>@import 'https://evil.example/x.css';</style>`,
  `<!--<img src=x onerror=${pwn('comment')}>-->`,
  `<template><img src=x onerror=${pwn('template')}></template>`,
  `{{constructor.constructor('${pwn('template-injection')}')()}}`,
  '${alert(1)} {name} {reason} $& $1',
  '\u202Egnp.exe\u202C \u2066isolate\u2069 \u200F rtl',
  'zero\u200Bwidth\u200C\u200D\uFEFFjoiner',
  'A\u0000null\u0007bell',
  '𝕏🦄 Zalgo: Z̷̢̛a̶̡͝l̸̛͜g̵̨͝o̶̧͝',
  `<img src=x onerror=${pwn('long')}>`.padEnd(10_000, 'A'),
  'A'.repeat(10_000),
  `</textarea><img src=x onerror=${pwn('textarea')}>`,
  `</title></style></script><img src=x onerror=${pwn('closers')}>`,
];
