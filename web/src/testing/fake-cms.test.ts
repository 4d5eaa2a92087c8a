// @vitest-environment node
/** The stand-in CMS of the site's tests keeps to the public contract as the real one does. */
import { PAGE_SIZE } from '@medblog/shared';
import { describe, expect, it } from 'vitest';
import { apiClient } from '@/lib/api-client';
import { stubApi } from './api-stub';
import { cmsRoutes } from './fake-cms';

describe('the stand-in CMS', () => {
  it(`reads a pageSize above ${PAGE_SIZE.max} as ${PAGE_SIZE.max}, as the CMS does`, async () => {
    stubApi(cmsRoutes());
    const { data } = await apiClient.get<{ meta: { pagination: { pageSize: number } } }>('/api/articles', {
      params: { pagination: { pageSize: 100 } },
    });
    expect(data.meta.pagination.pageSize).toBe(PAGE_SIZE.max);
  });

  it('refuses a query parameter the route does not take, naming it, as the CMS does', async () => {
    stubApi(cmsRoutes());
    const refusal = await apiClient.get('/api/articles/popular', { params: { sort: 'title' } }).catch((error) => error);
    expect(refusal.response.status).toBe(400);
    expect(refusal.response.data.error.message).toContain('"sort"');
    const { status } = await apiClient.get('/api/articles/popular', { params: { limit: 3 } });
    expect(status).toBe(200);
  });
});
