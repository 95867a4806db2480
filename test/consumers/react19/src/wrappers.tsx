// The React 18 wrappers also type-check against React 19's types (a host may upgrade later).
import { PatTokenList } from 'pat-elements/react';

export const withWrappers = (
  <PatTokenList endpoint="/api/tokens" credentials="include" onPatTokenDeleted={(event) => event.detail.token.name} />
);
