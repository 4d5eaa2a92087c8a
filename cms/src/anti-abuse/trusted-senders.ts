/**
 * Trusted commenters, as WordPress has them ("comment author must have a previously approved
 * comment"): moderators see them marked, and a moderation setting may publish their comments at once.
 */
import type { Core } from '@strapi/strapi';

const COMMENT = 'api::comment.comment';

/**
 * The senders (lower-case e-mails) among `emails` who have had a comment approved: WordPress's
 * "comment author must have a previously approved comment".
 */
export async function trustedSenders(strapi: Core.Strapi, emails: string[]): Promise<Set<string>> {
  const wanted = [...new Set(emails.filter(Boolean).map((email) => email.toLowerCase()))];
  if (wanted.length === 0) return new Set();
  const approved = await strapi.db.query(COMMENT).findMany({
    select: ['authorEmail'],
    where: { moderationStatus: 'approved', $or: wanted.map((email) => ({ authorEmail: { $eqi: email } })) },
  });
  return new Set(approved.map((comment: { authorEmail: string }) => comment.authorEmail.toLowerCase()));
}

/** Whether this comment is published at once: the setting is on and its sender is trusted. */
export async function approvesAtOnce(strapi: Core.Strapi, authorEmail: string): Promise<boolean> {
  const settings = await strapi.documents('api::moderation-setting.moderation-setting').findFirst();
  if (!settings?.approveTrustedCommenters) return false;
  return (await trustedSenders(strapi, [authorEmail])).size > 0;
}
