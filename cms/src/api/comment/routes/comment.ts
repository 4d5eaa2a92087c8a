import { factories } from '@strapi/strapi';
import { coreRouterConfig } from '../../../public-api/routes';

export default factories.createCoreRouter('api::comment.comment', { config: coreRouterConfig('api::comment.comment') });
