import { factories } from '@strapi/strapi';

// Enquiries are create-only for the public; the other core routes answer 403 to visitors.
export default factories.createCoreRouter('api::enquiry.enquiry', {
  config: { create: { middlewares: [{ name: 'global::rate-limit', config: { name: 'enquiries' } }] } },
});
