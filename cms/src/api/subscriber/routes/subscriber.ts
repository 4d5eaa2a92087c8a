import { factories } from '@strapi/strapi';
import { coreRouterConfig } from '../../../platform/gate/public-routes';

// Subscribers are never read by the public: the core routes answer 403 to visitors.
export default factories.createCoreRouter('api::subscriber.subscriber', {
  config: coreRouterConfig('api::subscriber.subscriber'),
});
