/**
 * E-mails to the people who work through comments and enquiries. Sent through Strapi's e-mail
 * plugin when SMTP is configured (SMTP_HOST, see config/plugins.ts); otherwise, in development,
 * the message is written to the log instead. Never awaited by a request: a slow mail server must
 * not slow a reader down, and a failed e-mail is logged (and retried once), never lost silently.
 * Timeouts and the connection pool are nodemailer's, set in config/plugins.ts.
 */
import { setTimeout } from 'node:timers/promises';
import type { Core } from '@strapi/strapi';
import { adminUrl as adminUrlOf } from '@medblog/shared';

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
  const fromEnv = (process.env[envName] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (fromEnv.length) return fromEnv;
  const settings = await strapi.documents('api::global.global').findFirst({ fields: ['contactEmail'] });
  return settings?.contactEmail ? [settings.contactEmail as string] : [];
}

/** Where links in e-mails point: an admin path (see @medblog/shared's admin-urls) on the CMS's public URL. */
export function adminUrl(strapi: Core.Strapi, path: string): string {
  const base = (strapi.config.get('server.url') as string) || `http://localhost:${strapi.config.get('server.port')}`;
  return adminUrlOf(base, path);
}

export async function deliver(strapi: Core.Strapi, message: Message): Promise<void> {
  if (!message.to.length) {
    strapi.log.warn(`No recipient for "${message.subject}": set the site's contact e-mail or the NOTIFY_* variables`);
    return;
  }
  if (!smtpConfigured()) {
    strapi.log.info(
      `E-mail not sent (no SMTP_HOST configured) to ${message.to.join(', ')}: ${message.subject}\n${message.text}`,
    );
    return;
  }
  await strapi
    .plugin('email')
    .service('email')
    .send({ to: message.to.join(', '), subject: message.subject, text: message.text });
}

/** An e-mail to one reader (a subscriber): HTML and plain text, with headers such as List-Unsubscribe. */
export interface ReaderMessage {
  to: string;
  /** Instead of EMAIL_FROM: the same address under the newsletter's sender name. */
  from?: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** The same for every try of one e-mail, so a copy sent twice reads as one. */
  messageId?: string;
}

/**
 * Sends an e-mail to a reader, for a job of the queue (src/platform/jobs) that retries it: a
 * failure throws. The address is never logged; without SMTP, in development, the log says what
 * would have been sent.
 */
export async function deliverToReader(strapi: Core.Strapi, message: ReaderMessage): Promise<void> {
  if (!smtpConfigured()) {
    strapi.log.info(`E-mail not sent (no SMTP_HOST configured) to a reader: ${message.subject}`);
    return;
  }
  await strapi
    .plugin('email')
    .service('email')
    .send({
      to: message.to,
      ...(message.from ? { from: message.from } : {}),
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: message.headers,
      ...(message.messageId ? { messageId: message.messageId } : {}),
    });
}

/** How a failed send reads in the log: nodemailer's code (ETIMEDOUT, EENVELOPE...) and the reason. */
function describe(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return code ? `${code} ${message}` : String(message ?? error);
}

/** Messages accepted for sending and not yet sent or given up on, retries included. */
let pending = 0;

/**
 * Sends in the background, retrying once after `notifications.retryDelayMs`; every failure is
 * logged with the subject so nobody misses the item. Beyond `notifications.maxPending` messages
 * waiting (a long outage), new ones are dropped and logged rather than kept in memory.
 */
export function sendInBackground(strapi: Core.Strapi, build: () => Promise<Message>): Promise<void> {
  const { retryDelayMs, maxPending } = strapi.config.get('notifications') as {
    retryDelayMs: number;
    maxPending: number;
  };
  return build()
    .then(async (message) => {
      if (pending >= maxPending) {
        strapi.log.error(
          `Notification e-mail dropped, ${pending} already waiting for the mail server: "${message.subject}"`,
        );
        return;
      }
      pending += 1;
      try {
        await deliver(strapi, message);
      } catch (error) {
        strapi.log.warn(
          `Notification e-mail failed, retrying in ${retryDelayMs} ms: "${message.subject}": ${describe(error)}`,
        );
        await setTimeout(retryDelayMs);
        try {
          await deliver(strapi, message);
        } catch (retryError) {
          strapi.log.error(`Notification e-mail failed again, not sent: "${message.subject}": ${describe(retryError)}`);
        }
      } finally {
        pending -= 1;
      }
    })
    .catch((error) => {
      strapi.log.error(`Notification e-mail failed: ${error.message}`);
    });
}
