/**
 * The admin gate, route by route: every admin route the project adds (src/admin-routes.ts, and
 * any other file under src declaring admin routes), the content manager's routes for each of our
 * content types and its preview-link route, tried
 * (a) with the path's fixed words spelled in other cases, which Strapi's router matches as the same
 *     route: the answer must be exactly the canonical one, a refusal included;
 * (b) with the response-shaping headers Strapi-Response-Format: v4 and strapi-encode-source-maps:
 *     they must neither let a refused role in nor change what an allowed one gets;
 * (c) by each role the role matrix refuses (and an Author on someone else's entry): a 4xx that
 *     changes nothing; and with no token at all: 401.
 * Who is allowed comes from the role matrix (src/platform/access/role-matrix.ts), so a change there
 * changes what is tried here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import type { Response } from 'supertest';
import { api, bootStrapi } from './helpers/strapi';
import {
  type Admin,
  adminOfEachRole,
  ensureSingleType,
  newEntry,
  sampleChange,
  sampleData,
  storedEntry,
} from './helpers/content-manager';
import { adminRoutes } from '../src/admin-routes';
import { type ContentAction, ROLE_MATRIX, ROLES, type RoleCode } from '../src/platform/access/role-matrix';
import { REVISION } from '../src/features/history/server/revisions';

const ARTICLE = 'api::article.article';
const COMMENT = 'api::comment.comment';
const ENQUIRY = 'api::enquiry.enquiry';
const SUBSCRIBER = 'api::subscriber.subscriber';
const SHAPING_HEADERS = { 'Strapi-Response-Format': 'v4', 'strapi-encode-source-maps': 'true' };

/** A content type's schema, from its file: the tests are listed before Strapi is up. */
function schemaOf(uid: string): { kind: string; options?: { draftAndPublish?: boolean } } {
  const [api, type] = uid.replace(/^api::/, '').split('.');
  const file = join(__dirname, '..', 'src', 'api', api, 'content-types', type, 'schema.json');
  return JSON.parse(readFileSync(file, 'utf8'));
}

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
const admins = adminOfEachRole('gate');

type Method = 'get' | 'post' | 'put' | 'delete';

/** One try of a route: its parameters and body, and a reading of what the route would change. */
interface Try {
  params: Record<string, string>;
  body?: object;
  state: () => Promise<unknown>;
}

interface Route {
  method: Method;
  /** The path as the router has it, `:name` for a parameter. */
  pattern: string;
  query?: Record<string, unknown>;
  /** The content-manager right the route needs, on which content type. */
  needs: { action: ContentAction; subject: string };
  /** Other rights, any of which also lets an admin in (a route's policy may list several). */
  orNeeds?: Array<{ action: ContentAction; subject: string }>;
  /** A fresh try for `admin` on an entry created by `ownerId`. */
  prepare: (admin: Admin, ownerId: number) => Promise<Try>;
  /** The answer to an Author on someone else's entry, for a route on one entry. */
  othersEntry?: number;
  /** What a refusal of a role says, where the project words it (Strapi's own say "Forbidden"). */
  refusal?: RegExp;
}

// ---- Spellings --------------------------------------------------------------------------------

/** Other spellings of a path's fixed words; the router takes each for the canonical route. */
const SPELLINGS: Array<[string, (word: string) => string]> = [
  [
    'Capitalised',
    (word) => word.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase()),
  ],
  ['UPPER CASE', (word) => word.toUpperCase()],
  ['aLtErNaTiNg', (word) => [...word].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('')],
];

/** The path of `pattern` with its parameters filled in (as given: they are data) and its words spelled by `spell`. */
function pathOf(pattern: string, params: Record<string, string>, spell = (word: string) => word): string {
  return pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return spell(segment);
      const value = params[segment.slice(1)];
      if (value === undefined) throw new Error(`No value for ${segment} in ${pattern}`);
      return value;
    })
    .join('/');
}

function send(route: Route, path: string, attempt: Try, headers: Record<string, string>): Promise<Response> {
  let call = request[route.method](path).set(headers);
  if (route.query) call = call.query(route.query);
  return attempt.body ? call.send(attempt.body) : call;
}

/**
 * What a test compares between two answers: the status and the body, as text (a preview link's
 * token carries its expiry second, so two links differ there only).
 */
const answerOf = (response: Response) => ({
  status: response.status,
  body: response.text.replace(/token=[\w.-]+/g, 'token=<signed>'),
});

// ---- Routes -----------------------------------------------------------------------------------

/** Reads an entry and the number of entries of its type: what a write would change. */
const entryState = (uid: string, documentId?: string) => async () => ({
  entry: await storedEntry(uid, documentId),
  count: await strapi.db.query(uid as never).count(),
});

const publish = (uid: string, documentId: string) =>
  strapi.documents(uid as typeof ARTICLE).publish({ documentId } as never);

const onEntry = (uid: string) => async (_admin: Admin, ownerId: number) => {
  const documentId = await newEntry(uid, ownerId);
  return { params: { documentId }, state: entryState(uid, documentId) };
};

/** The routes src/admin-routes.ts declares, each with what a try of it needs. */
function projectRoutes(): Route[] {
  const routeFor = (method: Method, path: string) => {
    const declared = adminRoutes.routes.find((route) => route.method === method.toUpperCase() && route.path === path);
    if (!declared) throw new Error(`src/admin-routes.ts has no ${method.toUpperCase()} ${path}`);
    // The rights its admin::hasPermissions policy asks for, any one of which lets an admin in.
    const policy = declared.config.policies.find((entry) => typeof entry === 'object');
    if (!policy || typeof policy === 'string') throw new Error(`${path} asks for no content-manager right`);
    const [needs, ...orNeeds] = policy.config.actions.map(({ action, subject }) => ({
      action: action.split('.').pop() as ContentAction,
      subject,
    }));
    const named = [needs, ...orNeeds].map((right) => `${right.action} ${right.subject.split('.').pop()} entries`);
    return {
      method,
      pattern: `${adminRoutes.prefix}${path}`,
      needs,
      orNeeds,
      refusal: new RegExp(`^You may not ${named.join(' or ')}`),
    };
  };
  const onArticleWithHistory = async (_admin: Admin, ownerId: number) => {
    const documentId = await newEntry(ARTICLE, ownerId);
    return {
      params: { documentId, version: '1' },
      state: async () => ({
        article: await entryState(ARTICLE, documentId)(),
        versions: await strapi.db.query(REVISION).count({ where: { articleDocumentId: documentId } }),
      }),
    };
  };
  return [
    {
      ...routeFor('get', '/comments'),
      prepare: async () => ({ params: {}, state: entryState(COMMENT) }),
    },
    {
      ...routeFor('post', '/comments/moderate'),
      prepare: async (_admin, ownerId) => {
        const documentId = await newEntry(COMMENT, ownerId);
        return {
          params: {},
          body: { documentIds: [documentId], moderationStatus: 'rejected' },
          state: entryState(COMMENT, documentId),
        };
      },
    },
    {
      ...routeFor('post', '/comments/:documentId/replies'),
      prepare: async (admin, ownerId) => ({
        ...(await onEntry(COMMENT)(admin, ownerId)),
        body: { body: 'Thank you, we have answered by e-mail.' },
      }),
    },
    { ...routeFor('get', '/enquiries/count'), prepare: async () => ({ params: {}, state: entryState(ENQUIRY) }) },
    { ...routeFor('get', '/enquiries/export'), prepare: async () => ({ params: {}, state: entryState(ENQUIRY) }) },
    { ...routeFor('get', '/articles/:documentId/versions'), prepare: onArticleWithHistory, othersEntry: 404 },
    {
      ...routeFor('get', '/articles/:documentId/versions/compare'),
      query: { from: 1, to: 1 },
      prepare: onArticleWithHistory,
      othersEntry: 404,
    },
    {
      ...routeFor('post', '/articles/:documentId/versions/:version/restore'),
      prepare: onArticleWithHistory,
      othersEntry: 404,
    },
    { ...routeFor('get', '/articles/:documentId/email'), prepare: onEntry(ARTICLE) },
    { ...routeFor('post', '/articles/:documentId/email/test'), prepare: onEntry(ARTICLE) },
    {
      ...routeFor('get', '/subscribers/counts'),
      prepare: async () => ({ params: {}, state: entryState(SUBSCRIBER) }),
    },
    { ...routeFor('get', '/subscribers'), prepare: async () => ({ params: {}, state: entryState(SUBSCRIBER) }) },
    { ...routeFor('get', '/subscribers/export'), prepare: async () => ({ params: {}, state: entryState(SUBSCRIBER) }) },
    { ...routeFor('delete', '/subscribers/:documentId'), prepare: onEntry(SUBSCRIBER) },
    {
      ...routeFor('get', '/insight/readers'),
      query: { period: 7 },
      prepare: async () => ({ params: {}, state: entryState(ARTICLE) }),
    },
    { ...routeFor('get', '/insight/articles/:documentId'), prepare: onEntry(ARTICLE), othersEntry: 404 },
    {
      ...routeFor('get', '/insight/export'),
      query: { table: 'content-gaps', period: 30 },
      prepare: async () => ({ params: {}, state: entryState(ARTICLE) }),
    },
  ];
}

/** The content manager's routes for one of our content types. */
function contentManagerRoutes(uid: string): Route[] {
  if (schemaOf(uid).kind === 'singleType') {
    const pattern = '/content-manager/single-types/:model';
    const onSingleType = async () => {
      await ensureSingleType(uid);
      return { params: { model: uid }, state: entryState(uid) };
    };
    return [
      { method: 'get', pattern, needs: { action: 'read', subject: uid }, prepare: onSingleType },
      {
        method: 'put',
        pattern,
        needs: { action: 'update', subject: uid },
        prepare: async () => {
          const { field, value } = sampleChange(uid);
          return { ...(await onSingleType()), body: { [field]: value } };
        },
      },
      { method: 'delete', pattern, needs: { action: 'delete', subject: uid }, prepare: onSingleType },
    ];
  }
  const list = '/content-manager/collection-types/:model';
  const one = `${list}/:documentId`;
  const onOne = async (admin: Admin, ownerId: number) => {
    const entry = await onEntry(uid)(admin, ownerId);
    return { ...entry, params: { ...entry.params, model: uid } };
  };
  return [
    {
      method: 'get',
      pattern: list,
      needs: { action: 'read', subject: uid },
      prepare: async () => ({ params: { model: uid }, state: entryState(uid) }),
    },
    { method: 'get', pattern: one, needs: { action: 'read', subject: uid }, prepare: onOne, othersEntry: 403 },
    {
      method: 'post',
      pattern: list,
      needs: { action: 'create', subject: uid },
      prepare: async () => ({ params: { model: uid }, body: await sampleData(uid), state: entryState(uid) }),
    },
    {
      method: 'put',
      pattern: one,
      needs: { action: 'update', subject: uid },
      prepare: async (admin, ownerId) => {
        const { field, value } = sampleChange(uid);
        return { ...(await onOne(admin, ownerId)), body: { [field]: value } };
      },
      othersEntry: 403,
    },
    { method: 'delete', pattern: one, needs: { action: 'delete', subject: uid }, prepare: onOne, othersEntry: 403 },
    {
      // A copy shows what it was copied from: only of an entry the admin may read.
      method: 'post',
      pattern: `${list}/clone/:sourceId`,
      needs: { action: 'create', subject: uid },
      prepare: async (admin, ownerId) => {
        const { params, state } = await onOne(admin, ownerId);
        return { params: { model: uid, sourceId: params.documentId }, body: await sampleData(uid), state };
      },
      othersEntry: 403,
    },
    {
      method: 'post',
      pattern: `${list}/actions/bulkDelete`,
      needs: { action: 'delete', subject: uid },
      prepare: async (admin, ownerId) => {
        const { params, state } = await onOne(admin, ownerId);
        return { params: { model: uid }, body: { documentIds: [params.documentId] }, state };
      },
      othersEntry: 403,
    },
    ...(schemaOf(uid).options?.draftAndPublish
      ? (['publish', 'unpublish'] as const).map((action) => ({
          method: 'post' as const,
          pattern: `${one}/actions/${action}`,
          needs: { action: 'publish' as const, subject: uid },
          prepare: async (admin: Admin, ownerId: number) => {
            const entry = await onOne(admin, ownerId);
            if (action === 'unpublish') await publish(uid, entry.params.documentId);
            return { ...entry, body: {} };
          },
          othersEntry: 403,
        }))
      : []),
  ];
}

/** The content manager's preview link for an article (our policy on Strapi's route). */
const previewRoute: Route = {
  method: 'get',
  pattern: '/content-manager/preview/url/:model',
  needs: { action: 'read', subject: ARTICLE },
  prepare: async (_admin, ownerId) => {
    const documentId = await newEntry(ARTICLE, ownerId);
    return { params: { model: ARTICLE }, state: entryState(ARTICLE, documentId), documentId };
  },
  othersEntry: 403,
  refusal: /^You may not read article entries, so you may not preview them$/,
};

// ---- The tries --------------------------------------------------------------------------------

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
});

/** How far the role's rights reach on the route: the first of its rights the role has. */
const reachOf = (route: Route, code: RoleCode) =>
  [route.needs, ...(route.orNeeds ?? [])]
    .map((right) => ROLE_MATRIX[right.subject]?.[code]?.[right.action])
    .find(Boolean);
const allowedRoles = (route: Route) => Object.values(ROLES).filter((code) => reachOf(route, code));
const refusedRoles = (route: Route) => Object.values(ROLES).filter((code) => !reachOf(route, code));
const superAdminId = () => admins[ROLES.superAdmin].id;

/** Prepares a try; the preview route takes its documentId in the query. */
async function prepared(route: Route, admin: Admin, ownerId: number): Promise<{ route: Route; attempt: Try }> {
  const attempt = (await route.prepare(admin, ownerId)) as Try & { documentId?: string };
  if (attempt.documentId) return { route: { ...route, query: { documentId: attempt.documentId } }, attempt };
  return { route, attempt };
}

/**
 * Refused: the canonical path, each other spelling and the shaping headers all get the same 4xx
 * (`status`) with the same body, carrying no entry, and nothing changes.
 */
async function expectRefusedEverywhere(
  route: Route,
  admin: Admin | null,
  ownerId: number,
  status: number,
  message = /./,
) {
  const { route: tried, attempt } = await prepared(route, admin ?? admins[ROLES.superAdmin], ownerId);
  const auth = admin ? admin.headers : {};
  const before = await attempt.state();
  const canonical = await send(tried, pathOf(tried.pattern, attempt.params), attempt, auth);
  const who = admin?.code ?? 'no token';
  expect(canonical.status, `${who}: ${canonical.text}`).toBe(status);
  expect(canonical.body.data ?? null, who).toBeNull();
  expect(canonical.body.results, who).toBeUndefined();
  expect(canonical.body.error?.message, who).toMatch(message);
  for (const [name, spell] of SPELLINGS) {
    const spelled = await send(tried, pathOf(tried.pattern, attempt.params, spell), attempt, auth);
    expect(answerOf(spelled), `${who}, ${name}`).toEqual(answerOf(canonical));
  }
  const shaped = await send(tried, pathOf(tried.pattern, attempt.params), attempt, { ...auth, ...SHAPING_HEADERS });
  expect(answerOf(shaped), `${who}, shaping headers`).toEqual(answerOf(canonical));
  expect(await attempt.state(), `${who} changed something`).toEqual(before);
}

/**
 * Allowed: a read answers the same, byte for byte, whatever the spelling and the shaping headers;
 * a write (each on a fresh entry, made just before it) succeeds the same way spelled otherwise,
 * and with the headers its answer keeps the canonical shape.
 */
async function expectAllowedEverywhere(route: Route, admin: Admin) {
  const isRead = route.method === 'get';
  const once = await prepared(route, admin, admin.id);
  /** Sends a try of `route` on the path spelled by `spell`, with `headers` besides the admin's. */
  const tryIt = async (spell?: (word: string) => string, headers: Record<string, string> = {}) => {
    const { route: tried, attempt } = isRead ? once : await prepared(route, admin, admin.id);
    return send(tried, pathOf(tried.pattern, attempt.params, spell), attempt, { ...admin.headers, ...headers });
  };
  const shapeOf = (response: Response) => ({
    status: response.status,
    keys: Object.keys(response.body ?? {}).sort(),
    dataKeys: Object.keys(response.body?.data ?? {}).sort(),
  });
  const same = (response: Response, canonical: Response, what: string) => {
    if (isRead) expect(answerOf(response), what).toEqual(answerOf(canonical));
    else expect(shapeOf(response), what).toEqual(shapeOf(canonical));
  };

  const canonical = await tryIt();
  expect(canonical.status, `${admin.code}: ${canonical.text}`).toBeGreaterThanOrEqual(200);
  expect(canonical.status, `${admin.code}: ${canonical.text}`).toBeLessThan(300);
  for (const [name, spell] of SPELLINGS) same(await tryIt(spell), canonical, `${admin.code}, ${name}`);
  same(await tryIt(undefined, SHAPING_HEADERS), canonical, `${admin.code}, shaping headers`);
}

function describeRoutes(title: string, routes: () => Route[]) {
  describe(title, () => {
    // The routes are known at collection time from their patterns; their tries are made in the tests.
    for (const route of routes()) {
      const placeholders = { documentId: ':documentId', version: ':version', sourceId: ':sourceId' };
      const name = `${route.method.toUpperCase()} ${pathOf(route.pattern, { model: route.needs.subject, ...placeholders })}`;
      describe(name, () => {
        it('answers 401 without a token, whatever the spelling and headers', async () => {
          await expectRefusedEverywhere(route, null, superAdminId(), 401);
        });

        for (const code of refusedRoles(route)) {
          it(`refuses ${code} the same way whatever the spelling and headers, and changes nothing`, async () => {
            await expectRefusedEverywhere(route, admins[code], superAdminId(), 403, route.refusal);
          });
        }

        for (const code of allowedRoles(route)) {
          if (route.othersEntry && reachOf(route, code) === 'own') {
            it(`refuses ${code} on someone else's entry the same way whatever the spelling and headers`, async () => {
              await expectRefusedEverywhere(route, admins[code], superAdminId(), route.othersEntry!);
            });
          }
          it(`lets ${code} through the same way whatever the spelling; the headers reshape nothing`, async () => {
            await expectAllowedEverywhere(route, admins[code]);
          });
        }
      });
    }
  });
}

describe('the admin routes this project adds', () => {
  it('are all declared in src/admin-routes.ts, and each is walked below', () => {
    const declaring: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|js)$/.test(entry.name) && /type:\s*['"]admin['"]/.test(readFileSync(path, 'utf8'))) {
          declaring.push(relative(join(__dirname, '..'), path));
        }
      }
    };
    walk(join(__dirname, '..', 'src'));
    expect(declaring).toEqual(['src/admin-routes.ts']);
    const walked = projectRoutes().map((route) => `${route.method.toUpperCase()} ${route.pattern}`);
    const declared = adminRoutes.routes.map((route) => `${route.method} ${adminRoutes.prefix}${route.path}`);
    expect(walked.sort()).toEqual(declared.sort());
  });
});

describeRoutes('project admin routes', projectRoutes);
for (const uid of Object.keys(ROLE_MATRIX)) describeRoutes(`content manager: ${uid}`, () => contentManagerRoutes(uid));
describeRoutes('content manager: preview link', () => [previewRoute]);

describe("a content type's uid", () => {
  it('is data: spelled in another case it names no content type, for the Super Admin too, and is never a 5xx', async () => {
    const superAdmin = admins[ROLES.superAdmin].headers;
    for (const path of [
      '/content-manager/collection-types/API::ARTICLE.ARTICLE',
      '/content-manager/collection-types/Api::Redirect.Redirect',
      '/content-manager/single-types/API::GLOBAL.GLOBAL',
      '/content-manager/preview/url/API::ARTICLE.ARTICLE?documentId=x',
    ]) {
      const response = await request.get(path).set(superAdmin);
      expect(response.status, `${path}: ${response.text}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${path}: ${response.text}`).toBeLessThan(500);
    }
  });
});
