/**
 * The CMS's job queue: pg-boss on the CMS's own PostgreSQL, in a schema of its own (`pgboss`), so
 * work survives a restart and is done once across instances. Features register their queues (with
 * retries and back-off) and handlers in `register`; the queue starts in `bootstrap` and stops, letting
 * running jobs finish, in `destroy`.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import pg from 'pg';
import { PgBoss, type JobResult, type JobWithMetadata, type QueueOptions } from 'pg-boss';

/** Where a job stands in its tries: the last one may record a failure for good before throwing. */
export interface Attempt {
  retryCount: number;
  retryLimit: number;
}

export interface JobDefinition<Data extends object> {
  /** Letters, digits, dashes: the queue's name. */
  name: string;
  /** Retries, back-off, expiry: pg-boss's queue options (from the configuration when a function). */
  options?: QueueOptions | ((strapi: Core.Strapi) => QueueOptions);
  /**
   * How many jobs an instance takes at a time (`batchSize`, handled together) and with how many
   * workers; one by one when not given. Jobs of a full batch are followed by the next at once.
   */
  work?: (strapi: Core.Strapi) => { batchSize: number; localConcurrency: number };
  /** A cron expression (UTC; a sixth field for seconds) when the job also runs on a timer. */
  schedule?: string | ((strapi: Core.Strapi) => string);
  /** Throws to have the job retried (as `options` say). */
  handle: (strapi: Core.Strapi, data: Data, attempt: Attempt) => Promise<void>;
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
 * Strapi's database layer tells the `pg` driver, process-wide, to leave JSON columns unparsed;
 * pg-boss (on the same driver) reads its jobs' data and its schedules' from JSON columns, so its
 * pool parses them itself (without this its timer's jobs never start: it finds no queue name).
 */
const JSON_TYPES = new Set<number>([pg.types.builtins.JSON, pg.types.builtins.JSONB]);
const pgBossTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    JSON_TYPES.has(oid) && format !== 'binary'
      ? (value: string) => JSON.parse(value) as unknown
      : pg.types.getTypeParser(oid, format as 'text'),
};

export async function startJobs(strapi: Core.Strapi): Promise<void> {
  const connection = strapi.config.get('database.connection.connection') as {
    connectionString: string;
    ssl?: unknown;
  };
  const settings = strapi.config.get('jobs') as {
    schema: string;
    pollingIntervalSeconds: number;
    superviseIntervalSeconds: number;
  };
  boss = new PgBoss({
    connectionString: connection.connectionString,
    ssl: connection.ssl,
    schema: settings.schema,
    ...({ types: pgBossTypes } as object),
    // How soon the jobs of an instance that died are handed to another (their heartbeat stopped).
    superviseIntervalSeconds: settings.superviseIntervalSeconds,
    monitorIntervalSeconds: settings.superviseIntervalSeconds,
  });
  // pg-boss reports its own trouble (a lost connection) here; without a listener it would throw.
  boss.on('error', (error) => strapi.log.error(`Job queue: ${error.message}`));
  await boss.start();
  for (const definition of definitions.values()) {
    const { options } = definition;
    await boss.createQueue(definition.name, typeof options === 'function' ? options(strapi) : options);
    const { batchSize, localConcurrency } = definition.work?.(strapi) ?? { batchSize: 1, localConcurrency: 1 };
    const workOptions = {
      pollingIntervalSeconds: settings.pollingIntervalSeconds,
      batchSize,
      localConcurrency,
      burstWhenBatchFull: true,
      includeMetadata: true,
      perJobResults: true,
    } as const;
    await boss.work<object, JobResult[], typeof workOptions>(
      definition.name,
      workOptions,
      // Each job of a batch succeeds or fails (and is retried) on its own.
      (jobs: JobWithMetadata<object>[]) =>
        Promise.all(
          jobs.map(async (job): Promise<JobResult> => {
            try {
              await definition.handle(strapi, job.data, job);
              return { id: job.id, status: 'completed' };
            } catch (error) {
              // The job's data is not logged: it may name a reader. pg-boss retries it as its queue says.
              strapi.log.warn(`Job ${definition.name} ${job.id} failed: ${(error as Error).message}`);
              return { id: job.id, status: 'failed', output: { message: (error as Error).message } };
            }
          }),
        ),
    );
    const { schedule } = definition;
    if (schedule) await boss.schedule(definition.name, typeof schedule === 'function' ? schedule(strapi) : schedule);
  }
}

/** Queues a job; resolves once it is stored (so it survives a crash from then on). */
export async function enqueue<Data extends object>(definition: JobDefinition<Data>, data: Data): Promise<void> {
  if (!boss) throw new Error(`The job queue is not started: cannot queue ${definition.name}`);
  await boss.send(definition.name, data);
}

/** A UUID that is always the same for the same key: a job's id, so queuing it twice queues it once. */
export function jobId(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Queues many jobs at once, each under an id made from its key: a key queued before (by a crashed
 * run, or another instance) is left as it is.
 */
export async function enqueueMany<Data extends object>(
  definition: JobDefinition<Data>,
  jobs: Array<{ key: string; data: Data }>,
): Promise<void> {
  if (!boss) throw new Error(`The job queue is not started: cannot queue ${definition.name}`);
  if (jobs.length)
    await boss.insert(
      definition.name,
      jobs.map((job) => ({ id: jobId(job.key), data: job.data })),
    );
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
