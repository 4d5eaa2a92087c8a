import { factories } from '@strapi/strapi';

// Enquiries are create-only for the public; the other core routes exist for API tokens and answer 403 to the public.
export default factories.createCoreRouter('api::enquiry.enquiry');
