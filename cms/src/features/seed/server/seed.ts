/**
 * Demo content: categories, authors with portraits, articles (one draft) with covers, reviewers
 * and references, comments and site settings.
 * Each entry is created only when no entry with its slug exists, so running it again restores
 * missing demo content without duplicating anything.
 */
import type { Core, Modules } from '@strapi/strapi';
import { articles, authors, categories, comments, global } from './content';
import { markupToBlocks } from './markup';
import { coverSvg, PALETTES, portraitSvg, uploadPicture } from './pictures';

type Ids = Map<string, string>;
type SluggedType = 'api::category.category' | 'api::author.author' | 'api::article.article';

/** The documentId seeded under `key`; the demo content only links entries it defines. */
function idOf(ids: Ids, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Demo content links to "${key}", which it does not define`);
  return id;
}

/**
 * Creates the entry unless one has this slug. `picture` makes its image, uploaded only for a new
 * entry (returns the fields linking it).
 */
async function upsertBySlug(
  strapi: Core.Strapi,
  uid: SluggedType,
  slug: string,
  data: Record<string, unknown>,
  { status, picture }: { status?: 'published' | 'draft'; picture?: () => Promise<Record<string, number>> } = {},
) {
  const documents = strapi.documents(uid);
  const existing = await documents.findFirst({ filters: { slug }, fields: ['documentId'] });
  if (existing) return { documentId: existing.documentId, created: false };
  // The fields come from content.ts, typed for each content type there.
  const input = { ...data, ...(await picture?.()), slug } as Modules.Documents.Params.Data.Input<SluggedType>;
  const created = await documents.create({ data: input, ...(status ? { status } : {}) });
  return { documentId: created.documentId, created: true };
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
  for (const [index, { slug, ...data }] of authors.entries()) {
    const palette = PALETTES[index % PALETTES.length];
    const picture = async () => ({
      avatar: await uploadPicture(strapi, portraitSvg(palette), `portrait-${slug}`, `Portrait of ${data.name}`),
    });
    authorIds.set(slug, count(await upsertBySlug(strapi, 'api::author.author', slug, data, { picture })));
  }

  // Articles first without their "Read also" links (they point at each other), then the links.
  const articleIds: Ids = new Map();
  const createdArticles = new Set<string>();
  for (const article of articles) {
    // Each topic has its own colours.
    const palette = PALETTES[categories.findIndex((category) => category.slug === article.category) % PALETTES.length];
    const picture = async () => ({
      cover: await uploadPicture(
        strapi,
        coverSvg(article.slug, palette),
        `cover-${article.slug}`,
        `Abstract illustration: soft shapes in ${palette.name}`,
      ),
    });
    const result = await upsertBySlug(
      strapi,
      'api::article.article',
      article.slug,
      {
        title: article.title,
        excerpt: article.excerpt ?? null,
        body: markupToBlocks(article.body),
        category: idOf(categoryIds, article.category),
        author: idOf(authorIds, article.author),
        featured: article.featured ?? false,
        commentsEnabled: article.commentsEnabled ?? true,
        seo: article.seo ?? null,
        reviewer: idOf(authorIds, article.reviewer),
        lastReviewedAt: article.lastReviewedAt,
        nextReviewDueAt: article.nextReviewDueAt,
        audience: article.audience,
        conflictOfInterest: article.conflictOfInterest ?? null,
        references: article.references,
        // Sample content: never e-mailed to subscribers.
        doNotEmail: true,
      },
      { status: article.draft ? 'draft' : 'published', picture },
    );
    articleIds.set(article.slug, count(result));
    if (result.created) createdArticles.add(article.slug);
  }
  for (const article of articles) {
    if (!createdArticles.has(article.slug) || article.related.length === 0) continue;
    const documentId = articleIds.get(article.slug)!;
    await strapi.documents('api::article.article').update({
      documentId,
      data: { relatedArticles: article.related.map((slug) => idOf(articleIds, slug)) },
    });
    if (!article.draft) await strapi.documents('api::article.article').publish({ documentId });
  }

  // Comments belong to demo articles: seed them only along with a freshly created article.
  const commentIds: Ids = new Map();
  for (const { key, parent, article, ...data } of comments) {
    if (!createdArticles.has(article)) continue;
    const comment = await strapi.documents('api::comment.comment').create({
      data: {
        ...data,
        article: idOf(articleIds, article),
        parent: parent ? idOf(commentIds, parent) : null,
        moderatedAt: data.moderationStatus === 'pending' ? undefined : new Date().toISOString(),
      },
    });
    commentIds.set(key, comment.documentId);
    created += 1;
  }

  const existingGlobal = await strapi.documents('api::global.global').findFirst();
  if (!existingGlobal) {
    await strapi.documents('api::global.global').create({ data: global });
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
