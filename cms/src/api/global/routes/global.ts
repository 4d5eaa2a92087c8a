import { factories } from '@strapi/strapi';
import { guardedReads } from '../../../utils/public-routes';

export default factories.createCoreRouter('api::global.global', { config: guardedReads('api::global.global', ['find']) });
