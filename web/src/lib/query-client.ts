import { QueryClient } from '@tanstack/react-query';
import { isRetryable } from '@/lib/api-error';

export function createQueryClient({ retry = true }: { retry?: boolean } = {}) {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        // Fail fast instead of pausing while the browser says it is offline: the page then shows
        // its offline message (and retries when the connection returns) instead of waiting silently.
        networkMode: 'always',
        retry: retry ? (failureCount, error) => failureCount < 2 && isRetryable(error) : false,
        refetchOnWindowFocus: false,
      },
    },
  });
}
