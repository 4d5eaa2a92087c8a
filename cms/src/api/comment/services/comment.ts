import { factories } from '@strapi/strapi';
import { commentService } from '../../../features/comments/server/comments';

export default factories.createCoreService('api::comment.comment', ({ strapi }) => commentService(strapi));
