/**
 * The admin's content manager for the tests of admin roles: its paths for our content types, an
 * entry of each to try an action on, and a signed-in admin of each role.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Core, UID } from '@strapi/strapi';
import { api, bootStrapi } from './strapi';
import { newAdminHeaders } from './admin';
import { publishedArticle } from './fixtures';
import { ROLE_MATRIX, ROLES, type RoleCode } from '../../src/platform/access/role-matrix';

export interface Admin {
  code: RoleCode;
  id: number;
  headers: { Authorization: string };
}

/** A new admin user with the role `code`, signed in. */
export async function signedInAdmin(code: RoleCode, name: string): Promise<Admin> {
  const headers = await newAdminHeaders(code, name);
  const me = await (await api()).get('/admin/users/me').set(headers);
  return { code, id: me.body.data.id, headers };
}

export const isSingleType = (strapi: Core.Strapi, uid: string) =>
  (strapi.getModel as (u: string) => { kind: string })(uid).kind === 'singleType';

export const hasDraftStage = (strapi: Core.Strapi, uid: string) =>
  Boolean(
    (strapi.getModel as (u: string) => { options?: { draftAndPublish?: boolean } })(uid).options?.draftAndPublish,
  );

/** The content manager's path for `uid`, or for one of its entries. */
export function contentManagerPath(strapi: Core.Strapi, uid: string, documentId?: string): string {
  if (isSingleType(strapi, uid)) return `/content-manager/single-types/${uid}`;
  return `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;
}

type Stored = Record<string, unknown> & { documentId: string };
/** The Document Service for any of our content types: each test's data fits its own type. */
interface AnyDocuments {
  create(params: { data: unknown }): Promise<Stored>;
  findFirst(params?: { populate?: unknown }): Promise<Stored | null>;
  delete(params: { documentId: string }): Promise<unknown>;
}
const documents = (strapi: Core.Strapi, uid: string) =>
  strapi.documents(uid as UID.ContentType) as unknown as AnyDocuments;

let entryNumber = 0;

/**
 * Valid data for a new entry of `uid` (unique where the type wants it). A content type added to
 * the role matrix needs a line here.
 */
export async function sampleData(uid: string): Promise<Record<string, unknown>> {
  entryNumber += 1;
  const mark = `${Date.now().toString(36)}-${entryNumber}`;
  switch (uid) {
    case 'api::article.article':
      return { title: `Role test article ${mark}` };
    case 'api::category.category':
      return { name: `Role test category ${mark}`, slug: `role-test-category-${mark}` };
    case 'api::author.author':
      return { name: `Role test author ${mark}`, slug: `role-test-author-${mark}`, registrationNumber: `REG-${mark}` };
    case 'api::redirect.redirect':
      return { fromPath: `/role-test-${mark}`, toPath: '/articles', code: 'temporary-302' };
    case 'api::comment.comment':
      return {
        article: (await publishedArticle()).documentId,
        authorName: 'Role Test Reader',
        authorEmail: 'role-test@example.net',
        body: `A comment to try roles on (${mark}).`,
        moderationStatus: 'pending',
      };
    case 'api::enquiry.enquiry':
      return {
        name: 'Role Test Sender',
        email: 'role-test@example.net',
        topic: 'general',
        message: `An enquiry to try roles on (${mark}).`,
        consent: true,
      };
    case 'api::subscriber.subscriber':
      return { email: `role-test-${mark}@example.net`, frequency: 'weekly', subscriberStatus: 'pending', topics: [] };
    case 'api::article-revision.article-revision':
      return {
        articleDocumentId: `role-test-${mark}`,
        version: 1,
        action: 'save',
        snapshot: {},
        changedFields: [],
        editorName: 'Role Test',
      };
    case 'api::global.global':
      return { siteName: `Role test site ${mark}` };
    case 'api::moderation-setting.moderation-setting':
      return { blockedWords: `role-test-${mark}` };
    case 'api::editorial-setting.editorial-setting':
      return { versionsKeptPerArticle: 1000 + entryNumber };
    case 'api::newsletter-setting.newsletter-setting':
      return { senderName: `Role test ${mark}` };
    default:
      throw new Error(`No sample data for ${uid}: add it to tests/helpers/content-manager.ts`);
  }
}

/** A change to one field of an entry of `uid`, and that field, to see whether an update went through. */
export function sampleChange(uid: string): { field: string; value: string | number } {
  entryNumber += 1;
  const text = `Changed by a role test ${Date.now().toString(36)}-${entryNumber}`;
  const fields: Record<string, { field: string; value: string | number }> = {
    'api::article.article': { field: 'title', value: text },
    'api::category.category': { field: 'description', value: text },
    'api::author.author': { field: 'jobTitle', value: text.slice(0, 120) },
    'api::redirect.redirect': { field: 'toPath', value: `/changed-${entryNumber}` },
    'api::comment.comment': { field: 'authorName', value: `Changed ${entryNumber}` },
    'api::enquiry.enquiry': { field: 'internalNotes', value: text },
    'api::article-revision.article-revision': { field: 'editorName', value: text },
    'api::subscriber.subscriber': { field: 'frequency', value: 'each-article' },
    'api::global.global': { field: 'tagline', value: text },
    'api::moderation-setting.moderation-setting': { field: 'blockedWords', value: text },
    'api::editorial-setting.editorial-setting': { field: 'versionsKeptPerArticle', value: 2000 + entryNumber },
    'api::newsletter-setting.newsletter-setting': { field: 'senderName', value: text.slice(0, 80) },
  };
  const change = fields[uid];
  if (!change) throw new Error(`No sample change for ${uid}: add it to tests/helpers/content-manager.ts`);
  return change;
}

/**
 * A new entry of `uid` created through the Document Service (a draft where the type has drafts),
 * written down as created by the admin `creatorId` (for "own entries" conditions) or by nobody.
 */
export async function newEntry(uid: string, creatorId: number | null = null): Promise<string> {
  const strapi = await bootStrapi();
  const created = await documents(strapi, uid).create({ data: await sampleData(uid) });
  if (creatorId !== null) {
    await strapi.db
      .query(uid as never)
      .updateMany({ where: { documentId: created.documentId }, data: { createdBy: creatorId } });
  }
  return created.documentId;
}

/** The stored draft (or only version) of an entry, or null when there is none. */
export async function storedEntry(uid: string, documentId?: string): Promise<Record<string, unknown> | null> {
  const strapi = await bootStrapi();
  const where: Record<string, unknown> = documentId ? { documentId } : {};
  if (hasDraftStage(strapi, uid)) where.publishedAt = null;
  return strapi.db.query(uid as never).findOne({ where });
}

export async function isPublished(uid: string, documentId: string): Promise<boolean> {
  const strapi = await bootStrapi();
  return (await strapi.db.query(uid as never).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;
}

const NOT_INPUT = [
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
];

/** A stored entry as Document Service input: components without their ids, media by id. */
function asInput(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asInput);
  if (value === null || typeof value !== 'object') return value;
  const entry = value as Record<string, unknown>;
  if ('mime' in entry) return entry.id;
  return Object.fromEntries(
    Object.entries(entry)
      .filter(([key]) => !NOT_INPUT.includes(key))
      .map(([key, field]) => [key, asInput(field)]),
  );
}

/** What the single type `uid` holds now (null: nothing), to put back after a test changed it. */
export async function singleTypeSnapshot(uid: string): Promise<Record<string, unknown> | null> {
  const strapi = await bootStrapi();
  const populateBuilder = strapi.plugin('content-manager').service('populate-builder') as unknown as (uid: string) => {
    populateDeep(level: number): { build(): Promise<unknown> };
  };
  const populate = await populateBuilder(uid).populateDeep(Infinity).build();
  const stored = await documents(strapi, uid).findFirst({ populate });
  return stored ? (asInput(stored) as Record<string, unknown>) : null;
}

/** Removes the single type's entry, as a fresh install has none yet. */
export async function removeSingleType(uid: string): Promise<void> {
  const strapi = await bootStrapi();
  const stored = await documents(strapi, uid).findFirst();
  if (stored) await documents(strapi, uid).delete({ documentId: stored.documentId });
}

/** Puts the single type back as `snapshot` had it (a new entry; none for null). */
export async function restoreSingleType(uid: string, snapshot: Record<string, unknown> | null): Promise<void> {
  await removeSingleType(uid);
  if (snapshot) await documents(await bootStrapi(), uid).create({ data: snapshot });
}

/** Makes sure the single type has an entry to read, change or delete. */
export async function ensureSingleType(uid: string): Promise<void> {
  const strapi = await bootStrapi();
  if (!(await documents(strapi, uid).findFirst())) {
    await documents(strapi, uid).create({ data: await sampleData(uid) });
  }
}

/**
 * Remembers the entries of `uids` there are now; the function returned deletes every entry made
 * since (through the Document Service, as the admin would), so other test files find the demo
 * content as it was: /api/articles lists only demo articles, an article's comments fit a page.
 */
export async function deleteEntriesMadeFromNow(uids: string[]): Promise<() => Promise<void>> {
  const strapi = await bootStrapi();
  const documentIds = async (uid: string) =>
    new Set(
      ((await strapi.db.query(uid as never).findMany({ select: ['documentId'] })) as Array<{ documentId: string }>).map(
        (entry) => entry.documentId,
      ),
    );
  const before = new Map<string, Set<string>>();
  for (const uid of uids) before.set(uid, await documentIds(uid));
  return async () => {
    for (const uid of uids) {
      for (const documentId of await documentIds(uid)) {
        if (!before.get(uid)!.has(documentId)) await documents(strapi, uid).delete({ documentId });
      }
    }
  };
}

/**
 * For a test file that acts as each role on every content type of the matrix: signs in an admin of
 * each role before its tests and, after them, deletes the entries made meanwhile and puts the single
 * types back as they were, so other files find the demo content unchanged.
 */
export function adminOfEachRole(label: string): Record<RoleCode, Admin> {
  const admins = {} as Record<RoleCode, Admin>;
  const singleTypesBefore = new Map<string, Record<string, unknown> | null>();
  let deleteMadeEntries: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const strapi = await bootStrapi();
    const run = Date.now().toString(36);
    for (const code of Object.values(ROLES)) admins[code] = await signedInAdmin(code, `${label}-${code}-${run}`);
    const uids = Object.keys(ROLE_MATRIX);
    for (const uid of uids.filter((uid) => isSingleType(strapi, uid))) {
      singleTypesBefore.set(uid, await singleTypeSnapshot(uid));
    }
    deleteMadeEntries = await deleteEntriesMadeFromNow(uids.filter((uid) => !isSingleType(strapi, uid)));
  });
  afterAll(async () => {
    await deleteMadeEntries?.();
    for (const [uid, snapshot] of singleTypesBefore) await restoreSingleType(uid, snapshot);
  });
  return admins;
}
