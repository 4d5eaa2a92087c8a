/**
 * Rules that tell a spammer's comment from a person's without bothering the person (a bot's form,
 * platform/gate/bot-check.ts, too): suspected spam is still stored and acknowledged (bots learn
 * nothing), but never shown or mailed.
 */
import type { Core } from '@strapi/strapi';
import { botReason, type BotCheck } from '../../../platform/gate/bot-check';

const LINK = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.[a-z]/gi;

export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

/** The blocked words an editor listed (one per line or comma-separated), lowercased. */
export function parseBlockedWords(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/[\n,]/)
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);
}

export function findBlockedWord(text: string, words: string[]): string | null {
  const lower = text.toLowerCase();
  return (
    words.find((word) =>
      new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(
        lower,
      ),
    ) ?? null
  );
}

/** Same text for duplicate detection: case and spacing do not matter. */
export function normalizeBody(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/**
 * Whether a comment of the article (any status) already has this normalised body, asked of the
 * database so a busy article's comments are never loaded to answer it. The SQL normalises as
 * normalizeBody does; names come from Strapi's metadata, so a schema change cannot silently break it.
 */
async function hasSameBodyOnArticle(
  strapi: Core.Strapi,
  articleDocumentId: string,
  normalizedBody: string,
): Promise<boolean> {
  const comments = strapi.db.metadata.get('api::comment.comment');
  const articles = strapi.db.metadata.get('api::article.article');
  const link = (comments.attributes.article as unknown as { joinTable: JoinTable }).joinTable;
  const column = (meta: typeof comments, attribute: string) =>
    (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
  const knex = strapi.db.connection;

  const row = await knex({ c: comments.tableName })
    .join({ l: link.name }, `l.${link.joinColumn.name}`, `c.${column(comments, 'id')}`)
    .join({ a: articles.tableName }, `a.${column(articles, 'id')}`, `l.${link.inverseJoinColumn.name}`)
    .where(`a.${column(articles, 'documentId')}`, articleDocumentId)
    .whereRaw("btrim(regexp_replace(lower(??), ?, ' ', 'g')) = ?", [
      `c.${column(comments, 'body')}`,
      '\\s+',
      normalizedBody,
    ])
    .first(knex.raw('1 as found'));
  return Boolean(row);
}

/** Why a comment looks like spam, or null. */
export async function commentSpamReason(
  strapi: Core.Strapi,
  comment: { article: string; body: string; authorName: string } & BotCheck,
): Promise<string | null> {
  const rules = strapi.config.get('anti-abuse') as { minimumFillSeconds: number; maxLinksPerComment: number };
  const bot = botReason(comment, rules.minimumFillSeconds);
  if (bot) return bot;
  if (countLinks(`${comment.authorName} ${comment.body}`) > rules.maxLinksPerComment) return 'too many links';

  const settings = await strapi.documents('api::moderation-setting.moderation-setting').findFirst();
  const word = findBlockedWord(
    `${comment.authorName} ${comment.body}`,
    parseBlockedWords(settings?.blockedWords as string),
  );
  if (word) return `blocked word "${word}"`;

  if (await hasSameBodyOnArticle(strapi, comment.article, normalizeBody(comment.body)))
    return 'duplicate of an earlier comment';
  return null;
}
