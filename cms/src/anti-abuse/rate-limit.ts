/**
 * Per-visitor limits on public submissions, kept in memory (one CMS process; a cluster would move
 * this to Redis). Counts accepted submissions in a sliding window.
 */
const hits = new Map<string, number[]>();

export interface Limit {
  max: number;
  windowSeconds: number;
}

/** Seconds until `key` may submit again, or 0 when it may now. */
export function retryAfterSeconds(key: string, limit: Limit, now = Date.now()): number {
  const windowStart = now - limit.windowSeconds * 1000;
  const recent = (hits.get(key) ?? []).filter((time) => time > windowStart);
  hits.set(key, recent);
  if (recent.length < limit.max) return 0;
  return Math.max(1, Math.ceil((recent[recent.length - limit.max] - windowStart) / 1000));
}

export function recordSubmission(key: string, now = Date.now()): void {
  hits.set(key, [...(hits.get(key) ?? []), now]);
}

export function resetRateLimits(): void {
  hits.clear();
}
