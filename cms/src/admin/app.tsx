import { ENQUIRY_TOPIC_LABELS } from '@medblog/shared';
import { Download } from '@strapi/icons';
console.log(ENQUIRY_TOPIC_LABELS, Download);
export default { config: { locales: ['en'] }, register() {} };
