import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIST_QUERY, PUBLIC_CONTENT_TYPES, PUBLIC_ROUTES } from './public-api.js';
import { publicApiTables } from './public-api-table.js';

describe('the public contract', () => {
  it('names each route and each permission once', () => {
    const routes = PUBLIC_ROUTES.map((route) => `${route.method} ${route.path}`);
    const actions = PUBLIC_ROUTES.map((route) => route.action);
    expect(new Set(routes).size).toBe(routes.length);
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('gives a content type to every route whose query names fields', () => {
    const naming = ['filters', 'sort', 'fields', 'populate', '_q'];
    for (const route of PUBLIC_ROUTES) {
      if (route.query.some((name) => naming.includes(name))) expect(route.contentType, route.path).toBeDefined();
      if (route.contentType) expect(PUBLIC_CONTENT_TYPES).toHaveProperty([route.contentType]);
    }
  });

  it('gives pagination options and page sizes only to routes that page', () => {
    for (const route of PUBLIC_ROUTES) {
      if (route.pagination || route.pageSize) expect(route.query, route.path).toContain('pagination');
    }
    expect(LIST_QUERY).toContain('pagination');
  });

  it('is what the README says the public API accepts (paste `pnpm contract:readme` into it)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(publicApiTables());
  });
});
