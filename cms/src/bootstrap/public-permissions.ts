/**
 * The public role (visitors without a login) may do exactly this and nothing more: read published
 * content, the most-read list and search, count a page view, read approved comments, look up a redirect,
 * send a comment or an enquiry. Anything else answers 403.
 * Applied at every start, so a permission ticked by hand in the admin does not survive a restart.
 */
import type { Core } from '@strapi/strapi';

export const PUBLIC_ACTIONS = [
  'api::article.article.find',
  'api::article.article.findOne',
  'api::article.article.popular',
  'api::article.article.preview',
  'api::article.article.search',
  'api::article.article.view',
  'api::category.category.find',
  'api::category.category.findOne',
  'api::author.author.find',
  'api::author.author.findOne',
  'api::global.global.find',
  'api::redirect.redirect.find',
  'api::comment.comment.find',
  'api::comment.comment.create',
  'api::enquiry.enquiry.create',
];

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
