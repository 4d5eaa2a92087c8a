import { factories } from '@strapi/strapi';
import { coreRouterConfig } from '../../../public-api/routes';

// Enquiries are create-only for the public; the other core routes answer 403 to visitors.
export default factories.createCoreRouter('api::enquiry.enquiry', { config: coreRouterConfig('api::enquiry.enquiry') });
