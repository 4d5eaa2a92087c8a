import type { Core } from '@strapi/strapi';

/** Koa's request context and `next`, as Strapi hands them to middlewares and controllers. */
export type Context = Parameters<Core.MiddlewareHandler>[0];
export type Next = Parameters<Core.MiddlewareHandler>[1];

/** Answers with Strapi's error body (what its error middleware sends), without passing on. */
export function sendError(ctx: Context, status: number, name: string, message: string, details: object = {}) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details } };
}
