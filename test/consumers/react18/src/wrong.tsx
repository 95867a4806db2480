// Each line in the fragment is a mistake tsc must report (the test finds their lines).
import { PatGenerateDialog, PatTokenList, PatTokenReveal } from 'pat-elements/react';

export const wrong = (
  <>
    <PatTokenList endpoint={42} />
    <PatTokenList credentials="sometimes" />
    <PatTokenList headers={42} />
    <PatTokenList onPatTokenDeleted={(event: MouseEvent) => event} />
    <PatTokenList onTokenDeleted={() => {}} />
    <PatTokenReveal secret={42} />
    <PatGenerateDialog client={{ list: 1 }} />
    <PatTokenList maxLifetimeDays="90" />
    <PatTokenList expiringSoonDays="7" />
    <PatGenerateDialog gracePeriods="0 1 24" />
    <PatTokenList max-lifetime-days={90} />
    <PatTokenList no-generate={false} />
  </>
);
