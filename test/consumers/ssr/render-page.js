// The whole page, rendered in Node: the three tags as declarative shadow DOM (the list in its
// loading state), and the page's script (client.js, from docs/hosts.md) loaded last.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import 'pat-elements/define';

const body = await collectResult(
  render(html`
    <main lang="en">
      <p id="status" role="status"></p>
      <pat-token-list endpoint="/api/tokens"></pat-token-list>
      <pat-generate-dialog endpoint="/api/tokens"></pat-generate-dialog>
      <pat-token-reveal></pat-token-reveal>
    </main>
  `),
);
process.stdout.write(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SSR</title></head><body>${body}</body></html>`);
