import { factories } from '@strapi/strapi';
import { coreRouterConfig } from '../../../platform/gate/public-routes';

export default factories.createCoreRouter('api::author.author', { config: coreRouterConfig('api::author.author') });
