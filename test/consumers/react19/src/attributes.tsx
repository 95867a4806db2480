// Attributes take text, as in HTML and the docs (`grace-periods="0 1 24"`); the properties they
// set take numbers. Both forms must type-check, on the tags and on the React 18 wrappers.
import type {} from 'pat-elements/types/react';
import { PatGenerateDialog, PatTokenList } from 'pat-elements/react';

export const attributes = (
  <>
    <pat-token-list endpoint="/api/tokens" max-lifetime-days="90" expiring-soon-days="7" grace-periods="0 1 24" no-generate />
    <pat-token-list endpoint="/api/tokens" maxLifetimeDays={90} expiringSoonDays={7} gracePeriods={[0, 1, 24]} noGenerate={false} />
    <pat-generate-dialog max-name-length="50" max-description-length="200" max-lifetime-days="30" allow-no-expiration />
    <pat-token-reveal usage-template="curl -H 'Authorization: Bearer {token}' https://api.example.com/me" />
    <PatTokenList endpoint="/api/tokens" max-lifetime-days="90" expiring-soon-days="7" grace-periods="0 1 24" no-regenerate />
    <PatGenerateDialog maxLifetimeDays={90} gracePeriods={[0, 24]} />
  </>
);
