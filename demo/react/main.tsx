/**
 * React 19 renders custom elements natively: props become properties, `on<event-name>` props
 * become listeners. No wrapper is needed; the JSX typings come from `pat-elements/types/react`.
 */
import { createRoot } from 'react-dom/client';
import { startMockBackend } from '../mock-backend.js';
import { TokensPage } from './tokens-page.js';

await startMockBackend();
// Registered once the mock answers: the list loads its tokens as soon as it is upgraded.
await import('pat-elements/define');

createRoot(document.querySelector('#root')!).render(<TokensPage />);
