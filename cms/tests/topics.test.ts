/**
 * Readers see only the topics that have a published article: an empty topic is not in the topic
 * bar or the sitemap, nor a page of its own, until an editor publishes its first article; it goes
 * again when its last article is unpublished. The answers come from the public API's cache, so
 * each step also checks that publishing evicts the list of topics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { api, bootStrapi } from './helpers/strapi';
import { newAdminHeaders } from './helpers/admin';

const ARTICLES = '/content-manager/collection-types/api::article.article';
const LIST = '/api/categories?fields[0]=name&sort=name:asc&pagination[pageSize]=50';

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let editor: { Authorization: string };
let topic: { documentId: string; slug: string; name: string };
const articles: string[] = [];

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  editor = await newAdminHeaders('strapi-editor', 'topics-editor');
  const created = await strapi
    .documents('api::category.category')
    .create({ data: { name: `Rural postings ${Date.now()}` } });
  topic = { documentId: created.documentId, slug: created.slug as string, name: created.name as string };
});

afterAll(async () => {
  for (const documentId of articles) await strapi.documents('api::article.article').delete({ documentId });
  await strapi.documents('api::category.category').delete({ documentId: topic.documentId });
});

const listed = async () => {
  const response = await request.get(LIST);
  expect(response.status).toBe(200);
  return (response.body.data as Array<{ name: string }>).map((category) => category.name);
};
const bySlug = async () => (await request.get(`/api/categories?filters[slug][$eq]=${topic.slug}`)).body.data;

async function editorCall(method: 'post' | 'put', path: string, body: object = {}) {
  const response = await request[method](path).set(editor).send(body);
  expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
  return response.body;
}

describe('the topics readers see', () => {
  it('leaves out a topic without articles, in the list, by its slug and by its id', async () => {
    const names = await listed();
    expect(names.length).toBeGreaterThan(0); // the demo topics, which have articles
    expect(names).not.toContain(topic.name);
    expect(await bySlug()).toEqual([]);
    expect((await request.get(`/api/categories/${topic.documentId}`)).status).toBe(404);
  });

  it('still leaves it out while its only article is a draft', async () => {
    const { data } = await editorCall('post', ARTICLES, {
      title: `A draft on rural postings ${Date.now()}`,
      category: { connect: [{ documentId: topic.documentId }] },
    });
    articles.push(data.documentId);
    expect(await listed()).not.toContain(topic.name);
  });

  it('lists it once its first article is published, and no more once that is unpublished', async () => {
    await editorCall('post', `${ARTICLES}/${articles[0]}/actions/publish`);
    expect(await listed()).toContain(topic.name);
    expect(await bySlug()).toHaveLength(1);
    expect((await request.get(`/api/categories/${topic.documentId}`)).status).toBe(200);

    await editorCall('post', `${ARTICLES}/${articles[0]}/actions/unpublish`);
    expect(await listed()).not.toContain(topic.name);
  });

  it('keeps the filters a reader gives, alongside', async () => {
    const response = await request.get('/api/categories?filters[name][$eq]=No such topic&fields[0]=name');
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([]);
  });
});
