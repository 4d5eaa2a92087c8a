// Limits on what one visitor (an IPv4 address or an IPv6 /64) may send, per window.
import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  comments: { max: env.int('COMMENT_RATE_MAX', 5), windowSeconds: env.int('COMMENT_RATE_WINDOW_SECONDS', 600) },
  enquiries: { max: env.int('ENQUIRY_RATE_MAX', 5), windowSeconds: env.int('ENQUIRY_RATE_WINDOW_SECONDS', 3600) },
  // Page views: a reader opens a few pages a minute; a script opening hundreds meets 429.
  views: { max: env.int('VIEW_RATE_MAX', 60), windowSeconds: env.int('VIEW_RATE_WINDOW_SECONDS', 60) },
  // Public reads the response cache does not answer (src/platform/limits/read-limit.ts): a reader's
  // pages cost a few each, a flood of distinct URLs (every new search) meets 429.
  reads: { max: env.int('READ_RATE_MAX', 300), windowSeconds: env.int('READ_RATE_WINDOW_SECONDS', 60) },
  // Subscribing, per visitor and per address (however many visitors ask for it): a person
  // subscribes once or twice, a script trying addresses or flooding one inbox meets 429.
  subscriptions: {
    max: env.int('SUBSCRIBE_RATE_MAX', 10),
    windowSeconds: env.int('SUBSCRIBE_RATE_WINDOW_SECONDS', 3600),
  },
  subscriptionAddress: {
    max: env.int('SUBSCRIBE_ADDRESS_RATE_MAX', 3),
    windowSeconds: env.int('SUBSCRIBE_ADDRESS_RATE_WINDOW_SECONDS', 3600),
  },
  // The signed links (confirm, manage, leave, one-click unsubscribe): a reader opens a few.
  subscriptionLinks: {
    max: env.int('SUBSCRIPTION_LINK_RATE_MAX', 30),
    windowSeconds: env.int('SUBSCRIPTION_LINK_RATE_WINDOW_SECONDS', 600),
  },
  // The insight beacon (POST /api/insight): a page sends one or two (on leaving, after a search, an
  // answer to "Was this page helpful?"); a script sending hundreds meets 429.
  insight: { max: env.int('INSIGHT_RATE_MAX', 30), windowSeconds: env.int('INSIGHT_RATE_WINDOW_SECONDS', 60) },
  // A person needs a few seconds to fill in a form; a bot does not.
  minimumFillSeconds: env.int('MINIMUM_FILL_SECONDS', 3),
  maxLinksPerComment: env.int('MAX_LINKS_PER_COMMENT', 2),
});
