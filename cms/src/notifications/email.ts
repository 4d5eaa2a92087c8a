/**
 * E-mails to the people who work through comments and enquiries. Sent through Strapi's e-mail
 * plugin when SMTP is configured (SMTP_HOST, see config/plugins.ts); otherwise, in development,
 * the message is written to the log instead. Never awaited by a request: a slow mail server must
 * not slow a reader down, and a failed e-mail is logged, never lost silently.
 */
import type { Core } from '@strapi/strapi';

export interface Message {
  to: string[];
  subject: string;
  text: string;
}

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_HOST);
}

/** Recipients from a comma-separated env variable, else the site's contact e-mail. */
export async function recipients(strapi: Core.Strapi, envName: string): Promise<string[]> {
  const fromEnv = (process.env[envName] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (fromEnv.length) return fromEnv;
  const settings = await strapi.documents('api::global.global').findFirst({ fields: ['contactEmail'] });
  return settings?.contactEmail ? [settings.contactEmail as string] : [];
}

/** Where links in e-mails point: the CMS's public URL. */
export function adminUrl(strapi: Core.Strapi, path: string): string {
  const base = (strapi.config.get('server.url') as string) || `http://localhost:${strapi.config.get('server.port')}`;
  return `${base.replace(/\/$/, '')}/admin${path}`;
}

export async function deliver(strapi: Core.Strapi, message: Message): Promise<void> {
  if (!message.to.length) {
    strapi.log.warn(`No recipient for "${message.subject}": set the site's contact e-mail or the NOTIFY_* variables`);
    return;
  }
  if (!smtpConfigured()) {
    strapi.log.info(`E-mail not sent (no SMTP_HOST configured) to ${message.to.join(', ')}: ${message.subject}\n${message.text}`);
    return;
  }
  await strapi.plugin('email').service('email').send({ to: message.to.join(', '), subject: message.subject, text: message.text });
}

/** Sends in the background; failures are logged with the subject so nobody misses the item. */
export function sendInBackground(strapi: Core.Strapi, build: () => Promise<Message>): Promise<void> {
  return build()
    .then((message) => deliver(strapi, message))
    .catch((error) => {
      strapi.log.error(`Notification e-mail failed: ${error.message}`);
    });
}
