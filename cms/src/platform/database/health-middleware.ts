/**
 * Global middleware: fails fast and clearly when PostgreSQL is unreachable, instead of letting
 * users-permissions answer 401 (it swallows the database error) or a request wait on a dead pool.
 * - `/_health` checks the database for real on each call: 204, or 503 naming the database.
 * - Content API requests (`/api/...`) the response cache cannot answer (platform/cache/middleware.ts)
 *   get a 503 with Retry-After at once while the database is known to be down. A read in flight when it goes down gets the 503 as soon as that is known.
 *   A write in flight gets the time its pool wait needs to end (the acquire timeout): a 503 must
 *   mean "not saved" (the site tells the reader so, and a resent comment would count as a
 *   duplicate), and an early 503 could be followed by the row being committed when the database
 *   returns. Only a query already sent to a frozen server stays unknown past that.
 * - While the database is up this costs a timer per request and no database round trip.
 * The admin keeps Strapi's own answers (it serves its static app without the database).
 */
import type { Core } from '@strapi/strapi';
import { watchDatabaseHealth, isConnectionError, type DatabaseHealth } from './health';
import { sendError, type Context, type Next } from '../utils/http';

const RETRY_AFTER_SECONDS = 5;
// A request this slow may be stuck on an unreachable database: have the probe find out, so the
// request can still be answered within about 2 s.
const SLOW_REQUEST_MS = 500;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const OUTAGE_MESSAGE =
  'The service is temporarily unavailable: its database cannot be reached. Please try again in a moment.';

function unavailable(ctx: Context, message = OUTAGE_MESSAGE, details: Record<string, unknown> = {}) {
  ctx.status = 503;
  ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
  // A CDN or browser must not keep the outage answer once the database is back.
  ctx.set('Cache-Control', 'no-store');
  sendError(ctx, 503, 'ServiceUnavailableError', message, details);
}

/**
 * Resolves 'done' when `work` does, or 'down' once the database has been marked down for
 * `afterDownMs` (0 for a read; time for a write's pool wait to end one way or the other).
 */
function untilDoneOrDown(
  work: Promise<unknown>,
  health: DatabaseHealth,
  afterDownMs: number,
): Promise<'done' | 'down'> {
  return new Promise((resolve, reject) => {
    let giveUp: NodeJS.Timeout | undefined;
    const cancel = health.onceDown(() => {
      if (afterDownMs > 0) giveUp = setTimeout(() => resolve('down'), afterDownMs);
      else resolve('down');
    });
    const settle = () => {
      cancel();
      clearTimeout(giveUp);
    };
    work.then(
      () => {
        settle();
        resolve('done');
      },
      (error) => {
        settle();
        // Ignored by the promise when the 503 was already given: the work outlived its request.
        reject(error);
      },
    );
  });
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const health = watchDatabaseHealth(strapi);
  const apiPrefix = `${strapi.config.get('api.rest.prefix', '/api')}`;
  const isContentApi = (path: string) => path === apiPrefix || path.startsWith(`${apiPrefix}/`);
  // A write waiting for a pool connection fails after the acquire timeout or, if the database
  // returns first, commits: wait for that rather than answer 503 for a row that then appears.
  const writeGraceMs = Number(strapi.config.get('database.connection.acquireConnectionTimeout', 5000)) + 1000;

  return async (ctx: Context, next: Next) => {
    if (ctx.path === '/_health') {
      if (await health.check()) {
        ctx.status = 204;
      } else {
        unavailable(ctx, 'The database is unreachable.', { database: 'unreachable' });
      }
      return;
    }
    if (!isContentApi(ctx.path)) return next();
    if (!health.isUp()) return unavailable(ctx);

    const watchdog = setTimeout(() => health.suspect(), SLOW_REQUEST_MS);
    try {
      const afterDownMs = READ_METHODS.has(ctx.method) ? 0 : writeGraceMs;
      if ((await untilDoneOrDown(next(), health, afterDownMs)) === 'down') return unavailable(ctx);
    } catch (error) {
      if (health.isUp() && !isConnectionError(error)) throw error;
      health.suspect();
      return unavailable(ctx);
    } finally {
      clearTimeout(watchdog);
    }
    // A failure answered downstream while the database is down was caused by it (users-permissions
    // turns it into 401). A success stands: a 201 means the row was committed.
    if (ctx.status >= 400 && !health.isUp()) unavailable(ctx);
  };
};
