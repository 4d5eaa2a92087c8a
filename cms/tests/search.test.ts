/** GET /api/search: PostgreSQL full-text search over published articles, on the demo content. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PURGE_TAGS } from '@medblog/shared';
import { api, bootStrapi, evictCached } from './helpers/strapi';
import { draftOnlyArticle } from './helpers/fixtures';

let request: Awaited<ReturnType<typeof api>>;

beforeAll(async () => {
  request = await api();
});

type Hit = {
  documentId: string;
  slug: string;
  title: string;
  category?: { slug: string } | null;
  snippet: { text: string; highlights: { start: number; end: number }[] };
};

async function search(q: string, pagination: Record<string, number> = {}) {
  const query: Record<string, string | number> = { q };
  for (const [key, value] of Object.entries(pagination)) query[`pagination[${key}]`] = value;
  const response = await request.get('/api/search').query(query);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { data: Hit[]; meta: { pagination: Record<string, number> } };
}

const slugs = async (q: string) => (await search(q)).data.map((hit) => hit.slug);
const marked = (hit: Hit) => hit.snippet.highlights.map(({ start, end }) => hit.snippet.text.slice(start, end));

describe('GET /api/search on the demo content', () => {
  it('finds the articles of a category by its name', async () => {
    const strapi = await bootStrapi();
    const inCategory = await strapi.documents('api::article.article').findMany({
      status: 'published',
      fields: ['slug'],
      filters: { category: { slug: 'internships' } },
    });
    expect(inCategory.length).toBeGreaterThan(0);
    const found = await slugs('internships');
    for (const { slug } of inCategory) expect(found).toContain(slug);
  });

  it('finds a word that is only in an article body, with the match marked in the snippet', async () => {
    const { data } = await search('ECFMG');
    expect(data.map((hit) => hit.slug)).toEqual(['usmle-step-1-where-to-begin']);
    expect(marked(data[0]).map((word) => word.toLowerCase())).toContain('ecfmg');
    expect(data[0].snippet.text).not.toMatch(/[<>\uE000\uE001]/);
  });

  it('answers "usmle step 3" with the USMLE step articles, though no article is about Step 3', async () => {
    const found = await slugs('usmle step 3');
    expect(found.slice(0, 2).sort()).toEqual(['usmle-step-1-where-to-begin', 'usmle-step-2-ck-study-plan']);
  });

  it('stems English words: "logbooks" and "recording" find the logbook article', async () => {
    expect((await slugs('logbooks'))[0]).toBe('keeping-an-internship-logbook');
    expect(await slugs('recording logbook')).toContain('keeping-an-internship-logbook');
  });

  it('forgives a typo', async () => {
    expect(await slugs('intership')).toContain('keeping-an-internship-logbook');
    expect((await slugs('obsevership'))[0]).toBe('what-is-an-observership');
  });

  it('ranks a title match above body matches', async () => {
    const found = await slugs('observership');
    expect(found[0]).toBe('what-is-an-observership');
    expect(found.length).toBeGreaterThan(1);
  });

  it('pages through results and counts them', async () => {
    const all = await search('clinical');
    const total = all.meta.pagination.total;
    expect(total).toBeGreaterThan(2);
    const first = await search('clinical', { page: 1, pageSize: 2 });
    const second = await search('clinical', { page: 2, pageSize: 2 });
    expect(first.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: Math.ceil(total / 2), total });
    expect([...first.data, ...second.data].map((hit) => hit.slug)).toEqual(all.data.slice(0, 4).map((hit) => hit.slug));
    const beyond = await search('clinical', { page: 99, pageSize: 2 });
    expect(beyond.data).toEqual([]);
    expect(beyond.meta.pagination.total).toBe(total);
  });

  it('reads a pageSize above 50 as 50, as the lists do, rather than refusing it', async () => {
    const response = await request.get('/api/search?q=usmle&pagination[pageSize]=51');
    expect(response.status).toBe(200);
    expect(response.body.meta.pagination.pageSize).toBe(50);
  });

  it('answers article cards with the category and author, never the body', async () => {
    const { data } = await search('logbook');
    for (const hit of data) {
      expect(hit).not.toHaveProperty('body');
      expect(hit).toHaveProperty('category.slug');
      expect(hit).toHaveProperty('author.name');
      expect(JSON.stringify(hit)).not.toMatch(/createdBy|updatedBy/);
    }
  });

  it('never finds a draft, not even by a typo', async () => {
    const draft = await draftOnlyArticle();
    expect(draft.title).toMatch(/Night Shift/);
    expect(await slugs('daunting')).toEqual([]);
    expect(await slugs('dauntng')).toEqual([]);
    expect(await slugs('night shift survival guide')).not.toContain(draft.slug);
  });
});

describe('the index follows publishing', () => {
  const strapi = () => bootStrapi();
  const articles = async () => (await strapi()).documents('api::article.article');
  const paragraph = (text: string) => [{ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] }];
  let documentId: string;

  beforeAll(async () => {
    const created = await (
      await articles()
    ).create({
      data: { title: 'Bedside ultrasound basics', body: paragraph('Probe handling for the quokkaflange view.') },
      status: 'published',
    });
    documentId = created.documentId;
  });

  afterAll(async () => {
    await (await articles()).delete({ documentId }).catch(() => undefined);
  });

  it('finds an article created as published', async () => {
    expect(await slugs('quokkaflange')).toEqual(['bedside-ultrasound-basics']);
  });

  it('ignores draft edits of a published article until they are published', async () => {
    const service = await articles();
    await service.update({
      documentId,
      data: { title: 'Bedside ultrasound basics', body: paragraph('Now about the wombatcrescent window.') },
    });
    expect(await slugs('wombatcrescent')).toEqual([]);
    expect(await slugs('wombatcresent')).toEqual([]);
    expect(await slugs('quokkaflange')).toEqual(['bedside-ultrasound-basics']);

    await service.publish({ documentId });
    expect(await slugs('wombatcrescent')).toEqual(['bedside-ultrasound-basics']);
    expect(await slugs('quokkaflange')).toEqual([]);
  });

  it('forgets an article when it is unpublished, and again when it is deleted', async () => {
    const service = await articles();
    await service.unpublish({ documentId });
    expect(await slugs('wombatcrescent')).toEqual([]);

    await service.publish({ documentId });
    expect(await slugs('wombatcrescent')).toEqual(['bedside-ultrasound-basics']);
    await service.delete({ documentId });
    expect(await slugs('wombatcrescent')).toEqual([]);
  });

  it('indexes at start what is missing', async () => {
    const db = (await strapi()).db.connection;
    // The index is changed behind the Document Service's back (the rebuild runs at start-up, before
    // anything is cached): the cached search answers are evicted as an article change would.
    const evictSearches = () => evictCached([PURGE_TAGS.articles]);
    const before = await slugs('ECFMG');
    await db.raw('DELETE FROM article_search');
    await evictSearches();
    expect(await slugs('ECFMG')).toEqual([]);
    const { rebuildSearchIndex } = await import('../src/features/search/server/search-index');
    expect(await rebuildSearchIndex(await strapi())).toBeGreaterThan(5);
    await evictSearches();
    expect(await slugs('ECFMG')).toEqual(before);
  });
});

describe('snippets come from the passages that match', () => {
  const articles = async () => (await bootStrapi()).documents('api::article.article');
  const paragraphs = (...texts: string[]) =>
    texts.map((text) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] }));
  const filler = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `Paragraph ${i + 1} describes the ordinary routine of a ward round in plain words.`,
    );
  const created: string[] = [];
  const publish = async (data: Record<string, unknown>) => {
    const article = await (await articles()).create({ data, status: 'published' } as never);
    created.push(article.documentId);
    return article;
  };

  afterAll(async () => {
    const service = await articles();
    for (const documentId of created) await service.delete({ documentId }).catch(() => undefined);
  });

  it('shows the paragraph at the end of a long article where the word is', async () => {
    await publish({
      title: 'A long ward diary',
      body: paragraphs(...filler(30), 'On the last night the team finally met the marmosetgrip technique.'),
    });
    const [hit] = (await search('marmosetgrip')).data;
    expect(hit.snippet.text).toContain('On the last night the team finally met the');
    expect(marked(hit)).toEqual(['marmosetgrip']);
  });

  it('marks the words of a query found in different paragraphs', async () => {
    await publish({
      title: 'Two rare words',
      body: paragraphs('The pangolinstitch is taught early.', ...filler(12), 'The tapirknot comes much later.'),
    });
    const [hit] = (await search('pangolinstitch tapirknot')).data;
    expect(marked(hit).sort()).toEqual(['pangolinstitch', 'tapirknot']);
  });

  it('finds an article with nothing but its title, with an empty snippet', async () => {
    await publish({ title: 'Axolotlsuture placeholder' });
    const { data } = await search('axolotlsuture');
    expect(data.map((hit) => hit.title)).toEqual(['Axolotlsuture placeholder']);
    expect(data[0].snippet).toEqual({ text: '', highlights: [] });
  });

  it('fills in at start the passages of an index made before them', async () => {
    const strapi = await bootStrapi();
    const before = (await search('ECFMG')).data[0].snippet;
    expect(before.highlights.length).toBeGreaterThan(0);
    await strapi.db.connection.raw('DELETE FROM article_search_passages');
    const { rebuildSearchIndex } = await import('../src/features/search/server/search-index');
    expect(await rebuildSearchIndex(strapi)).toBeGreaterThan(5);
    await evictCached([PURGE_TAGS.articles]);
    expect((await search('ECFMG')).data[0].snippet).toEqual(before);
  });
});

describe('bad search queries answer 400 naming the problem', () => {
  const cases: Array<[query: string, problem: RegExp]> = [
    ['/api/search', /q: give the words/],
    ['/api/search?q=', /"q" needs a value/],
    ['/api/search?q=%20%20', /q: give the words/],
    [`/api/search?q=${'a'.repeat(201)}`, /q: must be at most 200 characters/],
    ['/api/search?q[x]=1', /q: must be given once/],
    ['/api/search?q=a&q=b', /q: must be given once/],
    ['/api/search?q=a%00b', /NUL/],
    ['/api/search?q=a%ffb', /invalid UTF-8/],
    ['/api/search?q=usmle&sort=title', /Unknown query parameter "sort"/],
    ['/api/search?q=usmle&pagination[page]=0', /page must be a whole number/],
    ['/api/search?q=usmle&pagination[start]=0', /unknown option "start"/],
    ['/api/search?q=usmle&pagination=5', /pagination: must be/],
  ];
  it.each(cases)('%s', async (path, problem) => {
    const response = await request.get(path);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(problem);
  });

  it('takes web-search syntax without errors: quotes, or, minus, stray symbols', async () => {
    for (const q of ['"study plan"', 'usmle or observership', 'usmle -step', '!!! & | :*', "o'brien (", 'the']) {
      const response = await request.get('/api/search').query({ q });
      expect(response.status, q).toBe(200);
    }
    expect(await slugs('"study plan" usmle')).toContain('usmle-step-2-ck-study-plan');
  });
});

// (A query that finds nothing is run again with its words typo-corrected, operators dropped: each
// query here finds something as written.)
describe('web-search operators, on articles of their own', () => {
  const created: string[] = [];
  const paragraph = (text: string) => [{ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] }];
  const publish = async (title: string, text: string) => {
    const strapi = await bootStrapi();
    const article = await strapi
      .documents('api::article.article')
      .create({ data: { title, body: paragraph(text) }, status: 'published' } as never);
    created.push(article.documentId);
    return article.slug as string;
  };
  let together: string, apart: string, alone: string, other: string;

  beforeAll(async () => {
    // Made-up words, found nowhere else.
    together = await publish('Operator test one', 'The zorblat quintex is adjacent here.');
    apart = await publish('Operator test two', 'A quintex, and far later in the text, a zorblat.');
    alone = await publish('Operator test three', 'Only the zorblat is here.');
    other = await publish('Operator test four', 'A flumwick and nothing else.');
  });

  afterAll(async () => {
    const strapi = await bootStrapi();
    for (const documentId of created)
      await strapi
        .documents('api::article.article')
        .delete({ documentId })
        .catch(() => undefined);
  });

  const sorted = async (q: string) => (await slugs(q)).sort();

  it('words: every one must be there, anywhere', async () => {
    expect(await sorted('zorblat quintex')).toEqual([together, apart].sort());
  });

  it('"a phrase": the words next to each other, in that order', async () => {
    // Not the article with both words apart.
    expect(await sorted('"zorblat quintex"')).toEqual([together]);
  });

  it('-word: leaves out the articles that have it', async () => {
    expect(await sorted('zorblat -quintex')).toEqual([alone]);
    // "-" binds to its neighbour before "or" does: flumwick, or (zorblat without quintex).
    expect(await sorted('flumwick or zorblat -quintex')).toEqual([alone, other].sort());
  });

  it('or: either word', async () => {
    expect(await sorted('quintex or flumwick')).toEqual([together, apart, other].sort());
    expect(await sorted('zorblat or flumwick')).toEqual([together, apart, alone, other].sort());
  });
});
