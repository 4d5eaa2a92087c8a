/**
 * Strapi's admin::hasPermissions check for our admin routes (src/admin-routes.ts), with a
 * refusal that names the missing right: Strapi's own answers a bare "Policy Failed". With several
 * rights listed, any one of them lets the admin in (the Subscribers screen's counts: whoever may
 * read subscribers or publish articles).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from '../utils/http';

interface Config {
  actions: Array<{ action: string; subject: string }>;
}
type Policy = (ctx: Context, config: Config, extra: { strapi: Core.Strapi }) => boolean | Promise<boolean>;

export default async (ctx: Context, config: Config, { strapi }: { strapi: Core.Strapi }) => {
  const hasPermissions = strapi.get('policies').get('admin::hasPermissions') as { handler: Policy } | Policy;
  const check = typeof hasPermissions === 'function' ? hasPermissions : hasPermissions.handler;
  const eachRight = config.actions.length ? config.actions.map((right) => ({ ...config, actions: [right] })) : [config];
  for (const one of eachRight) if (await check(ctx, one, { strapi })) return true;
  const missing = config.actions.map(
    ({ action, subject }) => `${action.split('.').pop()} ${subject.split('.').pop()} entries`,
  );
  throw new errors.PolicyError(`You may not ${missing.join(' or ')} (your role has no such right)`);
};
