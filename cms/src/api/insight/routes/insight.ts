import { extraRoutes } from '../../../platform/gate/public-routes';

export default { routes: extraRoutes('api::insight.insight') };
