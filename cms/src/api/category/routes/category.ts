import { factories } from '@strapi/strapi';
import { guardedReads } from '../../../utils/public-routes';

export default factories.createCoreRouter('api::category.category', { config: guardedReads('api::category.category') });
