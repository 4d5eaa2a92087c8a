import { factories } from '@strapi/strapi';
import { subscriptionService } from '../../../features/newsletter/server/subscriptions';

export default factories.createCoreService('api::subscriber.subscriber', ({ strapi }) => subscriptionService(strapi));
