import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TokensPage } from './tokens-page.js';

/** A parent that re-renders on demand: each render passes the docs' inline headers object anew. */
function Settings() {
  const [renders, setRenders] = useState(0);
  return (
    <>
      <button id="rerender" type="button" onClick={() => setRenders((n) => n + 1)}>
        Re-rendered {renders} times
      </button>
      <TokensPage />
    </>
  );
}

createRoot(document.querySelector('#root')!).render(<Settings />);
