/**
 * The element under test, from the production bundle exactly as a host without a bundler loads
 * it (the bundle registers the tags), fed by the harness's in-page client.
 */
import * as patElements from '/pat-elements.bundle.js';
import { installBench } from './harness.js';

await customElements.whenDefined('pat-token-list');

installBench({
  variant: 'element',
  mount(stage, client) {
    const list = document.createElement('pat-token-list');
    list.client = client;
    stage.append(list);
    return list;
  },
  extras: {
    /** What validating the adapter's answer costs on its own: part of every mount. */
    validation(tokens) {
      if (typeof patElements.parseTokenArray !== 'function') throw new Error('the bundle does not export parseTokenArray');
      const start = performance.now();
      patElements.parseTokenArray(tokens);
      return { ms: performance.now() - start };
    },
  },
});
