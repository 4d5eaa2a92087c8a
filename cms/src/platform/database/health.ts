/**
 * Whether PostgreSQL can be reached, known without a round trip per request: the state flips to
 * down on the pool's and queries' own connection failures, and while down a probe on a connection
 * of its own (never the pool, which may be stuck) checks every PROBE_INTERVAL_MS until it answers.
 */
import type { Core } from '@strapi/strapi';
import pg from 'pg';

const PROBE_INTERVAL_MS = 500;
// Short enough that a hung connection attempt still lets a request be answered within 2 s.
const PROBE_TIMEOUT_MS = 1000;

// Node's socket errors and PostgreSQL's SQLSTATEs that mean the server or the way to it is gone
// (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, class 08 connection
// exception), as opposed to a bad query.
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);
// pg's "Connection terminated (unexpectedly)" and its connect timeout's "timeout expired" carry no code.
const CONNECTION_ERROR_MESSAGE = /^Connection terminated|^timeout expired$/;

export function isConnectionError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08'))) return true;
  return typeof message === 'string' && CONNECTION_ERROR_MESSAGE.test(message);
}

/** knex gives up waiting for a pool connection: the database may be gone, or the pool just busy. */
function isAcquireTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  return name === 'KnexTimeoutError' || name === 'TimeoutError';
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface DatabaseHealth {
  isUp(): boolean;
  /** Calls `listener` once, the next time the database is marked down; returns how to cancel. */
  onceDown(listener: () => void): () => void;
  /** Something looks wrong (a slow request, a pool timeout): probe now unless a probe is running. */
  suspect(): void;
  /** A real check for /_health: `select 1` through the pool while up, the probe while down. */
  check(): Promise<boolean>;
}

export function watchDatabaseHealth(strapi: Core.Strapi): DatabaseHealth {
  const knex = strapi.db.connection;
  const pool = knex.client.pool;
  // The pool's own settings (connection string, TLS), with a deadline the pool does not have.
  const connectionSettings = knex.client.connectionSettings;

  let up = true;
  let stopped = false;
  let probing: Promise<boolean> | undefined;
  let nextProbe: NodeJS.Timeout | undefined;
  const downListeners = new Set<() => void>();

  function markDown(reason: unknown) {
    if (stopped || !up) return;
    up = false;
    strapi.log.error(`Database unreachable (${(reason as Error)?.message ?? reason}): answering 503 until it is back.`);
    const listeners = [...downListeners];
    downListeners.clear();
    listeners.forEach((listener) => listener());
    scheduleProbe();
  }

  function markUp() {
    if (up) return;
    up = true;
    clearTimeout(nextProbe);
    strapi.log.info('Database reachable again: serving requests.');
  }

  function scheduleProbe() {
    clearTimeout(nextProbe);
    if (stopped || up) return;
    // unref: a probe waiting for its turn must not keep a stopping process alive.
    nextProbe = setTimeout(() => void probe().then(() => scheduleProbe()), PROBE_INTERVAL_MS).unref();
  }

  async function connectAndSelect(): Promise<void> {
    const client = new pg.Client({
      ...connectionSettings,
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      query_timeout: PROBE_TIMEOUT_MS,
    });
    // A socket error after the probe settled must not become an uncaught 'error' event.
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('select 1');
    } finally {
      client.end().catch(() => {});
    }
  }

  /** One probe at a time; marks the state from its outcome. */
  function probe(): Promise<boolean> {
    probing ??= withTimeout(connectAndSelect(), PROBE_TIMEOUT_MS, 'Database probe')
      .then(
        () => {
          markUp();
          return true;
        },
        (error) => {
          markDown(error);
          return false;
        },
      )
      .finally(() => {
        probing = undefined;
      });
    return probing;
  }

  pool.on('createFail', (_eventId: number, error: unknown) => {
    // Refused, reset, timed out: the server is gone. Anything else (too many clients, say) may
    // leave the pool's open connections usable: the probe decides.
    if (isConnectionError(error)) markDown(error);
    else void probe();
  });
  pool.on('acquireFail', (_eventId: number, error: unknown) => {
    if (isAcquireTimeout(error)) void probe();
  });
  knex.on('query-error', (error: unknown) => {
    if (isConnectionError(error)) markDown(error);
  });
  // strapi.destroy() ends the pool: stop probing with it.
  pool.on('poolDestroySuccess', () => {
    stopped = true;
    clearTimeout(nextProbe);
  });

  return {
    isUp: () => up,
    onceDown(listener) {
      downListeners.add(listener);
      return () => downListeners.delete(listener);
    },
    suspect() {
      if (up) void probe();
    },
    async check() {
      if (!up) return probe();
      try {
        await withTimeout(knex.raw('select 1'), PROBE_TIMEOUT_MS, 'Database health check');
        return true;
      } catch (error) {
        if (isConnectionError(error)) {
          markDown(error);
          return false;
        }
        // Slow or a pool timeout: the probe on its own connection decides.
        return probe();
      }
    },
  };
}
