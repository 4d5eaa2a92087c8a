import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::moderation-setting.moderation-setting');
