/** Admin users of each role, logged in, for the tests of admin-only endpoints. */
import { api, bootStrapi } from './strapi';
import { DEV_ADMIN } from '../../src/bootstrap/dev-admin';
import { ENQUIRY_STAFF_ROLE } from '../../src/bootstrap/admin-roles';

const PASSWORD = 'Tester12345';

async function login(email: string, password: string): Promise<string> {
  const request = await api();
  const response = await request.post('/admin/login').send({ email, password });
  if (response.status !== 200) throw new Error(`Login as ${email} failed: ${response.status}`);
  return response.body.data.token;
}

/** A logged-in admin with the role `code` (created on first use); the super admin for 'strapi-super-admin'. */
export async function adminToken(code: 'strapi-super-admin' | 'strapi-editor' | 'strapi-author' | typeof ENQUIRY_STAFF_ROLE.code): Promise<string> {
  if (code === 'strapi-super-admin') return login(DEV_ADMIN.email, DEV_ADMIN.password);
  const strapi = await bootStrapi();
  const email = `${code}@example.org`;
  if (!(await strapi.db.query('admin::user').findOne({ where: { email } }))) {
    const role = await strapi.service('admin::role').findOne({ code });
    await strapi.service('admin::user').create({ email, firstname: code, lastname: 'Tester', password: PASSWORD, isActive: true, registrationToken: null, roles: [role.id] });
  }
  return login(email, PASSWORD);
}
