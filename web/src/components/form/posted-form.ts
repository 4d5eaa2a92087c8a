import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type RefObject } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import type { FieldMessages } from '@/lib/input-check';

/**
 * The reader forms work as plain HTML too: before the page's code runs (or without it) they post
 * to the site's server (src/server/form-posts.ts), which answers a refused form with its page
 * showing what was wrong, and a form it sent with a redirect to the page with a note.
 */
export type FormName = 'comment' | 'enquiry';

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

/** The page was reached by the redirect after `form` was sent without the page's code. */
export function useSentWithoutScript(form: FormName): boolean {
  const [searchParams] = useSearchParams();
  return searchParams.get(SENT_PARAM) === form;
}

/**
 * The fields' values as the page's code finds them when it takes the form over: React keeps what
 * was typed before on screen but not in its state, so it is read once and handed to `keep`
 * (checkboxes as "on" or "").
 */
export function useTypedBeforeTakeOver(
  formRef: RefObject<HTMLFormElement | null>,
  keep: (typed: Record<string, string>) => void,
) {
  useEffect(() => {
    const typed: Record<string, string> = {};
    for (const element of Array.from(formRef.current?.elements ?? [])) {
      if (element instanceof HTMLInputElement && element.type === 'checkbox')
        typed[element.name] = element.checked ? 'on' : '';
      else if (
        (element instanceof HTMLInputElement && element.type !== 'hidden') ||
        element instanceof HTMLTextAreaElement ||
        element instanceof HTMLSelectElement
      )
        typed[element.name] = element.value;
    }
    keep(typed);
    // Once, when the page's code takes the form over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
