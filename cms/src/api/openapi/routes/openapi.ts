import { extraRoutes } from '../../../public-api/routes';

export default { routes: extraRoutes('api::openapi.openapi') };
