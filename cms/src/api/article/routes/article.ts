import { factories } from '@strapi/strapi';
import { coreRouterConfig } from '../../../platform/gate/public-routes';

export default factories.createCoreRouter('api::article.article', { config: coreRouterConfig('api::article.article') });
