/**
 * Admin panel customisation: English only; no tutorials, release notifications, product banner or
 * guided tour; screens of our own in the main menu (the comment moderation queue, the enquiries
 * CSV export, the articles due for a medical review, the newsletter's subscribers and what readers
 * need); choices in words and dates day first in lists and edit views; side panels on the enquiry
 * form (received date, reply by e-mail) and the article form (its readers, its e-mail to
 * subscribers, its History); and the screen comparing an article's versions.
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import { Bell, TrendUp, Clock, Discuss, Download, Mail } from '@strapi/icons';
import { ADMIN_SCREENS } from '@medblog/shared';
import { EnquiryPanel } from '../features/enquiry/admin/components/EnquiryPanel';
import { HistoryPanel } from '../features/history/admin/components/HistoryPanel';
import { SeoPreviewPanel } from '../features/articles/admin/components/SeoPreviewPanel';
import { ArticleEmailPanel } from '../features/newsletter/admin/components/ArticleEmailPanel';
import { ReadersPanel } from '../features/insight/admin/components/ReadersPanel';
import { SEE_READERS } from '../features/insight/admin/lib/readers';
import { SEE_SUBSCRIBER_COUNTS } from '../features/newsletter/admin/lib/subscribers';
import { withReadableValues } from '../platform/admin/ListValues';
import { editViewInputs } from '../platform/admin/EditViewInputs';
import { VALUE_LABELS } from './value-labels';

// Strapi's guided tour for developers has no setting: it reads this key from the browser's storage.
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';

function turnOffGuidedTour() {
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(window.localStorage.getItem(GUIDED_TOUR_KEY) ?? '{}') ?? {};
  } catch {
    // unreadable: replaced below
  }
  window.localStorage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ ...stored, enabled: false }));
}

/**
 * Strapi's "Introducing the new Media Library" banner remembers a dismissal per project id: `false`
 * when the project sets none (as here), `undefined` while the admin is still loading.
 */
function dismissMediaLibraryBanner() {
  for (const legacy of [true, false]) {
    for (const projectId of [false, undefined]) {
      window.localStorage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${projectId}`, 'true');
    }
  }
}

export default {
  config: {
    locales: ['en'],
    // The sign-in page speaks of the work done here, not of Strapi.
    translations: {
      en: {
        'Auth.form.welcome.title': 'Welcome back',
        'Auth.form.welcome.subtitle': 'Sign in to write articles, moderate comments and answer enquiries',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', withReadableValues(VALUE_LABELS));
    // Edit views: dates day-month-year in every interface language, choices by their names.
    app.addFields(editViewInputs(VALUE_LABELS));
    // The home page opens on the work waiting for this person, not on the project's statistics.
    app.widgets.register((widgets) => [
      {
        id: 'waiting',
        icon: Bell,
        title: { id: 'medblog.waiting.title', defaultMessage: 'Waiting for you' },
        component: async () => (await import('./WaitingWidget')).WaitingWidget,
      },
      ...widgets.filter((widget) => widget.id !== 'key-statistics'),
    ]);
    // /admin/moderation: the link in moderators' e-mails (moderationScreenPath in @medblog/shared).
    app.addMenuLink({
      to: ADMIN_SCREENS.moderation,
      icon: Discuss,
      intlLabel: { id: 'medblog.moderation.menu', defaultMessage: 'Moderation' },
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::comment.comment' }],
      position: 2,
      Component: () => import('../features/comments/admin/pages/ModerationPage'),
    });
    app.addMenuLink({
      to: ADMIN_SCREENS.enquiryExport,
      icon: Download,
      intlLabel: { id: 'medblog.enquiry-export.menu', defaultMessage: 'Export enquiries' },
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::enquiry.enquiry' }],
      position: 3,
      Component: () => import('../features/enquiry/admin/pages/EnquiryExportPage'),
    });
    app.addMenuLink({
      to: ADMIN_SCREENS.reviewsDue,
      icon: Clock,
      intlLabel: { id: 'medblog.reviews-due.menu', defaultMessage: 'Reviews due' },
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::article.article' }],
      position: 4,
      Component: () => import('../features/articles/admin/pages/ReviewsDuePage'),
    });
    // Counts for whoever may publish articles (Editors); addresses only with the right to read
    // subscribers (Audience, Super Admins). The menu shows a link to an admin with any one right.
    app.addMenuLink({
      to: ADMIN_SCREENS.subscribers,
      icon: Mail,
      intlLabel: { id: 'medblog.subscribers.menu', defaultMessage: 'Subscribers' },
      permissions: SEE_SUBSCRIBER_COUNTS,
      position: 5,
      Component: () => import('../features/newsletter/admin/pages/SubscribersPage'),
    });
    // Editors and Super Admins see the whole site; Authors their own articles and the content gaps.
    app.addMenuLink({
      to: ADMIN_SCREENS.readers,
      icon: TrendUp,
      intlLabel: { id: 'medblog.readers.menu', defaultMessage: 'Readers' },
      permissions: SEE_READERS,
      position: 6,
      Component: () => import('../features/insight/admin/pages/ReadersPage'),
    });
    // An article's history, opened from its History panel: a screen of ours, off the main menu.
    app.router.addRoute({
      path: 'article-history/:documentId',
      lazy: async () => ({ Component: (await import('../features/history/admin/pages/ArticleHistoryPage')).default }),
    });
  },
  bootstrap(app: StrapiApp) {
    turnOffGuidedTour();
    dismissMediaLibraryBanner();
    // @strapi/strapi does not re-export the content manager's plugin types.
    const contentManager = app.getPlugin('content-manager').apis as {
      addEditViewSidePanel: (
        panels: Array<
          | typeof EnquiryPanel
          | typeof HistoryPanel
          | typeof SeoPreviewPanel
          | typeof ArticleEmailPanel
          | typeof ReadersPanel
        >,
      ) => void;
    };
    contentManager.addEditViewSidePanel([EnquiryPanel]);
    contentManager.addEditViewSidePanel([SeoPreviewPanel, ReadersPanel, ArticleEmailPanel, HistoryPanel]);
  },
};
