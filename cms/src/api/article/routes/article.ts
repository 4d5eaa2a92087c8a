import { factories } from '@strapi/strapi';
import { guardedReads } from '../../../utils/public-routes';

export default factories.createCoreRouter('api::article.article', { config: guardedReads('api::article.article') });
