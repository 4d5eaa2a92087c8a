/** Admin users of each role, logged in, for the tests of admin-only endpoints. */
import { api, bootStrapi } from './strapi';
import { DEV_ADMIN } from '../../src/platform/access/dev-admin';
import { ENQUIRY_STAFF_ROLE } from '../../src/platform/access/admin-roles';

const PASSWORD = 'Tester12345';

async function login(email: string, password: string): Promise<string> {
  const request = await api();
  const response = await request.post('/admin/login').send({ email, password });
  if (response.status !== 200) throw new Error(`Login as ${email} failed: ${response.status}`);
  return response.body.data.token;
}

/** Creates an active admin user with the role `roleId` and logs in as them. */
export async function loginAsNewUser(email: string, roleId: number): Promise<string> {
  const strapi = await bootStrapi();
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: 'User',
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [roleId],
  });
  return login(email, PASSWORD);
}

/**
 * A new admin user with the role `code`, logged in, as request headers. Each caller gets a user of
 * its own: the admin login allows only a few logins per e-mail address in 5 minutes.
 */
export async function newAdminHeaders(code: string, name: string): Promise<{ Authorization: string }> {
  const role = await (await bootStrapi()).service('admin::role').findOne({ code });
  return { Authorization: `Bearer ${await loginAsNewUser(`${name}-${Date.now()}@example.org`, role.id)}` };
}

/** A logged-in admin with the role `code` (created on first use); the super admin for 'strapi-super-admin'. */
export async function adminToken(
  code: 'strapi-super-admin' | 'strapi-editor' | 'strapi-author' | typeof ENQUIRY_STAFF_ROLE.code,
): Promise<string> {
  if (code === 'strapi-super-admin') return login(DEV_ADMIN.email, DEV_ADMIN.password);
  const strapi = await bootStrapi();
  const email = `${code}@example.org`;
  if (await strapi.db.query('admin::user').findOne({ where: { email } })) return login(email, PASSWORD);
  const role = await strapi.service('admin::role').findOne({ code });
  return loginAsNewUser(email, role.id);
}
