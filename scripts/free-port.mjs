/**
 * A TCP port on 127.0.0.1 that nothing listens on right now, asked of the OS (port 0), for the
 * servers the scripts start (the demo, a private PostgreSQL): never a fixed, well-known port on a
 * shared machine.
 */
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
