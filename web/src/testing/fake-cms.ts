/**
 * A small in-memory CMS answering like Strapi 5's public REST API: filters, fields, populate and
 * pagination are applied to the fixtures, so a page gets exactly what it asked for.
 */
import type { Article } from '@medblog/shared';
import { articles as allArticles, categories, site } from './fixtures';
import { json, type StubRequest, type StubRoutes } from './api-stub';

type Query = Record<string, any>;

function matches(article: Article, filters: Query | undefined): boolean {
  if (!filters) return true;
  if (filters.slug?.$eq !== undefined && article.slug !== filters.slug.$eq) return false;
  if (filters.slug?.$ne !== undefined && article.slug === filters.slug.$ne) return false;
  if (filters.featured?.$eq !== undefined && String(article.featured) !== String(filters.featured.$eq)) return false;
  if (filters.category?.slug?.$eq !== undefined && article.category?.slug !== filters.category.slug.$eq) return false;
  if (filters.$or) {
    const anyMatch = Object.values(filters.$or as Query[]).some((condition) =>
      Object.entries(condition).some(([field, { $containsi }]) =>
        String(article[field as keyof Article] ?? '').toLowerCase().includes(String($containsi).toLowerCase()),
      ),
    );
    if (!anyMatch) return false;
  }
  return true;
}

/** Keeps what the request asked for: its `fields`, the relations it populated, and the ids. */
function select(entry: any, fields: unknown, populate: unknown): any {
  if (entry === null || entry === undefined) return entry;
  if (Array.isArray(entry)) return entry.map((item) => select(item, fields, populate));
  // Without `fields`, Strapi returns every attribute but no relation, media or component.
  const isAttribute = (key: string) => entry[key] === null || typeof entry[key] !== 'object' || key === 'body' || key === 'formats';
  const wanted = fields ? Object.values(fields as Query) : Object.keys(entry).filter(isAttribute);
  const result: any = { id: entry.id, documentId: entry.documentId };
  for (const field of wanted) if (field in entry) result[field] = entry[field];
  if (populate && typeof populate === 'object') {
    for (const [relation, options] of Object.entries(populate as Query)) {
      const nested = typeof options === 'object' ? options : {};
      result[relation] = select(entry[relation], nested.fields, nested.populate);
    }
  }
  return result;
}

function listArticles(request: StubRequest) {
  const query = request.query as Query;
  const found = allArticles.filter((article) => matches(article, query.filters));
  const page = Number(query.pagination?.page ?? 1);
  const pageSize = Number(query.pagination?.pageSize ?? 25);
  const data = found.slice((page - 1) * pageSize, page * pageSize).map((article) => select(article, query.fields, query.populate));
  return json({ data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(found.length / pageSize), total: found.length } } });
}

/** "Most read": a fixed pick, with the list fields and relations the CMS's endpoint returns. */
function popularArticles(request: StubRequest) {
  const limit = Number((request.query as Query).limit ?? 5);
  const fields = ['title', 'slug', 'excerpt', 'publishedAt', 'readingTimeMinutes', 'featured'];
  return json({ data: allArticles.slice(2, 2 + limit).map((article) => select(article, fields, { cover: {}, category: {}, author: {} })) });
}

/** The routes of the fake CMS; spread them and override one to change how the CMS answers. */
export function cmsRoutes(): StubRoutes {
  return {
    'GET /api/articles': listArticles,
    'GET /api/articles/popular': popularArticles,
    'POST /api/articles/:documentId/views': () => ({ status: 204 }),
    'GET /api/categories': () => json({ data: categories, meta: { pagination: { page: 1, pageSize: 50, pageCount: 1, total: categories.length } } }),
    'GET /api/global': () => json({ data: site, meta: {} }),
  };
}
