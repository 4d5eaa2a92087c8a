import type { Core } from '@strapi/strapi';
import { openApiDocument } from '../../../platform/gate/openapi';
import type { Context } from '../../../platform/utils/http';

/** GET /api/openapi.json: the public API's description, made once at start (src/platform/gate/openapi.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  document(ctx: Context) {
    ctx.body = openApiDocument(strapi);
  },
});
