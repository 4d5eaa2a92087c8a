import { factories } from '@strapi/strapi';
import { coreRouterConfig } from '../../../platform/gate/public-routes';

export default factories.createCoreRouter('api::redirect.redirect', {
  config: coreRouterConfig('api::redirect.redirect'),
});
