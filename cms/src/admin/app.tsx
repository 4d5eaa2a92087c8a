/**
 * Admin panel customisation: English only; no tutorials, release notifications or guided tour;
 * two screens of our own in the main menu (the comment moderation queue and the enquiries CSV
 * export); and a side panel on the enquiry form (received date, reply by e-mail).
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import { Discuss, Download } from '@strapi/icons';
import { ADMIN_SCREENS } from '@medblog/shared';
import { EnquiryPanel } from './components/EnquiryPanel';

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
  },
  bootstrap(app: StrapiApp) {
    turnOffGuidedTour();
    // @strapi/strapi does not re-export the content manager's plugin types.
    const contentManager = app.getPlugin('content-manager').apis as {
      addEditViewSidePanel: (panels: Array<typeof EnquiryPanel>) => void;
    };
    contentManager.addEditViewSidePanel([EnquiryPanel]);
  },
};
