/**
 * App middleware for the content API (/api), in front of the body parser, so nothing it refuses is
 * parsed or written to disk: the query string must be valid UTF-8 without NUL characters (the
 * database cannot store them), and a body must be JSON (415 otherwise) of known length within
 * `maxBodyBytes` (411, 413). Multipart is parsed only for uploads with credentials (API tokens).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { sendError, type Context, type Next } from '../utils/http';

function checkQueryString(querystring: string): void {
  for (const pair of querystring.split('&')) {
    const name = pair.split('=')[0];
    let decoded: string;
    try {
      decoded = decodeURIComponent(pair.replace(/\+/g, ' '));
    } catch {
      throw new errors.ValidationError(
        `Invalid query string: "${name.slice(0, 60)}" has malformed percent-encoding or invalid UTF-8`,
      );
    }
    if (decoded.includes('\u0000'))
      throw new errors.ValidationError(`Invalid query string: "${name.slice(0, 60)}" contains a NUL character`);
  }
}

export default (config: { maxBodyBytes: number }, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
  const uploadPath = `${prefix}/upload`;

  return async (ctx: Context, next: Next) => {
    if (ctx.path !== prefix && !ctx.path.startsWith(`${prefix}/`)) return next();
    checkQueryString(ctx.querystring);

    const length = ctx.request.length as number | undefined;
    const hasBody = ctx.get('Transfer-Encoding') !== '' || (length !== undefined && length > 0);
    if (hasBody && !(ctx.path.startsWith(uploadPath) && ctx.get('Authorization'))) {
      if (!ctx.is('application/json', '+json')) {
        return sendError(
          ctx,
          415,
          'UnsupportedMediaTypeError',
          'The request body must be JSON (Content-Type: application/json)',
        );
      }
      if (length === undefined)
        return sendError(ctx, 411, 'LengthRequiredError', 'The request must give its Content-Length');
      if (length > config.maxBodyBytes) {
        return sendError(
          ctx,
          413,
          'PayloadTooLargeError',
          `The request body must be at most ${config.maxBodyBytes} bytes`,
        );
      }
    }
    try {
      await next();
    } catch (error) {
      // The body parser's own error would be logged as a server error and says little.
      if (error instanceof SyntaxError && (error as { status?: number }).status === 400) {
        throw new errors.ValidationError('The request body is not valid JSON (an object such as { "data": { ... } })');
      }
      throw error;
    }
  };
};
