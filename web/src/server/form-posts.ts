/**
 * The reader forms without the page's code (components/form/posted-form.ts): a comment posted to
 * its article's page and an enquiry posted to /enquiry are read here, checked with the shared
 * schemas and sent to the CMS on the reader's behalf (site-handler.ts runs this as the reader, so
 * the CMS's limits count them), as the page's code would send them.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { commentInputSchema, enquiryInputSchema, errorsByField, type ApiErrorBody } from '@medblog/shared';
import { AxiosHeaders, isAxiosError } from 'axios';
import { LRUCache } from 'lru-cache';
import type { FormName, PostedForm } from '@/components/form/posted-form';
import { SITE_URL } from '@/config/env';
import { apiClient } from '@/lib/api-client';
import { checkInput } from '@/lib/input-check';
import { paths } from '@/lib/paths';
import { sendFailure } from '@/lib/send-failure';

/** The longest form a reader can send (a 5,000-character enquiry, every character %-escaped), with room. */
export const FORM_BODY_MAX_BYTES = 64 * 1024;

const ARTICLE_PAGE = new RegExp(`^${paths.article('[^/]+')}$`);

/** The form a page takes by POST (its path in lower case), or null: no other page does. */
export function formPostedTo(path: string): FormName | null {
  if (path === paths.enquiry) return 'enquiry';
  return ARTICLE_PAGE.test(path) ? 'comment' : null;
}

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
    if (fields.has(name)) return { status: 400, message: `The form gives the field ${name} more than once.` };
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
  enquiry: ['name', 'email', 'phone', 'topic', 'message', 'consent'],
};

/** The input the page's code would send, from the posted fields; `path` is where it was posted. */
function inputOf(form: FormName, fields: URLSearchParams, path: string, elapsedMs: number | undefined) {
  const given = (name: string) => fields.get(name) ?? undefined;
  const botCheck = { website: fields.get('website') ?? '', elapsedMs };
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

export type Outcome = { sent: true } | { sent: false; status: number; retryAfter?: string; postedForm: PostedForm };

/** Checks the posted form and sends it to the CMS: sent, or the page to show again and its status. */
export async function submitForm(
  form: FormName,
  fields: URLSearchParams,
  { path, elapsedMs }: { path: string; elapsedMs: number | undefined },
): Promise<Outcome> {
  const refused = (status: number, errors: Record<string, string>, problem = '', retryAfter?: string): Outcome => ({
    sent: false,
    status,
    retryAfter,
    postedForm: {
      form,
      path,
      values: Object.fromEntries(TYPED[form].flatMap((name) => (fields.has(name) ? [[name, fields.get(name)!]] : []))),
      errors,
      problem,
    },
  });

  const checked =
    form === 'comment'
      ? checkInput(commentInputSchema, inputOf(form, fields, path, elapsedMs))
      : checkInput(enquiryInputSchema, inputOf(form, fields, path, elapsedMs));
  if (checked.errors) return refused(400, checked.errors);
  try {
    await apiClient.post(form === 'comment' ? '/api/comments' : '/api/enquiries', { data: checked.data });
    return { sent: true };
  } catch (error) {
    const response = isAxiosError<ApiErrorBody>(error) ? error.response : undefined;
    const failure = sendFailure(error, form);
    const status = response?.status ?? 503;
    const retryAfter = AxiosHeaders.from(response?.headers as AxiosHeaders | undefined)
      .get('retry-after')
      ?.toString();
    return refused(status, errorsByField(failure.fieldErrors), failure.message, retryAfter);
  }
}
