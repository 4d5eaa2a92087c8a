/** The enquiries export's endpoints (under /medblog, see platform/access/admin-api.ts). */
import { allowedTo, type AdminRoute } from '../../../platform/access/admin-api';
import enquiryExport from './enquiry-export';

const ENQUIRY = 'api::enquiry.enquiry';

export const enquiryAdminRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/enquiries/count',
    controller: enquiryExport,
    action: 'count',
    config: allowedTo('read', ENQUIRY),
  },
  {
    method: 'GET',
    path: '/enquiries/export',
    controller: enquiryExport,
    action: 'export',
    config: allowedTo('read', ENQUIRY),
  },
];
