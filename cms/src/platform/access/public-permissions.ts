/**
 * The public role (visitors without a login) may call exactly the routes of the public contract and
 * nothing more: read published content, the most-read list and search, count a page view, read
 * approved comments, look up a redirect, send a comment or an enquiry, read the API's description.
 * Anything else answers 403.
 * Applied at every start, so a permission ticked by hand in the admin does not survive a restart.
 */
import type { Core } from '@strapi/strapi';
import { PUBLIC_ACTIONS } from '@medblog/shared';

/** The actions of the public contract's routes (@medblog/shared, public-api.ts). */
export { PUBLIC_ACTIONS };

export async function applyPublicPermissions(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const role = await roles.findOne({ where: { type: 'public' }, populate: ['permissions'] });
  if (!role) throw new Error('The users-permissions public role is missing');

  const granted = role.permissions as Array<{ id: number; action: string }>;
  const wanted = new Set(PUBLIC_ACTIONS);
  const extra = granted.filter((permission) => !wanted.has(permission.action));
  if (extra.length) await permissions.deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });

  const present = new Set(granted.map((permission) => permission.action));
  for (const action of PUBLIC_ACTIONS) {
    if (!present.has(action)) await permissions.create({ data: { action, role: role.id } });
  }
}
