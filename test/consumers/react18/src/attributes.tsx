// Attributes take text, as in HTML and the docs (`grace-periods="0 1 24"`); the properties they
// set take numbers. Both forms must type-check with React 18's types.
import { PatGenerateDialog, PatTokenList } from 'pat-elements/react';

export const attributes = (
  <>
    <PatTokenList endpoint="/api/tokens" max-lifetime-days="90" expiring-soon-days="7" grace-periods="0 1 24" no-generate />
    <PatTokenList endpoint="/api/tokens" maxLifetimeDays={90} expiringSoonDays={7} gracePeriods={[0, 1, 24]} noGenerate={false} />
    <PatGenerateDialog max-name-length="50" max-lifetime-days="30" allow-no-expiration />
  </>
);
