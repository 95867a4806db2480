// Each line in the fragment is a mistake tsc must report (the test finds their lines).
import type {} from 'pat-elements/types/react';

export const wrong = (
  <>
    <pat-token-list endpoint={42} />
    <pat-token-list credentials="sometimes" />
    <pat-token-list headers={42} />
    <pat-token-list onpat-token-deleted={(event: MouseEvent) => event} />
    <pat-token-reveal secret={42} />
    <pat-generate-dialog client={{ list: 1 }} />
    <pat-token-list maxLifetimeDays="90" />
    <pat-token-list expiringSoonDays="7" />
    <pat-generate-dialog gracePeriods="0 1 24" />
    <pat-token-list max-lifetime-days={{ days: 90 }} />
  </>
);
