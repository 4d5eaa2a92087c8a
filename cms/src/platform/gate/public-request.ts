/**
 * App middleware in front of the body parser, so nothing it refuses is parsed or written to disk.
 * - Multipart bodies (files) are parsed only with credentials: no route takes files from a visitor,
 *   and the parser writes them to the temp folder before any route or permission is known.
 *   Whatever it wrote is removed when the request ends, however it ends (Strapi's body parser
 *   removes only the upload field's files, and not when the request fails).
 * - On the content API (/api): the query string must be valid UTF-8 without NUL characters (the
 *   database cannot store them), and a body must be JSON (415 otherwise) of known length within
 *   `maxBodyBytes` (411, 413). Multipart is taken only for uploads with credentials (API tokens).
 * - Except the one-click unsubscribe (RFC 8058), whose senders are mail providers, not our site.
 * - A route whose contract gives a `bodyFormat` (the insight beacon) has its own, smaller, size
 *   limit, and may take text/plain too (navigator.sendBeacon with a string), which its controller
 *   reads as JSON.
 */
import { rm } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PUBLIC_ROUTES, type PublicRoute } from '@medblog/shared';
import { sendError, type Context, type Next } from '../utils/http';

const JSON_ONLY =
  'The request body must be JSON (Content-Type: application/json); files are taken only with credentials';

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

  // RFC 8058: mail providers POST `List-Unsubscribe=One-Click` form-encoded (some multipart, some
  // nothing); the route reads only its token, so any small body is taken there.
  const oneClickPath = `${prefix}/subscriptions/unsubscribe`;
  const isOneClick = (ctx: Context) => ctx.path === oneClickPath && ctx.method === 'POST';

  // "POST /api/insight" -> its body format (routes with a path parameter have none).
  const formats = new Map<string, NonNullable<PublicRoute['bodyFormat']>>(
    PUBLIC_ROUTES.filter((route) => route.bodyFormat && !route.path.includes('{')).map((route) => [
      `${route.method} ${prefix}${route.path}`,
      route.bodyFormat!,
    ]),
  );

  return async (ctx: Context, next: Next) => {
    if (ctx.is('multipart') && !ctx.get('Authorization') && !isOneClick(ctx)) {
      return sendError(ctx, 415, 'UnsupportedMediaTypeError', JSON_ONLY);
    }
    try {
      await checked(ctx, next);
    } finally {
      removeParsedFiles(ctx);
    }
  };

  async function checked(ctx: Context, next: Next) {
    if (ctx.path !== prefix && !ctx.path.startsWith(`${prefix}/`)) return next();
    checkQueryString(ctx.querystring);

    const length = ctx.request.length as number | undefined;
    const hasBody = ctx.get('Transfer-Encoding') !== '' || (length !== undefined && length > 0);
    if (hasBody && !(ctx.path.startsWith(uploadPath) && ctx.get('Authorization'))) {
      const format = formats.get(`${ctx.method} ${ctx.path}`);
      const plainText = Boolean(format?.plainText && ctx.is('text/plain'));
      if (!ctx.is('application/json', '+json') && !isOneClick(ctx) && !plainText) {
        return sendError(
          ctx,
          415,
          'UnsupportedMediaTypeError',
          format?.plainText
            ? 'The request body must be JSON (Content-Type: application/json or text/plain)'
            : JSON_ONLY,
        );
      }
      if (length === undefined)
        return sendError(ctx, 411, 'LengthRequiredError', 'The request must give its Content-Length');
      const maxBytes = Math.min(format?.maxBytes ?? Infinity, config.maxBodyBytes);
      if (length > maxBytes) {
        return sendError(ctx, 413, 'PayloadTooLargeError', `The request body must be at most ${maxBytes} bytes`);
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
  }
};

/** Deletes the files the body parser wrote for this request, under any field name. */
function removeParsedFiles(ctx: Context): void {
  const files = (ctx.request as { files?: Record<string, unknown> }).files;
  if (!files) return;
  for (const entry of Object.values(files).flat()) {
    const filepath = (entry as { filepath?: string } | undefined)?.filepath;
    // Not awaited: the answer need not wait for the disk.
    if (filepath) rm(filepath, { force: true }).catch(() => {});
  }
}
