import type { AxiosError } from 'axios';
import { isRouteErrorResponse } from 'react-router-dom';

/**
 * What went wrong, in the terms a reader needs: the site cannot be reached (their connection or
 * our server is down), the server failed, or something else (a bad request, a bug).
 */
export type Problem = 'offline' | 'server' | 'unexpected';

// A lazy route chunk that could not be downloaded: the browser is offline or the site was redeployed.
const CHUNK_LOAD_ERROR =
  /dynamically imported module|Importing a module script failed|error loading dynamically imported/i;

export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && CHUNK_LOAD_ERROR.test(error.message);
}

/**
 * axios's own test, without importing axios: importing anything from it loads all of it, and it is
 * not part of the first load (lib/api-client.ts).
 */
export function isAxiosError<T = unknown>(error: unknown): error is AxiosError<T> {
  return typeof error === 'object' && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
}

export function problemOf(error: unknown): Problem {
  if (isAxiosError(error)) {
    if (!error.response) return 'offline';
    return error.response.status >= 500 ? 'server' : 'unexpected';
  }
  // The server could not get the page's content from the CMS (see src/server/render-page.tsx).
  if (isRouteErrorResponse(error) && error.status >= 500) return 'server';
  return isChunkLoadError(error) ? 'offline' : 'unexpected';
}

/** Only failures that may pass by themselves are worth retrying; a 4xx answer will not change. */
export function isRetryable(error: unknown): boolean {
  return problemOf(error) !== 'unexpected';
}
