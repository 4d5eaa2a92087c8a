import { factories } from '@strapi/strapi';
import { publicReads } from '../../../utils/public-routes';

export default factories.createCoreRouter('api::author.author', { config: publicReads('api::author.author') });
