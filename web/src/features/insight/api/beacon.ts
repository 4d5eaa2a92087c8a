/**
 * The insight beacon (the CMS's POST /api/insight): what the reader's browser reports waits here
 * in memory and leaves in one request when the page is hidden or left, or at once when a beacon
 * is full (INSIGHT_LIMITS: 50 events, 16 kB). Nothing is written to cookies or storage, nothing is
 * ever retried, and no failure reaches the page: counting must never cost a reader anything.
 */
import { INSIGHT_LIMITS, type InsightEvent, type VitalMetric } from '@medblog/shared';
import { API_URL } from '@/config/env';

export const INSIGHT_URL = `${API_URL}/api/insight`;

// The CMS refuses a whole beacon for one bad event, so each is made to fit its schema here.
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROL_CHARS = /[\u0000-\u001F\u007F]/g;
/** Text as the CMS takes it: no control characters, at most `max` characters. */
export const fitText = (text: string, max: number) => text.replace(CONTROL_CHARS, ' ').slice(0, max);

/** A speed measure as the CMS takes it: milliseconds whole, CLS to 1/1000, within 0..vitalMax. */
export function fitVital(name: VitalMetric, value: number): number {
  const rounded = name === 'CLS' ? Math.round(value * 1000) / 1000 : Math.round(value);
  return Number.isFinite(rounded) ? Math.min(INSIGHT_LIMITS.vitalMax[name], Math.max(0, rounded)) : 0;
}

const OPENING = '{"data":{"events":[';
const CLOSING = ']}}';
/**
 * Sent once this many bytes wait: the largest event (a 2,048-character referrer, a 500-character
 * note of 3-byte characters) still fits under the CMS's limit after it.
 */
export const SEND_AT_BYTES = INSIGHT_LIMITS.maxBodyBytes - 4096;

const encoder = typeof TextEncoder === 'undefined' ? undefined : new TextEncoder();
const byteLength = (text: string) => encoder?.encode(text).length ?? text.length * 3;

const EMPTY_BYTES = OPENING.length + CLOSING.length;
/** The events waiting, as JSON, and the size of the body they would make. */
let queued: string[] = [];
let queuedBytes = EMPTY_BYTES;
let listening = false;
/** The page was hidden or left and its beacon sent: what comes after leaves at once. */
let left = false;
let sendSoon = false;

/** One beacon with what waits; the fetch below when the browser has no sendBeacon or refuses it. */
export function sendInsight(): void {
  if (!queued.length) return;
  const body = `${OPENING}${queued.join(',')}${CLOSING}`;
  queued = [];
  queuedBytes = EMPTY_BYTES;
  try {
    // A string goes as text/plain: a "simple" request, sent without a CORS preflight.
    if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(INSIGHT_URL, body)) return;
  } catch {
    // A browser that throws (a body over its quota, a blocked address): try fetch.
  }
  try {
    // keepalive: the request outlives the page that is being left.
    fetch(INSIGHT_URL, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {});
  } catch {
    // No fetch either: these figures are lost, the page is not.
  }
}

function visibilityChanged() {
  left = document.visibilityState === 'hidden';
  if (left) sendInsight();
}

function pageLeft() {
  left = true;
  sendInsight();
}

/**
 * Listening on window, in the bubbling phase: the page's other "hidden" listeners (web-vitals
 * reports its last measures then) run first, so what they queue leaves in the same beacon.
 */
function listen() {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('visibilitychange', visibilityChanged);
  window.addEventListener('pagehide', pageLeft);
  // Back from the browser's back-forward cache: a page shown again.
  window.addEventListener('pageshow', () => (left = false));
}

/** Queues `event` for the next beacon; never throws. */
export function queueInsight(event: InsightEvent): void {
  try {
    if (typeof window === 'undefined') return;
    listen();
    const json = JSON.stringify(event);
    const size = byteLength(json);
    // A comma before it unless it is the first.
    if (queued.length && queuedBytes + 1 + size > INSIGHT_LIMITS.maxBodyBytes) sendInsight();
    queuedBytes += size + (queued.length ? 1 : 0);
    queued.push(json);
    if (queued.length >= INSIGHT_LIMITS.maxEvents || queuedBytes >= SEND_AT_BYTES) return sendInsight();
    // Queued after the page was hidden and its beacon sent (a late measure): sent with what else
    // comes in the same turn, since the page may never be shown, nor hidden, again.
    if (left && !sendSoon) {
      sendSoon = true;
      queueMicrotask(() => {
        sendSoon = false;
        sendInsight();
      });
    }
  } catch {
    // Counting never breaks the page.
  }
}

/** Tests only: how many events wait for the next beacon. */
export const waitingInsight = (): number => queued.length;

/** Tests only: forgets what waits, as a new page would start. */
export function discardInsight(): void {
  left = false;
  queued = [];
  queuedBytes = EMPTY_BYTES;
}
