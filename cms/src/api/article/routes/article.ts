import { factories } from '@strapi/strapi';
import { publicReads } from '../../../utils/public-routes';

export default factories.createCoreRouter('api::article.article', { config: publicReads('api::article.article') });
