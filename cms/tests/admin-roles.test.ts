/**
 * Least privilege, with real admin users of each role: moderators never see enquiries, enquiry
 * staff and authors never see comments, and a decision on a comment needs the right to change its
 * moderation status.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, bootStrapi } from './helpers/strapi';
import { adminToken, loginAsNewUser } from './helpers/admin';
import { publishedArticle, validComment, validEnquiry } from './helpers/fixtures';

let request: Awaited<ReturnType<typeof api>>;

beforeAll(async () => {
  request = await api();
  await request.post('/api/enquiries').send({ data: validEnquiry({ name: 'Private Applicant' }) });
});

const enquiries = '/content-manager/collection-types/api::enquiry.enquiry';
const comments = '/content-manager/collection-types/api::comment.comment';

/** A new pending comment; the Editor's, staff's or author's decision on it; its stored status after. */
async function decide(token: string, moderationStatus: 'approved' | 'rejected') {
  const article = await publishedArticle();
  const sent = await request.post('/api/comments').send({ data: validComment(article.documentId) });
  const { documentId } = sent.body.data;
  const strapi = await bootStrapi();
  const stored = () => strapi.db.query('api::comment.comment').findOne({ where: { documentId } });
  expect((await stored()).moderationStatus).toBe('pending');
  const response = await request
    .post('/medblog/comments/moderate')
    .set('Authorization', `Bearer ${token}`)
    .send({ documentIds: [documentId], moderationStatus });
  return { status: response.status, stored: (await stored()).moderationStatus as string };
}

async function statusOf(token: string, path: string) {
  const response = await request.get(path).set('Authorization', `Bearer ${token}`);
  if (response.status !== 200) expect(response.text).not.toContain('Private Applicant');
  return response.status;
}

describe('admin roles', () => {
  it('lets moderators (Editor) moderate comments but never read or export enquiries', async () => {
    const editor = await adminToken('strapi-editor');
    expect(await statusOf(editor, comments)).toBe(200);
    expect(await statusOf(editor, '/medblog/comments')).toBe(200);
    expect(await decide(editor, 'approved')).toEqual({ status: 200, stored: 'approved' });
    expect(await decide(editor, 'rejected')).toEqual({ status: 200, stored: 'rejected' });
    expect(await statusOf(editor, enquiries)).toBe(403);
    expect(await statusOf(editor, '/medblog/enquiries/export')).toBe(403);
  });

  it('lets enquiry staff work on enquiries and see no comments', async () => {
    const staff = await adminToken('enquiry-staff');
    expect(await statusOf(staff, enquiries)).toBe(200);
    expect(await statusOf(staff, '/medblog/enquiries/export')).toBe(200);
    expect(await statusOf(staff, comments)).toBe(403);
    expect(await statusOf(staff, '/medblog/comments')).toBe(403);
    expect(await decide(staff, 'approved')).toEqual({ status: 403, stored: 'pending' });
  });

  it('shows authors neither comments nor enquiries', async () => {
    const author = await adminToken('strapi-author');
    for (const path of [comments, '/medblog/comments', enquiries, '/medblog/enquiries/export']) {
      expect(await statusOf(author, path), path).toBe(403);
    }
    expect(await decide(author, 'approved')).toEqual({ status: 403, stored: 'pending' });
  });

  it('refuses a decision from a role that may edit comments but not their moderation status', async () => {
    const strapi = await bootStrapi();
    const fields = ['authorName', 'body'];
    const role = await strapi
      .service('admin::role')
      .create({ name: `Comment copy-editor ${Date.now()}`, description: 'Fixes typos only' });
    await strapi.service('admin::role').addPermissions(role.id, [
      {
        action: 'plugin::content-manager.explorer.read',
        subject: 'api::comment.comment',
        properties: { fields: [...fields, 'moderationStatus'] },
        conditions: [],
      },
      {
        action: 'plugin::content-manager.explorer.update',
        subject: 'api::comment.comment',
        properties: { fields },
        conditions: [],
      },
    ]);
    const token = await loginAsNewUser(`copy-editor-${Date.now()}@example.org`, role.id);
    const article = await publishedArticle();
    const pending = await request.post('/api/comments').send({ data: validComment(article.documentId) });
    const documentId = pending.body.data.documentId;

    const response = await request
      .post('/medblog/comments/moderate')
      .set('Authorization', `Bearer ${token}`)
      .send({ documentIds: [documentId], moderationStatus: 'approved' });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe('You may not change the moderation status of comments');
    expect((await strapi.db.query('api::comment.comment').findOne({ where: { documentId } })).moderationStatus).toBe(
      'pending',
    );
  });
});
