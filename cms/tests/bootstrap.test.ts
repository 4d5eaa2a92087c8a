/** What every start does: public permissions, the development admin, demo content; and production's secret check. */
import { afterEach, describe, expect, it } from 'vitest';
import { api, bootStrapi } from './helpers/strapi';
import { applyPublicPermissions, PUBLIC_ACTIONS } from '../src/platform/access/public-permissions';
import { createDevAdmin, DEV_ADMIN } from '../src/platform/access/dev-admin';
import { seedDemoContent } from '../src/features/seed/server/seed';
import { articles, categories, comments } from '../src/features/seed/server/content';
import { assertSecretsPresent, SECRET_NAMES } from '../src/platform/utils/secrets';

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
});

describe('public permissions', () => {
  it('removes a permission ticked by hand and restores a removed one', async () => {
    const strapi = await bootStrapi();
    const request = await api();
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    await strapi.db
      .query('plugin::users-permissions.permission')
      .create({ data: { action: 'api::enquiry.enquiry.find', role: role.id } });
    await strapi.db
      .query('plugin::users-permissions.permission')
      .deleteMany({ where: { action: 'api::category.category.find', role: role.id } });

    await applyPublicPermissions(strapi);

    const actions = (
      await strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } })
    ).map((p) => p.action);
    expect(actions.sort()).toEqual([...PUBLIC_ACTIONS].sort());
    expect((await request.get('/api/enquiries')).status).toBe(403);
    expect((await request.get('/api/categories')).status).toBe(200);
  });
});

describe('development admin', () => {
  it('lets a newcomer log in with the documented defaults', async () => {
    const request = await api();
    const response = await request.post('/admin/login').send({ email: DEV_ADMIN.email, password: DEV_ADMIN.password });
    expect(response.status).toBe(200);
    expect(response.body.data.token).toEqual(expect.any(String));
  });

  it('is never created in production', async () => {
    const strapi = await bootStrapi();
    const users = strapi.db.query('admin::user');
    const saved = await users.findMany({ populate: ['roles'] });
    await users.deleteMany({});
    process.env.NODE_ENV = 'production';
    await createDevAdmin(strapi);
    expect(await users.count()).toBe(0);
    process.env.NODE_ENV = 'test';
    process.env.ADMIN_EMAIL = 'editor-in-chief@example.org';
    await createDevAdmin(strapi);
    expect((await users.findMany()).map((u) => u.email)).toEqual(['editor-in-chief@example.org']);
    // Put the original admin back for the other tests.
    await users.deleteMany({});
    for (const { id, roles, ...user } of saved)
      await users.create({ data: { ...user, roles: roles.map((r) => r.id) } });
  });
});

describe('admin list views', () => {
  it('show editors the columns that matter, newest comments and enquiries first', async () => {
    const request = await api();
    const token = (await request.post('/admin/login').send(DEV_ADMIN)).body.data.token;
    const view = async (uid: string) =>
      (await request.get(`/content-manager/content-types/${uid}/configuration`).set('Authorization', `Bearer ${token}`))
        .body.data.contentType;
    const article = await view('api::article.article');
    expect(article.layouts.list).toEqual(['title', 'nextReviewDueAt', 'updatedAt']);
    expect(article.metadatas.commentsEnabled.edit.description).toMatch(/only once approved/);
    expect(article.metadatas.reviewer.edit).toMatchObject({ label: 'Medically reviewed by', mainField: 'name' });
    expect(article.metadatas.references.edit.description).toMatch(/DOI .* PubMed ID/);
    // Every field of the edit form has a human label, and the importer's own fields explain themselves.
    for (const { name } of article.layouts.edit.flat() as Array<{ name: string }>) {
      expect(article.metadatas[name].edit.label, name).not.toBe(name);
    }
    expect(article.metadatas.importKey.edit).toMatchObject({ label: 'Imported from', editable: false });
    expect(article.metadatas.originalPublishedAt.edit.description).toMatch(/old blog/);
    // The admin's date-time picker shows and takes the editor's own time: the help says so.
    expect(article.metadatas.publishAt.edit.description).toMatch(/time zone of the computer you are using/);
    const { components } = (
      await request
        .get('/content-manager/content-types/api::article.article/configuration')
        .set('Authorization', `Bearer ${token}`)
    ).body.data;
    // A reference is named by its citation in the list of references (a URL is optional).
    expect(components['shared.reference'].settings.mainField).toBe('citation');
    for (const { name } of components['shared.reference'].layouts.edit.flat() as Array<{ name: string }>) {
      expect(components['shared.reference'].metadatas[name].edit.label, name).not.toBe(name);
    }
    expect((await view('api::author.author')).metadatas.registrationNumber.edit.label).toMatch(/never published/);
    expect((await view('api::global.global')).metadatas.disclaimer.edit.label).toBe('Disclaimer on every article');
    const comment = await view('api::comment.comment');
    expect(comment.layouts.list.slice(0, 4)).toEqual(['authorName', 'article', 'moderationStatus', 'createdAt']);
    expect(comment.settings).toMatchObject({ defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' });
    expect(comment.metadatas.article.list.mainField).toBe('title');
    const enquiry = await view('api::enquiry.enquiry');
    expect(enquiry.layouts.list).toEqual(['createdAt', 'name', 'email', 'topic', 'handlingStatus']);
    expect(enquiry.settings).toMatchObject({ defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' });
    expect(enquiry.metadatas.handlingStatus.edit.label).toBe('Handling status');
    expect(enquiry.metadatas.ipHash.edit.visible).toBe(false);
    expect(JSON.stringify(enquiry.layouts.edit)).not.toContain('ipHash');
    for (const field of ['name', 'email', 'phone', 'topic', 'message', 'consent', 'sourcePath']) {
      expect(enquiry.metadatas[field].edit.editable, field).toBe(false);
    }
    expect(enquiry.metadatas.internalNotes.edit.editable).toBe(true);
  });
});

describe('CORS', () => {
  it('lets only the reader site call the API from a browser', async () => {
    const request = await api();
    const allowed = await request.get('/api/categories').set('Origin', 'http://localhost:5173');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const other = await request.get('/api/categories').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('demo content', () => {
  it('is seeded on first start: published articles in every category, a draft', async () => {
    const request = await api();
    const response = await request
      .get('/api/articles')
      .query({ 'pagination[pageSize]': 50, 'populate[category][fields][0]': 'slug' });
    const publishedDemo = articles.filter((a) => !a.draft).map((a) => a.slug);
    const served = response.body.data.map((a) => a.slug);
    expect(served).toEqual(expect.arrayContaining(publishedDemo));
    expect(served).not.toContain(articles.find((a) => a.draft)!.slug);
    expect(new Set(response.body.data.map((a) => a.category?.slug).filter(Boolean))).toEqual(
      new Set(categories.map((c) => c.slug)),
    );
  });

  it("shows the organisation's seeded reply with its Staff badge, and the readers' comments without one", async () => {
    const request = await api();
    const article = comments.find((comment) => comment.badge)!.article;
    const response = await request.get('/api/comments').query({
      'filters[article][slug][$eq]': article,
      'fields[0]': 'authorName',
      'fields[1]': 'badge',
      'pagination[pageSize]': 50,
    });
    expect(response.status).toBe(200);
    const badges = Object.fromEntries(
      response.body.data.map((c: { authorName: string; badge: string | null }) => [c.authorName, c.badge]),
    );
    // Other test files comment on demo articles too: the seeded ones are checked, and no reader's has a badge.
    expect(badges).toMatchObject({ 'Setu Academic Team': 'staff', 'Priya Nair': null });
    expect(Object.entries(badges).filter(([, badge]) => badge !== null)).toEqual([['Setu Academic Team', 'staff']]);
  });

  it('re-seeding adds only what is missing', async () => {
    const strapi = await bootStrapi();
    expect((await seedDemoContent(strapi)).created).toBe(0);
    const settings = await strapi.documents('api::global.global').findFirst();
    await strapi.documents('api::global.global').delete({ documentId: settings!.documentId });
    expect((await seedDemoContent(strapi)).created).toBe(1);
    expect(await strapi.db.query('api::global.global').count()).toBe(1);
    expect(await strapi.db.query('api::category.category').count({ where: { slug: categories[0].slug } })).toBe(1);
  });
});

describe('production secrets', () => {
  it('names every missing secret in one error', () => {
    process.env.NODE_ENV = 'production';
    for (const name of SECRET_NAMES) delete process.env[name];
    process.env.JWT_SECRET = 'set';
    expect(() => assertSecretsPresent()).toThrow(
      new RegExp(
        `Missing required secrets in the environment: ${SECRET_NAMES.filter((n) => n !== 'JWT_SECRET').join(', ')}\\.`,
      ),
    );
  });

  it('accepts development defaults outside production', () => {
    process.env.NODE_ENV = 'development';
    for (const name of SECRET_NAMES) delete process.env[name];
    expect(() => assertSecretsPresent()).not.toThrow();
  });
});
