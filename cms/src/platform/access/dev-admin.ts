/**
 * In development only, the first start creates a super admin from ADMIN_EMAIL / ADMIN_PASSWORD
 * (defaults in the README) so a newcomer can log in at once. Never in production.
 */
import type { Core } from '@strapi/strapi';
import { isProduction } from '../utils/secrets';

export const DEV_ADMIN = { email: 'admin@example.org', password: 'Admin12345' };

export async function createDevAdmin(strapi: Core.Strapi): Promise<void> {
  if (isProduction()) return;
  const users = strapi.service('admin::user');
  if (await users.exists()) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) return;
  const email = process.env.ADMIN_EMAIL || DEV_ADMIN.email;
  await users.create({
    email,
    firstname: 'Site',
    lastname: 'Admin',
    password: process.env.ADMIN_PASSWORD || DEV_ADMIN.password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  strapi.log.info(`Development admin created: log in at /admin as ${email}`);
}
