/** Probes a curious or hostile visitor would try: drafts, private fields, admin users, unapproved comments. */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bootStrapi } from './helpers/strapi';
import { approvedComment, draftOnlyArticle, publishedArticle, validComment, validEnquiry } from './helpers/fixtures';

let request: Awaited<ReturnType<typeof api>>;
let draft: Awaited<ReturnType<typeof draftOnlyArticle>>;

beforeAll(async () => {
  request = await api();
  draft = await draftOnlyArticle();
});

describe('drafts', () => {
  it('never serves a draft, whatever status is asked for', async () => {
    for (const status of ['draft', 'DRAFT', 'all']) {
      const list = await request.get('/api/articles').query({ status, 'pagination[pageSize]': 50 });
      expect(list.status).toBe(400);
      expect(list.body.error.message).toMatch(/published/);
      expect(JSON.stringify(list.body)).not.toContain(draft.title);
    }
    expect((await request.get(`/api/articles/${draft.documentId}`).query({ status: 'draft' })).status).toBe(400);
    expect((await request.get(`/api/articles/${draft.documentId}`)).status).toBe(404);
    const bySlug = await request.get('/api/articles').query({ 'filters[slug][$eq]': draft.slug });
    expect(bySlug.body.data).toEqual([]);
  });

  it('does not reveal the unpublished changes of a published article', async () => {
    const strapi = await bootStrapi();
    const article = await publishedArticle();
    await strapi
      .documents('api::article.article')
      .update({ documentId: article.documentId, data: { title: 'Unpublished working title' } });
    const response = await request.get(`/api/articles/${article.documentId}`);
    expect(response.body.data.title).toBe(article.title);
    const probe = await request
      .get('/api/comments')
      .query({ 'filters[article][title][$containsi]': 'Unpublished working' });
    expect(probe.status).toBe(400);
    await strapi.documents('api::article.article').discardDraft({ documentId: article.documentId });
  });
});

describe('private fields', () => {
  const probes: Array<[string, Record<string, string>]> = [
    ['fields', { 'fields[0]': 'authorEmail' }],
    ['fields', { fields: 'ipHash' }],
    ['filters', { 'filters[authorEmail][$contains]': '@' }],
    ['filters', { 'filters[ipHash][$notNull]': 'true' }],
    ['filters', { 'filters[userAgent][$containsi]': 'mozilla' }],
    ['filters', { 'filters[commenterKeyHash][$notNull]': 'true' }],
    ['filters', { 'filters[$or][0][authorEmail][$eq]': 'x@example.org' }],
    ['filters', { 'filters[parent][authorEmail][$contains]': '@' }],
    ['sort', { sort: 'authorEmail:asc' }],
    ['sort', { 'sort[0]': 'parent.authorEmail' }],
    ['sort', { sort: 'commenterKeyHash:desc' }],
    ['populate', { 'populate[parent][fields][0]': 'authorEmail' }],
  ];

  it.each(probes)('refuses %s naming a private comment field: %o', async (_, query) => {
    const response = await request.get('/api/comments').query(query);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/not a public field|cannot be/);
  });

  it('refuses enquiries fields through any route (they are not readable at all)', async () => {
    expect((await request.get('/api/enquiries').query({ 'filters[email][$contains]': '@' })).status).toBe(403);
    // An enquiry whose every text is findable, then every route of the content API asked for it.
    const mark = `leakprobe${Date.now()}`;
    const sent = await request.post('/api/enquiries').send({
      data: validEnquiry({ name: `Applicant ${mark}`, email: `${mark}@example.net`, message: `About ${mark}.` }),
    });
    expect(sent.status).toBe(201);
    const enquiryId = sent.body.data.documentId as string;
    const probes: Record<string, string>[] = [
      {},
      { 'filters[email][$contains]': mark },
      { 'filters[enquiry][email][$contains]': mark },
      { 'fields[0]': 'email' },
      { 'populate[enquiry]': 'true' },
      { populate: '*' },
      { _q: mark },
      { q: mark },
    ];
    const strapi = await bootStrapi();
    const answered: string[] = [];
    const leaked: string[] = [];
    for (const [apiName, definition] of Object.entries(strapi.apis)) {
      for (const router of Object.values(
        definition.routes as unknown as Record<string, { routes: Array<Record<string, string>> }>,
      )) {
        for (const route of router.routes) {
          const isEnquiry = apiName === 'enquiry';
          // The one thing a visitor may do with enquiries: send one (answered above).
          if (isEnquiry && route.method === 'POST' && route.path === '/enquiries') continue;
          const path = `/api${route.path.replace(/:\w+/g, isEnquiry ? enquiryId : 'x')}`;
          for (const query of probes) {
            const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
            const response = await request[method](path)
              .query(query)
              .send(method === 'get' ? undefined : { data: {} });
            const name = `${route.method} ${path} ${JSON.stringify(query)}`;
            answered.push(name);
            if (response.text.includes(mark)) leaked.push(`${name} -> ${response.status}`);
            if (isEnquiry && response.status !== 403) leaked.push(`${name} -> ${response.status}, not 403`);
          }
        }
      }
    }
    expect(answered.length).toBeGreaterThan(100);
    expect(answered.some((name) => name.startsWith('GET /api/enquiries/'))).toBe(true);
    expect(leaked).toEqual([]);
    // Nothing changed it either.
    const stored = await strapi.db.query('api::enquiry.enquiry').findOne({ where: { documentId: enquiryId } });
    expect(stored.email).toBe(`${mark}@example.net`);
  });
});

describe('admin users (CVE-2026-27886)', () => {
  const probes: Record<string, string>[] = [
    { 'filters[updatedBy][resetPasswordToken][$notNull]': 'true' },
    { 'filters[createdBy][email][$startsWith]': 'a' },
    { 'filters[createdBy][id][$eq]': '1' },
    { 'filters[$and][0][updatedBy][password][$startsWith]': '$' },
    { 'filters[category][createdBy][email][$contains]': '@' },
    { sort: 'createdBy.email:asc' },
    { 'populate[createdBy]': 'true' },
    { 'populate[category][populate][updatedBy]': 'true' },
    { 'fields[0]': 'createdBy' },
  ];

  it.each(probes)('answers 400 to %o', async (query) => {
    const response = await request.get('/api/articles').query(query);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toMatch(/"email"|password/i);
  });
});

describe('comments', () => {
  it('lists approved comments only, even when asked for others', async () => {
    const strapi = await bootStrapi();
    const pending = await strapi.db
      .query('api::comment.comment')
      .count({ where: { moderationStatus: { $ne: 'approved' } } });
    expect(pending).toBeGreaterThan(0);
    for (const query of [
      {},
      { 'filters[moderationStatus][$eq]': 'pending' },
      { 'filters[$or][0][moderationStatus]': 'spam', 'filters[$or][1][moderationStatus]': 'approved' },
    ]) {
      const response = await request.get('/api/comments').query({ ...query, 'pagination[pageSize]': 50 });
      expect(response.status).toBe(200);
      for (const comment of response.body.data) expect(comment.moderationStatus).toBe('approved');
    }
    const all = await request.get('/api/comments').query({ 'pagination[pageSize]': 50 });
    const approved = await strapi.db.query('api::comment.comment').count({ where: { moderationStatus: 'approved' } });
    expect(all.body.meta.pagination.total).toBe(approved);
  });

  it("does not show a reply's parent text once the parent is no longer approved", async () => {
    const strapi = await bootStrapi();
    const article = await publishedArticle();
    const parent = await strapi.documents('api::comment.comment').create({
      data: {
        ...validComment(article.documentId),
        body: 'Parent text that will be rejected',
        moderationStatus: 'approved',
      },
    });
    await strapi.documents('api::comment.comment').create({
      data: {
        ...validComment(article.documentId),
        parent: parent.documentId,
        body: 'An approved reply',
        moderationStatus: 'approved',
      },
    });
    await strapi
      .documents('api::comment.comment')
      .update({ documentId: parent.documentId, data: { moderationStatus: 'rejected' } });
    const response = await request.get('/api/comments').query({ populate: '*', 'pagination[pageSize]': 50 });
    expect(JSON.stringify(response.body)).not.toContain('Parent text that will be rejected');
    expect(JSON.stringify(response.body)).toContain('An approved reply');
  });
});

describe('every public response', () => {
  const publicGets = [
    '/api/articles?populate=*&pagination[pageSize]=50',
    '/api/articles?populate[relatedArticles][populate][0]=category&populate[author][populate][0]=avatar&populate[seo][populate][0]=shareImage',
    '/api/comments?populate=*&pagination[pageSize]=50',
    '/api/comments?populate[article][populate][0]=author&populate[parent][populate][0]=article',
    '/api/categories?populate=*',
    '/api/authors?populate=*',
    '/api/global?populate=*',
  ];

  it('contains no e-mail (but the site contact), IP address, user agent, commenter key or private key', async () => {
    // Make sure there is something to leak: a stored comment with an e-mail, hashed IP, user agent and key hash.
    const commenterKey = 'LeakProbeCommenterKey_0123456789abcdefghijk';
    const stored = await approvedComment({ authorEmail: 'leak-probe@example.net', commenterKey }, 'LeakProbeAgent/1.0');
    expect(stored.commenterKeyHash).toMatch(/^[0-9a-f]{64}$/);

    const global = (await request.get('/api/global')).body.data;
    for (const path of publicGets) {
      const response = await request.get(path);
      expect(response.status, path).toBe(200);
      const text = JSON.stringify(response.body);
      const emails = (text.match(/[\w.+-]+@[\w-]+\.[\w.-]+/g) ?? []).filter((email) => email !== global.contactEmail);
      expect(emails, path).toEqual([]);
      expect(text, path).not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b|::ffff:|LeakProbeAgent/);
      expect(text, path).not.toContain(commenterKey);
      expect(text, path).not.toContain(stored.commenterKeyHash);
      expect(text, path).not.toMatch(
        /"(authorEmail|ipHash|userAgent|commenterKey|commenterKeyHash|internalNotes|password|resetPasswordToken|createdBy|updatedBy)"/,
      );
    }
    expect(JSON.stringify((await request.get('/api/comments').query({ 'pagination[pageSize]': 50 })).body)).toContain(
      'Test Reader',
    );
  });
});

describe('free-text search (_q)', () => {
  it('looks in public text only, so an e-mail cannot be rebuilt from which comments come back', async () => {
    const stored = await approvedComment({
      authorEmail: 'zq-private-7731@example.net',
      body: 'Searchable public words about rotations',
    });

    for (const probe of ['zq-private', 'zq-private-7731@example.net', stored.ipHash.slice(0, 12)]) {
      const response = await request.get('/api/comments').query({ _q: probe });
      expect(response.status).toBe(200);
      expect(response.body.data, probe).toEqual([]);
    }
    const byText = await request.get('/api/comments').query({ _q: 'searchable public words' });
    expect(byText.body.data.map((c) => c.documentId)).toEqual([stored.documentId]);
  });

  it('answers 400 to a _q that is not text', async () => {
    const response = await request.get('/api/comments?_q[a]=b');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/_q/);
  });
});

describe('filters through relations to what the public cannot read in full', () => {
  const probes = [
    'filters[article][$or][0][publishedAt][$null]=true',
    'filters[article][$and][0][title][$containsi]=a',
    'filters[article][$not][title][$startsWith]=a',
    'filters[$or][0][article][$or][0][excerpt][$containsi]=a',
    'filters[parent][body][$startsWith]=a',
    'filters[parent][$or][0][moderationStatus][$eq]=pending',
    'filters[parent][$and][0][authorName][$eq]=x',
    'populate[parent][filters][body][$startsWith]=a',
    'sort=parent.body:asc',
    'sort[0][article][title]=asc',
  ];

  it.each(probes)('answers 400 to %s', async (query) => {
    const response = await request.get(`/api/comments?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /cannot be (filtered|sorted) on|only documentId or slug|cannot be sorted/,
    );
  });

  it("still finds an article's comments by documentId or slug", async () => {
    const article = await publishedArticle();
    for (const query of [
      { 'filters[article][documentId][$eq]': article.documentId },
      { 'filters[article][slug][$eq]': article.slug },
    ]) {
      const response = await request.get('/api/comments').query(query);
      expect(response.status).toBe(200);
      expect(response.body.data.length).toBeGreaterThan(0);
    }
  });

  it('does not match an article by the slug of its unpublished draft', async () => {
    const strapi = await bootStrapi();
    const article = await publishedArticle();
    const before = await request.get('/api/comments').query({ 'filters[article][slug][$eq]': article.slug });
    expect(before.body.data.length).toBeGreaterThan(0);
    await strapi
      .documents('api::article.article')
      .update({ documentId: article.documentId, data: { slug: 'unpublished-new-slug' } });
    try {
      const probe = await request.get('/api/comments').query({ 'filters[article][slug][$eq]': 'unpublished-new-slug' });
      expect(probe.status).toBe(200);
      expect(probe.body.data).toEqual([]);
    } finally {
      await strapi.documents('api::article.article').discardDraft({ documentId: article.documentId });
    }
  });
});

describe('query parameters', () => {
  it.each(['publicationFilter=modified', 'hasPublishedVersion=true', 'locale=hi', 'foo=bar'])(
    'answers 400 naming %s',
    async (query) => {
      const response = await request.get(`/api/articles?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(`"${query.split('=')[0]}"`);
    },
  );

  it('does not take list parameters on a single entry or on the create routes', async () => {
    const article = await publishedArticle();
    expect((await request.get(`/api/articles/${article.documentId}?filters[title]=x`)).status).toBe(400);
    expect((await request.get('/api/global?pagination[page]=1')).status).toBe(400);
    expect((await request.get('/api/articles/popular?sort=title')).status).toBe(400);
    const create = await request.post('/api/comments?status=draft').send({ data: validComment(article.documentId) });
    expect(create.status).toBe(400);
    expect(create.body.error.message).toContain('"status"');
  });
});
