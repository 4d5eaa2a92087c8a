import { IMAGE_FIELDS, type Author, type CollectionResponse } from '@medblog/shared';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Image } from '@/lib/media';

export type AuthorProfile = Pick<Author, 'id' | 'documentId' | 'name' | 'slug' | 'jobTitle' | 'credentials' | 'bio'> & {
  avatar?: Image | null;
};

/** The author with this slug, or null when there is none. */
export async function getAuthor(slug: string): Promise<AuthorProfile | null> {
  const { data } = await apiClient.get<CollectionResponse<AuthorProfile>>('/api/authors', {
    params: {
      fields: ['name', 'slug', 'jobTitle', 'credentials', 'bio'],
      populate: { avatar: { fields: IMAGE_FIELDS } },
      filters: { slug: { $eq: slug } },
      pagination: { pageSize: 1 },
    },
  });
  return data.data[0] ?? null;
}

export const authorQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: ['authors', 'detail', slug],
    queryFn: () => getAuthor(slug),
  });

export const useAuthor = (slug: string) => useSuspenseQuery(authorQueryOptions(slug));
