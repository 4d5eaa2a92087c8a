import { factories } from '@strapi/strapi';
import { publicReads } from '../../../utils/public-routes';

export default factories.createCoreRouter('api::global.global', {
  config: publicReads('api::global.global', 'single'),
});
