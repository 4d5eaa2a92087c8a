/** The public search's parameters: `q` and the page, as the gate's rules read text and pages. */
import { errors } from '@strapi/utils';
import { SEARCH } from '@medblog/shared';
import { badTextReason, checkPagination } from '../../../platform/gate/public-input';

export function searchText(value: unknown): string {
  if (value === undefined) throw new errors.ValidationError('q: give the words to search for');
  if (typeof value !== 'string') throw new errors.ValidationError('q: must be given once, as text');
  const reason = badTextReason(value);
  if (reason) throw new errors.ValidationError(`q: ${reason}`);
  const q = value.trim();
  if (!q) throw new errors.ValidationError('q: give the words to search for');
  if (q.length > SEARCH.maxQueryLength) {
    throw new errors.ValidationError(`q: must be at most ${SEARCH.maxQueryLength} characters`);
  }
  return q;
}

export function searchPagination(value: unknown): { page: number; pageSize: number } {
  // A pageSize above the largest is read as the largest, as on every list.
  const checked = checkPagination(value, SEARCH.maxPageSize, ['page', 'pageSize']);
  const { page = '1', pageSize = String(SEARCH.defaultPageSize) } = (checked ?? {}) as Record<string, string>;
  return { page: Number(page), pageSize: Number(pageSize) };
}
