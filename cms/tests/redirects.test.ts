/**
 * Redirects: the site looks an old address up through the public API; only admins write them,
 * and every save stores fromPath the way the site looks it up.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { api, bootStrapi } from './helpers/strapi';
import { newAdminHeaders } from './helpers/admin';

const REDIRECTS = '/content-manager/collection-types/api::redirect.redirect';

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
let admin: { Authorization: string };

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
  admin = await newAdminHeaders('strapi-super-admin', 'redirects-admin');
});

/** What an admin saves in the content manager. */
const saveRedirect = (data: Record<string, unknown>) => request.post(REDIRECTS).set(admin).send(data);

/** The site's lookup of an old address. */
const lookUp = (fromPath: string) =>
  request.get('/api/redirects').query({ 'filters[fromPath][$eq]': fromPath, 'fields[0]': 'toPath' });

const redirectCount = () => strapi.db.query('api::redirect.redirect').count();
const stored = (fromPath: string) => strapi.db.query('api::redirect.redirect').findMany({ where: { fromPath } });

describe('public lookup', () => {
  it('finds the new address of an old path, and only that', async () => {
    expect((await saveRedirect({ fromPath: '/2019/05/usmle-tips', toPath: '/articles/usmle-tips' })).status).toBe(201);
    expect((await saveRedirect({ fromPath: '/?p=123', toPath: 'https://academy.example.org/courses' })).status).toBe(
      201,
    );

    const found = await lookUp('/2019/05/usmle-tips');
    expect(found.status).toBe(200);
    expect(found.body.data).toEqual([
      { id: expect.any(Number), documentId: expect.any(String), toPath: '/articles/usmle-tips' },
    ]);
    expect((await lookUp('/?p=123')).body.data.map((r: { toPath: string }) => r.toPath)).toEqual([
      'https://academy.example.org/courses',
    ]);
    expect((await lookUp('/2019/05/not-moved')).body.data).toEqual([]);
  });

  it('tells the site how to answer: 301 unless the editor chose 302 or 410', async () => {
    await saveRedirect({ fromPath: '/2020/summer-school', toPath: '/categories/internships', code: 'temporary-302' });
    await saveRedirect({ fromPath: '/2017/withdrawn-course', toPath: '/', code: 'gone-410' });
    await saveRedirect({ fromPath: '/2016/plain-move', toPath: '/articles' });
    const codeOf = async (fromPath: string) =>
      (await request.get('/api/redirects').query({ 'filters[fromPath][$eq]': fromPath, 'fields[0]': 'code' })).body
        .data[0].code;
    expect(await codeOf('/2020/summer-school')).toBe('temporary-302');
    expect(await codeOf('/2017/withdrawn-course')).toBe('gone-410');
    expect(await codeOf('/2016/plain-move')).toBe('permanent-301');
  });

  it('answers 400 to a query parameter the route does not take', async () => {
    const response = await request.get('/api/redirects').query({ fromPath: '/old' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('Unknown query parameter "fromPath"');
  });

  it('lets no visitor create, change or delete a redirect', async () => {
    await saveRedirect({ fromPath: '/kept-as-is', toPath: '/articles' });
    const [redirect] = await stored('/kept-as-is');
    const data = { fromPath: '/articles', toPath: 'https://evil.example' };
    expect((await request.post('/api/redirects').send({ data })).status).toBe(403);
    expect((await request.put(`/api/redirects/${redirect.documentId}`).send({ data })).status).toBe(403);
    expect((await request.delete(`/api/redirects/${redirect.documentId}`)).status).toBe(403);
    expect(await stored('/kept-as-is')).toEqual([redirect]);
  });
});

describe('saving a redirect', () => {
  it('stores fromPath trimmed and without its trailing slash, so either spelling finds it', async () => {
    const saved = await saveRedirect({
      fromPath: '  /category/internships/?page=2  ',
      toPath: '/categories/internships#latest',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.data).toMatchObject({
      fromPath: '/category/internships?page=2',
      toPath: '/categories/internships#latest',
    });
    expect((await lookUp('/category/internships?page=2')).body.data).toHaveLength(1);

    const edited = await request
      .put(`${REDIRECTS}/${saved.body.data.documentId}`)
      .set(admin)
      .send({ fromPath: '/category/internships/' });
    expect(edited.body.data.fromPath).toBe('/category/internships');
  });

  it('refuses a second redirect for the same address written with a trailing slash', async () => {
    expect((await saveRedirect({ fromPath: '/once', toPath: '/articles' })).status).toBe(201);
    const again = await saveRedirect({ fromPath: '/once/', toPath: '/elsewhere' });
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body.error)).toContain('fromPath');
    expect(await stored('/once')).toHaveLength(1);
  });

  it('refuses a code other than 301, 302 or 410, naming the field', async () => {
    const before = await redirectCount();
    const response = await saveRedirect({ fromPath: '/2015/odd', toPath: '/articles', code: '307' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error)).toContain('code');
    expect(await redirectCount()).toBe(before);
  });

  it.each([
    [
      'a full address',
      { fromPath: 'http://old-blog.example.org/2018/ecfmg', toPath: '/articles' },
      'fromPath',
      'http://',
    ],
    ['an address with #', { fromPath: '/2018/ecfmg#comments', toPath: '/articles' }, 'fromPath', '#'],
    ['a path without its leading slash', { fromPath: '2018/ecfmg', toPath: '/articles' }, 'fromPath', 'start with /'],
    ['an http:// target', { fromPath: '/2018/ecfmg', toPath: 'http://elsewhere.example' }, 'toPath', 'https://'],
    ['a script target', { fromPath: '/2018/ecfmg', toPath: 'javascript:alert(1)' }, 'toPath', 'https://'],
    // Browsers read a backslash as a slash: "/\\evil.example" is "//evil.example", another site.
    [
      'a target that browsers read as another site',
      { fromPath: '/2018/ecfmg', toPath: '/\\evil.example' },
      'toPath',
      '\\',
    ],
    ['a backslash later in a target', { fromPath: '/2018/ecfmg', toPath: '/articles\\..\\x' }, 'toPath', '\\'],
    ['a backslash in an old address', { fromPath: '/2018\\ecfmg', toPath: '/articles' }, 'fromPath', '\\'],
    ['a tab that browsers drop', { fromPath: '/2018/ecfmg', toPath: '/\t/evil.example' }, 'toPath', 'spaces'],
  ])('answers 400 naming the field to %s, storing nothing', async (_, data, field, hint) => {
    const before = await redirectCount();
    const response = await saveRedirect(data);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(field);
    expect(response.body.error.message).toContain(hint);
    expect(response.body.error.details.errors[0].path).toEqual([field]);
    expect(await redirectCount()).toBe(before);
  });
});
