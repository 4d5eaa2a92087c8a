/**
 * The Preview button: the admin gets a link to the site's preview of an article's draft, and the
 * site reads that draft from the CMS with the link's token, which opens that one draft, for a time.
 * A link is signed only for an admin who may read that article in the content manager.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import type { Response } from 'supertest';
import { createPreviewToken, PREVIEW_TOKEN_SECONDS } from '../src/features/preview/server/token';
import { api, bootStrapi } from './helpers/strapi';
import { draftOnlyArticle, publishedArticle } from './helpers/fixtures';
import { type Admin, signedInAdmin } from './helpers/content-manager';
import { ROLES } from '../src/platform/access/role-matrix';

type Handler = (uid: string, params: { documentId?: string }) => Promise<string | null>;

let request: Awaited<ReturnType<typeof api>>;
let draft: { documentId: string; title: string };
let publishedId: string;
let strapi: Core.Strapi;

beforeAll(async () => {
  request = await api();
  strapi = await bootStrapi();
  draft = (await draftOnlyArticle()) as unknown as typeof draft;
  const list = await request.get('/api/articles').query({ 'fields[0]': 'title', 'pagination[pageSize]': 1 });
  publishedId = list.body.data[0].documentId;
});

const previewOf = (documentId: string, token: string) =>
  request.get(`/api/preview/articles/${documentId}`).query({ token, 'fields[0]': 'title', 'fields[1]': 'body' });

const previewUrl = (documentId: string, admin?: Admin, uid = 'api::article.article') => {
  const call = request.get(`/content-manager/preview/url/${uid}`).query({ documentId, status: 'draft' });
  return admin ? call.set(admin.headers) : call;
};

describe('the Preview button', () => {
  let admins: Record<'superAdmin' | 'editor' | 'author' | 'enquiryStaff', Admin>;
  let authorsOwn: string;

  beforeAll(async () => {
    const run = Date.now().toString(36);
    admins = {
      superAdmin: await signedInAdmin(ROLES.superAdmin, `preview-super-${run}`),
      editor: await signedInAdmin(ROLES.editor, `preview-editor-${run}`),
      author: await signedInAdmin(ROLES.author, `preview-author-${run}`),
      enquiryStaff: await signedInAdmin(ROLES.enquiryStaff, `preview-staff-${run}`),
    };
    const created = await request
      .post('/content-manager/collection-types/api::article.article')
      .set(admins.author.headers)
      .send({ title: `An Author's own draft ${run}` });
    expect(created.status).toBe(201);
    authorsOwn = created.body.data.documentId;
  });

  /** Asks for a link as `admin`, checks its address and that its token opens that draft. */
  async function expectWorkingLink(documentId: string, admin: Admin) {
    const response = await previewUrl(documentId, admin);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const link = new URL(response.body.data.url);
    expect(link.pathname).toBe(`/preview/${documentId}`);
    const draftPage = await previewOf(documentId, link.searchParams.get('token')!);
    expect(draftPage.status).toBe(200);
    expect(draftPage.body.data.publishedAt ?? null).toBeNull();
    return draftPage;
  }

  function expectRefusedWithoutToken(response: Response, why: RegExp) {
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(why);
    expect(response.text).not.toMatch(/token=|\/preview\//);
  }

  it('gives Super Admins and Editors a link that opens the draft', async () => {
    const page = await expectWorkingLink(draft.documentId, admins.superAdmin);
    expect(page.body.data.title).toBe(draft.title);
    expect(Array.isArray(page.body.data.body)).toBe(true);
    await expectWorkingLink(draft.documentId, admins.editor);
  });

  it("gives an Author a link to their own article, and refuses one to another's", async () => {
    await expectWorkingLink(authorsOwn, admins.author);
    expectRefusedWithoutToken(await previewUrl(draft.documentId, admins.author), /may not read this article/);
  });

  it('refuses enquiry staff, who may read no article, and a visitor without a login', async () => {
    expectRefusedWithoutToken(await previewUrl(draft.documentId, admins.enquiryStaff), /may not read article/);
    expectRefusedWithoutToken(await previewUrl(authorsOwn, admins.enquiryStaff), /may not read article/);
    const anonymous = await previewUrl(draft.documentId);
    expect(anonymous.status).toBe(401);
    expect(anonymous.text).not.toContain('token=');
  });

  it('refuses an article that does not exist as one the admin may not read', async () => {
    expectRefusedWithoutToken(await previewUrl(`${draft.documentId}x`, admins.superAdmin), /may not read this article/);
  });

  it('has no preview for other content types', async () => {
    const category = await strapi.documents('api::category.category').findFirst();
    const response = await previewUrl(category!.documentId, admins.editor, 'api::category.category');
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
  });

  it("signs nothing outside a signed-in admin's request", async () => {
    const handler = strapi.config.get('admin.preview.config.handler') as Handler;
    expect(await handler('api::article.article', { documentId: draft.documentId })).toBeNull();
  });
});

describe('article preview', () => {
  it('shows a never-published draft, and only public fields', async () => {
    const response = await request
      .get(`/api/preview/articles/${draft.documentId}`)
      .query({ token: createPreviewToken(draft.documentId), 'populate[author][fields][0]': 'name' });
    expect(response.status).toBe(200);
    expect(response.body.data.publishedAt).toBeNull();
    expect(response.body.data).not.toHaveProperty('createdBy');
    expect(response.body.data).not.toHaveProperty('updatedBy');
  });

  it('shows the unpublished edits of a published article, not its published version', async () => {
    const published = await publishedArticle();
    const documents = strapi.documents('api::article.article');
    const editedTitle = `Edited, not yet published ${Date.now()}`;
    await documents.update({ documentId: published.documentId, data: { title: editedTitle } });
    try {
      const preview = await previewOf(published.documentId, createPreviewToken(published.documentId));
      expect(preview.status).toBe(200);
      expect(preview.body.data.title).toBe(editedTitle);
      // The public still reads the published version.
      const asPublic = await request.get(`/api/articles/${published.documentId}`).query({ 'fields[0]': 'title' });
      expect(asPublic.body.data.title).toBe(published.title);
    } finally {
      await documents.discardDraft({ documentId: published.documentId });
    }
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
