/**
 * Demo content: categories, authors, articles (one draft), comments and site settings.
 * Each entry is created only when no entry with its slug exists, so running it again restores
 * missing demo content without duplicating anything.
 */
import type { Core } from '@strapi/strapi';
import { articles, authors, categories, comments, global } from './content';
import { markupToBlocks } from './markup';

type Ids = Map<string, string>;

async function upsertBySlug(strapi: Core.Strapi, uid: any, slug: string, data: Record<string, unknown>, status?: 'published' | 'draft') {
  const existing = await strapi.documents(uid).findFirst({ filters: { slug }, fields: ['documentId'] } as any);
  if (existing) return { documentId: existing.documentId as string, created: false };
  const created = await strapi.documents(uid).create({ data: { ...data, slug }, ...(status ? { status } : {}) } as any);
  return { documentId: created.documentId as string, created: true };
}

export async function seedDemoContent(strapi: Core.Strapi): Promise<{ created: number }> {
  let created = 0;
  const count = (result: { documentId: string; created: boolean }) => {
    if (result.created) created += 1;
    return result.documentId;
  };

  const categoryIds: Ids = new Map();
  for (const { slug, ...data } of categories) {
    categoryIds.set(slug, count(await upsertBySlug(strapi, 'api::category.category', slug, data)));
  }
  const authorIds: Ids = new Map();
  for (const { slug, ...data } of authors) {
    authorIds.set(slug, count(await upsertBySlug(strapi, 'api::author.author', slug, data)));
  }

  // Articles first without their "Read also" links (they point at each other), then the links.
  const articleIds: Ids = new Map();
  const createdArticles = new Set<string>();
  for (const article of articles) {
    const result = await upsertBySlug(
      strapi,
      'api::article.article',
      article.slug,
      {
        title: article.title,
        excerpt: article.excerpt ?? null,
        body: markupToBlocks(article.body),
        category: categoryIds.get(article.category),
        author: authorIds.get(article.author),
        featured: article.featured ?? false,
        commentsEnabled: article.commentsEnabled ?? true,
        seo: article.seo ?? null,
      },
      article.draft ? 'draft' : 'published',
    );
    articleIds.set(article.slug, count(result));
    if (result.created) createdArticles.add(article.slug);
  }
  for (const article of articles) {
    if (!createdArticles.has(article.slug) || article.related.length === 0) continue;
    const documentId = articleIds.get(article.slug)!;
    await strapi.documents('api::article.article').update({
      documentId,
      data: { relatedArticles: article.related.map((slug) => articleIds.get(slug)).filter(Boolean) },
    } as any);
    if (!article.draft) await strapi.documents('api::article.article').publish({ documentId });
  }

  // Comments belong to demo articles: seed them only along with a freshly created article.
  const commentIds: Ids = new Map();
  for (const { key, parent, article, ...data } of comments) {
    if (!createdArticles.has(article)) continue;
    const comment = await strapi.documents('api::comment.comment').create({
      data: {
        ...data,
        article: articleIds.get(article),
        parent: parent ? commentIds.get(parent) ?? null : null,
        moderatedAt: data.moderationStatus === 'pending' ? null : new Date().toISOString(),
      },
    } as any);
    commentIds.set(key, comment.documentId);
    created += 1;
  }

  const existingGlobal = await strapi.documents('api::global.global').findFirst();
  if (!existingGlobal) {
    await strapi.documents('api::global.global').create({ data: global } as any);
    created += 1;
  }
  return { created };
}

/** True when the database holds no content yet (a fresh install). */
export async function isEmpty(strapi: Core.Strapi): Promise<boolean> {
  const [articleCount, globalEntry] = await Promise.all([
    strapi.db.query('api::article.article').count(),
    strapi.db.query('api::global.global').count(),
  ]);
  return articleCount === 0 && globalEntry === 0;
}
