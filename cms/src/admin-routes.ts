/** The admin endpoints under /medblog, each feature's (platform/access/admin-api.ts registers them). */
import { adminRouter } from './platform/access/admin-api';
import { commentAdminRoutes } from './features/comments/server/admin-routes';
import { enquiryAdminRoutes } from './features/enquiry/server/admin-routes';
import { historyAdminRoutes } from './features/history/server/admin-routes';

export const adminRoutes = adminRouter([...commentAdminRoutes, ...enquiryAdminRoutes, ...historyAdminRoutes]);
