/** What a visitor without a login may do: exactly the contract, every other route answers 403. */
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from './helpers/strapi';
import { publishedArticle, validComment, validEnquiry } from './helpers/fixtures';

let request: Awaited<ReturnType<typeof api>>;
let articleId: string;
let ids: Record<string, string>;

beforeAll(async () => {
  request = await api();
  articleId = (await publishedArticle()).documentId;
  const first = async (path: string) => (await request.get(path)).body.data[0].documentId as string;
  ids = {
    articles: articleId,
    categories: await first('/api/categories'),
    authors: await first('/api/authors'),
    comments: await first('/api/comments'),
    enquiries: (await request.post('/api/enquiries').send({ data: validEnquiry() })).body.data.documentId,
  };
});

type Case = [method: 'get' | 'post' | 'put' | 'delete', path: string, expected: number];

const matrix = (): Case[] => [
  ['get', '/api/articles', 200],
  ['get', `/api/articles/${ids.articles}`, 200],
  ['get', '/api/articles/popular', 200],
  ['get', '/api/search?q=usmle', 200],
  ['post', `/api/articles/${ids.articles}/views`, 204],
  ['post', '/api/articles', 403],
  ['put', `/api/articles/${ids.articles}`, 403],
  ['delete', `/api/articles/${ids.articles}`, 403],
  ['get', '/api/categories', 200],
  ['get', `/api/categories/${ids.categories}`, 200],
  ['post', '/api/categories', 403],
  ['put', `/api/categories/${ids.categories}`, 403],
  ['delete', `/api/categories/${ids.categories}`, 403],
  ['get', '/api/authors', 200],
  ['get', `/api/authors/${ids.authors}`, 200],
  ['post', '/api/authors', 403],
  ['put', `/api/authors/${ids.authors}`, 403],
  ['delete', `/api/authors/${ids.authors}`, 403],
  ['get', '/api/global', 200],
  ['put', '/api/global', 403],
  ['delete', '/api/global', 403],
  ['get', '/api/comments', 200],
  ['get', `/api/comments/${ids.comments}`, 403],
  ['put', `/api/comments/${ids.comments}`, 403],
  ['delete', `/api/comments/${ids.comments}`, 403],
  ['get', '/api/enquiries', 403],
  ['get', `/api/enquiries/${ids.enquiries}`, 403],
  ['put', `/api/enquiries/${ids.enquiries}`, 403],
  ['delete', `/api/enquiries/${ids.enquiries}`, 403],
  // Plugins: no reader accounts, no uploads, nothing else.
  ['post', '/api/auth/local/register', 403],
  ['post', '/api/auth/local', 403],
  ['post', '/api/auth/forgot-password', 403],
  ['get', '/api/users', 403],
  ['get', '/api/users/me', 403],
  ['get', '/api/users-permissions/roles', 403],
  ['get', '/api/upload/files', 403],
  ['post', '/api/upload', 403],
  ['get', '/api/i18n/locales', 403],
];

describe('public permission matrix', () => {
  it('answers every route with the status the contract gives', async () => {
    const results: string[] = [];
    for (const [method, path, expected] of matrix()) {
      const response = await request[method](path).send(
        method === 'get' || method === 'delete' ? undefined : { data: { title: 'x' } },
      );
      results.push(
        `${method.toUpperCase()} ${path.replace(/[a-z0-9]{24}/, ':id')} -> ${response.status}${response.status === expected ? '' : ` (expected ${expected})`}`,
      );
    }
    const wrong = results.filter((line) => line.includes('expected'));
    expect(wrong, results.join('\n')).toEqual([]);
  });

  it('lets the public create a comment and an enquiry', async () => {
    const comment = await request.post('/api/comments').send({ data: validComment(articleId) });
    expect(comment.status).toBe(201);
    const enquiry = await request.post('/api/enquiries').send({ data: validEnquiry() });
    expect(enquiry.status).toBe(201);
  });
});
