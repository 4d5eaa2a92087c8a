/**
 * The role matrix (src/platform/access/role-matrix.ts), cell by cell: a real admin user of each role
 * tries every content-manager action on each of our content types over HTTP. What the cell grants
 * succeeds on the entries it reaches (all, or only the user's own); everything else is a 403 that
 * changes nothing. A cell added to the matrix is tested here without a new line of test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import type { Response } from 'supertest';
import { contentTypes } from '@strapi/utils';
import { api, bootStrapi } from './helpers/strapi';
import {
  type Admin,
  adminOfEachRole,
  contentManagerPath,
  ensureSingleType,
  hasDraftStage,
  isPublished,
  isSingleType,
  newEntry,
  removeSingleType,
  sampleChange,
  sampleData,
  storedEntry,
} from './helpers/content-manager';
import {
  type Cell,
  type Reach,
  type RoleCode,
  matrixProblems,
  ROLE_MATRIX,
  ROLES,
} from '../src/platform/access/role-matrix';
import { applyAdminRoles } from '../src/platform/access/admin-roles';

let strapi: Core.Strapi;
let request: Awaited<ReturnType<typeof api>>;
const admins = adminOfEachRole('matrix');

type Model = { kind: string; options?: { draftAndPublish?: boolean }; attributes: Record<string, Attribute> };
type Attribute = { type: string; private?: boolean };
const model = (uid: string) => (strapi.getModel as (u: string) => Model)(uid);

beforeAll(async () => {
  strapi = await bootStrapi();
  request = await api();
});

/** Strapi's refusal: a 403 carrying no entry. */
function expectRefused(response: Response, what: string) {
  expect(response.status, `${what}: ${JSON.stringify(response.body)}`).toBe(403);
  expect(response.body.data ?? null, what).toBeNull();
  expect(response.body.results, what).toBeUndefined();
}

/** Whether an action granted with `reach` covers an entry, the admin's own or someone else's. */
const reaches = (reach: Reach | undefined, own: boolean) =>
  reach === 'all' || reach === 'public-fields' || (reach === 'own' && own);

/** The private fields the project declares (the content manager shows them; the public API does not). */
const privateFields = (uid: string) => {
  const system = contentTypes.getNonVisibleAttributes(model(uid) as never);
  return Object.entries(model(uid).attributes)
    .filter(([name, attribute]) => attribute.private && attribute.type !== 'relation' && !system.includes(name))
    .map(([name]) => name);
};

async function checkCollectionType(uid: string, admin: Admin, cell: Cell) {
  const as = admin.headers;
  const entries = { own: await newEntry(uid, admin.id), other: await newEntry(uid, admins[ROLES.superAdmin].id) };
  const label = (action: string, whose?: string) => `${admin.code} ${action} ${uid}${whose ? ` (${whose})` : ''}`;

  // Read: the list and each entry.
  const list = await request
    .get(contentManagerPath(strapi, uid))
    .query({ filters: { documentId: { $in: [entries.own, entries.other] } } })
    .set(as);
  if (!cell.read) expectRefused(list, label('list'));
  else {
    expect(list.status, label('list')).toBe(200);
    const listed = (list.body.results as Array<{ documentId: string }>).map((entry) => entry.documentId);
    expect(listed.sort(), label('list')).toEqual(
      Object.entries(entries)
        .filter(([whose]) => reaches(cell.read, whose === 'own'))
        .map(([, documentId]) => documentId)
        .sort(),
    );
  }
  for (const [whose, documentId] of Object.entries(entries)) {
    const response = await request.get(contentManagerPath(strapi, uid, documentId)).set(as);
    if (!reaches(cell.read, whose === 'own')) {
      expectRefused(response, label('read', whose));
      continue;
    }
    expect(response.status, label('read', whose)).toBe(200);
    const shown = Object.keys(response.body.data);
    for (const field of privateFields(uid)) {
      if (cell.read === 'public-fields') expect(shown, label('read', whose)).not.toContain(field);
      else expect(shown, label('read', whose)).toContain(field);
    }
  }

  // Create.
  const before = await strapi.db.query(uid as never).count();
  const created = await request
    .post(contentManagerPath(strapi, uid))
    .send(await sampleData(uid))
    .set(as);
  if (cell.create) {
    expect(created.status, label('create')).toBe(201);
    const stored = await strapi.db
      .query(uid as never)
      .findOne({ where: { documentId: created.body.data.documentId }, populate: ['createdBy'] });
    expect(stored.createdBy.id, label('create')).toBe(admin.id);
  } else {
    expectRefused(created, label('create'));
    expect(await strapi.db.query(uid as never).count(), label('create')).toBe(before);
  }

  // Update.
  for (const [whose, documentId] of Object.entries(entries)) {
    const { field, value } = sampleChange(uid);
    const response = await request
      .put(contentManagerPath(strapi, uid, documentId))
      .send({ [field]: value })
      .set(as);
    const stored = await storedEntry(uid, documentId);
    if (reaches(cell.update, whose === 'own')) {
      expect(response.status, label('update', whose)).toBe(200);
      expect(stored?.[field], label('update', whose)).toBe(value);
    } else {
      expectRefused(response, label('update', whose));
      expect(stored?.[field], label('update', whose)).not.toBe(value);
    }
  }

  // Publish, where the type has a draft stage.
  if (hasDraftStage(strapi, uid)) {
    for (const [whose, documentId] of Object.entries(entries)) {
      const response = await request
        .post(`${contentManagerPath(strapi, uid, documentId)}/actions/publish`)
        .send({})
        .set(as);
      if (reaches(cell.publish, whose === 'own')) {
        expect(response.status, `${label('publish', whose)}: ${JSON.stringify(response.body)}`).toBe(200);
        expect(await isPublished(uid, documentId), label('publish', whose)).toBe(true);
      } else {
        expectRefused(response, label('publish', whose));
        expect(await isPublished(uid, documentId), label('publish', whose)).toBe(false);
      }
    }
  }

  // Delete.
  for (const [whose, documentId] of Object.entries(entries)) {
    const response = await request.delete(contentManagerPath(strapi, uid, documentId)).set(as);
    const left = await strapi.db.query(uid as never).count({ where: { documentId } });
    if (reaches(cell.delete, whose === 'own')) {
      expect(response.status, label('delete', whose)).toBe(200);
      expect(left, label('delete', whose)).toBe(0);
    } else {
      expectRefused(response, label('delete', whose));
      expect(left, label('delete', whose)).toBeGreaterThan(0);
    }
  }
}

async function checkSingleType(uid: string, admin: Admin, cell: Cell) {
  const as = admin.headers;
  const path = contentManagerPath(strapi, uid);
  const label = (action: string) => `${admin.code} ${action} ${uid}`;

  await ensureSingleType(uid);
  const read = await request.get(path).set(as);
  if (cell.read) expect(read.status, label('read')).toBe(200);
  else expectRefused(read, label('read'));

  // The content manager saves a single type with PUT: an update when it has an entry...
  const { field, value } = sampleChange(uid);
  const updated = await request
    .put(path)
    .send({ [field]: value })
    .set(as);
  if (cell.update) {
    expect(updated.status, label('update')).toBe(200);
    expect((await storedEntry(uid))?.[field], label('update')).toBe(value);
  } else {
    expectRefused(updated, label('update'));
    expect((await storedEntry(uid))?.[field], label('update')).not.toBe(value);
  }

  // ...and a create when it has none yet.
  await removeSingleType(uid);
  const created = await request
    .put(path)
    .send(await sampleData(uid))
    .set(as);
  if (cell.create) {
    expect(created.status, label('create')).toBe(200);
    expect(await storedEntry(uid), label('create')).not.toBeNull();
  } else {
    expectRefused(created, label('create'));
    expect(await storedEntry(uid), label('create')).toBeNull();
  }

  await ensureSingleType(uid);
  const deleted = await request.delete(path).set(as);
  if (cell.delete) {
    expect(deleted.status, label('delete')).toBe(200);
    expect(await storedEntry(uid), label('delete')).toBeNull();
  } else {
    expectRefused(deleted, label('delete'));
    expect(await storedEntry(uid), label('delete')).not.toBeNull();
  }
}

const describeCell = (cell: Cell) =>
  Object.entries(cell)
    .map(([action, reach]) => (reach === 'all' ? action : `${action} (${reach})`))
    .join(', ') || 'nothing';

describe('the role matrix', () => {
  it('has a row for each of our content types and only cells Strapi can apply', () => {
    const ours = Object.keys(strapi.contentTypes)
      .filter((uid) => uid.startsWith('api::'))
      .map((uid) => ({ uid, hasDraftStage: hasDraftStage(strapi, uid) }));
    expect(matrixProblems(ours)).toEqual([]);
  });

  for (const [uid, row] of Object.entries(ROLE_MATRIX)) {
    for (const [code, cell] of Object.entries(row) as Array<[RoleCode, Cell]>) {
      it(`${code} on ${uid}: ${describeCell(cell)}`, async () => {
        if (isSingleType(strapi, uid)) await checkSingleType(uid, admins[code], cell);
        else await checkCollectionType(uid, admins[code], cell);
      });
    }
  }
});

describe('each start', () => {
  it("takes back a right on our content types given by hand, and keeps other plugins' rights", async () => {
    const roles = strapi.service('admin::role');
    const author = await roles.findOne({ code: ROLES.author });
    await roles.addPermissions(author.id, [
      {
        action: 'plugin::content-manager.explorer.create',
        subject: 'api::redirect.redirect',
        properties: { fields: ['fromPath', 'toPath', 'code'] },
        conditions: [],
      },
      { action: 'plugin::content-type-builder.read', subject: null, properties: {}, conditions: [] },
    ]);
    const redirect = () =>
      request
        .post(contentManagerPath(strapi, 'api::redirect.redirect'))
        .send({ fromPath: `/by-hand-${Date.now()}`, toPath: '/articles' })
        .set(admins[ROLES.author].headers);
    expect((await redirect()).status).toBe(201);

    await applyAdminRoles(strapi);

    expectRefused(await redirect(), 'an Author creating a redirect after the start');
    const kept = await strapi.db
      .query('admin::permission')
      .count({ where: { role: author.id, action: 'plugin::content-type-builder.read' } });
    expect(kept).toBe(1);
    await strapi.db
      .query('admin::permission')
      .deleteMany({ where: { role: author.id, action: 'plugin::content-type-builder.read' } });
  });
});
