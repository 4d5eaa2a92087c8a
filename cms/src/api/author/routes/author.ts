import { factories } from '@strapi/strapi';
import { guardedReads } from '../../../utils/public-routes';

export default factories.createCoreRouter('api::author.author', { config: guardedReads('api::author.author') });
