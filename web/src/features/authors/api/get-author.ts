import { IMAGE_FIELDS, type Author } from '@medblog/shared';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { findBySlug } from '@/lib/api-client';
import type { Image } from '@/lib/media';

export type AuthorProfile = Pick<Author, 'id' | 'documentId' | 'name' | 'slug' | 'jobTitle' | 'credentials' | 'bio'> & {
  avatar?: Image | null;
};

/** The author with this slug, or null when there is none. */
export const getAuthor = (slug: string) =>
  findBySlug<AuthorProfile>('authors', slug, {
    fields: ['name', 'slug', 'jobTitle', 'credentials', 'bio'],
    populate: { avatar: { fields: IMAGE_FIELDS } },
  });

export const authorQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: ['authors', 'detail', slug],
    queryFn: () => getAuthor(slug),
  });

export const useAuthor = (slug: string) => useSuspenseQuery(authorQueryOptions(slug));
