import { createRoot } from 'react-dom/client';
import { TokensPage } from './tokens-page.js';

createRoot(document.querySelector('#root')!).render(<TokensPage />);
