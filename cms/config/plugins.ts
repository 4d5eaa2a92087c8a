import type { Core } from '@strapi/strapi';
import { secret } from '../src/platform/utils/secrets';
import { s3UploadPlugin } from '../src/platform/s3';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: secret('JWT_SECRET'),
      // Readers never sign up: the site has no reader accounts.
      register: { allowedFields: [] },
    },
  },
  // Notification e-mails go through SMTP when SMTP_HOST is set; without it they are logged
  // (src/platform/mail.ts).
  ...(env('SMTP_HOST')
    ? {
        email: {
          config: {
            provider: 'nodemailer',
            providerOptions: {
              host: env('SMTP_HOST'),
              port: env.int('SMTP_PORT', 587),
              secure: env.bool('SMTP_SECURE', false),
              ignoreTLS: env.bool('SMTP_IGNORE_TLS', false),
              ...(env('SMTP_USER') ? { auth: { user: env('SMTP_USER'), pass: env('SMTP_PASSWORD') } } : {}),
              // A down or hanging mail server fails a send within seconds instead of nodemailer's
              // minutes, and a few reused connections cap how many messages are in flight.
              pool: true,
              maxConnections: env.int('SMTP_MAX_CONNECTIONS', 3),
              connectionTimeout: env.int('SMTP_CONNECTION_TIMEOUT_MS', 10_000),
              greetingTimeout: env.int('SMTP_GREETING_TIMEOUT_MS', 10_000),
              socketTimeout: env.int('SMTP_SOCKET_TIMEOUT_MS', 30_000),
              // The pool would otherwise resend a message forever when a connection drops mid-send;
              // src/platform/mail.ts retries once itself.
              maxRequeues: 0,
              // At most this many e-mails a second from this instance (newsletters, mostly): the
              // pool holds the next ones back. Mail services limit senders per second.
              rateDelta: 1000,
              rateLimit: env.int('NEWSLETTER_MAX_PER_SECOND', 20),
            },
            settings: {
              defaultFrom: env('EMAIL_FROM', 'CMS <no-reply@localhost>'),
              defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM', 'no-reply@localhost')),
            },
          },
        },
      }
    : {}),
  // Uploads go to the S3 bucket when S3_BUCKET is set (src/platform/s3.ts); otherwise to public/uploads.
  ...s3UploadPlugin(env),
});
