import { factories } from '@strapi/strapi';
import { coreRouterConfig } from '../../../platform/gate/public-routes';

export default factories.createCoreRouter('api::comment.comment', { config: coreRouterConfig('api::comment.comment') });
