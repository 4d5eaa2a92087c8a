import { factories } from '@strapi/strapi';
import { guardedReads } from '../../../utils/public-routes';

export default factories.createCoreRouter('api::comment.comment', {
  config: {
    ...guardedReads('api::comment.comment'),
    create: { middlewares: [{ name: 'global::rate-limit', config: { name: 'comments' } }] },
  },
});
