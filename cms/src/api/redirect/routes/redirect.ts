import { factories } from '@strapi/strapi';
import { coreRouterConfig } from '../../../public-api/routes';

export default factories.createCoreRouter('api::redirect.redirect', {
  config: coreRouterConfig('api::redirect.redirect'),
});
