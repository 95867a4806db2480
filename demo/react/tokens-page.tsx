import type {} from 'pat-elements/types/react';
import type { PatEventMap, PatTokenList } from 'pat-elements';
import { useRef, useState } from 'react';

/** A settings section as a React app would write it: typed props, typed event handlers, a ref. */
export function TokensPage() {
  const list = useRef<PatTokenList>(null);
  const [lastEvent, setLastEvent] = useState('');

  const onCreated = (event: PatEventMap['pat-token-created']) => setLastEvent(`Created “${event.detail.token.name}”`);
  const onDeleted = (event: PatEventMap['pat-token-deleted']) => setLastEvent(`Deleted “${event.detail.token.name}”`);

  return (
    <main className="page">
      <h1>Personal access tokens</h1>
      <p className="last-event" role="status">
        {lastEvent}
      </p>
      <pat-token-list
        ref={list}
        endpoint="/api/tokens"
        headers={{ 'X-Requested-With': 'pat-elements-react-demo' }}
        expiringSoonDays={7}
        onpat-token-created={onCreated}
        onpat-token-deleted={onDeleted}
      />
    </main>
  );
}
