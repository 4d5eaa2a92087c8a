import { factories } from '@strapi/strapi';
import { subscribeInputSchema, subscriptionChangeInputSchema, subscriptionTokenInputSchema } from '@medblog/shared';
import { parseCreateBody, parseInput } from '../../../platform/utils/validation';
import { refuse } from '../../../platform/limits/rate-limit-middleware';
import { SUBSCRIBE_ACKNOWLEDGEMENT, type SubscriptionService } from '../../../features/newsletter/server/subscriptions';
import { managePageUrl } from '../../../features/newsletter/server/links';
import type { Context } from '../../../platform/utils/http';

/**
 * The public subscription routes (features/newsletter/server/subscriptions.ts). Answers hold an
 * address only for the holder of its signed link, and no one keeps them.
 */
export default factories.createCoreController('api::subscriber.subscriber', ({ strapi }) => {
  const service = () => strapi.service('api::subscriber.subscriber') as unknown as SubscriptionService;
  const private_ = (ctx: Context) => ctx.set('Cache-Control', 'no-store');

  return {
    async subscribe(ctx: Context) {
      const input = parseCreateBody(ctx.request.body, subscribeInputSchema);
      private_(ctx);
      const { waitSeconds } = await service().subscribe(input);
      if (waitSeconds) return refuse(ctx, waitSeconds, 'subscriptionAddress');
      ctx.status = 202;
      ctx.body = { data: SUBSCRIBE_ACKNOWLEDGEMENT };
    },

    async confirm(ctx: Context) {
      const { token } = parseCreateBody(ctx.request.body, subscriptionTokenInputSchema);
      private_(ctx);
      ctx.body = { data: await service().confirm(token) };
    },

    async settings(ctx: Context) {
      const { token } = parseCreateBody(ctx.request.body, subscriptionTokenInputSchema);
      private_(ctx);
      ctx.body = { data: await service().settings(token) };
    },

    async change(ctx: Context) {
      const input = parseCreateBody(ctx.request.body, subscriptionChangeInputSchema);
      private_(ctx);
      ctx.body = { data: await service().change(input) };
    },

    async leave(ctx: Context) {
      const { token } = parseCreateBody(ctx.request.body, subscriptionTokenInputSchema);
      private_(ctx);
      ctx.body = { data: await service().leave(token) };
    },

    /** RFC 8058: the mail provider's POST (`List-Unsubscribe=One-Click`) needs nothing but the token. */
    async unsubscribe(ctx: Context) {
      const { token } = parseInput(ctx.query, subscriptionTokenInputSchema);
      private_(ctx);
      ctx.body = { data: await service().leave(token) };
    },

    /** A GET never unsubscribes (link scanners open links): it leads to the site's manage page. */
    async unsubscribePage(ctx: Context) {
      const { token } = parseInput(ctx.query, subscriptionTokenInputSchema);
      private_(ctx);
      // No body, as the OpenAPI document says (Koa's redirect() would add an HTML one).
      ctx.status = 303;
      ctx.set('Location', managePageUrl(strapi, token));
      ctx.body = '';
    },
  };
});
