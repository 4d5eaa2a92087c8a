/**
 * Admin roles beyond the super admin:
 * - Editor (Strapi's own role) may also moderate comments and edit the spam word list. It never
 *   sees enquiries (names, e-mails, phone numbers, internal notes), which Strapi grants it for
 *   every content type.
 * - Enquiry staff may read enquiries and update their handling status and notes, nothing else:
 *   no articles, no publishing.
 * - Author (Strapi's own role) writes articles only: it never sees enquiries or comments, which
 *   Strapi would otherwise grant it for the entries it created.
 * Missing permissions are added at each start; others an admin adds by hand are kept.
 */
import type { Core } from '@strapi/strapi';

const EXPLORER = 'plugin::content-manager.explorer';
export const ENQUIRY_STAFF_ROLE = {
  code: 'enquiry-staff',
  name: 'Enquiry staff',
  description: 'Handles enquiries from the site; cannot edit or publish articles.',
};

function fieldsOf(strapi: Core.Strapi, uid: string): string[] {
  return Object.keys(
    (strapi.getModel as (u: string) => { attributes: Record<string, unknown> })(uid).attributes,
  ).filter(
    (name) =>
      ![
        'createdAt',
        'updatedAt',
        'publishedAt',
        'createdBy',
        'updatedBy',
        'locale',
        'localizations',
        'documentId',
      ].includes(name),
  );
}

function permissions(strapi: Core.Strapi, uid: string, actions: string[]) {
  return actions.map((action) => ({
    action: `${EXPLORER}.${action}`,
    subject: uid,
    properties: ['read', 'update', 'create'].includes(action) ? { fields: fieldsOf(strapi, uid) } : {},
    conditions: [],
  }));
}

/** Removes every permission of `roleId` on the content types `uids`. */
async function revokePermissions(strapi: Core.Strapi, roleId: number, uids: string[]) {
  await strapi.db.query('admin::permission').deleteMany({ where: { role: roleId, subject: { $in: uids } } });
}

async function ensurePermissions(strapi: Core.Strapi, roleId: number, wanted: ReturnType<typeof permissions>) {
  const existing = await strapi.db.query('admin::permission').findMany({ where: { role: roleId } });
  const missing = wanted.filter((p) => !existing.some((e) => e.action === p.action && e.subject === p.subject));
  if (missing.length) await strapi.service('admin::role').addPermissions(roleId, missing);
}

export async function applyAdminRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role');

  const editor = await roles.findOne({ code: 'strapi-editor' });
  if (editor) {
    await revokePermissions(strapi, editor.id, ['api::enquiry.enquiry']);
    await ensurePermissions(strapi, editor.id, [
      ...permissions(strapi, 'api::comment.comment', ['read', 'update']),
      ...permissions(strapi, 'api::moderation-setting.moderation-setting', ['read', 'update']),
    ]);
  }

  const author = await roles.findOne({ code: 'strapi-author' });
  if (author) {
    await revokePermissions(strapi, author.id, [
      'api::enquiry.enquiry',
      'api::comment.comment',
      'api::moderation-setting.moderation-setting',
    ]);
  }

  const staff = (await roles.findOne({ code: ENQUIRY_STAFF_ROLE.code })) ?? (await roles.create(ENQUIRY_STAFF_ROLE));
  await ensurePermissions(strapi, staff.id, permissions(strapi, 'api::enquiry.enquiry', ['read', 'update']));
}
