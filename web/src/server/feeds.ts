/**
 * The documents the site serves to feed readers and search engines: the RSS feeds, the sitemap and
 * robots.txt. The server answers their addresses with these and keeps each until the CMS purges one
 * of its tags; a failing CMS call rejects, for the server to answer 503 or serve its stale copy.
 */
import {
  articleDate,
  PURGE_TAGS,
  type Article,
  type Author,
  type Category,
  type CollectionResponse,
} from '@medblog/shared';
import { isAxiosError } from 'axios';
import { Feed } from 'feed';
import { SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';
import { SITE_URL } from '@/config/env';
import type { ArticleSummary } from '@/features/articles/api/article-fields';
import { getArticles } from '@/features/articles/api/get-articles';
import { getCategories } from '@/features/categories/api/get-categories';
import { getGlobal } from '@/features/site/api/get-global';
import { apiClient } from '@/lib/api-client';
import { paths } from '@/lib/paths';

export interface XmlDocument {
  status: 200 | 404;
  contentType: string;
  body: string;
  /** Purge tags (PURGE_TAGS in @medblog/shared) this document depends on. */
  tags: string[];
  /** Made with a stand-in for settings the CMS does not have yet: sent, never kept. */
  provisional?: boolean;
}

const RSS = 'application/rss+xml; charset=utf-8';
const XML = 'application/xml; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';

const FEED_LENGTH = 20;
/** The largest page the CMS gives (`maxLimit` in cms/config/api.ts). */
const CMS_MAX_PAGE_SIZE = 50;

const FEED_TAGS = [PURGE_TAGS.articles, PURGE_TAGS.categories, PURGE_TAGS.authors, PURGE_TAGS.global];

const absoluteUrl = (path: string) => `${SITE_URL}${path}`;

/**
 * The site's name and tagline for a feed's channel. Until an editor saves the site settings the
 * CMS has none (it answers 404): the feed is named after the site's address meanwhile.
 */
async function feedSettings(): Promise<{ siteName: string; tagline: string | null; provisional: boolean }> {
  const global = await getGlobal().catch((error: unknown) => {
    if (isAxiosError(error) && error.response?.status === 404) return null;
    throw error;
  });
  if (global?.siteName) return { siteName: global.siteName, tagline: global.tagline, provisional: false };
  return { siteName: new URL(SITE_URL).host, tagline: null, provisional: true };
}

interface Channel {
  title: string;
  description: string;
  /** The page the feed follows. */
  link: string;
  /** The feed's own address. */
  self: string;
}

function rss(channel: Channel, articles: ArticleSummary[]): string {
  const feed = new Feed({
    title: channel.title,
    description: channel.description,
    link: channel.link,
    feed: channel.self,
    language: 'en',
    // The newest article's date rather than the time of the request: the same content gives the same document.
    updated: articles[0] && new Date(articleDate(articles[0])),
  });
  for (const article of articles) {
    feed.addItem({
      title: article.title,
      link: absoluteUrl(paths.article(article.slug)),
      // Kept when an editor changes the slug, so feed readers don't show the article twice.
      guid: article.documentId,
      description: article.excerpt ?? undefined,
      date: new Date(articleDate(article)),
      author: article.author ? [{ name: article.author.name }] : undefined,
      category: article.category ? [{ name: article.category.name }] : undefined,
    });
  }
  return feed.rss2();
}

/** /feed.xml: the latest articles. */
export async function siteFeed(): Promise<XmlDocument> {
  const [site, articles] = await Promise.all([feedSettings(), getArticles({}, 1, FEED_LENGTH)]);
  const channel = {
    title: site.siteName,
    description: site.tagline ?? '',
    link: absoluteUrl(paths.home),
    self: absoluteUrl(paths.feed),
  };
  return feedDocument(channel, articles.data, site.provisional);
}

/** A feed as the site sends it (the site feed and each category's). */
function feedDocument(channel: Channel, articles: ArticleSummary[], provisional: boolean): XmlDocument {
  return { status: 200, contentType: RSS, body: rss(channel, articles), tags: FEED_TAGS, provisional };
}

/** /categories/<slug>/feed.xml: the latest articles of one category. */
export async function categoryFeed(slug: string): Promise<XmlDocument> {
  const category = (await getCategories()).find((candidate) => candidate.slug === slug);
  if (!category) {
    // Purged with the categories, so the feed appears once an editor creates the category.
    return {
      status: 404,
      contentType: TEXT,
      body: `No category has the address "${slug}".\n`,
      tags: [PURGE_TAGS.categories],
    };
  }
  const [site, articles] = await Promise.all([feedSettings(), getArticles({ category: slug }, 1, FEED_LENGTH)]);
  const channel = {
    title: `${category.name} | ${site.siteName}`,
    description: category.description ?? site.tagline ?? '',
    link: absoluteUrl(paths.category(slug)),
    self: absoluteUrl(paths.categoryFeed(slug)),
  };
  return feedDocument(channel, articles.data, site.provisional);
}

type SitemapArticle = Pick<Article, 'id' | 'documentId' | 'slug' | 'updatedAt'> & {
  category?: Pick<Category, 'slug'> | null;
};

type SitemapAuthor = Pick<Author, 'id' | 'documentId' | 'slug' | 'updatedAt'>;

/** Every entry of a list, page by page: the CMS refuses larger pages. */
async function allPages<T>(path: string, params: Record<string, unknown>): Promise<T[]> {
  const found: T[] = [];
  for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
    const { data } = await apiClient.get<CollectionResponse<T>>(path, {
      params: { ...params, pagination: { page, pageSize: CMS_MAX_PAGE_SIZE } },
    });
    found.push(...data.data);
    pageCount = data.meta.pagination.pageCount;
  }
  return found;
}

/** Every published article. */
const allArticles = () =>
  allPages<SitemapArticle>('/api/articles', {
    fields: ['slug', 'updatedAt', 'displayDate'],
    populate: { category: { fields: ['slug'] } },
    sort: ['displayDate:desc'],
  });

/** Every author: each has a page, even before their first article. */
const allAuthors = () => allPages<SitemapAuthor>('/api/authors', { fields: ['slug', 'updatedAt'], sort: ['slug:asc'] });

/** The latest of these ISO dates; undefined for none. */
const latest = (dates: string[]) => dates.reduce<string | undefined>((a, b) => (a && a > b ? a : b), undefined);

/** /sitemap.xml: the home page, every category page, every author page and every published article. */
export async function sitemap(): Promise<XmlDocument> {
  const [categories, authors, articles] = await Promise.all([getCategories(), allAuthors(), allArticles()]);
  // A list page changes when one of the articles it lists does. lastmod is when a page last changed
  // here (updatedAt), never an imported post's original date, which is older than its page.
  const urls: SitemapItemLoose[] = [
    { url: paths.home, lastmod: latest(articles.map((article) => article.updatedAt)) },
    ...categories.map((category) => ({
      url: paths.category(category.slug),
      lastmod: latest(
        articles.filter((article) => article.category?.slug === category.slug).map((article) => article.updatedAt),
      ),
    })),
    ...authors.map((author) => ({ url: paths.author(author.slug), lastmod: author.updatedAt })),
    ...articles.map((article) => ({ url: paths.article(article.slug), lastmod: article.updatedAt })),
  ];
  const stream = new SitemapStream({
    hostname: SITE_URL,
    xmlns: { news: false, video: false, image: false, xhtml: false },
  });
  const xml = streamToPromise(stream);
  for (const url of urls) stream.write(url);
  stream.end();
  return {
    status: 200,
    contentType: XML,
    body: (await xml).toString('utf8'),
    tags: [PURGE_TAGS.articles, PURGE_TAGS.categories, PURGE_TAGS.authors, PURGE_TAGS.global],
  };
}

/** /robots.txt: everything may be crawled but search results and previews; where the sitemap is. */
export function robotsTxt(): XmlDocument {
  const lines = [
    'User-agent: *',
    'Allow: /',
    `Disallow: ${paths.search}`,
    'Disallow: /preview',
    '',
    `Sitemap: ${absoluteUrl(paths.sitemap)}`,
  ];
  return { status: 200, contentType: TEXT, body: `${lines.join('\n')}\n`, tags: [] };
}
