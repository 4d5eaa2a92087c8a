import { factories } from '@strapi/strapi';
import { enquiryService } from '../../../features/enquiry/server/enquiries';

export default factories.createCoreService('api::enquiry.enquiry', ({ strapi }) => enquiryService(strapi));
