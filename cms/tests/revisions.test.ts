/**
 * Revision history of articles: each save keeps a version with who, when and what changed (none
 * for a save that changes nothing); two versions compare field by field with a word diff; a
 * restore puts a version's content in the draft and is itself a new version; "Versions kept per
 * article" prunes older versions, and no limit is the default; only roles with article rights
 * reach the history, and bad input is a 4xx that changes nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { api, bootStrapi } from './helpers/strapi';
import { newAdminHeaders } from './helpers/admin';
import { runSchedule } from '../src/features/scheduling/server/scheduling';
import { ENQUIRY_STAFF_ROLE } from '../src/platform/access/admin-roles';
import { importFiles } from '../src/features/import/server/importer';

const ARTICLES = '/content-manager/collection-types/api::article.article';
const REVISION = 'api::article-revision.article-revision';
const SETTINGS = 'api::editorial-setting.editorial-setting';
const run = Date.now().toString(36);

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let editor: { Authorization: string };

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

interface Version {
  version: number;
  action: string;
  restoredVersion: number | null;
  changedFields: string[];
  changes: string;
  editor: { id: number | null; name: string };
  createdAt: string;
}

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  editor = await newAdminHeaders('strapi-editor', `history-editor-${run}`);
});

afterEach(async () => {
  await setVersionsKept(null);
});

async function setVersionsKept(versionsKeptPerArticle: number | null) {
  const settings = strapi.documents(SETTINGS);
  const current = await settings.findFirst();
  if (current) await settings.update({ documentId: current.documentId, data: { versionsKeptPerArticle } as never });
  else await settings.create({ data: { versionsKeptPerArticle } as never });
}

/** A new draft written by the editor in the content manager. */
async function newDraft(title: string, text = 'Clinical rotations start in the third year.') {
  const response = await request
    .post(ARTICLES)
    .set(editor)
    .send({ title, body: [paragraph(text)] });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.data.documentId as string;
}

async function save(documentId: string, data: Record<string, unknown>, auth = editor) {
  const response = await request.put(`${ARTICLES}/${documentId}`).set(auth).send(data);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

async function versions(documentId: string, auth = editor, query: Record<string, unknown> = {}) {
  const response = await request.get(`/medblog/articles/${documentId}/versions`).query(query).set(auth);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { data: Version[]; meta: { pagination: { total: number }; article: { title: string } } };
}

const draft = (documentId: string) => strapi.documents('api::article.article').findOne({ documentId, status: 'draft' });

describe('versions kept on save', () => {
  it('keeps one per save with who, when and what changed, newest first', async () => {
    const before = Date.now();
    const documentId = await newDraft(`Internship rotations ${run}`);
    await save(documentId, { title: `Internship rotations in Pune ${run}` });
    await save(documentId, { body: [paragraph('Clinical rotations start in the second year.')] });

    const { data, meta } = await versions(documentId);
    expect(meta.article.title).toBe(`Internship rotations in Pune ${run}`);
    expect(data.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(data.map((v) => v.action)).toEqual(['save', 'save', 'save']);
    expect(data[2].changedFields).toEqual(expect.arrayContaining(['title', 'slug', 'body']));
    expect(data[1]).toMatchObject({ changedFields: ['title'], changes: 'Title' });
    expect(data[0]).toMatchObject({ changedFields: ['excerpt', 'body'], changes: 'Summary and Text' });
    for (const version of data) {
      expect(version.editor.name).toBe('Test User');
      expect(Date.parse(version.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    }
  });

  it('keeps no version for a save that changes nothing editable', async () => {
    const documentId = await newDraft(`Unchanged ${run}`);
    const article = await draft(documentId);
    await save(documentId, { title: article!.title, body: article!.body });
    expect((await versions(documentId)).meta.pagination.total).toBe(1);
  });

  it('records publishing and unpublishing, and the scheduler when no admin acted', async () => {
    const documentId = await newDraft(`Scheduled ${run}`);
    const publish = await request.post(`${ARTICLES}/${documentId}/actions/publish`).set(editor).send({});
    expect(publish.status, JSON.stringify(publish.body)).toBe(200);
    await strapi.db
      .query('api::article.article')
      .updateMany({ where: { documentId }, data: { unpublishAt: new Date(Date.now() - 1000) } });
    await runSchedule(strapi);

    const { data } = await versions(documentId);
    expect(data.slice(0, 2).map((v) => [v.action, v.editor.name, v.changes])).toEqual([
      ['unpublish', 'Scheduler', 'No content changes'],
      ['publish', 'Test User', 'No content changes'],
    ]);
  });

  it('names the importer as who saved an imported post, and keeps nothing when it imports it again unchanged', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'history-')), 'post.txt');
    writeFileSync(file, `Hostel life during internship ${run}\n\nThe hostel is a short walk from the hospital.\n`);
    await importFiles(strapi, [file]);
    await importFiles(strapi, [file]);
    const article = await strapi
      .documents('api::article.article')
      .findFirst({ filters: { title: `Hostel life during internship ${run}` }, status: 'draft' });
    const { data } = await versions(article!.documentId);
    expect(data.map((v) => [v.version, v.action, v.editor.name])).toEqual([[1, 'save', 'Import']]);
  });
});

describe('comparing two versions', () => {
  it('gives each changed field its old and new text, with the words deleted and inserted marked', async () => {
    const documentId = await newDraft(`USMLE Step 1 ${run}`, 'Begin with physiology and pathology.');
    await save(documentId, {
      title: `USMLE Step 1 planning ${run}`,
      body: [
        { type: 'heading', level: 2, children: [{ type: 'text', text: 'Where to begin' }] },
        paragraph('Begin with anatomy and pathology.'),
      ],
    });
    const response = await request
      .get(`/medblog/articles/${documentId}/versions/compare`)
      .query({ from: 1, to: 2 })
      .set(editor);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const fields = response.body.data.fields as Array<{
      field: string;
      label: string;
      before: string;
      after: string;
      parts: Array<{ value: string; added: boolean; removed: boolean }>;
    }>;
    const body = fields.find((f) => f.field === 'body')!;
    expect(body).toMatchObject({
      label: 'Text',
      before: 'Begin with physiology and pathology.',
      after: '# Where to begin\nBegin with anatomy and pathology.',
    });
    expect(body.parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(['physiology']);
    expect(body.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(expect.arrayContaining(['anatomy']));
    const title = fields.find((f) => f.field === 'title')!;
    expect(title.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['planning']);
    expect(fields.map((f) => f.field)).not.toContain('category');
  });
});

describe('restoring a version', () => {
  it('puts its content in the draft, through the usual save, and keeps that as a new version', async () => {
    const [usmle, internships] = await strapi
      .documents('api::category.category')
      .findMany({ fields: ['name'], sort: 'name:asc', limit: 2 });
    const created = await request
      .post(ARTICLES)
      .set(editor)
      .send({
        title: `Electives abroad ${run}`,
        body: [paragraph('Apply six months ahead.')],
        lastReviewedAt: '2026-01-15',
        category: { connect: [{ documentId: usmle.documentId }] },
      });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const documentId = created.body.data.documentId as string;
    await save(documentId, {
      title: `Electives abroad, updated ${run}`,
      body: [paragraph('Apply a year ahead.')],
      lastReviewedAt: '2026-02-20',
      category: { disconnect: [{ documentId: usmle.documentId }], connect: [{ documentId: internships.documentId }] },
    });

    const response = await request.post(`/medblog/articles/${documentId}/versions/1/restore`).set(editor);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.data).toMatchObject({ version: 3, action: 'restore', restoredVersion: 1 });

    const restored = await strapi
      .documents('api::article.article')
      .findOne({ documentId, status: 'draft', populate: { category: { fields: ['name'] } } });
    expect(restored).toMatchObject({
      title: `Electives abroad ${run}`,
      body: [paragraph('Apply six months ahead.')],
      lastReviewedAt: '2026-01-15',
      category: { name: usmle.name },
    });
    const { data } = await versions(documentId);
    expect(data[0]).toMatchObject({ version: 3, editor: { name: 'Test User' } });
    expect(data[0].changedFields).toEqual(expect.arrayContaining(['title', 'body', 'category', 'lastReviewedAt']));
  });
});

describe('how many versions are kept', () => {
  it('keeps every version when no limit is set', async () => {
    const documentId = await newDraft(`Unlimited ${run}`);
    for (let i = 1; i <= 5; i += 1) await save(documentId, { title: `Unlimited ${run} draft ${i}` });
    expect((await versions(documentId)).meta.pagination.total).toBe(6);
  });

  it('prunes the oldest beyond "Versions kept per article" at the next save', async () => {
    const documentId = await newDraft(`Limited ${run}`);
    for (let i = 1; i <= 3; i += 1) await save(documentId, { title: `Limited ${run} draft ${i}` });
    await setVersionsKept(2);
    await save(documentId, { title: `Limited ${run} final` });
    const { data } = await versions(documentId);
    expect(data.map((v) => v.version)).toEqual([5, 4]);
    expect(await strapi.db.query(REVISION).count({ where: { articleDocumentId: documentId } })).toBe(2);
  });
});

describe('deleting an article', () => {
  it('deletes its versions too', async () => {
    const documentId = await newDraft(`Deleted ${run}`);
    await save(documentId, { title: `Deleted soon ${run}` });
    const response = await request.delete(`${ARTICLES}/${documentId}`).set(editor);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(await strapi.db.query(REVISION).count({ where: { articleDocumentId: documentId } })).toBe(0);
  });
});

describe('who may use the history', () => {
  it('refuses a role without article rights', async () => {
    const documentId = await newDraft(`Private history ${run}`);
    const staff = await newAdminHeaders(ENQUIRY_STAFF_ROLE.code, `history-staff-${run}`);
    expect((await request.get(`/medblog/articles/${documentId}/versions`).set(staff)).status).toBe(403);
    expect((await request.get(`/medblog/articles/${documentId}/versions/compare?from=1&to=1`).set(staff)).status).toBe(
      403,
    );
    expect((await request.post(`/medblog/articles/${documentId}/versions/1/restore`).set(staff)).status).toBe(403);
    expect((await request.get(`/medblog/articles/${documentId}/versions`)).status).toBe(401);
  });

  it("lets an Author see only their own articles' history", async () => {
    const author = await newAdminHeaders('strapi-author', `history-author-${run}`);
    const editorsArticle = await newDraft(`Editor's own ${run}`);
    const created = await request
      .post(ARTICLES)
      .set(author)
      .send({ title: `Author's own ${run}` });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await save(created.body.data.documentId, { title: `Author's own, revised ${run}` }, author);

    const own = await versions(created.body.data.documentId, author);
    expect(own.data.map((v) => v.version)).toEqual([2, 1]);
    expect((await request.get(`/medblog/articles/${editorsArticle}/versions`).set(author)).status).toBe(404);
    expect((await request.post(`/medblog/articles/${editorsArticle}/versions/1/restore`).set(author)).status).toBe(404);
  });
});

describe('bad input', () => {
  it('answers a 4xx naming the problem, and changes nothing', async () => {
    const documentId = await newDraft(`Bad input ${run}`);
    const base = `/medblog/articles/${documentId}/versions`;
    const cases: Array<[Promise<{ status: number; body: { error?: { message: string } } }>, number, RegExp]> = [
      [request.post(`${base}/abc/restore`).set(editor), 400, /version: must be a version number/],
      [request.post(`${base}/0/restore`).set(editor), 400, /version: must be a version number/],
      [request.post(`${base}/99/restore`).set(editor), 404, /no version 99/],
      [request.get(`${base}/compare`).query({ from: 1 }).set(editor), 400, /to: must be a version number/],
      [request.get(`${base}/compare`).query({ from: 'x', to: 1 }).set(editor), 400, /from: must be a version number/],
      [request.get(`${base}/compare`).query({ from: 1, to: 7 }).set(editor), 404, /no version 7/],
      [request.get(base).query({ pageSize: 1000 }).set(editor), 400, /pageSize: must be a whole number from 1 to 100/],
      [request.get(`/medblog/articles/nope${run}/versions`).set(editor), 404, /No article/],
    ];
    for (const [call, status, message] of cases) {
      const response = await call;
      expect(response.status, JSON.stringify(response.body)).toBe(status);
      expect(response.body.error?.message).toMatch(message);
    }
    expect((await versions(documentId)).meta.pagination.total).toBe(1);
    expect((await draft(documentId))!.title).toBe(`Bad input ${run}`);
  });
});
