import type { Core } from '@strapi/strapi';
import { CSP_DEFAULTS } from '@strapi/utils';
import { s3PublicOrigins } from '../src/platform/s3';

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  // Before everything that looks at a request: the path as the router matches it (any case), and
  // one answer shape whatever the request's headers.
  'global::canonical-request',
  'strapi::logger',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        // The admin shows uploaded images and media from the bucket when uploads go to S3.
        directives: {
          'img-src': [...CSP_DEFAULTS['img-src'], ...s3PublicOrigins(env)],
          'media-src': [...CSP_DEFAULTS['media-src'], ...s3PublicOrigins(env)],
          // The Preview button shows the reader site's preview of a draft inside the admin.
          'frame-src': ["'self'", new URL(env('SITE_URL', 'http://localhost:5173')).origin],
        },
      },
    },
  },
  {
    name: 'strapi::cors',
    config: {
      // Only the reader site may call the API from a browser (Strapi's default is "*").
      origin: env.array('CORS_ORIGINS', ['http://localhost:5173', 'http://127.0.0.1:5173']),
      credentials: false,
      // The site reads how long to wait after a 429.
      expose: ['Retry-After'],
    },
  },
  // As early as it can answer: after the headers every answer needs (security, cors; cached bodies
  // carry none of them), before the database check, so readers still get what is cached while
  // PostgreSQL is down (nothing can change it meanwhile). A hit skips the input checks below: only
  // URLs that passed them were stored; anything else, and every miss, goes on through them.
  'global::api-cache',
  // Right after it, so cached answers never count: a per-visitor limit on the reads that cost
  // Strapi a computation (misses, every new search).
  'global::read-limit',
  // After cors, so the reader site can read its 503 and Retry-After.
  'global::database-health',
  'strapi::poweredBy',
  // Before the body parser: public requests are JSON only, of bounded size (a comment or an
  // enquiry is a few kB).
  { name: 'global::public-request', config: { maxBodyBytes: env.int('PUBLIC_BODY_MAX_BYTES', 64 * 1024) } },
  'strapi::query',
  {
    name: 'strapi::body',
    config: {
      // Editors' requests (an article with its blocks) and uploads.
      jsonLimit: env('BODY_JSON_LIMIT', '2mb'),
      formLimit: '256kb',
      textLimit: '256kb',
      formidable: {
        maxFileSize: env.int('UPLOAD_MAX_FILE_MB', 50) * 1024 * 1024,
        // Only the upload field is written to disk (Strapi removes those files afterwards); a file
        // under any other name would be left in the temp folder.
        filter: ({ name }: { name?: string }) => name === 'files',
      },
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
