/**
 * Deleting an article takes its published version off the site too: an Author may delete their
 * own article while it was never published, but not once an Editor published it (one by one or
 * in a bulk delete); an Editor may.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { adminOfEachRole, contentManagerPath, isPublished, newEntry, storedEntry } from './helpers/content-manager';
import { ROLES } from '../src/platform/access/role-matrix';
import { api, bootStrapi } from './helpers/strapi';

const ARTICLE = 'api::article.article';

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
const admins = adminOfEachRole('live-deletes');

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
});

/** An article the Author wrote, published by an Editor: live on the site. */
async function publishedArticleOfAuthor(): Promise<string> {
  const documentId = await newEntry(ARTICLE, admins[ROLES.author].id);
  const published = await request
    .post(`${contentManagerPath(strapi, ARTICLE, documentId)}/actions/publish`)
    .send({})
    .set(admins[ROLES.editor].headers);
  expect(published.status).toBe(200);
  return documentId;
}

const publicArticle = async (documentId: string) =>
  (await request.get('/api/articles').query({ 'filters[documentId][$eq]': documentId })).body.data;

describe("an Author's delete", () => {
  it('removes their own article while it was never published', async () => {
    const documentId = await newEntry(ARTICLE, admins[ROLES.author].id);
    const response = await request
      .delete(contentManagerPath(strapi, ARTICLE, documentId))
      .set(admins[ROLES.author].headers);
    expect(response.status).toBe(200);
    expect(await storedEntry(ARTICLE, documentId)).toBeNull();
  });

  it('is refused, saying whom to ask, once an Editor published it; the article stays on the site', async () => {
    const documentId = await publishedArticleOfAuthor();
    const response = await request
      .delete(contentManagerPath(strapi, ARTICLE, documentId))
      .set(admins[ROLES.author].headers);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/Ask an editor to unpublish it first/);
    expect(await isPublished(ARTICLE, documentId)).toBe(true);
    expect(await storedEntry(ARTICLE, documentId)).not.toBeNull();
    expect(await publicArticle(documentId)).toHaveLength(1);
  });

  it('is refused in a bulk delete too, and deletes none of the articles picked with it', async () => {
    const live = await publishedArticleOfAuthor();
    const draft = await newEntry(ARTICLE, admins[ROLES.author].id);
    const response = await request
      .post(`${contentManagerPath(strapi, ARTICLE)}/actions/bulkDelete`)
      .send({ documentIds: [draft, live] })
      .set(admins[ROLES.author].headers);
    expect(response.status).toBe(403);
    expect(await isPublished(ARTICLE, live)).toBe(true);
    expect(await storedEntry(ARTICLE, draft)).not.toBeNull();
  });
});

describe("an Editor's delete", () => {
  it('takes a published article off the site', async () => {
    const documentId = await publishedArticleOfAuthor();
    const response = await request
      .delete(contentManagerPath(strapi, ARTICLE, documentId))
      .set(admins[ROLES.editor].headers);
    expect(response.status).toBe(200);
    expect(await isPublished(ARTICLE, documentId)).toBe(false);
    expect(await publicArticle(documentId)).toEqual([]);
  });
});
