/**
 * The admin endpoints under /medblog, declared as Strapi's admin and its plugins declare theirs:
 * route data naming a controller action, behind `admin::isAuthenticatedAdmin` and Strapi's
 * `admin::hasPermissions` (through global::content-manager-right, whose refusal names the right).
 * The controllers (src/api/medblog/controllers) then apply the content manager's permission
 * checker, so role conditions and field rules hold there too.
 */
const COMMENT = 'api::comment.comment';
const ENQUIRY = 'api::enquiry.enquiry';
const ARTICLE = 'api::article.article';

function allowedTo(action: 'read' | 'update', subject: string) {
  return {
    policies: [
      'admin::isAuthenticatedAdmin',
      {
        name: 'global::content-manager-right',
        config: { actions: [{ action: `plugin::content-manager.explorer.${action}`, subject }] },
      },
    ],
  };
}

export const adminRoutes = {
  type: 'admin',
  prefix: '/medblog',
  routes: [
    { method: 'GET', path: '/comments', handler: 'api::medblog.moderation.queue', config: allowedTo('read', COMMENT) },
    {
      method: 'POST',
      path: '/comments/moderate',
      handler: 'api::medblog.moderation.moderate',
      config: allowedTo('update', COMMENT),
    },
    {
      // A reply as staff publishes (and approves its parent): the moderation right is needed.
      method: 'POST',
      path: '/comments/:documentId/replies',
      handler: 'api::comment.staff-reply.create',
      config: allowedTo('update', COMMENT),
    },
    {
      method: 'GET',
      path: '/enquiries/count',
      handler: 'api::medblog.enquiry-export.count',
      config: allowedTo('read', ENQUIRY),
    },
    {
      method: 'GET',
      path: '/enquiries/export',
      handler: 'api::medblog.enquiry-export.export',
      config: allowedTo('read', ENQUIRY),
    },
    {
      method: 'GET',
      path: '/articles/:documentId/versions',
      handler: 'api::medblog.article-history.list',
      config: allowedTo('read', ARTICLE),
    },
    {
      method: 'GET',
      path: '/articles/:documentId/versions/compare',
      handler: 'api::medblog.article-history.compare',
      config: allowedTo('read', ARTICLE),
    },
    {
      method: 'POST',
      path: '/articles/:documentId/versions/:version/restore',
      handler: 'api::medblog.article-history.restore',
      config: allowedTo('update', ARTICLE),
    },
  ],
};
