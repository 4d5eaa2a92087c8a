/* eslint-disable @typescript-eslint/no-explicit-any -- it walks qs-parsed queries and fixtures of
   any shape, as Strapi does; the pages it serves are typed by the shared content types. */
/**
 * A small in-memory CMS answering like Strapi 5's public REST API: filters, fields, populate and
 * pagination are applied to the fixtures, so a page gets exactly what it asked for.
 */
import {
  API_PREFIX,
  ARTICLE_CARD,
  commentInputSchema,
  enquiryInputSchema,
  fieldErrors,
  FILTER_OPERATORS,
  insightBeaconSchema,
  PAGE_SIZE,
  PAGINATION_MINIMUMS,
  PAGINATION_OPTIONS,
  POPULAR_LIMIT,
  PUBLIC_CONTENT_TYPES,
  PUBLIC_ROUTES,
  QUERY_LIMITS,
  subscribeInputSchema,
  subscriptionChangeInputSchema,
  subscriptionTokenInputSchema,
  type SubscriptionSettings,
  SEARCH,
  SITE_LOCALES,
  SYSTEM_FIELDS,
  type Article,
  type EnquiryTopic,
  type InsightEvent,
  type PublicRoute,
} from '@medblog/shared';
import {
  articles as allArticles,
  authors,
  categories,
  SUBSCRIPTION_TOKENS,
  comments as storedComments,
  site,
  type StoredComment,
} from './fixtures';
import { noteRequest } from './fake-cms-requests';
import { json, strapiError, validationError, type StubReply, type StubRequest, type StubRoutes } from './stub-replies';

type Query = Record<string, any>;

function matches(article: Article, filters: Query | undefined): boolean {
  if (!filters) return true;
  if (filters.slug?.$eq !== undefined && article.slug !== filters.slug.$eq) return false;
  if (filters.slug?.$ne !== undefined && article.slug === filters.slug.$ne) return false;
  if (filters.featured?.$eq !== undefined && String(article.featured) !== String(filters.featured.$eq)) return false;
  if (filters.category?.slug?.$eq !== undefined && article.category?.slug !== filters.category.slug.$eq) return false;
  if (filters.author?.slug?.$eq !== undefined && article.author?.slug !== filters.author.slug.$eq) return false;
  if (filters.$or) {
    const anyMatch = Object.values(filters.$or as Query[]).some((condition) =>
      Object.entries(condition).some(([field, { $containsi }]) =>
        String(article[field as keyof Article] ?? '')
          .toLowerCase()
          .includes(String($containsi).toLowerCase()),
      ),
    );
    if (!anyMatch) return false;
  }
  return true;
}

/** Relations, media and components of the public content types: answered only when populated. */
const STRUCTURED = new Set([
  'cover',
  'category',
  'author',
  'relatedArticles',
  'seo',
  'reviewer',
  'references',
  'avatar',
  'article',
  'parent',
  'socialLinks',
  'defaultSeo',
  'shareImage',
]);
/** Attributes whose value is JSON (blocks, an image's formats): answered as attributes. */
const JSON_FIELDS = new Set(['body', 'formats']);

/** Keeps what the request asked for: its `fields`, the relations it populated, and the ids. */
function select(entry: any, fields: unknown, populate: unknown): any {
  if (entry === null || entry === undefined) return entry;
  if (Array.isArray(entry)) return entry.map((item) => select(item, fields, populate));
  // Without `fields`, Strapi returns every attribute but no relation, media or component.
  const isAttribute = (key: string) =>
    !STRUCTURED.has(key) && (entry[key] === null || typeof entry[key] !== 'object' || JSON_FIELDS.has(key));
  const wanted = fields ? Object.values(fields as Query) : Object.keys(entry).filter(isAttribute);
  // A component has an id but no documentId.
  const result: any = 'documentId' in entry ? { id: entry.id, documentId: entry.documentId } : { id: entry.id };
  for (const field of wanted) if (field in entry) result[field] = entry[field];
  // `populate=a,b` or `populate=*` name relations without options.
  const relations =
    typeof populate === 'string'
      ? Object.fromEntries(
          (populate === '*' ? Object.keys(entry).filter((key) => STRUCTURED.has(key)) : populate.split(',')).map(
            (name) => [name, {}],
          ),
        )
      : populate;
  if (relations && typeof relations === 'object') {
    for (const [relation, options] of Object.entries(relations as Query)) {
      const nested = typeof options === 'object' ? options : {};
      result[relation] = select(entry[relation], nested.fields, nested.populate);
    }
  }
  return result;
}

/** The public contract's page sizes, as the CMS reads them: a bigger pageSize gets the largest. */
function pagination(query: Query, sizes: { default: number; max: number } = PAGE_SIZE) {
  return {
    page: Number(query.pagination?.page ?? 1),
    pageSize: Math.min(Number(query.pagination?.pageSize ?? sizes.default), sizes.max),
  };
}

/** The CMS's 400 for a query it refuses (src/middlewares/public-input.ts): a message, no details. */
const invalid = (message: string): StubReply => strapiError(400, message);

const WHOLE_NUMBER = /^\d+$/;
const OPERATORS = new Set<string>(Object.values(FILTER_OPERATORS).flat());

/** Whether `name` is a field the public may name on the route's content type. */
function isPublicField(route: PublicRoute, name: string): boolean {
  const contract = route.contentType ? PUBLIC_CONTENT_TYPES[route.contentType] : undefined;
  return Boolean(
    contract &&
    ((contract.fields as readonly string[]).includes(name) || (SYSTEM_FIELDS as readonly string[]).includes(name)),
  );
}

/**
 * What the CMS refuses in the parameters a route takes, as its input check does: pagination
 * options and values, status, locale, and private or unknown fields in fields, sort and filters
 * (at the top level: the fake does not walk relations as the CMS does).
 */
function invalidQuery(route: PublicRoute, query: Query): StubReply | undefined {
  const modelName = route.contentType?.split('.').at(-1) ?? 'entry';
  const notPublic = (parameter: string, name: string) =>
    invalid(`Invalid ${parameter}: "${name}" is not a public field of ${modelName}`);
  if (query.pagination !== undefined) {
    const options = route.pagination ?? PAGINATION_OPTIONS;
    if (typeof query.pagination !== 'object')
      return invalid('Invalid pagination: give its options, pagination[page]=1');
    for (const [option, value] of Object.entries(query.pagination as Query)) {
      if (!(options as readonly string[]).includes(option))
        return invalid(`Invalid pagination: unknown option "${option}"; it takes ${options.join(', ')}`);
      if (option === 'withCount') {
        if (!['true', 'false'].includes(String(value)))
          return invalid('Invalid pagination: withCount must be true or false');
        continue;
      }
      const minimum = PAGINATION_MINIMUMS[option as keyof typeof PAGINATION_MINIMUMS];
      const number = Number(value);
      const largest = option === 'page' || option === 'start' ? QUERY_LIMITS.largestPage : Infinity;
      if (typeof value !== 'string' || !WHOLE_NUMBER.test(value) || number < minimum || number > largest)
        return invalid(`Invalid pagination: ${option} must be a whole number from ${minimum}`);
    }
  }
  if (query.status !== undefined && query.status !== 'published')
    return invalid('Invalid status: only published content is available');
  if (query.locale !== undefined && !(SITE_LOCALES as readonly string[]).includes(String(query.locale)))
    return invalid(`Invalid query parameter "locale": "${String(query.locale)}" is not one of the site's locales`);
  if (query.fields !== undefined) {
    const names = typeof query.fields === 'string' ? query.fields.split(',') : Object.values(query.fields as Query);
    const bad = names.find((name) => !isPublicField(route, String(name)));
    if (bad !== undefined) return notPublic('fields', String(bad));
  }
  if (query.sort !== undefined) {
    const items = typeof query.sort === 'string' ? query.sort.split(',') : Object.values(query.sort as Query);
    const bad = items.map((item) => String(item).split(':')[0]!).find((name) => !isPublicField(route, name));
    if (bad !== undefined) return notPublic('sort', bad);
  }
  if (query.filters !== undefined) {
    if (typeof query.filters !== 'object') return invalid('Invalid filters: give conditions, filters[slug][$eq]=…');
    const bad = Object.keys(query.filters as Query).find((name) => !OPERATORS.has(name) && !isPublicField(route, name));
    if (bad !== undefined) return notPublic('filters', bad);
  }
  return undefined;
}

/**
 * The CMS's answer to a query parameter its route does not take (the public contract's list), so
 * the site's tests fail as the site would if it asked for one.
 */
function unknownParameters(method: string, path: string, query: Query): StubReply | undefined {
  const matches = (candidate: (typeof PUBLIC_ROUTES)[number]) =>
    candidate.method === method &&
    new RegExp(`^${API_PREFIX}${candidate.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path);
  // As the CMS's router: /articles/popular before /articles/{documentId}.
  const route =
    PUBLIC_ROUTES.find((candidate) => !candidate.path.includes('{') && matches(candidate)) ??
    PUBLIC_ROUTES.find(matches);
  if (!route) return undefined;
  const unknown = Object.keys(query).filter((name) => !(route.query as readonly string[]).includes(name));
  if (!unknown.length) return invalidQuery(route, query);
  const takes = route.query.length ? `it takes ${route.query.join(', ')}` : 'it takes none';
  return invalid(`Unknown query parameter ${unknown.map((name) => `"${name}"`).join(', ')}: ${takes}`);
}

/** Orders entries as `sort` asks ("createdAt:asc" or a list of them), as the CMS does. */
function bySort(sort: unknown) {
  const keys = (Array.isArray(sort) ? sort : sort ? String(sort).split(',') : []).map((item) =>
    String(item).split(':'),
  );
  return (a: Query, b: Query) => {
    for (const [field, direction] of keys) {
      const order =
        typeof a[field] === 'number' ? a[field] - b[field] : String(a[field]).localeCompare(String(b[field]));
      if (order) return direction === 'desc' ? -order : order;
    }
    return 0;
  };
}

function listArticles(state: FakeCmsState, request: StubRequest) {
  const query = request.query as Query;
  const found = state.articles.filter((article) => matches(article, query.filters));
  found.sort(bySort(query.sort));
  const { page, pageSize } = pagination(query);
  const data = found
    .slice((page - 1) * pageSize, page * pageSize)
    // As the CMS does: when comments close comes with every article, whatever the fields.
    .map((article) => ({ ...select(article, query.fields, query.populate), commentsCloseAt: article.commentsCloseAt }));
  return json({
    data,
    meta: { pagination: { page, pageSize, pageCount: Math.ceil(found.length / pageSize), total: found.length } },
  });
}

/** "Most read": a fixed pick, with the card's fields and relations, as the CMS's endpoint returns them. */
function popularArticles(state: FakeCmsState, request: StubRequest) {
  const limit = Number((request.query as Query).limit ?? POPULAR_LIMIT.default);
  if (!Number.isInteger(limit) || limit < 1 || limit > POPULAR_LIMIT.max)
    return invalid(`limit: must be a whole number from 1 to ${POPULAR_LIMIT.max}`);
  return json({
    data: state.articles
      .slice(2, 2 + limit)
      .map((article) => select(article, ARTICLE_CARD.fields, ARTICLE_CARD.populate)),
    meta: {},
  });
}

/** Plain text of a blocks body, as the CMS indexes it. */
const textOf = (node: any): string =>
  typeof node?.text === 'string' ? node.text : ((node?.children ?? node ?? []).map?.(textOf).join(' ') ?? '');

/**
 * The CMS's full-text search, simply: an article matches when each word is in its title, excerpt,
 * category name or body; the snippet is the excerpt with those words marked.
 */
function searchArticles(state: FakeCmsState, request: StubRequest): StubReply {
  const query = request.query as Query;
  if (query.q === undefined || (typeof query.q === 'string' && !query.q.trim()))
    return invalid('q: give the words to search for');
  if (typeof query.q !== 'string') return invalid('q: must be given once, as text');
  if (query.q.length > SEARCH.maxQueryLength) return invalid(`q: must be at most ${SEARCH.maxQueryLength} characters`);
  const words = query.q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const found = state.articles.filter((article) => {
    const text = [article.title, article.excerpt, article.category?.name, textOf(article.body)].join(' ').toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const { page, pageSize } = pagination(query, { default: SEARCH.defaultPageSize, max: SEARCH.maxPageSize });
  const data = found.slice((page - 1) * pageSize, page * pageSize).map((article) => {
    const text = article.excerpt ?? '';
    const highlights = words.flatMap((word) => {
      const start = text.toLowerCase().indexOf(word);
      return start < 0 ? [] : [{ start, end: start + word.length }];
    });
    return { ...select(article, ARTICLE_CARD.fields, ARTICLE_CARD.populate), snippet: { text, highlights } };
  });
  return json({
    data,
    meta: { pagination: { page, pageSize, pageCount: Math.ceil(found.length / pageSize), total: found.length } },
  });
}

/** Categories, in the order and with the fields asked for. */
function listCategories(request: StubRequest) {
  const query = request.query as Query;
  const found = [...categories].sort(bySort(query.sort));
  const { page, pageSize } = pagination(query);
  return json({
    data: found.slice((page - 1) * pageSize, page * pageSize).map((c) => select(c, query.fields, query.populate)),
    meta: { pagination: { page, pageSize, pageCount: Math.ceil(found.length / pageSize), total: found.length } },
  });
}

/** Authors, found by slug when the request filters on it. */
function listAuthors(request: StubRequest) {
  const query = request.query as Query;
  const slug = query.filters?.slug?.$eq;
  const found = authors.filter((author) => slug === undefined || author.slug === slug);
  const { page, pageSize } = pagination(query);
  return json({
    data: found.slice((page - 1) * pageSize, page * pageSize).map((a) => select(a, query.fields, query.populate)),
    meta: { pagination: { page, pageSize, pageCount: Math.ceil(found.length / pageSize), total: found.length } },
  });
}

/** An enquiry as the CMS stores it. */
export interface StoredEnquiry {
  documentId: string;
  name: string;
  email: string;
  phone?: string | null;
  topic: EnquiryTopic;
  message: string;
  sourcePath?: string | null;
  handlingStatus: 'new' | 'suspected-spam';
  createdAt: string;
}

/** What the fake CMS holds and a test may look at or change (e.g. approve a comment). */
export interface FakeCmsState {
  /** The published articles; the public API never shows drafts. */
  articles: Article[];
  comments: StoredComment[];
  enquiries: StoredEnquiry[];
  /** Subscriptions asked for (not yet confirmed: the CMS mails a link). */
  subscribeRequests: Array<{ email: string; topics: string[]; frequency: string; automated: boolean }>;
  /** The insight beacon's events (POST /api/insight), as they came; the CMS keeps only counts. */
  insightEvents: InsightEvent[];
  /** The subscription that SUBSCRIPTION_TOKENS.good opens; null once it has left. */
  subscription: {
    email: string;
    topics: string[];
    frequency: SubscriptionSettings['frequency'];
    confirmed: boolean;
  } | null;
}

export function fakeCmsState(): FakeCmsState {
  return {
    articles: [...allArticles],
    comments: structuredClone(storedComments),
    enquiries: [],
    subscribeRequests: [],
    insightEvents: [],
    subscription: { email: 'reader@example.org', topics: [], frequency: 'each-article', confirmed: false },
  };
}

/** The CMS's anti-spam rule for forms: a filled honeypot or under 3 s to fill in means a bot. */
const looksAutomated = (input: { website?: string; elapsedMs?: number }) =>
  Boolean(input.website?.trim()) || (input.elapsedMs !== undefined && input.elapsedMs < 3000);

/** A comment with more than two links, or the same text as one already on the article (the CMS's rules). */
function looksLikeCommentSpam(state: FakeCmsState, input: { article: string; authorName: string; body: string }) {
  const links = `${input.authorName} ${input.body}`.match(/\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.[a-z]/gi)?.length ?? 0;
  const same = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  return (
    links > 2 ||
    state.comments.some((comment) => comment.article === input.article && same(comment.body) === same(input.body))
  );
}

/** The data of a create request, validated with the shared schema as the CMS does. */
function parseCreate<T>(
  request: StubRequest,
  schema: {
    safeParse: (
      input: unknown,
    ) => { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrors>[0] };
  },
) {
  const result = schema.safeParse((request.body as { data?: unknown } | undefined)?.data);
  return result.success ? { data: result.data } : { reply: validationError(fieldErrors(result.error)) };
}

/** Approved comments only, with the fields asked for and the parent reduced to its ids. */
function listComments(state: FakeCmsState, request: StubRequest) {
  const query = request.query as Query;
  const articleId = query.filters?.article?.documentId?.$eq;
  const found = state.comments.filter(
    (comment) => comment.moderationStatus === 'approved' && (articleId === undefined || comment.article === articleId),
  );
  found.sort(bySort(query.sort));
  const { page, pageSize } = pagination(query);
  const data = found
    .slice((page - 1) * pageSize, page * pageSize)
    .map(({ article: _article, parent, authorEmail: _email, ...comment }) => {
      const publicComment: any = select(comment, query.fields, undefined);
      if (query.populate?.parent) {
        const parentComment = state.comments.find((other) => other.documentId === parent);
        publicComment.parent = parentComment ? { id: parentComment.id, documentId: parentComment.documentId } : null;
      }
      return publicComment;
    });
  return json({
    data,
    meta: { pagination: { page, pageSize, pageCount: Math.ceil(found.length / pageSize), total: found.length } },
  });
}

function createComment(state: FakeCmsState, request: StubRequest): StubReply {
  const { data: input, reply } = parseCreate(request, commentInputSchema);
  if (reply) return reply;
  const article = state.articles.find((candidate) => candidate.documentId === input.article);
  if (!article) return validationError([{ path: ['article'], message: 'No published article has this documentId' }]);
  if (!article.commentsEnabled)
    return validationError([{ path: ['article'], message: 'Comments are closed on this article' }]);
  if (article.commentsCloseAt && Date.parse(article.commentsCloseAt) <= Date.now())
    return strapiError(403, 'Comments are closed on this article: it was published too long ago');
  if (input.parent) {
    const parent = state.comments.find((comment) => comment.documentId === input.parent);
    if (parent?.moderationStatus !== 'approved' || parent.article !== input.article) {
      return validationError([
        { path: ['parent'], message: 'A reply must answer an approved comment on the same article' },
      ]);
    }
  }
  const id = 100 + state.comments.length;
  const createdAt = new Date().toISOString();
  const stored: StoredComment = {
    id,
    documentId: `posted${id}docid`,
    article: input.article,
    parent: input.parent ?? null,
    authorName: input.authorName,
    authorEmail: input.authorEmail,
    body: input.body,
    moderationStatus: looksAutomated(input) || looksLikeCommentSpam(state, input) ? 'spam' : 'pending',
    createdAt,
    updatedAt: createdAt,
    moderatedAt: null,
    badge: null,
  };
  state.comments.push(stored);
  // The same answer for spam: a bot learns nothing.
  return json(
    {
      data: {
        documentId: stored.documentId,
        authorName: stored.authorName,
        body: stored.body,
        createdAt,
        moderationStatus: 'pending',
      },
    },
    201,
  );
}

function createEnquiry(state: FakeCmsState, request: StubRequest): StubReply {
  const { data: input, reply } = parseCreate(request, enquiryInputSchema);
  if (reply) return reply;
  const createdAt = new Date().toISOString();
  const stored: StoredEnquiry = {
    documentId: `enquiry${state.enquiries.length + 1}docid`,
    name: input.name,
    email: input.email,
    phone: input.phone,
    topic: input.topic,
    message: input.message,
    sourcePath: input.sourcePath,
    handlingStatus: looksAutomated(input) ? 'suspected-spam' : 'new',
    createdAt,
  };
  state.enquiries.push(stored);
  return json({ data: { documentId: stored.documentId, topic: stored.topic, receivedAt: createdAt } }, 201);
}

/** The CMS's answer to every subscribe request, whatever the address's state. */
export const SUBSCRIBE_ACKNOWLEDGEMENT = 'Check your inbox: we have sent you a link to confirm your subscription.';

/**
 * A signed link's call: SUBSCRIPTION_TOKENS.good opens the state's subscription (404 once it has
 * left), `gone` one that no longer exists; any other token is expired or forged (400).
 */
function subscriptionCall(
  state: FakeCmsState,
  request: StubRequest,
  act: (subscription: NonNullable<FakeCmsState['subscription']>, data: any) => StubReply | void,
  schema: typeof subscriptionTokenInputSchema | typeof subscriptionChangeInputSchema = subscriptionTokenInputSchema,
): StubReply {
  const { data: input, reply } = parseCreate<any>(request, schema);
  if (reply) return reply;
  if (input.token === SUBSCRIPTION_TOKENS.gone || (input.token === SUBSCRIPTION_TOKENS.good && !state.subscription))
    return strapiError(404, 'This subscription no longer exists');
  if (input.token !== SUBSCRIPTION_TOKENS.good)
    return validationError([{ path: ['token'], message: 'This link has expired or is not valid' }]);
  const subscription = state.subscription!;
  const answered = act(subscription, input);
  if (answered) return answered;
  return json({ data: settingsOf(subscription) });
}

function settingsOf(subscription: NonNullable<FakeCmsState['subscription']>): SubscriptionSettings {
  return {
    email: subscription.email,
    topics: subscription.topics,
    frequency: subscription.frequency,
    choices: categories.map(({ slug, name }) => ({ slug, name })),
  };
}

function subscriptionRoutes(state: FakeCmsState): StubRoutes {
  return {
    'POST /api/subscriptions': (request) => {
      const { data: input, reply } = parseCreate(request, subscribeInputSchema);
      if (reply) return reply;
      state.subscribeRequests.push({
        email: input.email,
        topics: input.topics ?? [],
        frequency: input.frequency,
        automated: looksAutomated(input),
      });
      return json({ data: { message: SUBSCRIBE_ACKNOWLEDGEMENT } }, 202);
    },
    'POST /api/subscriptions/confirm': (request) =>
      subscriptionCall(state, request, (subscription) => {
        subscription.confirmed = true;
        // The fake's one good token opens the manage page too.
        return json({ data: { ...settingsOf(subscription), manageToken: SUBSCRIPTION_TOKENS.good } });
      }),
    'POST /api/subscriptions/manage': (request) => subscriptionCall(state, request, () => {}),
    'PUT /api/subscriptions/manage': (request) =>
      subscriptionCall(
        state,
        request,
        (subscription, input) => {
          subscription.topics = input.topics;
          subscription.frequency = input.frequency;
        },
        subscriptionChangeInputSchema,
      ),
    'POST /api/subscriptions/leave': (request) =>
      subscriptionCall(state, request, () => {
        state.subscription = null;
        return json({ data: { message: 'You have left: your address has been deleted.' } });
      }),
  };
}

/**
 * The routes of the fake CMS; spread them and override one to change how the CMS answers. Pass a
 * `fakeCmsState()` to look at what was stored, or to change it between requests.
 */
export function cmsRoutes(state: FakeCmsState = fakeCmsState()): StubRoutes {
  const routes: StubRoutes = {
    'GET /api/articles': (request) => listArticles(state, request),
    'GET /api/articles/popular': (request) => popularArticles(state, request),
    'GET /api/search': (request) => searchArticles(state, request),
    'POST /api/insight': (request) => {
      const { data: beacon, reply } = parseCreate(request, insightBeaconSchema);
      if (reply) return reply;
      state.insightEvents.push(...(beacon.events as InsightEvent[]));
      return { status: 204 };
    },
    'GET /api/categories': (request) => listCategories(request),
    'GET /api/global': (request) => {
      const query = request.query as Query;
      const populate =
        query.populate && typeof query.populate === 'object'
          ? Object.fromEntries(
              Object.entries(query.populate as Query).map(([name, options]) => [
                name,
                typeof options === 'object' ? options : {},
              ]),
            )
          : query.populate === '*'
            ? { socialLinks: {}, defaultSeo: {} }
            : undefined;
      return json({ data: select(site, query.fields, populate), meta: {} });
    },
    'GET /api/authors': (request) => listAuthors(request),
    'GET /api/comments': (request) => listComments(state, request),
    'POST /api/comments': (request) => createComment(state, request),
    'POST /api/enquiries': (request) => createEnquiry(state, request),
    ...subscriptionRoutes(state),
  };
  return recorded(
    Object.fromEntries(
      Object.entries(routes).map(([key, handler]) => [
        key,
        (request: StubRequest) =>
          unknownParameters(request.method, request.path, request.query as Query) ?? handler(request),
      ]),
    ),
  );
}

/**
 * The routes, each answering only requests the contract test replays against the real CMS
 * (fake-cms-requests.ts): any other is a 500 naming it, and fails the test that sent it.
 */
function recorded(routes: StubRoutes): StubRoutes {
  return Object.fromEntries(
    Object.entries(routes).map(([key, handler]) => [
      key,
      (request: StubRequest) => {
        const unrecorded = noteRequest(request);
        return unrecorded ? strapiError(500, unrecorded) : handler(request);
      },
    ]),
  );
}

/**
 * The fake CMS as the site server meets it: the routes above, the redirects of old addresses in
 * `redirects` (by fromPath), and a draft's preview that opens only for the token `good`.
 */
export function siteServerRoutes(
  state: FakeCmsState,
  redirects: Record<string, { toPath: string; code?: string }>,
): StubRoutes {
  return {
    ...cmsRoutes(state),
    ...recorded({
      'GET /api/redirects': (request) => {
        const from = (request.query as { filters?: { fromPath?: { $eq?: string } } }).filters?.fromPath?.$eq;
        const found = from ? redirects[from] : undefined;
        const index = found ? Object.keys(redirects).indexOf(from!) + 1 : 0;
        const data = found ? [{ id: index, documentId: `redirect${index}docid`, ...found }] : [];
        return json({
          data,
          meta: { pagination: { page: 1, pageSize: 1, pageCount: data.length, total: data.length } },
        });
      },
      'GET /api/preview/articles/:documentId': (request) => {
        const query = request.query as Query;
        if (query.token !== 'good')
          return json(
            {
              data: null,
              error: { status: 401, name: 'UnauthorizedError', message: 'This preview link has expired', details: {} },
            },
            401,
          );
        const draft = { ...state.articles[0]!, title: 'A draft title', publishedAt: null };
        return json({ data: select(draft, query.fields, query.populate), meta: {} });
      },
    }),
  };
}
