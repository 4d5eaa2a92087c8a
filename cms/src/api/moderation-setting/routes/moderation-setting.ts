import { factories } from '@strapi/strapi';

// No public permission: every route answers 403 to visitors.
export default factories.createCoreRouter('api::moderation-setting.moderation-setting');
