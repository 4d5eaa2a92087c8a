import { factories } from '@strapi/strapi';
import { coreRouterConfig } from '../../../platform/gate/public-routes';

// Enquiries are create-only for the public; the other core routes answer 403 to visitors.
export default factories.createCoreRouter('api::enquiry.enquiry', { config: coreRouterConfig('api::enquiry.enquiry') });
