// The checker against the msw mock (`pat-elements/mock`) served over HTTP in Node.
import { startMock } from './support/backends.mjs';
import { describeContractChecks } from './support/suite.mjs';

describeContractChecks('the msw mock', startMock);
