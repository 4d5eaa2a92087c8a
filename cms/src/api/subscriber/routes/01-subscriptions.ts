import { extraRoutes } from '../../../platform/gate/public-routes';

// The public subscription routes (subscribe, confirm, manage, leave, one-click unsubscribe).
export default { routes: extraRoutes('api::subscriber.subscriber') };
