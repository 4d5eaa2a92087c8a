import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import type { FieldMessages } from '@/lib/input-check';
import { paths } from '@/lib/paths';

/**
 * The reader forms work as plain HTML too: before the page's code runs (or without it) they post
 * to the site's server (src/server/form-posts.ts), which answers a refused form with its page
 * showing what was wrong, and a form it sent with a redirect to the page with a note.
 */
export type FormName =
  | 'comment'
  | 'helpful'
  | 'enquiry'
  | 'subscribe'
  | 'subscription-confirm'
  | 'subscription-change'
  | 'subscription-leave';

/** The query of the page a sent form leads back to: `?sent=comment` shows its note. */
export const SENT_PARAM = 'sent';
/** `?reply=<comment documentId>`: the comment form under that comment (the Reply link without script). */
export const REPLY_PARAM = 'reply';

/** A form the server refused, as its page shows it again: what was typed, and why it was refused. */
export interface PostedForm {
  form: FormName;
  /** The page it was posted from. */
  path: string;
  values: Record<string, string>;
  /** By field name; a name that is no field of the form shows above its send button. */
  errors: FieldMessages;
  /** The CMS's refusal (too many, comments closed...), above the send button. */
  problem: string;
}

/** Where the server's render puts the refused form, so the page carries it to the browser. */
export const POSTED_FORM_KEY = ['posted-form'] as const;

/** The refused `form` this page was rendered with, once: a later visit to the page starts empty. */
export function usePostedForm(form: FormName): PostedForm | undefined {
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  const [posted] = useState(() => {
    const found = queryClient.getQueryData<PostedForm>(POSTED_FORM_KEY);
    return found?.form === form && found.path === pathname ? found : undefined;
  });
  useEffect(() => {
    if (posted) queryClient.removeQueries({ queryKey: POSTED_FORM_KEY });
  }, [posted, queryClient]);
  return posted;
}

/** Where the server leads each form back to once sent: the article (comment, helpful), the Quick Enquiry page, the subscription's pages. */
const SENT_TO: Record<FormName, (pathname: string) => boolean> = {
  comment: (pathname) => pathname.startsWith(paths.article('')),
  helpful: (pathname) => pathname.startsWith(paths.article('')),
  enquiry: (pathname) => pathname === paths.enquiry,
  subscribe: (pathname) => pathname === paths.subscribe,
  'subscription-confirm': (pathname) => pathname === paths.subscribeManage,
  'subscription-change': (pathname) => pathname === paths.subscribeManage,
  'subscription-leave': (pathname) => pathname === paths.subscribeManage,
};

/** The page was reached by the redirect after `form` was sent without the page's code. */
export function useSentWithoutScript(form: FormName): boolean {
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  return searchParams.get(SENT_PARAM) === form && SENT_TO[form](pathname);
}

/** What was typed into a server's form, read before React put its own form in its place. */
const typedInServerForms = new Map<string, Record<string, string>>();

/** Whether the reader changed this field of the server's form (its default is what the server sent). */
function changed(element: Element): boolean {
  if (element instanceof HTMLInputElement)
    return element.type === 'checkbox'
      ? element.checked !== element.defaultChecked
      : element.value !== element.defaultValue;
  if (element instanceof HTMLTextAreaElement) return element.value !== element.defaultValue;
  if (element instanceof HTMLSelectElement)
    return Array.from(element.options).some((option) => option.selected !== option.defaultSelected);
  return false;
}

/**
 * The values in the server's form `formId` if the reader typed into it before the page's code
 * took it over (read while it is still the server's), else the last values read from it; null
 * when nothing was typed.
 */
function serverFormValues(formId: string | undefined): Record<string, string> | null {
  if (!formId || typeof document === 'undefined') return null;
  const form = document.getElementById(formId);
  if (!(form instanceof HTMLFormElement) || form.hasAttribute('data-enhanced'))
    return typedInServerForms.get(formId) ?? null;
  const fields = Array.from(form.elements).filter(
    (element): element is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
      (element instanceof HTMLInputElement && element.type !== 'hidden') ||
      element instanceof HTMLTextAreaElement ||
      element instanceof HTMLSelectElement,
  );
  if (!fields.some(changed)) return null;
  const typed = Object.fromEntries(
    fields.map((field) => [
      field.name,
      field instanceof HTMLInputElement && field.type === 'checkbox' ? (field.checked ? 'on' : '') : field.value,
    ]),
  );
  typedInServerForms.set(formId, typed);
  return typed;
}

/**
 * For a part of the page whose form's code comes later (CommentsSection): React may replace that
 * part, the server's form with it, before the form's code arrives, so its values are read now.
 */
export function useKeepServerForm(formId: string) {
  useState(() => serverFormValues(formId));
}

/**
 * What the reader typed into the server's form `formId` before the page's code took it over,
 * handed to `keep` once (checkboxes as "on" or ""). It is read while rendering, before React
 * puts a form of its own in place of the server's (when that part of the page changed before its
 * code came); React's state knows nothing of text typed before either way. True when the reader
 * had typed into it.
 */
export function useTypedBeforeTakeOver(
  formId: string | undefined,
  keep: (typed: Record<string, string>) => void,
): boolean {
  const [typed] = useState(() => serverFormValues(formId));
  useEffect(() => {
    if (formId) typedInServerForms.delete(formId);
    if (typed) keep(typed);
    // Once, when the page's code takes the form over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return typed !== null;
}
