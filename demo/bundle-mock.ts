/**
 * The bundle page's mock backend. The bundle upgrades `<pat-token-list>` (which then loads its
 * tokens) as soon as it runs, possibly before the service worker answers. So the list is taken
 * out of the page until the mock is listening, and put back in its place: the page's own markup
 * stays exactly what a host would write.
 */
import { startMockBackend } from './mock-backend.js';

const held = [...document.querySelectorAll('pat-token-list')].map((list) => {
  const placeholder = document.createComment('pat-token-list, waiting for the mock backend');
  list.replaceWith(placeholder);
  return { list, placeholder };
});

await startMockBackend();

for (const { list, placeholder } of held) placeholder.replaceWith(list);
