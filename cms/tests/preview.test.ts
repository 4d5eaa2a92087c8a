/**
 * The Preview button: the admin gets a link to the site's preview of an article's draft, and the
 * site reads that draft from the CMS with the link's token, which opens that one draft, for a time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createPreviewToken, PREVIEW_TOKEN_SECONDS } from '../src/preview/token';
import { api, bootStrapi } from './helpers/strapi';
import { draftOnlyArticle } from './helpers/fixtures';

type Handler = (uid: string, params: { documentId?: string }) => Promise<string | null>;

let request: Awaited<ReturnType<typeof api>>;
let draft: { documentId: string; title: string };
let publishedId: string;

beforeAll(async () => {
  request = await api();
  draft = (await draftOnlyArticle()) as unknown as typeof draft;
  const list = await request.get('/api/articles').query({ 'fields[0]': 'title', 'pagination[pageSize]': 1 });
  publishedId = list.body.data[0].documentId;
});

const previewOf = (documentId: string, token: string) =>
  request.get(`/api/preview/articles/${documentId}`).query({ token, 'fields[0]': 'title', 'fields[1]': 'body' });

describe('article preview', () => {
  it("the admin's Preview button links to the site's preview of that article, with a token for it", async () => {
    const strapi = await bootStrapi();
    const handler = strapi.config.get('admin.preview.config.handler') as Handler;
    const link = new URL((await handler('api::article.article', { documentId: draft.documentId }))!);
    expect(link.pathname).toBe(`/preview/${draft.documentId}`);
    const response = await previewOf(draft.documentId, link.searchParams.get('token')!);
    expect(response.status).toBe(200);
    expect(response.body.data.title).toBe(draft.title);
    expect(Array.isArray(response.body.data.body)).toBe(true);
    // Other content types have no preview.
    expect(await handler('api::category.category', { documentId: draft.documentId })).toBeNull();
  });

  it('shows the draft, not the published version, and only public fields', async () => {
    const response = await request
      .get(`/api/preview/articles/${draft.documentId}`)
      .query({ token: createPreviewToken(draft.documentId), 'populate[author][fields][0]': 'name' });
    expect(response.status).toBe(200);
    expect(response.body.data.publishedAt).toBeNull();
    expect(response.body.data).not.toHaveProperty('createdBy');
    expect(response.body.data).not.toHaveProperty('updatedBy');
  });

  it('refuses a token for another article, an expired one, a forged one and none', async () => {
    const forOther = await previewOf(publishedId, createPreviewToken(draft.documentId));
    expect(forOther.status).toBe(403);
    expect(forOther.body.error.message).toContain('another article');

    const longAgo = Date.now() - (PREVIEW_TOKEN_SECONDS + 60) * 1000;
    const expired = await previewOf(draft.documentId, createPreviewToken(draft.documentId, longAgo));
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toContain('expired');

    const [documentId, expires] = createPreviewToken(draft.documentId).split('.');
    const later = Number(expires) + 365 * 24 * 3600;
    const forged = await previewOf(draft.documentId, `${documentId}.${later}.${'A'.repeat(43)}`);
    expect(forged.status).toBe(401);
    expect((await request.get(`/api/preview/articles/${draft.documentId}`)).status).toBe(401);
  });

  it('answers 400 naming a parameter it does not take', async () => {
    const response = await request
      .get(`/api/preview/articles/${draft.documentId}`)
      .query({ token: createPreviewToken(draft.documentId), locale: 'fr' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('locale');
  });
});
