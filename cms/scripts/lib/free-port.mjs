// A TCP port on 127.0.0.1 that is free right now: for the embedded PostgreSQL (5432 is often taken
// by a system one), the throw-away CMS and the e2e stack's servers.
import { createServer } from 'node:net';

/** `preferred` when it is free, otherwise any free port. */
export function freePort(preferred = 0) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(freePort(0)));
    server.listen(preferred, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}
