/**
 * Vue 3 uses the tags as custom elements (`isCustomElement` in vite.config.ts) and sets objects
 * and functions as properties; vue-tsc checks the template against `pat-elements/types/vue`.
 */
import { createApp } from 'vue';
import { startMockBackend } from '../mock-backend.js';
import TokensPage from './TokensPage.vue';

await startMockBackend();
// Registered once the mock answers: the list loads its tokens as soon as it is upgraded.
await import('pat-elements/define');

createApp(TokensPage).mount('#app');
