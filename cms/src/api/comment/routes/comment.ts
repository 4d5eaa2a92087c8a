import { factories } from '@strapi/strapi';
import { publicCreate, publicReads } from '../../../utils/public-routes';

export default factories.createCoreRouter('api::comment.comment', {
  config: { ...publicReads('api::comment.comment'), ...publicCreate('api::comment.comment', 'comments') },
});
