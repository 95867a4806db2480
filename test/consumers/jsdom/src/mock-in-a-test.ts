// A host's own test setup with the mock backend (pat-elements/mock needs msw).
import { setupServer } from 'msw/node';
import { createMockBackend, type MockBackend } from 'pat-elements/mock';

export const backend: MockBackend = createMockBackend({ endpoint: 'http://localhost:3000/api/tokens', seed: 'demo' });
export const server = setupServer(...backend.handlers);
backend.failNext('server-error', { operation: 'create' });
