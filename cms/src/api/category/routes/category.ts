import { factories } from '@strapi/strapi';
import { publicReads } from '../../../utils/public-routes';

export default factories.createCoreRouter('api::category.category', { config: publicReads('api::category.category') });
