/**
 * The moderation screen at scale: search by text, name or e-mail, one article's comments, one
 * sender's comments decided in bulk, and "View on site" links. Trusted commenters (marked, and let
 * through at once when the moderation setting says so) are in trusted-commenters.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bootStrapi } from './helpers/strapi';
import { loginAsNewUser, newAdminHeaders } from './helpers/admin';
import { publishedArticle, validComment } from './helpers/fixtures';
import { ENQUIRY_STAFF_ROLE } from '../src/platform/access/admin-roles';

let request: Awaited<ReturnType<typeof api>>;
let auth: { Authorization: string };
let article: Awaited<ReturnType<typeof publishedArticle>>;
let other: Awaited<ReturnType<typeof publishedArticle>>;
const run = Date.now().toString(36);
let visitor = 0;

beforeAll(async () => {
  request = await api();
  auth = await newAdminHeaders('strapi-editor', `moderator-${run}`);
  article = await publishedArticle();
  other = await publishedArticle({ documentId: { $ne: article.documentId } });
});

/** A reader's comment, each from its own address so the rate limit stays out of the way. */
async function post(overrides: Record<string, unknown>, on = article) {
  visitor += 1;
  const response = await request
    .post('/api/comments')
    .set('X-Forwarded-For', `198.51.100.${visitor % 250}`)
    .send({ data: validComment(on.documentId, overrides) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.data.documentId as string;
}

async function queue(query: Record<string, unknown>) {
  const response = await request.get('/medblog/comments').query(query).set(auth);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as {
    data: Array<{ documentId: string; body: string; siteUrl: string | null }>;
    meta: { pagination: { total: number }; counts: Record<string, number> };
  };
}

async function storedStatus(documentId: string) {
  const strapi = await bootStrapi();
  return (await strapi.db.query('api::comment.comment').findOne({ where: { documentId } })).moderationStatus;
}

describe('searching the queue', () => {
  it('finds comments by words of the text, the name or the e-mail, in any case, and counts what it found', async () => {
    const byText = await post({ body: `Is the Zebrafish-${run} lab open to observers?` });
    const byName = await post({ authorName: `Meera Zebrafish${run}`, body: 'When does the elective start?' });
    const byEmail = await post({ authorEmail: `zebrafish-${run}@example.net`, body: 'Is there a fee?' });
    await post({ body: 'Nothing to do with the search.' });

    for (const q of [`zebrafish-${run}`, `ZEBRAFISH`]) {
      const found = await queue({ q });
      const ids = found.data.map((comment) => comment.documentId);
      expect(ids).toEqual(expect.arrayContaining(q === 'ZEBRAFISH' ? [byText, byName, byEmail] : [byText, byEmail]));
      expect(found.data.every((comment) => JSON.stringify(comment).toLowerCase().includes('zebrafish'))).toBe(true);
      expect(found.meta.pagination.total).toBe(found.data.length);
      expect(found.meta.counts.pending).toBe(found.data.length);
    }
  });

  it("shows one article's comments only", async () => {
    const here = await post({ body: `On the first article (${run})` });
    const there = await post({ body: `On the other article (${run})` }, other);
    const found = await queue({ article: other.documentId, q: run, pageSize: 100 });
    const ids = found.data.map((comment) => comment.documentId);
    expect(ids).toContain(there);
    expect(ids).not.toContain(here);
  });

  it('answers 400 naming the parameter to a search too long', async () => {
    const response = await request
      .get('/medblog/comments')
      .query({ q: 'x'.repeat(201) })
      .set(auth);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^q: /);
  });

  it('refuses the search to a role without comment permissions', async () => {
    // A user of its own: Strapi allows a few logins per e-mail address in 5 minutes.
    const role = await (await bootStrapi()).service('admin::role').findOne({ code: ENQUIRY_STAFF_ROLE.code });
    const staff = await loginAsNewUser(`no-comments-${run}@example.org`, role.id);
    const response = await request
      .get('/medblog/comments')
      .query({ q: 'zebrafish' })
      .set('Authorization', `Bearer ${staff}`);
    expect(response.status).toBe(403);
    expect(response.text).not.toContain('zebrafish');
  });
});

describe("one sender's comments", () => {
  it('lists every comment from one e-mail, whatever its case, and marks them all as spam in one decision', async () => {
    const sender = `Bulk-${run}@Example.net`;
    const theirs: string[] = [];
    for (let i = 0; i < 4; i += 1) theirs.push(await post({ authorEmail: sender, body: `Buy now, offer ${i}` }));
    const someoneElse = await post({ authorEmail: `other-${run}@example.net`, body: 'A real question' });

    const found = await queue({ sender: sender.toLowerCase(), pageSize: 100 });
    expect(found.data.map((comment) => comment.documentId).sort()).toEqual([...theirs].sort());

    const decision = await request
      .post('/medblog/comments/moderate')
      .set(auth)
      .send({ documentIds: found.data.map((comment) => comment.documentId), moderationStatus: 'spam' });
    expect(decision.body).toEqual({ data: { updated: 4 } });
    for (const id of theirs) expect(await storedStatus(id)).toBe('spam');
    expect(await storedStatus(someoneElse)).toBe('pending');
    expect((await queue({ sender })).data).toEqual([]);
  });
});

describe('view on site', () => {
  it("links each comment to its place on the article's page at the site's public address", async () => {
    const strapi = await bootStrapi();
    const id = await post({ body: `Where is this on the site? (${run})` });
    const before = strapi.config.get('site.publicUrl');
    try {
      strapi.config.set('site.publicUrl', 'https://site.example');
      const [comment] = (await queue({ q: `Where is this on the site? (${run})` })).data;
      expect(comment.siteUrl).toBe(`https://site.example/articles/${article.slug}#comment-${id}`);
      strapi.config.set('site.publicUrl', '');
      expect((await queue({ q: `Where is this on the site? (${run})` })).data[0].siteUrl).toBeNull();
    } finally {
      strapi.config.set('site.publicUrl', before);
    }
  });
});

describe('roles', () => {
  it('a role that may read comments but not change them gets 403 for a bulk decision and nothing changes', async () => {
    const strapi = await bootStrapi();
    const role = await strapi.service('admin::role').create({ name: `Comment readers ${run}`, description: 'read' });
    await strapi.service('admin::role').assignPermissions(role.id, [
      {
        action: 'plugin::content-manager.explorer.read',
        subject: 'api::comment.comment',
        properties: {},
        conditions: [],
      },
    ]);
    const reader = { Authorization: `Bearer ${await loginAsNewUser(`reader-${run}@example.org`, role.id)}` };
    const id = await post({ body: `Only a reader role sees this (${run})` });
    expect((await request.get('/medblog/comments').query({ q: run }).set(reader)).status).toBe(200);
    const decision = await request
      .post('/medblog/comments/moderate')
      .set(reader)
      .send({ documentIds: [id], moderationStatus: 'approved' });
    expect(decision.status).toBe(403);
    expect(await storedStatus(id)).toBe('pending');
  });
});
