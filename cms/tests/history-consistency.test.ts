/**
 * An article's history agrees with itself: the fields listed as changed in each version are the
 * fields the comparison of that version with the one before shows, across what an editor does in
 * the content manager (create, save, publish, save unchanged, change relations, publish, restore),
 * with the SEO and References components filled in, as most articles have them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { api, bootStrapi } from './helpers/strapi';
import { newAdminHeaders } from './helpers/admin';

const ARTICLES = '/content-manager/collection-types/api::article.article';
const run = Date.now().toString(36);

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let editor: { Authorization: string };

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  editor = await newAdminHeaders('strapi-editor', `history-consistency-${run}`);
});

async function ok(call: Promise<{ status: number; body: unknown }>, status = 200) {
  const response = await call;
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return response.body as { data: Record<string, unknown> };
}

const save = (documentId: string, data: Record<string, unknown>) =>
  ok(request.put(`${ARTICLES}/${documentId}`).set(editor).send(data));
const publish = (documentId: string) =>
  ok(request.post(`${ARTICLES}/${documentId}/actions/publish`).set(editor).send({}));

async function history(documentId: string) {
  const body = (await ok(request.get(`/medblog/articles/${documentId}/versions`).set(editor))) as unknown as {
    data: Array<{ version: number; action: string; changedFields: string[] }>;
  };
  return body.data.reverse();
}

async function comparedFields(documentId: string, from: number, to: number) {
  const body = await ok(
    request.get(`/medblog/articles/${documentId}/versions/compare`).query({ from, to }).set(editor),
  );
  return (body.data.fields as Array<{ field: string }>).map((field) => field.field);
}

describe('the history agrees with itself', () => {
  it('lists as changed in each version exactly the fields its comparison with the previous one shows', async () => {
    const [first, second] = await strapi
      .documents('api::category.category')
      .findMany({ fields: ['name'], sort: 'name:asc', limit: 2 });
    const other = await ok(
      request
        .post(ARTICLES)
        .set(editor)
        .send({ title: `Related reading ${run}`, body: [paragraph('Read me.')] }),
      201,
    );

    const created = await ok(
      request
        .post(ARTICLES)
        .set(editor)
        .send({
          title: `NEET PG revision plan ${run}`,
          excerpt: 'Six months, week by week.',
          body: [paragraph('Start with the high-yield subjects.')],
          category: { connect: [{ documentId: first.documentId }] },
          seo: { metaTitle: 'NEET PG revision plan', metaDescription: 'Six months, week by week.' },
          references: [{ citation: 'NBEMS. Information bulletin.', url: 'https://natboard.edu.in' }],
        }),
      201,
    );
    const documentId = created.data.documentId as string;

    // A save with edits, as the edit form sends it: the whole form, components included.
    await save(documentId, {
      title: `NEET PG revision plan, updated ${run}`,
      body: [paragraph('Start with the high-yield subjects, then the rest.')],
      seo: { metaTitle: 'NEET PG revision plan, updated', metaDescription: 'Six months, week by week.' },
      references: [{ citation: 'NBEMS. Information bulletin.', url: 'https://natboard.edu.in' }],
    });
    await publish(documentId);
    // Saved again without a change: the draft is as it was.
    await save(documentId, { title: `NEET PG revision plan, updated ${run}` });
    // A change of relations only.
    await save(documentId, {
      category: { disconnect: [{ documentId: first.documentId }], connect: [{ documentId: second.documentId }] },
      relatedArticles: { connect: [{ documentId: other.data.documentId }] },
    });
    await publish(documentId);
    await ok(request.post(`/medblog/articles/${documentId}/versions/2/restore`).set(editor));

    const versions = await history(documentId);
    expect(versions.map((v) => v.action)).toEqual(['save', 'save', 'publish', 'save', 'publish', 'restore']);
    expect(versions[1].changedFields).toEqual(['title', 'body', 'seo']);
    expect(versions[2].changedFields).toEqual([]);
    expect(versions[3].changedFields).toEqual(['category', 'relatedArticles']);
    expect(versions[4].changedFields).toEqual([]);
    expect(versions[5].changedFields).toEqual(['category', 'relatedArticles']);
    for (const [previous, version] of versions.slice(1).map((v, i) => [versions[i], v] as const)) {
      expect(version.changedFields, `version ${version.version}`).toEqual(
        await comparedFields(documentId, previous.version, version.version),
      );
    }
  });
});
