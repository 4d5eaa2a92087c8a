/**
 * The CMS's job queue: pg-boss on the CMS's own PostgreSQL, in a schema of its own (`pgboss`), so
 * work survives a restart and is done once across instances. Features register their queues (with
 * retries and back-off) and handlers in `register`; the queue starts in `bootstrap` and stops, letting
 * running jobs finish, in `destroy`.
 */
import type { Core } from '@strapi/strapi';
import { PgBoss, type Job, type QueueOptions } from 'pg-boss';

export interface JobDefinition<Data extends object> {
  /** Letters, digits, dashes: the queue's name. */
  name: string;
  /** Retries, back-off, expiry: pg-boss's queue options (from the configuration when a function). */
  options?: QueueOptions | ((strapi: Core.Strapi) => QueueOptions);
  /** A cron expression (UTC) when the job also runs on a timer. */
  schedule?: string;
  /** Throws to have the job retried (as `options` say). */
  handle: (strapi: Core.Strapi, data: Data) => Promise<void>;
}

const definitions = new Map<string, JobDefinition<object>>();
let boss: PgBoss | undefined;

/** A job's definition, typed by its data. */
export function defineJob<Data extends object>(definition: JobDefinition<Data>): JobDefinition<Data> {
  return definition;
}

/** Registers queues and their handlers; call in `register`, before the queue starts. */
export function registerJobs(...jobs: Array<JobDefinition<never>>): void {
  for (const job of jobs) definitions.set(job.name, job as unknown as JobDefinition<object>);
}

/**
 * A job's data as sent. Strapi's database layer tells the `pg` driver, process-wide, to leave JSON
 * columns unparsed, so pg-boss (on the same driver) hands the data over as text.
 */
function dataOf(job: Job<object>): object {
  return typeof job.data === 'string' ? (JSON.parse(job.data) as object) : job.data;
}

export async function startJobs(strapi: Core.Strapi): Promise<void> {
  const connection = strapi.config.get('database.connection.connection') as {
    connectionString: string;
    ssl?: unknown;
  };
  const settings = strapi.config.get('jobs') as { schema: string; pollingIntervalSeconds: number };
  boss = new PgBoss({ connectionString: connection.connectionString, ssl: connection.ssl, schema: settings.schema });
  // pg-boss reports its own trouble (a lost connection) here; without a listener it would throw.
  boss.on('error', (error) => strapi.log.error(`Job queue: ${error.message}`));
  await boss.start();
  for (const definition of definitions.values()) {
    const { options } = definition;
    await boss.createQueue(definition.name, typeof options === 'function' ? options(strapi) : options);
    await boss.work<object>(
      definition.name,
      { pollingIntervalSeconds: settings.pollingIntervalSeconds },
      async (jobs: Job<object>[]) => {
        for (const job of jobs) {
          try {
            await definition.handle(strapi, dataOf(job));
          } catch (error) {
            // The job's data is not logged: it may name a reader. pg-boss retries it as its queue says.
            strapi.log.warn(`Job ${definition.name} ${job.id} failed: ${(error as Error).message}`);
            throw error;
          }
        }
      },
    );
    if (definition.schedule) await boss.schedule(definition.name, definition.schedule);
  }
}

/** Queues a job; resolves once it is stored (so it survives a crash from then on). */
export async function enqueue<Data extends object>(definition: JobDefinition<Data>, data: Data): Promise<void> {
  if (!boss) throw new Error(`The job queue is not started: cannot queue ${definition.name}`);
  await boss.send(definition.name, data);
}

/** Queues a registered job by name (for scripts and tests that run a scheduled job now). */
export async function enqueueByName(name: string, data: object = {}): Promise<void> {
  const definition = definitions.get(name);
  if (!definition) throw new Error(`No job named ${name}`);
  await enqueue(definition, data);
}

export async function stopJobs(): Promise<void> {
  const stopping = boss;
  boss = undefined;
  await stopping?.stop({ graceful: true, timeout: 10_000 });
}
