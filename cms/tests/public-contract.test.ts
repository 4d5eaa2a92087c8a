/**
 * The public contract (@medblog/shared, public-api.ts) against the running CMS. The OpenAPI document
 * it serves is valid OpenAPI 3.1 and describes exactly the routes the public role may call; every
 * parameter it documents is taken by the real API and nothing else is; every answer is what its
 * schema says, no field more. Strapi's REST conventions hold where they are safe: a page size above
 * the largest is read as the largest, and `locale` may name the site's locale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileErrors, validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { PAGE_SIZE, SITE_LOCALES } from '@medblog/shared';
import { signToken } from '../src/features/newsletter/server/tokens';
import { createPreviewToken } from '../src/features/preview/server/token';
import { api, bootStrapi } from './helpers/strapi';
import { publishedArticle, validComment, validEnquiry } from './helpers/fixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON document
interface Operation {
  method: string;
  path: string;
  spec: Json;
}

let request: Awaited<ReturnType<typeof api>>;
let document: Json;
let ids: Record<string, string>;

beforeAll(async () => {
  request = await api();
  const strapi = await bootStrapi();
  const article = await publishedArticle();
  ids = {
    article: article.documentId,
    category: (await strapi.documents('api::category.category').findFirst({}))!.documentId,
    author: (await strapi.documents('api::author.author').findFirst({}))!.documentId,
  };
  const response = await request.get('/api/openapi.json');
  expect(response.status).toBe(200);
  document = response.body;
});

/** Every operation of the document. */
function operations(): Operation[] {
  return Object.entries(document.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json).map(([method, spec]) => ({ method: method.toUpperCase(), path, spec })),
  );
}

/** `/articles/{documentId}` and `/articles/:id` alike, as `/articles/{}`. */
const routeKey = (method: string, path: string) => `${method} ${path.replace(/\{\w+\}|:\w+/g, '{}')}`;

/** The operation's path with an existing entry for each parameter. */
const concrete = (operation: Operation) =>
  `/api${operation.path.replace('{documentId}', ids[operation.spec.tags[0]] ?? ids.article)}`;

/** `name=value` pairs as the parameter's style writes them (deepObject nests as Strapi reads it). */
function serialize(name: string, value: unknown, style: string | undefined): string[] {
  const flat = (prefix: string, item: unknown): string[] =>
    item !== null && typeof item === 'object'
      ? Object.entries(item).flatMap(([key, nested]) => flat(`${prefix}[${key}]`, nested))
      : [`${prefix}=${encodeURIComponent(String(item))}`];
  if (style === 'deepObject' && typeof value === 'object') return flat(name, value);
  if (Array.isArray(value)) return [`${name}=${value.map((item) => encodeURIComponent(String(item))).join(',')}`];
  return [`${name}=${encodeURIComponent(String(value))}`];
}

/** What every request to the operation needs: its required query parameters. */
/** A valid token of the route's kind: a subscriber's signed link, or a preview of an article. */
const tokenFor = (operation: Operation) =>
  operation.path.startsWith('/subscriptions/')
    ? signToken('nosuchsubscriber00000000', 'manage')
    : createPreviewToken(ids.article);

function requiredQuery(operation: Operation): string[] {
  return (operation.spec.parameters as Json[])
    .filter((parameter) => parameter.in === 'query' && parameter.required)
    .flatMap((parameter) =>
      parameter.name === 'token'
        ? serialize('token', tokenFor(operation), undefined)
        : serialize(parameter.name, parameter.example, parameter.style),
    );
}

function send(operation: Operation, query: string[]) {
  const url = `${concrete(operation)}${query.length ? `?${query.join('&')}` : ''}`;
  if (operation.method === 'GET') return request.get(url);
  const body = operation.path === '/comments' ? validComment(ids.article) : validEnquiry();
  return request.post(url).send(operation.spec.requestBody ? { data: body } : undefined);
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    // validate() dereferences what it is given.
    const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('describes exactly the routes the public role may call, as the router has them', async () => {
    const strapi = await bootStrapi();
    const role = await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' }, populate: ['permissions'] });
    const actions = new Set((role.permissions as Array<{ action: string }>).map((permission) => permission.action));
    const routed: string[] = [];
    for (const [apiName, definition] of Object.entries(strapi.apis)) {
      for (const router of Object.values(definition.routes as Record<string, { routes: Json[] }>)) {
        for (const route of router.routes) {
          const handler = route.handler.includes('::') ? route.handler : `api::${apiName}.${route.handler}`;
          if (actions.has(handler)) routed.push(routeKey(route.method, route.path));
        }
      }
    }
    const documented = operations().map((operation) => routeKey(operation.method, operation.path));
    expect(documented.sort()).toEqual(routed.sort());
    expect(new Set(operations().map((operation) => operation.spec['x-permission']))).toEqual(actions);
  });

  it('states the limits this CMS runs with: body size and rate limits', async () => {
    const strapi = await bootStrapi();
    const tooLarge = await request.post('/api/enquiries').send({ data: validEnquiry({ message: 'x'.repeat(70_000) }) });
    const bytes = /at most (\d+) bytes/.exec(tooLarge.body.error.message)?.[1];
    expect(document.components.responses.PayloadTooLarge.description).toContain(`${bytes} bytes`);
    for (const operation of operations().filter((candidate) => candidate.spec['x-rate-limit'])) {
      const { name, ...limit } = operation.spec['x-rate-limit'];
      expect(limit, operation.path).toEqual(strapi.config.get(`anti-abuse.${name}`));
    }
  });

  it('is the same document each time, and takes no parameter', async () => {
    const again = await request.get('/api/openapi.json');
    expect(again.body).toEqual(document);
    const refused = await request.get('/api/openapi.json?format=yaml');
    expect(refused.status).toBe(400);
  });
});

describe('the documented parameters', () => {
  it('are each taken by the real API with their example', async () => {
    const refused: string[] = [];
    for (const operation of operations()) {
      for (const parameter of operation.spec.parameters as Json[]) {
        if (parameter.in !== 'query' || parameter.required) continue;
        const query = [...requiredQuery(operation), ...serialize(parameter.name, parameter.example, parameter.style)];
        const response = await send(operation, query);
        if (response.status >= 400) {
          refused.push(
            `${operation.method} ${operation.path}?${query.join('&')} -> ${response.status} ${response.text}`,
          );
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it('are the only ones taken: any other is refused, naming it and what the route takes', async () => {
    for (const operation of operations()) {
      const response = await send(operation, [...requiredQuery(operation), 'undocumented=1']);
      const where = `${operation.method} ${operation.path}`;
      expect(response.status, where).toBe(400);
      const documented = (operation.spec.parameters as Json[])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name);
      const takes = /"undocumented": it takes (.*)$/.exec(response.body.error.message)?.[1];
      expect(takes === 'none' ? [] : takes?.split(', ').sort(), where).toEqual(documented.sort());
    }
  });
});

describe('the documented answers', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const SCHEMAS = 'https://medblog.example/schemas/';
  let added = false;
  /** Where each answer differs from its schema, naming the field. */
  const problems = () =>
    (ajv.errors ?? [])
      .map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`)
      .join('; ');

  /** The schema of `operation`'s answer with `status`, its references resolved by ajv. */
  function answerSchema(operation: Operation, status: number) {
    if (!added) {
      const local = (value: unknown) =>
        JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', `"${SCHEMAS}`));
      for (const [name, schema] of Object.entries(document.components.schemas as Json)) {
        ajv.addSchema(local(schema), `${SCHEMAS}${name}`);
      }
      added = true;
    }
    let response = operation.spec.responses[String(status)];
    if (response?.$ref) response = document.components.responses[response.$ref.split('/').pop()];
    expect(response, `${operation.method} ${operation.path} documents ${status}`).toBeDefined();
    const schema = response.content?.['application/json']?.schema;
    return schema && JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${SCHEMAS}`));
  }

  // The answers with the most in them: every relation, image and component one level down, and
  // the site's article page's nesting.
  const FULL = ['populate=*'];
  const NESTED = [
    'populate[author][populate][avatar]=true',
    'populate[seo][populate][shareImage]=true',
    'populate[references]=true',
    'populate[relatedArticles][populate][cover]=true',
  ];

  it('hold what their schema says and no other field, for every route', async () => {
    const wrong: string[] = [];
    for (const operation of operations()) {
      const takesPopulate = (operation.spec.parameters as Json[]).some((parameter) => parameter.name === 'populate');
      const queries = [
        [],
        ...(takesPopulate ? [FULL] : []),
        ...(operation.path.startsWith('/articles/{') && takesPopulate ? [NESTED] : []),
      ];
      for (const query of queries) {
        const response = await send(operation, [...requiredQuery(operation), ...query]);
        const schema = answerSchema(operation, response.status);
        if (schema && !ajv.validate(schema, response.body)) {
          wrong.push(`${operation.method} ${operation.path}?${query.join('&')} (${response.status}): ${problems()}`);
        } else if (!schema && response.text) {
          wrong.push(`${operation.method} ${operation.path} (${response.status}) has a body its document does not`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('describe the refusals too', async () => {
    const [articles] = operations().filter((operation) => operation.path === '/articles');
    const response = await send(articles, ['filters[authorEmail][$eq]=x']);
    expect(response.status).toBe(400);
    expect(ajv.validate(answerSchema(articles, 400), response.body), problems()).toBe(true);
  });
});

describe('page sizes, as Strapi reads them', () => {
  const MORE_THAN_A_PAGE = PAGE_SIZE.max + 5;
  const created: string[] = [];

  beforeAll(async () => {
    const strapi = await bootStrapi();
    for (let i = 0; i < MORE_THAN_A_PAGE; i += 1) {
      const redirect = await strapi.documents('api::redirect.redirect').create({
        data: { fromPath: `/page-size-probe-${i}`, toPath: '/', code: 'permanent-301' },
      });
      created.push(redirect.documentId);
    }
  }, 120_000);

  afterAll(async () => {
    const strapi = await bootStrapi();
    for (const documentId of created) await strapi.documents('api::redirect.redirect').delete({ documentId });
  }, 120_000);

  it(`reads a pageSize above ${PAGE_SIZE.max} as ${PAGE_SIZE.max}, as the official client's 100`, async () => {
    const response = await request.get('/api/redirects?pagination[pageSize]=100');
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(PAGE_SIZE.max);
    expect(response.body.meta.pagination).toMatchObject({ page: 1, pageSize: PAGE_SIZE.max });
    expect(response.body.meta.pagination.total).toBeGreaterThanOrEqual(MORE_THAN_A_PAGE);
  });

  it('reads a limit above the largest as the largest too', async () => {
    const response = await request.get('/api/redirects?pagination[start]=0&pagination[limit]=1000');
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(PAGE_SIZE.max);
    expect(response.body.meta.pagination).toMatchObject({ start: 0, limit: PAGE_SIZE.max });
  });

  it('still refuses a page size that is not a whole number of at least 1', async () => {
    for (const size of ['0', '-1', 'ten', '2.5']) {
      const response = await request.get(`/api/redirects?pagination[pageSize]=${size}`);
      expect(response.status, size).toBe(400);
      expect(response.body.error.message).toMatch(/pageSize must be a whole number of at least 1/);
    }
  });
});

describe('locale', () => {
  it("takes the site's locale, which changes nothing", async () => {
    const plain = await request.get('/api/articles?fields[0]=title&sort=title:asc');
    for (const locale of SITE_LOCALES) {
      const localized = await request.get(`/api/articles?fields[0]=title&sort=title:asc&locale=${locale}`);
      expect(localized.status).toBe(200);
      expect(localized.body).toEqual(plain.body);
    }
    expect((await request.get(`/api/global?locale=${SITE_LOCALES[0]}`)).status).toBe(200);
  });

  it('refuses any other, naming it', async () => {
    for (const path of [
      '/api/articles?locale=xx',
      `/api/articles/${ids.article}?locale=xx`,
      '/api/comments?locale=xx',
    ]) {
      const response = await request.get(path);
      expect(response.status, path).toBe(400);
      expect(response.body.error.message).toContain('"locale"');
      expect(response.body.error.message).toContain('"xx"');
    }
    expect((await request.get('/api/articles?locale[0]=en')).status).toBe(400);
  });

  it('lists the locales the CMS has, and no content type is localized (else locale would mean something)', async () => {
    const strapi = await bootStrapi();
    const locales = (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>;
    expect(locales.map((locale) => locale.code).sort()).toEqual([...SITE_LOCALES].sort());
    const i18n = strapi.plugin('i18n').service('content-types');
    const localized = Object.values(strapi.contentTypes)
      .filter((contentType) => contentType.uid.startsWith('api::'))
      .filter((contentType) => i18n.isLocalizedContentType(contentType))
      .map((contentType) => contentType.uid);
    expect(localized).toEqual([]);
  });
});

describe('caching', () => {
  it('keeps for everyone exactly the reads the document marks as cached', async () => {
    for (const operation of operations().filter((candidate) => candidate.method === 'GET')) {
      const response = await send(operation, requiredQuery(operation));
      // 200, or the redirect the document names (the unsubscribe link opened in a browser).
      const success = Object.keys(operation.spec.responses).find((code) => /^[23]/.test(code));
      expect(response.status, operation.path).toBe(Number(success));
      const kept = response.headers['cache-control'].startsWith('public');
      expect(kept, `${operation.path}: ${response.headers['cache-control']}`).toBe(operation.spec['x-cached']);
    }
  });
});
