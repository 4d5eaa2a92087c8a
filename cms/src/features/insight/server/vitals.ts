/**
 * Page speed measures kept as histograms: each measure falls in a fixed bucket (stored by its lower
 * bound) and the table counts measures per day, page type, measure and bucket. The 75th percentile
 * of any set of days is read back from the summed buckets, exact to within one bucket's width
 * (25 ms around INP's 200 ms, 50 ms around LCP's 2.5 s and TTFB's 0.8 s... see BOUNDS; 0.01 around
 * CLS's 0.1), whatever the number of measures, with a row count bounded by the buckets.
 */
import { INSIGHT_LIMITS, VITAL_THRESHOLDS, type VitalMetric, type VitalRating } from '@medblog/shared';

/** `from` (included) to `to` (excluded) in steps of `step`, rounded to 1/1000. */
function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let i = 0; from + i * step < to - step / 1000; i += 1) values.push(Math.round((from + i * step) * 1000) / 1000);
  return values;
}

// Milliseconds: fine below a second, coarser where a page is slow anyway.
const TIME_BOUNDS = [
  ...range(0, 1000, 25),
  ...range(1000, 3000, 50),
  ...range(3000, 6000, 100),
  ...range(6000, 10_000, 250),
  ...range(10_000, 20_000, 1000),
  ...range(20_000, 60_000, 5000),
];
const CLS_BOUNDS = [...range(0, 0.5, 0.01), ...range(0.5, 1, 0.05), ...range(1, 5, 0.25), ...range(5, 50, 5)];

/** The buckets' lower bounds of each measure, ascending. */
export const BOUNDS: Readonly<Record<VitalMetric, readonly number[]>> = {
  LCP: TIME_BOUNDS,
  INP: TIME_BOUNDS,
  TTFB: TIME_BOUNDS,
  CLS: CLS_BOUNDS,
};

/** The lower bound of the bucket `value` falls in (values from the beacon are within 0..vitalMax). */
export function bucketOf(metric: VitalMetric, value: number): number {
  const bounds = BOUNDS[metric];
  let low = 0;
  let high = bounds.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (bounds[middle] <= value) low = middle;
    else high = middle - 1;
  }
  return bounds[low];
}

/** Where the bucket starting at `bound` ends: the next bound, or the largest value taken. */
function upperOf(metric: VitalMetric, bound: number): number {
  return BOUNDS[metric].find((next) => next > bound) ?? Math.max(bound, INSIGHT_LIMITS.vitalMax[metric]);
}

/**
 * The 75th percentile of the measures counted in `buckets` (lower bound -> count): the measure of
 * rank ceil(75% of them), its bucket's measures taken as evenly spread across it. Null when empty.
 */
export function p75(metric: VitalMetric, buckets: Iterable<[bound: number, count: number]>): number | null {
  const sorted = [...buckets].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = sorted.reduce((sum, [, count]) => sum + count, 0);
  if (!total) return null;
  const rank = Math.ceil(total * 0.75);
  let before = 0;
  for (const [bound, count] of sorted) {
    if (before + count >= rank) {
      const width = upperOf(metric, bound) - bound;
      const value = bound + (width * (rank - before - 0.5)) / count;
      return metric === 'CLS' ? Math.round(value * 1000) / 1000 : Math.round(value);
    }
    before += count;
  }
  return null;
}

/** Google's reading of a 75th percentile. */
export function rating(metric: VitalMetric, value: number | null): VitalRating | null {
  if (value === null) return null;
  const { good, poor } = VITAL_THRESHOLDS[metric];
  return value <= good ? 'good' : value <= poor ? 'needs-improvement' : 'poor';
}
