/**
 * Work that must run on one instance at a time, however many CMS instances share the database:
 * a PostgreSQL advisory lock, so it works with or without Redis.
 *
 *   const ran = await runExclusive(strapi, 'publish-scheduled', async (trx) => { ... });
 *
 * `fn` runs inside a transaction that holds the lock named `name`; the lock is released when the
 * transaction ends (commit, rollback, or the connection dropping with a crashed instance), so it
 * cannot be left behind. When another instance holds it, `fn` does not run and the result is
 * false: scheduled work simply tries again at its next turn. Database writes `fn` makes through
 * `trx` commit together with its end, or not at all. Keep `fn` short: it holds a pooled connection.
 */
import type { Core } from '@strapi/strapi';

/**
 * What an advisory lock of ours is named (PostgreSQL hashes it to a 64-bit key with
 * hashtextextended): the prefix keeps our locks apart from other users of the database.
 */
export const advisoryLockName = (name: string) => `medblog:${name}`;

type Transaction = Parameters<Parameters<Core.Strapi['db']['connection']['transaction']>[0]>[0];

export async function runExclusive(
  strapi: Core.Strapi,
  name: string,
  fn: (trx: Transaction) => Promise<void>,
): Promise<boolean> {
  return strapi.db.connection.transaction(async (trx) => {
    const { rows } = await trx.raw('SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0)) AS locked', [
      advisoryLockName(name),
    ]);
    if (!rows[0].locked) return false;
    await fn(trx);
    return true;
  });
}
