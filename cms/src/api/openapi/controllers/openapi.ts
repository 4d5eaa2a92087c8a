import type { Core } from '@strapi/strapi';
import { openApiDocument } from '../../../public-api/openapi';
import type { Context } from '../../../utils/http';

/** GET /api/openapi.json: the public API's description, made once at start (src/public-api/openapi.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  document(ctx: Context) {
    ctx.body = openApiDocument(strapi);
  },
});
