/**
 * Trusted commenters, in the spirit of WordPress's "comment author must have a previously approved
 * comment", but with proof that the author is the same: a sender is an e-mail address (in any case)
 * together with the commenter key the reader's browser keeps and sends with each comment. The
 * address alone proves nothing: anyone can type it, and a staff reply puts a moderator's address on
 * an approved comment. Staff replies, imported comments and readers who send no key have no key
 * stored, so they are never trusted and never make anyone trusted.
 *
 * Moderators see trusted senders marked; a moderation setting may publish their comments at once.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';

const COMMENT = 'api::comment.comment';

interface Sender {
  authorEmail: string;
  commenterKeyHash?: string | null;
}

interface StoredComment extends Sender {
  documentId: string;
}

/**
 * What the CMS stores of a commenter key. The key is 256 random bits, so a plain SHA-256 cannot be
 * turned back into it; the hash is never returned by the public API either.
 */
export function commenterKeyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

const senderOf = ({ authorEmail, commenterKeyHash: hash }: Sender) => `${hash} ${authorEmail.toLowerCase()}`;

/** Where a comment is an approved one from any of `senders` (each with a key). */
const approvedFrom = (senders: Sender[]) => ({
  moderationStatus: 'approved',
  $or: senders.map((sender) => ({
    authorEmail: { $eqi: sender.authorEmail },
    commenterKeyHash: { $eq: sender.commenterKeyHash },
  })),
});

/**
 * The comments among `documentIds` whose sender has another approved comment: the Moderation
 * screen's **Trusted** mark, by the same rule as publishing at once.
 */
export async function commentsFromTrustedSenders(strapi: Core.Strapi, documentIds: string[]): Promise<Set<string>> {
  if (documentIds.length === 0) return new Set();
  // Read here rather than by the screen's query, so the hashes never reach what it returns.
  const comments: StoredComment[] = await strapi.db.query(COMMENT).findMany({
    select: ['documentId', 'authorEmail', 'commenterKeyHash'],
    where: { documentId: { $in: documentIds } },
  });
  const keyed = comments.filter((comment) => comment.commenterKeyHash);
  if (keyed.length === 0) return new Set();
  const approved: StoredComment[] = await strapi.db.query(COMMENT).findMany({
    select: ['documentId', 'authorEmail', 'commenterKeyHash'],
    where: approvedFrom([...new Map(keyed.map((comment) => [senderOf(comment), comment])).values()]),
  });
  const approvedBySender = new Map<string, string[]>();
  for (const comment of approved) {
    const sender = senderOf(comment);
    approvedBySender.set(sender, [...(approvedBySender.get(sender) ?? []), comment.documentId]);
  }
  const trusted = keyed.filter((comment) =>
    approvedBySender.get(senderOf(comment))?.some((documentId) => documentId !== comment.documentId),
  );
  return new Set(trusted.map((comment) => comment.documentId));
}

/**
 * Whether a new comment is published at once: the setting is on and the same e-mail address sent
 * an approved comment with the same commenter key.
 */
export async function approvesAtOnce(
  strapi: Core.Strapi,
  comment: { authorEmail: string; commenterKey?: string },
): Promise<boolean> {
  const settings = await strapi.documents('api::moderation-setting.moderation-setting').findFirst();
  if (!settings?.approveTrustedCommenters || !comment.commenterKey) return false;
  const sender = { authorEmail: comment.authorEmail, commenterKeyHash: commenterKeyHash(comment.commenterKey) };
  return Boolean(await strapi.db.query(COMMENT).findOne({ select: ['id'], where: approvedFrom([sender]) }));
}
