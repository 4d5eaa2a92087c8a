import { factories } from '@strapi/strapi';
import { publicCreate } from '../../../utils/public-routes';

// Enquiries are create-only for the public; the other core routes answer 403 to visitors.
export default factories.createCoreRouter('api::enquiry.enquiry', {
  config: publicCreate('api::enquiry.enquiry', 'enquiries'),
});
