import { factories } from '@strapi/strapi';
import { coreRouterConfig } from '../../../public-api/routes';

export default factories.createCoreRouter('api::global.global', { config: coreRouterConfig('api::global.global') });
