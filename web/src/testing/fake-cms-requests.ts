/// <reference types="node" />
// (Node's types for this test-only module: vitest runs it in Node, whatever the environment.)
/**
 * The requests the site's tests send to the fake CMS, kept in fake-cms-requests.jsonl (one a line,
 * sorted). The CMS's contract test (cms/tests/fake-cms-contract.test.ts) replays each of them
 * against the fake and against a real CMS and compares the answers, so the fake may answer only
 * requests that are in that file: any other request fails the web test that sent it (setup.ts),
 * until `pnpm --filter @medblog/web test:record` has recorded it for the contract test.
 *
 * A request is kept as the site sent it, less what changes from run to run: a comment's commenter
 * key (random per browser) is written as one fixed key, and the time a form took to fill in as
 * 1 s or 20 s (below or above the CMS's minimum, which is all the CMS and the fake read of it).
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StubRequest } from './stub-replies';

export interface RecordedRequest {
  method: string;
  /** Path and query string, as the site sent them. */
  url: string;
  body?: unknown;
}

// A path, not a URL: under jsdom, URL is jsdom's and Node's fileURLToPath refuses it.
export const RECORDED_REQUESTS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'fake-cms-requests.jsonl');
/** A valid commenter key (43 base64url characters) standing for the random one of each test. */
export const RECORDED_COMMENTER_KEY = 'recorded-commenter-key-for-the-contract-abc';

const recording = Boolean(process.env.FAKE_CMS_RECORD);
/** Off in the contract test, which also sends the fake requests the site must never make. */
let checking = true;
let known: Set<string> | undefined;
const unrecorded: string[] = [];

/** The CMS's default minimum time to fill in a form (cms/config/anti-abuse.ts): faster is a bot. */
const MINIMUM_FILL_MS = 3000;

function normalizedBody(body: unknown): unknown {
  const data = (body as { data?: Record<string, unknown> } | undefined)?.data;
  if (!data || typeof data !== 'object') return body;
  const normalized = { ...data };
  if (normalized.commenterKey !== undefined) normalized.commenterKey = RECORDED_COMMENTER_KEY;
  // Measured on the test's clock, real or faked: only which side of the minimum it falls matters.
  if (typeof normalized.elapsedMs === 'number')
    normalized.elapsedMs = normalized.elapsedMs < MINIMUM_FILL_MS ? 1000 : 20_000;
  return { ...(body as object), data: normalized };
}

/** One line of the file: the request's JSON, keys in a fixed order. */
export function recordedLine(request: Pick<StubRequest, 'method' | 'url' | 'body'>): string {
  const url = new URL(request.url);
  const recorded: RecordedRequest = { method: request.method, url: `${url.pathname}${url.search}` };
  if (request.body !== undefined) recorded.body = normalizedBody(request.body);
  return JSON.stringify(recorded);
}

export function readRecordedLines(): string[] {
  if (!existsSync(RECORDED_REQUESTS_FILE)) return [];
  return readFileSync(RECORDED_REQUESTS_FILE, 'utf8').split('\n').filter(Boolean);
}

export const readRecordedRequests = (): RecordedRequest[] =>
  readRecordedLines().map((line) => JSON.parse(line) as RecordedRequest);

/**
 * Called by the fake CMS for each request it answers. Recording: adds it to the file. Otherwise:
 * returns an explanation when the contract test does not replay it (and remembers it for setup.ts).
 */
export function noteRequest(request: StubRequest): string | undefined {
  if (!checking) return undefined;
  const line = recordedLine(request);
  known ??= new Set(readRecordedLines());
  if (known.has(line)) return undefined;
  if (recording) {
    known.add(line);
    appendFileSync(RECORDED_REQUESTS_FILE, `${line}\n`);
    return undefined;
  }
  const message =
    `The fake CMS got a request its contract test does not replay: ${line}. ` +
    'Run `pnpm --filter @medblog/web test:record` to record it, then `cms/tests/fake-cms-contract.test.ts` checks it against the real CMS.';
  unrecorded.push(message);
  return message;
}

/** Whether the fake answers only recorded requests (true, as in the site's tests). */
export function checkRecordedRequests(on: boolean): void {
  checking = on;
}

/** The unrecorded requests since the last call (setup.ts fails the test that sent them). */
export function takeUnrecorded(): string[] {
  return unrecorded.splice(0);
}

/** Sorts the file and drops repeats (several test files record at once). */
export function tidyRecordedRequests(): void {
  const lines = [...new Set(readRecordedLines())].sort();
  writeFileSync(RECORDED_REQUESTS_FILE, lines.length ? `${lines.join('\n')}\n` : '');
}
