/**
 * Old addresses (from the WordPress site) the CMS maps to new ones: answered 301 or 302 with the
 * new address, or 410 Gone, by the server.
 */
import {
  normaliseRedirectPath,
  REDIRECT_CODES,
  type CollectionResponse,
  type Redirect,
  type RedirectCode,
} from '@medblog/shared';
import { apiClient } from '@/lib/api-client';

export interface FoundRedirect {
  status: (typeof REDIRECT_CODES)[RedirectCode];
  /** Where to; none for 410. */
  location?: string;
}

// A chain of redirects on this site is followed this far to make sure it does not come back.
const MAX_HOPS = 5;

async function lookUp(fromPath: string): Promise<FoundRedirect | null> {
  const { data } = await apiClient.get<CollectionResponse<Pick<Redirect, 'toPath' | 'code'>>>('/api/redirects', {
    params: { filters: { fromPath: { $eq: fromPath } }, fields: ['toPath', 'code'], pagination: { pageSize: 1 } },
  });
  const found = data.data[0];
  if (!found) return null;
  // Redirects saved before there was a choice of code are 301s.
  const status = REDIRECT_CODES[found.code ?? 'permanent-301'];
  return status === 410 ? { status } : { status, location: found.toPath };
}

/** An exact match with its query first (WordPress's "/?p=12"), then its path. */
async function lookUpAddress(url: URL): Promise<FoundRedirect | null> {
  if (url.search) {
    const withQuery = await lookUp(normaliseRedirectPath(url.pathname + url.search));
    if (withQuery) return withQuery;
  }
  return lookUp(normaliseRedirectPath(url.pathname));
}

/**
 * Where an address has moved, or that it is gone. A redirect that leads back to where it started
 * (itself, or through other redirects of this site) would send readers round in circles: it is
 * logged and the address treated as not found.
 */
export async function findRedirect(url: URL): Promise<FoundRedirect | null> {
  const found = await lookUpAddress(url);
  if (!found?.location) return found;
  const visited = new Set([normaliseRedirectPath(url.pathname + url.search), normaliseRedirectPath(url.pathname)]);
  let next: FoundRedirect | null = found;
  for (let hop = 0; hop < MAX_HOPS && next?.location?.startsWith('/'); hop += 1) {
    const target = new URL(next.location, url.origin);
    const address = normaliseRedirectPath(target.pathname + target.search);
    if (visited.has(address)) {
      console.warn(`Redirect loop: ${url.pathname}${url.search} leads back to ${address}; answered as not found`);
      return null;
    }
    visited.add(address);
    next = await lookUpAddress(target);
  }
  if (next?.location?.startsWith('/')) {
    console.warn(`Redirect chain from ${url.pathname}${url.search} is over ${MAX_HOPS} hops; answered as not found`);
    return null;
  }
  return found;
}
