// A host that only wants the REST client (e.g. for a CLI page of its own): nothing else of the
// package may end up in its bundle.
import { RestTokenClient } from 'pat-elements';

export const client = new RestTokenClient({ endpoint: '/api/tokens' });
