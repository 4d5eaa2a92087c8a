/**
 * One CMS instance at a time goes through the database part of its start-up, however many start
 * together on one database. Strapi's start-up is not safe against itself: two processes on a new
 * database both create every table (one fails on "duplicate key"), both run the same migrations,
 * and both make the roles, the development admin and the demo content when they find none.
 *
 * So each process takes a PostgreSQL advisory lock just before Strapi first touches the database
 * (`db.init`, which comes before the schema sync and the migrations, the plugins' bootstraps and
 * ours) and lets it go at the end of our bootstrap. An instance started meanwhile waits, then
 * finds the tables made, the migrations recorded and the content there, and changes nothing.
 *
 * The lock lives on a connection of its own, not one of the pool, so that a small pool cannot be
 * starved by it; it goes with that connection's session, so a process that dies mid start-up
 * releases it too.
 */
import type { Core } from '@strapi/strapi';
import pg from 'pg';
import { advisoryLockName } from '../exclusive';

const LOCK = advisoryLockName('database-start-up');

let holder: pg.Client | undefined;

/** In `register`: Strapi has no hook before it first touches the database, so its `db.init` waits for the lock. */
export function serializeDatabaseStartUp(strapi: Core.Strapi): void {
  const db = strapi.db;
  const init = db.init.bind(db);
  db.init = async (...args: Parameters<typeof init>) => {
    await takeStartUpLock(strapi);
    return init(...args);
  };
}

async function takeStartUpLock(strapi: Core.Strapi): Promise<void> {
  // The pool's own settings: the same server, user and TLS.
  const client = new pg.Client({ ...strapi.db.connection.client.connectionSettings });
  // A connection lost while idle is reported here rather than crashing the process.
  client.on('error', (error) => strapi.log.warn(`Start-up lock: connection lost (${error.message})`));
  await client.connect();
  const { rows } = await client.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [LOCK]);
  if (!rows[0].locked) {
    strapi.log.info('Waiting for another CMS instance to finish starting on this database');
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [LOCK]);
  }
  holder = client;
}

/** At the end of `bootstrap` (and in `destroy`): the next instance may start. */
export async function releaseStartUpLock(): Promise<void> {
  const client = holder;
  holder = undefined;
  // Ending the session releases the lock.
  await client?.end();
}
