/**
 * Admin panel customisation: English only, no tutorials or release notifications, and screens of
 * our own in the main menu: the comment moderation queue, the enquiries CSV export and the articles
 * due for a medical review.
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import { Clock, Discuss, Download } from '@strapi/icons';
import { ADMIN_SCREENS } from '@medblog/shared';

export default {
  config: {
    locales: ['en'],
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // /admin/moderation: the link in moderators' e-mails (moderationScreenPath in @medblog/shared).
    app.addMenuLink({
      to: ADMIN_SCREENS.moderation,
      icon: Discuss,
      intlLabel: { id: 'medblog.moderation.menu', defaultMessage: 'Moderation' },
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::comment.comment' }],
      position: 2,
      Component: () => import('./pages/ModerationPage'),
    });
    app.addMenuLink({
      to: ADMIN_SCREENS.enquiryExport,
      icon: Download,
      intlLabel: { id: 'medblog.enquiry-export.menu', defaultMessage: 'Export enquiries' },
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::enquiry.enquiry' }],
      position: 3,
      Component: () => import('./pages/EnquiryExportPage'),
    });
    app.addMenuLink({
      to: ADMIN_SCREENS.reviewsDue,
      icon: Clock,
      intlLabel: { id: 'medblog.reviews-due.menu', defaultMessage: 'Reviews due' },
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::article.article' }],
      position: 4,
      Component: () => import('./pages/ReviewsDuePage'),
    });
  },
  bootstrap() {},
};
