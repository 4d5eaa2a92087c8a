/**
 * The reader forms without the page's code (components/form/posted-form.ts): a comment or a "Was
 * this page helpful?" answer posted to its article's page, an enquiry posted to /enquiry... are read here, checked with the shared
 * schemas and sent to the CMS on the reader's behalf (site-handler.ts runs this as the reader, so
 * the CMS's limits count them), as the page's code would send them.
 */
import type { IncomingHttpHeaders } from 'node:http';
import {
  commentInputSchema,
  enquiryInputSchema,
  errorsByField,
  insightEventSchema,
  subscribeInputSchema,
  subscriptionChangeInputSchema,
  subscriptionTokenInputSchema,
  type ApiErrorBody,
} from '@medblog/shared';
import { AxiosHeaders, isAxiosError } from 'axios';
import { LRUCache } from 'lru-cache';
import type { FormName, PostedForm } from '@/components/form/posted-form';
import { SITE_URL } from '@/config/env';
import { FORM_FIELD } from '@/features/insight/api/helpful';
import { linkProblemMessage } from '@/features/newsletter/api/manage-subscription';
import { NO_TOPIC_CHOSEN, topicsToSend } from '@/features/newsletter/api/topics';
import { apiClient } from '@/lib/api-client';
import { checkInput } from '@/lib/input-check';
import { paths } from '@/lib/paths';
import { sendFailure } from '@/lib/send-failure';

/** The longest form a reader can send (a 5,000-character enquiry, every character %-escaped), with room. */
export const FORM_BODY_MAX_BYTES = 64 * 1024;

const ARTICLE_PAGE = new RegExp(`^${paths.article('[^/]+')}$`);

/** The forms posted to an address of their own. */
const FORM_ADDRESSES: Record<string, FormName> = {
  [paths.enquiry]: 'enquiry',
  [paths.subscribe]: 'subscribe',
  [paths.subscribeConfirm]: 'subscription-confirm',
  [paths.subscribeManage]: 'subscription-change',
  [paths.subscribeLeave]: 'subscription-leave',
};

/**
 * The form a page takes by POST (its path in lower case), or null: no other page does. An
 * article's page takes two: its comment form, and "Was this page helpful?" (formOnArticle).
 */
export function formPostedTo(path: string): FormName | null {
  if (Object.hasOwn(FORM_ADDRESSES, path)) return FORM_ADDRESSES[path]!;
  return ARTICLE_PAGE.test(path) ? 'comment' : null;
}

/** Which of an article page's forms was posted: the helpful question's says so in a hidden field. */
export function formOnArticle(fields: URLSearchParams): FormName {
  return fields.get(FORM_FIELD) === 'helpful' ? 'helpful' : 'comment';
}

/** The subscription forms that carry a signed link's token (their pages are the reader's alone). */
export const LINK_FORMS: readonly FormName[] = ['subscription-confirm', 'subscription-change', 'subscription-leave'];

/** Fields a form may give more than once: a box ticked for each topic. */
const REPEATABLE = new Set(['topics']);

/** Why a body cannot be read as a form: a status and a message naming the problem. */
export interface Refusal {
  status: number;
  message: string;
}

/** Null for application/x-www-form-urlencoded (what a browser's form sends), else a 415. */
export function contentTypeRefusal(headers: IncomingHttpHeaders): Refusal | null {
  const type = String(headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  return type === 'application/x-www-form-urlencoded'
    ? null
    : { status: 415, message: 'A form is sent as application/x-www-form-urlencoded.' };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
// A "%" that does not start an escape of two hex digits.
const BAD_ESCAPE = /%(?![\dA-Fa-f]{2})/;

/** Reads an urlencoded body strictly: what a browser would never send is refused, not guessed at. */
export function parseFormBody(bytes: Buffer): URLSearchParams | Refusal {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { status: 400, message: 'The form is not UTF-8 text.' };
  }
  const fields = new URLSearchParams();
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const [rawName = '', rawValue = ''] = pair.split(/=(.*)/s);
    let name: string;
    let value: string;
    try {
      if (BAD_ESCAPE.test(pair)) throw new Error('bad escape');
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      return { status: 400, message: 'The form is not well-formed (bad %-encoding).' };
    }
    if (fields.has(name) && !REPEATABLE.has(name))
      return { status: 400, message: `The form gives the field ${name} more than once.` };
    fields.append(name, value);
  }
  return fields;
}

/**
 * Whether a post comes from a page of this site: a browser names the page's origin (Origin, else
 * Referer); a post naming another site, or an opaque one ("null"), is another site's form. A
 * client naming none (privacy tools remove both) passes: the bot checks and limits still apply.
 */
export function fromThisSite(headers: IncomingHttpHeaders): boolean {
  // A page that sends no referrer (a subscription's link pages) posts with "Origin: null"; the
  // browser's Sec-Fetch-Site, which no page can set, still says the post comes from this site.
  if (headers.origin === 'null') return headers['sec-fetch-site'] === 'same-origin';
  const claimed = headers.origin || headers.referer;
  if (!claimed) return true;
  try {
    const { host, origin } = new URL(claimed);
    return host === headers.host || origin === SITE_URL;
  } catch {
    return false;
  }
}

/**
 * When each reader was last given each page with a form: what the page's code measures as the
 * time the form was open, measured here. A page's HTML cannot carry it (it is cached and served
 * to every reader), so this server remembers it, for an hour and for the most recent readers.
 */
export function createFormClock({ max = 100_000, ttlMs = 3_600_000 } = {}) {
  const shownAt = new LRUCache<string, number>({ max, ttl: ttlMs });
  const key = (reader: string, path: string) => `${reader} ${path}`;
  return {
    shown(reader: string, path: string) {
      shownAt.set(key(reader, path), Date.now());
    },
    /** Unknown when this server did not give the page (another instance, a CDN's copy): the CMS then skips the time check. */
    elapsedMs(reader: string, path: string): number | undefined {
      const at = shownAt.get(key(reader, path));
      return at === undefined ? undefined : Date.now() - at;
    },
  };
}
export type FormClock = ReturnType<typeof createFormClock>;

/** What the reader typed into the form's fields, shown again when it is refused. */
const TYPED: Record<FormName, string[]> = {
  comment: ['authorName', 'authorEmail', 'body', 'parent'],
  helpful: ['answer', 'note'],
  enquiry: ['name', 'email', 'phone', 'topic', 'message', 'consent'],
  subscribe: ['email', 'frequency'],
  'subscription-confirm': [],
  'subscription-change': ['frequency'],
  'subscription-leave': [],
};

/** The topics ticked, and what the CMS is to get for them (null: none ticked). */
function chosenTopics(fields: URLSearchParams) {
  const ticked = fields.getAll('topics');
  const offered = (fields.get('offered') ?? '').split(',').filter(Boolean);
  return { ticked, topics: topicsToSend(ticked, offered.length ? offered : ticked) };
}

/** The input the page's code would send, from the posted fields; `path` is where it was posted. */
function inputOf(form: FormName, fields: URLSearchParams, path: string, elapsedMs: number | undefined) {
  const given = (name: string) => fields.get(name) ?? undefined;
  const botCheck = { website: fields.get('website') ?? '', elapsedMs };
  if (form === 'subscribe')
    return {
      ...botCheck,
      email: given('email'),
      topics: chosenTopics(fields).topics ?? [],
      frequency: given('frequency'),
    };
  if (form === 'subscription-change')
    return { token: given('token'), topics: chosenTopics(fields).topics ?? [], frequency: given('frequency') };
  if (form === 'subscription-confirm' || form === 'subscription-leave') return { token: given('token') };
  // As the page's code queues it for the insight beacon: the note only when one was written.
  if (form === 'helpful')
    return {
      type: 'helpful',
      article: given('article'),
      answer: given('answer'),
      note: given('note')?.trim() || undefined,
    };
  if (form === 'comment')
    return {
      ...botCheck,
      article: given('article'),
      parent: given('parent') || undefined,
      authorName: given('authorName'),
      authorEmail: given('authorEmail'),
      body: given('body'),
    };
  return {
    ...botCheck,
    name: given('name'),
    email: given('email'),
    phone: given('phone')?.trim() || undefined,
    topic: given('topic'),
    message: given('message'),
    // A checkbox sends its value only when ticked.
    consent: fields.has('consent'),
    sourcePath: path,
  };
}

export type Outcome =
  /** `manageToken`: a confirmed subscription's lasting manage link, where the reader is led next. */
  { sent: true; manageToken?: string } | { sent: false; status: number; retryAfter?: string; postedForm: PostedForm };

const SCHEMAS = {
  comment: commentInputSchema,
  helpful: insightEventSchema,
  enquiry: enquiryInputSchema,
  subscribe: subscribeInputSchema,
  'subscription-confirm': subscriptionTokenInputSchema,
  'subscription-change': subscriptionChangeInputSchema,
  'subscription-leave': subscriptionTokenInputSchema,
} as const;

/** Where each form is sent in the CMS. */
const CMS_CALLS: Record<FormName, { method: 'post' | 'put'; url: string }> = {
  comment: { method: 'post', url: '/api/comments' },
  // One event of the beacon, counted for the reader (the signed visitor header), not this server.
  helpful: { method: 'post', url: '/api/insight' },
  enquiry: { method: 'post', url: '/api/enquiries' },
  subscribe: { method: 'post', url: '/api/subscriptions' },
  'subscription-confirm': { method: 'post', url: '/api/subscriptions/confirm' },
  'subscription-change': { method: 'put', url: '/api/subscriptions/manage' },
  'subscription-leave': { method: 'post', url: '/api/subscriptions/leave' },
};

/** Checks the posted form and sends it to the CMS: sent, or the page to show again and its status. */
export async function submitForm(
  form: FormName,
  fields: URLSearchParams,
  { path, elapsedMs }: { path: string; elapsedMs: number | undefined },
): Promise<Outcome> {
  const typed = Object.fromEntries(
    TYPED[form].flatMap((name) => (fields.has(name) ? [[name, fields.get(name)!]] : [])),
  );
  // The boxes ticked, shown ticked again (as the form reads them back: slugs, comma-separated).
  if (form === 'subscribe' || form === 'subscription-change') typed.topics = chosenTopics(fields).ticked.join(',');
  const refused = (
    status: number,
    errors: Record<string, string>,
    problem = '',
    retryAfter?: string,
    values: Record<string, string> = {},
  ): Outcome => ({
    sent: false,
    status,
    retryAfter,
    postedForm: { form, path, values: { ...typed, ...values }, errors, problem },
  });

  const checked = checkInput<object>(SCHEMAS[form], inputOf(form, fields, path, elapsedMs));
  const noTopic =
    (form === 'subscribe' || form === 'subscription-change') && chosenTopics(fields).topics === null
      ? { topics: NO_TOPIC_CHOSEN }
      : undefined;
  // A link's token the schema refuses is a link that no longer opens anything: said as the CMS would.
  if (checked.errors?.token) return refused(400, {}, checked.errors.token, undefined, { link: 'invalid' });
  if (checked.errors || noTopic) return refused(400, { ...checked.errors, ...noTopic });
  const { method, url } = CMS_CALLS[form];
  try {
    const data = form === 'helpful' ? { events: [checked.data] } : checked.data;
    const { data: answer } = await apiClient[method]<{ data?: { manageToken?: string } }>(url, { data });
    return { sent: true, manageToken: answer?.data?.manageToken };
  } catch (error) {
    const response = isAxiosError<ApiErrorBody>(error) ? error.response : undefined;
    const failure = sendFailure(
      error,
      form.startsWith('subscription') ? 'request' : form === 'helpful' ? 'answer' : form,
    );
    const status = response?.status ?? 503;
    const retryAfter = AxiosHeaders.from(response?.headers as AxiosHeaders | undefined)
      .get('retry-after')
      ?.toString();
    // The CMS no longer knows the link (400: its token expired or forged) or its subscription (404).
    const tokenRefused = failure.fieldErrors.length > 0 && failure.fieldErrors.every(({ path }) => path[0] === 'token');
    if (
      LINK_FORMS.includes(form) &&
      (status === 404 || (status === 400 && (tokenRefused || !failure.fieldErrors.length)))
    )
      return refused(status, {}, linkProblemMessage(response?.data), undefined, {
        link: status === 404 ? 'gone' : 'invalid',
      });
    return refused(status, errorsByField(failure.fieldErrors), failure.message, retryAfter);
  }
}
