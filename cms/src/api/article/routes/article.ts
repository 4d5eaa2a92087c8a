import { factories } from '@strapi/strapi';
import { coreRouterConfig } from '../../../public-api/routes';

export default factories.createCoreRouter('api::article.article', { config: coreRouterConfig('api::article.article') });
