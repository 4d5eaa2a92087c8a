import type { Category, CollectionResponse } from '@medblog/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export type CategorySummary = Pick<Category, 'id' | 'documentId' | 'name' | 'slug' | 'description'>;

export async function getCategories() {
  const { data } = await apiClient.get<CollectionResponse<CategorySummary>>('/api/categories', {
    params: { fields: ['name', 'slug', 'description'], sort: ['name:asc'], pagination: { pageSize: 50 } },
  });
  return data.data;
}

export const categoriesQueryOptions = () =>
  queryOptions({
    queryKey: ['categories', 'list'],
    queryFn: getCategories,
    staleTime: 10 * 60_000,
  });

export const useCategories = () => useQuery(categoriesQueryOptions());
