import type { Core } from '@strapi/strapi';
import { isBuilding } from '../src/platform/utils/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const connectionString = env('DATABASE_URL');
  if (!connectionString && !isBuilding()) {
    throw new Error(
      'DATABASE_URL is not set. Start the CMS with `pnpm dev` or `pnpm start` from the project root ' +
        '(they start an embedded PostgreSQL), or set DATABASE_URL=postgres://user:pass@host:5432/db.',
    );
  }
  // How long a query waits for a pool connection, and a new connection for the server, before
  // failing. Short, so work stuck on an unreachable database does not linger (knex's default: 60 s).
  const connectionTimeout = env.int('DATABASE_CONNECTION_TIMEOUT', 5000);
  return {
    connection: {
      client: 'postgres',
      connection: {
        connectionString,
        connectionTimeoutMillis: connectionTimeout,
        ssl: env.bool('DATABASE_SSL', false)
          ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
          : false,
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
      acquireConnectionTimeout: connectionTimeout,
    },
    // The project's own tables are made by the migrations in database/migrations, written in
    // TypeScript: Strapi runs their compiled copies in dist/database/migrations.
    settings: { useTypescriptMigrations: true },
  };
};
