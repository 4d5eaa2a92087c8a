import { factories } from '@strapi/strapi';
import { coreRouterConfig } from '../../../public-api/routes';

export default factories.createCoreRouter('api::category.category', {
  config: coreRouterConfig('api::category.category'),
});
