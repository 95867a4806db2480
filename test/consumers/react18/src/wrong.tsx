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
  </>
);
