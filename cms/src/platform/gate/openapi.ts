/**
 * The OpenAPI 3.1 document of the public API, served at GET /api/openapi.json: made from the public
 * contract (@medblog/shared, public-api.ts), the input schemas (zod) and the content types' schemas
 * (each public field's type), once per process, at start, so a contract that names a field its
 * content type lacks stops the start.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import {
  API_PREFIX,
  FILTER_OPERATORS,
  PAGE_SIZE,
  POPULAR_LIMIT,
  PUBLIC_CONTENT_TYPES,
  QUERY_LIMITS,
  QUERY_PARAMETERS,
  SEARCH,
  SEARCH_SNIPPET_SCHEMA,
  SITE_LOCALES,
  PAGINATION_OPTIONS,
  publicContentType,
  type PublicContentTypeUid,
  type PublicRoute,
  type QueryParameter,
  PUBLIC_ROUTES,
} from '@medblog/shared';

type Schema = Record<string, unknown>;
interface Attribute {
  type: string;
  required?: boolean;
  private?: boolean;
  enum?: string[];
  target?: string;
  relation?: string;
  component?: string;
  repeatable?: boolean;
  multiple?: boolean;
  maxLength?: number;
}
interface Model {
  uid: string;
  modelType?: string;
  attributes: Record<string, Attribute>;
}

const MEDIA = 'plugin::upload.file';
const TIMESTAMPS = ['createdAt', 'updatedAt', 'publishedAt'];
const STRUCTURED = new Set(['relation', 'media', 'component', 'dynamiczone']);
const UNFILTERABLE = new Set(['media', 'component', 'dynamiczone', 'blocks', 'json']);

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const orNull = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const schemaName = (uid: string) => PUBLIC_CONTENT_TYPES[uid as PublicContentTypeUid].schema;
const isToMany = (attribute: Attribute) =>
  Boolean(attribute.relation?.endsWith('ToMany') || attribute.relation === 'manyWay');

function modelOf(strapi: Core.Strapi, uid: string): Model {
  return (strapi.getModel as (uid: string) => Model | undefined)(uid) ?? { uid, attributes: {} };
}

/** The JSON Schema of one attribute as the public API answers it. */
function attributeSchema(uid: string, name: string, attribute: Attribute): Schema {
  const scalar = (schema: Schema) => (attribute.required ? schema : { ...schema, type: [schema.type, 'null'] });
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'email':
    case 'uid':
      return scalar({ type: 'string', ...(attribute.maxLength ? { maxLength: attribute.maxLength } : {}) });
    case 'enumeration':
      return attribute.required
        ? { type: 'string', enum: attribute.enum }
        : { type: ['string', 'null'], enum: [...(attribute.enum ?? []), null] };
    case 'integer':
      return scalar({ type: 'integer' });
    case 'biginteger':
      // Strapi answers big integers as text.
      return scalar({ type: 'string', pattern: '^-?\\d+$' });
    case 'float':
    case 'decimal':
      return scalar({ type: 'number' });
    case 'boolean':
      return scalar({ type: 'boolean' });
    case 'date':
      return scalar({ type: 'string', format: 'date' });
    case 'datetime':
      return scalar({ type: 'string', format: 'date-time' });
    case 'time':
      return scalar({ type: 'string', format: 'time' });
    case 'blocks':
      return orNull({ type: 'array', items: { type: 'object' }, description: "Strapi's blocks rich text" });
    case 'json':
      return {};
    case 'media':
      return attribute.multiple ? { type: 'array', items: ref(schemaName(MEDIA)) } : orNull(ref(schemaName(MEDIA)));
    case 'component': {
      const component = ref(schemaName(attribute.component!));
      return attribute.repeatable ? { type: 'array', items: component } : orNull(component);
    }
    case 'relation': {
      const identityOnly = publicContentType(uid)?.identityOnly?.includes(name);
      const target = identityOnly ? ref('EntryIdentity') : ref(schemaName(attribute.target!));
      return isToMany(attribute) ? { type: 'array', items: target } : orNull(target);
    }
    default:
      throw new Error(`OpenAPI: no schema for ${uid}.${name} of type ${attribute.type}`);
  }
}

/** The attributes of `uid` the public may name, as the contract lists them; throws on one the schema lacks. */
function publicAttributes(strapi: Core.Strapi, uid: PublicContentTypeUid): Array<[string, Attribute]> {
  const model = modelOf(strapi, uid);
  return PUBLIC_CONTENT_TYPES[uid].fields
    .filter((name) => name !== 'id' && name !== 'documentId')
    .map((name) => {
      const attribute = model.attributes[name];
      if (!attribute || attribute.private) {
        throw new Error(`The public contract names ${uid}.${name}, which is not a public field of its schema`);
      }
      const target = attribute.type === 'relation' ? attribute.target : attribute.component;
      if (target && !publicContentType(target)) {
        throw new Error(`The public contract names ${uid}.${name}, which leads to ${target}, not public`);
      }
      return [name, attribute];
    });
}

/** What Strapi answers for an entry of `uid`: its id, its public fields, its timestamps. */
function entrySchema(strapi: Core.Strapi, uid: PublicContentTypeUid): Schema {
  const model = modelOf(strapi, uid);
  const isComponent = model.modelType === 'component';
  // A populated image comes whole (what `fields` may ask of it is the contract's shorter list).
  const attributes =
    uid === MEDIA
      ? Object.entries(model.attributes).filter(
          ([name, attribute]) => !attribute.private && attribute.type !== 'relation' && !TIMESTAMPS.includes(name),
        )
      : publicAttributes(strapi, uid);
  const contract = publicContentType(uid)!;
  const properties: Schema = {
    id: { type: 'integer' },
    ...(isComponent ? {} : { documentId: { type: 'string' } }),
    ...Object.fromEntries(attributes.map(([name, attribute]) => [name, attributeSchema(uid, name, attribute)])),
    ...Object.fromEntries(
      TIMESTAMPS.filter((name) => model.attributes[name]).map((name) => [
        name,
        // A draft (the preview route) has no publishedAt.
        { type: ['string', 'null'], format: 'date-time' },
      ]),
    ),
    ...Object.fromEntries(
      Object.entries(contract.computed ?? {}).map(([name, { description }]) => [
        name,
        { type: ['string', 'null'], format: 'date-time', description },
      ]),
    ),
  };
  const partly = contract.partlyPublic;
  return {
    type: 'object',
    ...(partly ? { description: `${partly[0].toUpperCase()}${partly.slice(1)}.` } : {}),
    properties,
    required: isComponent ? ['id'] : ['id', 'documentId'],
    // With `fields` an answer holds fewer; never others.
    additionalProperties: false,
  };
}

/** The names each query parameter may use on `uid`, for its description and schema. */
function fieldNames(strapi: Core.Strapi, uid: PublicContentTypeUid) {
  const model = modelOf(strapi, uid);
  const attributes = publicAttributes(strapi, uid);
  const timestamps = TIMESTAMPS.filter((name) => model.attributes[name]);
  const scalars = ['id', 'documentId', ...attributes.filter(([, a]) => !STRUCTURED.has(a.type)).map(([n]) => n)];
  return {
    selectable: [...scalars, ...timestamps],
    filterable: [
      'id',
      'documentId',
      ...attributes.filter(([, a]) => !UNFILTERABLE.has(a.type)).map(([n]) => n),
      ...timestamps,
    ],
    populatable: attributes.filter(([, a]) => STRUCTURED.has(a.type)),
    text: attributes.filter(([, a]) => ['string', 'text', 'richtext'].includes(a.type)).map(([n]) => n),
  };
}

const list = (names: readonly string[]) => names.map((name) => `\`${name}\``).join(', ');

/** One query parameter of `route`, with an example the API accepts. */
function queryParameter(strapi: Core.Strapi, route: PublicRoute, name: QueryParameter): Schema {
  const uid = route.contentType;
  const names = uid ? fieldNames(strapi, uid) : undefined;
  const base = { name, in: 'query', description: QUERY_PARAMETERS[name] };
  const deep = { style: 'deepObject', explode: true };
  switch (name) {
    case 'filters':
      return {
        ...base,
        ...deep,
        description: `${base.description} Fields: ${list(names!.filterable)}. Operators: ${list(Object.values(FILTER_OPERATORS).flat())}.`,
        schema: { type: 'object' },
        example: { id: { $gte: 1 } },
      };
    case 'sort':
      return {
        ...base,
        style: 'form',
        explode: false,
        description: `${base.description} Fields: ${list(names!.selectable)}.`,
        schema: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z.]+(:(asc|desc|ASC|DESC))?$' } },
        example: ['createdAt:desc'],
      };
    case 'fields':
      return {
        ...base,
        style: 'form',
        explode: false,
        schema: { type: 'array', items: { type: 'string', enum: names!.selectable } },
        example: names!.selectable.filter((field) => field !== 'id' && field !== 'documentId').slice(0, 2),
      };
    case 'populate': {
      const options = (attribute: Attribute): Schema =>
        attribute.type === 'media'
          ? {
              type: 'object',
              properties: { fields: { type: 'array', items: { enum: PUBLIC_CONTENT_TYPES[MEDIA].fields } } },
              additionalProperties: false,
            }
          : {
              type: 'object',
              properties: {
                fields: { type: 'array', items: { type: 'string' } },
                filters: { type: 'object' },
                sort: { type: 'array', items: { type: 'string' } },
                populate: {},
              },
              additionalProperties: false,
            };
      const first = names!.populatable[0]?.[0];
      return {
        ...base,
        ...deep,
        description: `${base.description} Relations: ${names!.populatable.length ? list(names!.populatable.map(([n]) => n)) : 'none'}.`,
        schema: {
          anyOf: [
            { type: 'string', description: '`*`, or relation names separated by commas' },
            {
              type: 'object',
              properties: Object.fromEntries(
                names!.populatable.map(([field, attribute]) => [
                  field,
                  { anyOf: [{ type: 'boolean' }, { const: '*' }, options(attribute)] },
                ]),
              ),
              additionalProperties: false,
            },
          ],
        },
        example: first ? { [first]: true } : '*',
      };
    }
    case 'pagination': {
      const options = route.pagination ?? PAGINATION_OPTIONS;
      const sizes = route.pageSize ?? PAGE_SIZE;
      const property = (option: string): Schema =>
        option === 'withCount'
          ? { type: 'boolean' }
          : option === 'pageSize' || option === 'limit'
            ? {
                type: 'integer',
                minimum: 1,
                default: sizes.default,
                description: `Above ${sizes.max} read as ${sizes.max}`,
              }
            : { type: 'integer', minimum: option === 'start' ? 0 : 1, maximum: QUERY_LIMITS.largestPage };
      return {
        ...base,
        ...deep,
        schema: {
          type: 'object',
          properties: Object.fromEntries(options.map((option) => [option, property(option)])),
          additionalProperties: false,
        },
        example: { page: 1, pageSize: sizes.default },
      };
    }
    case 'status':
      return { ...base, schema: { type: 'string', enum: ['published'] }, example: 'published' };
    case '_q':
      return {
        ...base,
        description: `${base.description} Fields: ${list(names!.text)}.`,
        schema: { type: 'string', maxLength: QUERY_LIMITS.textSearchLength },
        example: 'clinical',
      };
    case 'locale':
      return { ...base, schema: { type: 'string', enum: SITE_LOCALES }, example: SITE_LOCALES[0] };
    case 'q':
      return {
        ...base,
        required: true,
        schema: { type: 'string', minLength: 1, maxLength: SEARCH.maxQueryLength },
        example: 'usmle',
      };
    case 'limit':
      return {
        ...base,
        schema: { type: 'integer', minimum: 1, maximum: POPULAR_LIMIT.max, default: POPULAR_LIMIT.default },
        example: POPULAR_LIMIT.default,
      };
    case 'token':
      return { ...base, required: true, schema: { type: 'string' } };
  }
}

const PAGINATION_META: Schema = {
  type: 'object',
  properties: {
    pagination: {
      anyOf: [
        {
          type: 'object',
          properties: {
            page: { type: 'integer' },
            pageSize: { type: 'integer' },
            pageCount: { type: 'integer' },
            total: { type: 'integer' },
          },
          required: ['page', 'pageSize', 'pageCount', 'total'],
          additionalProperties: false,
        },
        {
          type: 'object',
          properties: { start: { type: 'integer' }, limit: { type: 'integer' }, total: { type: 'integer' } },
          required: ['start', 'limit', 'total'],
          additionalProperties: false,
        },
      ],
    },
  },
  required: ['pagination'],
  additionalProperties: false,
};
const EMPTY_META: Schema = { type: 'object', additionalProperties: false };

const json = (schema: Schema) => ({ content: { 'application/json': { schema } } });
const answer = (description: string, data: Schema, meta?: Schema) => ({
  description,
  ...json({
    type: 'object',
    properties: { data, ...(meta ? { meta } : {}) },
    required: ['data', ...(meta ? ['meta'] : [])],
    additionalProperties: false,
  }),
});

function successResponse(route: PublicRoute): Schema {
  const { answer: shape } = route;
  const entry = route.contentType ? ref(schemaName(route.contentType)) : {};
  switch (shape.shape) {
    case 'list':
      return answer('The entries', { type: 'array', items: entry }, ref('PaginationMeta'));
    case 'entry':
      return answer('The entry', entry, EMPTY_META);
    case 'unpaged-list':
      return answer('The entries', { type: 'array', items: entry }, EMPTY_META);
    case 'search-results':
      return answer('Best match first', { type: 'array', items: ref('SearchResult') }, ref('PaginationMeta'));
    case 'receipt':
      return answer('Received', shape.receipt as Schema);
    case 'none':
      return { description: 'Done' };
    case 'redirect':
      return { description: 'To a page of the site', headers: { Location: { schema: { type: 'string' } } } };
    case 'openapi-document':
      return { description: 'This document', ...json({ type: 'object', required: ['openapi'] }) };
  }
}

const problem = (description: string, headers?: Schema) => ({
  description,
  ...(headers ? { headers } : {}),
  ...json(ref('Error')),
});
const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } };
const errorResponses = (maxBodyBytes: number | undefined) => ({
  BadRequest: problem('The query or body is not what the route takes; the message names the problem'),
  Unauthorized: problem('The preview token is missing, not valid or expired'),
  Forbidden: problem('Not allowed (comments closed on the article; a preview token for another article)'),
  NotFound: problem('No such published entry'),
  SubscriptionGone: problem('This subscription no longer exists (it was left, or never confirmed and forgotten)'),
  LengthRequired: problem('The body must come with its Content-Length'),
  PayloadTooLarge: problem(
    maxBodyBytes ? `The body is larger than ${maxBodyBytes} bytes` : 'The body is larger than the public limit',
  ),
  UnsupportedMediaType: problem('The body must be JSON'),
  TooManyRequests: problem("Over this visitor's limit", RETRY_AFTER),
  ServiceUnavailable: problem('The database is unreachable', RETRY_AFTER),
});

/** The largest public request body, as config/middlewares.ts gives it to the public-request middleware. */
function publicBodyLimit(strapi: Core.Strapi): number | undefined {
  const middlewares = strapi.config.get('middlewares', []) as Array<string | { name?: string; config?: Schema }>;
  const entry = middlewares.find((item) => typeof item === 'object' && item.name === 'global::public-request');
  return typeof entry === 'object' ? (entry.config?.maxBodyBytes as number | undefined) : undefined;
}

function routeErrors(route: PublicRoute): Record<string, Schema> {
  const use = (name: keyof ReturnType<typeof errorResponses>) => ({ $ref: `#/components/responses/${name}` });
  const byId = route.path.includes('{');
  const isPreview = route.query.includes('token');
  return {
    '400': use('BadRequest'),
    ...(isPreview ? { '401': use('Unauthorized') } : {}),
    ...(isPreview || route.body ? { '403': use('Forbidden') } : {}),
    ...(byId ? { '404': use('NotFound') } : {}),
    // A signed link of a subscription that is gone.
    ...(route.path.startsWith('/subscriptions/') && route.method !== 'GET' ? { '404': use('SubscriptionGone') } : {}),
    ...(route.body
      ? { '411': use('LengthRequired'), '413': use('PayloadTooLarge'), '415': use('UnsupportedMediaType') }
      : {}),
    // Its own body limit and types (the insight beacon).
    ...(route.bodyFormat
      ? {
          '413': problem(`The body is larger than ${route.bodyFormat.maxBytes} bytes`),
          '415': problem(
            route.bodyFormat.plainText
              ? 'The body must be JSON, sent as application/json or text/plain'
              : 'The body must be JSON',
          ),
        }
      : {}),
    ...(route.rateLimit ? { '429': use('TooManyRequests') } : {}),
    '503': use('ServiceUnavailable'),
  };
}

/** `comment` of `api::comment.comment.create`: names of schemas and operations. */
const apiName = (route: PublicRoute) => route.action.split('::')[1].split('.')[0];
const pascal = (name: string) => name.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());

/** `{ data: <the route's input> }`, as JSON, and as text/plain where the route takes it. */
function requestBody(route: PublicRoute): Schema {
  const schema = { type: 'object', properties: { data: ref(`${pascal(apiName(route))}Input`) }, required: ['data'] };
  return {
    required: true,
    content: {
      'application/json': { schema },
      ...(route.bodyFormat?.plainText ? { 'text/plain': { schema } } : {}),
    },
  };
}

function operation(strapi: Core.Strapi, route: PublicRoute): Schema {
  const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const limit = route.rateLimit
    ? (strapi.config.get(`anti-abuse.${route.rateLimit}`) as { max: number; windowSeconds: number })
    : undefined;
  const status = String(route.answer.status);
  return {
    operationId: `${apiName(route)}.${route.action.slice(route.action.lastIndexOf('.') + 1)}`,
    summary: route.summary,
    tags: [apiName(route)],
    parameters: [...pathParameters, ...route.query.map((name) => queryParameter(strapi, route, name))],
    ...(route.body ? { requestBody: requestBody(route) } : {}),
    responses: { [status]: successResponse(route), ...routeErrors(route) },
    'x-permission': route.action,
    'x-cached': route.cacheable,
    ...(route.rateLimit ? { 'x-rate-limit': { name: route.rateLimit, ...limit } } : {}),
  };
}

/** The request bodies' `data`, from the shared zod schemas as a client must send them. */
function inputSchemas(): Schema {
  return Object.fromEntries(
    PUBLIC_ROUTES.filter((route) => route.body).map((route) => {
      const { $schema: _dialect, ...schema } = z.toJSONSchema(route.body!, { io: 'input' });
      return [`${pascal(apiName(route))}Input`, schema];
    }),
  );
}

function build(strapi: Core.Strapi): Schema {
  const paths: Record<string, Schema> = {};
  for (const route of PUBLIC_ROUTES) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(strapi, route) };
  }
  const entries = Object.fromEntries(
    (Object.keys(PUBLIC_CONTENT_TYPES) as PublicContentTypeUid[]).map((uid) => [
      schemaName(uid),
      entrySchema(strapi, uid),
    ]),
  );
  const article = entries.Article as { properties: Schema; required: string[] };
  const serverUrl = (strapi.config.get('server.url', '') as string).replace(/\/$/, '');
  return {
    openapi: '3.1.0',
    info: {
      title: 'Setu Medical Academy public API',
      version: '1.0.0',
      description: [
        'What a visitor without a login may call: published content, approved comments, search, and sending a comment or an enquiry. Every other route answers 403.',
        'A route takes only the query parameters listed for it, naming only the public fields listed for its content type: anything else is a 400 whose message names the problem.',
        `Lists hold ${PAGE_SIZE.default} entries unless \`pagination[pageSize]\` says otherwise, at most ${PAGE_SIZE.max} (a larger size is read as ${PAGE_SIZE.max}, as Strapi does). Query strings must be valid UTF-8 without NUL characters.`,
      ].join('\n\n'),
    },
    servers: [{ url: `${serverUrl}${API_PREFIX}` }],
    paths,
    components: {
      schemas: {
        ...entries,
        EntryIdentity: {
          type: 'object',
          properties: { id: { type: 'integer' }, documentId: { type: 'string' } },
          required: ['id', 'documentId'],
          additionalProperties: false,
        },
        SearchResult: {
          ...article,
          properties: { ...article.properties, snippet: SEARCH_SNIPPET_SCHEMA },
          required: [...article.required, 'snippet'],
        },
        PaginationMeta: PAGINATION_META,
        ...inputSchemas(),
        Error: {
          type: 'object',
          properties: {
            data: { type: 'null' },
            error: {
              type: 'object',
              properties: {
                status: { type: 'integer' },
                name: { type: 'string' },
                message: { type: 'string' },
                details: { type: 'object' },
              },
              required: ['status', 'name', 'message'],
            },
          },
          required: ['data', 'error'],
        },
      },
      responses: errorResponses(publicBodyLimit(strapi)),
    },
  };
}

let document: Schema | undefined;

/** The document, made on the first call (at start: src/index.ts). */
export function openApiDocument(strapi: Core.Strapi): Schema {
  document ??= build(strapi);
  return document;
}
