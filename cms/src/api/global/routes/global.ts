import { factories } from '@strapi/strapi';
import { coreRouterConfig } from '../../../platform/gate/public-routes';

export default factories.createCoreRouter('api::global.global', { config: coreRouterConfig('api::global.global') });
