import { factories } from '@strapi/strapi';
import { coreRouterConfig } from '../../../platform/gate/public-routes';

export default factories.createCoreRouter('api::category.category', {
  config: coreRouterConfig('api::category.category'),
});
