/**
 * Scheduled publishing: "Publish at" and "Unpublish at" on an article, acted on by the schedule
 * task (config/cron-tasks.ts runs it every 30 s), once, and saying so when a draft changed after
 * its publication was scheduled.
 */
import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSchedule } from '../src/features/scheduling/server/scheduling';
import cronTasks from '../config/cron-tasks';
import { api, bootStrapi } from './helpers/strapi';

const ARTICLE = 'api::article.article';
const paragraph = (text: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] });
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
const created: string[] = [];

async function draft(title: string, data: Record<string, unknown> = {}) {
  const article = await strapi
    .documents(ARTICLE)
    .create({ data: { title, body: [paragraph(`${title}: a short body.`)], ...data } as never });
  created.push(article.documentId);
  return article.documentId;
}

const isPublic = async (documentId: string) => (await request.get(`/api/articles/${documentId}`)).status === 200;
const row = (documentId: string) =>
  strapi.db.query(ARTICLE).findOne({ where: { documentId, publishedAt: null } }) as Promise<Record<string, unknown>>;

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
});

afterAll(async () => {
  // Other test files expect the demo content's published articles only.
  for (const documentId of created) await strapi.documents(ARTICLE).delete({ documentId });
});

describe('scheduled publishing', () => {
  it('publishes a draft once its "Publish at" has come, and not before', async () => {
    const documentId = await draft('Scheduled for later', { publishAt: minutesFromNow(30) });
    await runSchedule(strapi);
    expect(await isPublic(documentId)).toBe(false);

    const { published } = await runSchedule(strapi, new Date(Date.now() + 31 * 60_000));
    expect(published).toEqual([documentId]);
    expect(await isPublic(documentId)).toBe(true);
    const after = await row(documentId);
    expect(after.publishAt).toBeNull();
    expect(after.scheduleNote).toMatch(/^Published as scheduled on /);
    // Done: a later run does nothing more.
    expect((await runSchedule(strapi, new Date(Date.now() + 40 * 60_000))).published).toEqual([]);
  });

  it('says so when the draft was edited after its publication was scheduled', async () => {
    const documentId = await draft('Scheduled, then edited', { publishAt: minutesFromNow(-1) });
    // Scheduled yesterday, edited since.
    await strapi.db
      .query(ARTICLE)
      .updateMany({ where: { documentId }, data: { scheduledAt: new Date(Date.now() - 86_400_000).toISOString() } });
    await runSchedule(strapi);
    expect(await isPublic(documentId)).toBe(true);
    expect((await row(documentId)).scheduleNote).toContain('with changes saved after it was scheduled');
  });

  it('takes a published article down at its "Unpublish at", keeping the draft', async () => {
    const documentId = await draft('Published for a while');
    await strapi.documents(ARTICLE).publish({ documentId });
    await strapi.documents(ARTICLE).update({ documentId, data: { unpublishAt: minutesFromNow(-1) } as never });
    await strapi.documents(ARTICLE).publish({ documentId });
    expect(await isPublic(documentId)).toBe(true);

    const { unpublished } = await runSchedule(strapi);
    expect(unpublished).toEqual([documentId]);
    expect(await isPublic(documentId)).toBe(false);
    const left = await row(documentId);
    expect(left.title).toBe('Published for a while');
    expect(left.unpublishAt).toBeNull();
  });

  it('acts once when several instances run the schedule at the same moment', async () => {
    const documentId = await draft('Due now, asked twice', { publishAt: minutesFromNow(-1) });
    const runs = await Promise.all([runSchedule(strapi), runSchedule(strapi), runSchedule(strapi)]);
    expect(runs.flatMap((run) => run.published)).toEqual([documentId]);
    const versions = await strapi.db.query(ARTICLE).findMany({ where: { documentId } });
    expect(versions).toHaveLength(2); // one draft, one published version
  });

  it('refuses an "Unpublish at" that is not after "Publish at", naming the field', async () => {
    await expect(
      draft('Backwards schedule', { publishAt: minutesFromNow(60), unpublishAt: minutesFromNow(30) }),
    ).rejects.toThrow(/unpublishAt/);
    const documentId = await draft('Schedule fixed later', { publishAt: minutesFromNow(60) });
    await expect(
      strapi.documents(ARTICLE).update({ documentId, data: { unpublishAt: minutesFromNow(10) } as never }),
    ).rejects.toThrow(/unpublishAt/);
  });
});

describe("scheduled publishing through Strapi's cron, as config/server.ts wires it", () => {
  interface CronJob {
    name: string | null;
    options: unknown;
    job: { reschedule: (options: unknown) => boolean; nextInvocation: () => Date | null };
  }
  const scheduleJob = () =>
    (strapi.cron as unknown as { jobs: CronJob[] }).jobs.find((job) => job.name === 'articleSchedule');

  it('is a job of the running CMS with the rule of config/cron-tasks.ts', () => {
    const job = scheduleJob();
    expect(job, 'no "articleSchedule" job: is server.cron enabled with config/cron-tasks.ts?').toBeDefined();
    expect(job!.options).toEqual(cronTasks.articleSchedule.options);
    const next = job!.job.nextInvocation()!.getTime() - Date.now();
    expect(next).toBeGreaterThanOrEqual(0);
    expect(next).toBeLessThanOrEqual(30_000);
  });

  it('publishes a draft whose "Publish at" has come, with nobody calling the schedule', async () => {
    const documentId = await draft('Published by the cron', { publishAt: minutesFromNow(-1) });
    expect(await isPublic(documentId)).toBe(false);
    const job = scheduleJob()!;
    // The job as registered, on a rule of every second rather than every 30 s.
    expect(job.job.reschedule({ rule: '* * * * * *' })).toBe(true);
    try {
      // The run publishes, then writes its note: done once the note is there.
      let note: unknown = null;
      for (let waited = 0; waited < 15_000 && !note; waited += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        note = (await row(documentId)).scheduleNote;
      }
      expect(await isPublic(documentId)).toBe(true);
      expect(note).toMatch(/^Published as scheduled on /);
    } finally {
      job.job.reschedule(cronTasks.articleSchedule.options);
    }
  });
});
