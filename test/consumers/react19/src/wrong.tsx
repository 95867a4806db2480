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
  </>
);
