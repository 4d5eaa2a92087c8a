import { factories } from '@strapi/strapi';
import { publicReads } from '../../../utils/public-routes';

export default factories.createCoreRouter('api::redirect.redirect', { config: publicReads('api::redirect.redirect') });
