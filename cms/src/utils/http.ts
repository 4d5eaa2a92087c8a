import type { Core } from '@strapi/strapi';

/** Koa's request context and `next`, as Strapi hands them to middlewares and controllers. */
export type Context = Parameters<Core.MiddlewareHandler>[0];
export type Next = Parameters<Core.MiddlewareHandler>[1];
