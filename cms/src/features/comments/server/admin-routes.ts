/** The moderation screen's endpoints (under /medblog, see platform/access/admin-api.ts). */
import { allowedTo, type AdminRoute } from '../../../platform/access/admin-api';
import moderationQueue from './moderation-queue';
import staffReply from './staff-reply';

const COMMENT = 'api::comment.comment';

export const commentAdminRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/comments',
    controller: moderationQueue,
    action: 'queue',
    config: allowedTo('read', COMMENT),
  },
  {
    method: 'POST',
    path: '/comments/moderate',
    controller: moderationQueue,
    action: 'moderate',
    config: allowedTo('update', COMMENT),
  },
  {
    // A reply as staff publishes (and approves its parent): the moderation right is needed.
    method: 'POST',
    path: '/comments/:documentId/replies',
    controller: staffReply,
    action: 'create',
    config: allowedTo('update', COMMENT),
  },
];
