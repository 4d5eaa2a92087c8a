/**
 * "Was this page helpful?" under each article: its forms' names and addresses, shared by the page
 * (components/HelpfulQuestion.tsx) and the site's server, which takes them without the page's code
 * (src/server/form-posts.ts) and leads back to the article with `?sent=helpful`.
 */
export const HELPFUL_ID = 'helpful';
/** The note's form (after an answer): the page keeps what was typed in it before its code came. */
export const HELPFUL_NOTE_FORM_ID = 'helpful-note';
/** The hidden field saying which of the article page's forms was posted (the comment form has none). */
export const FORM_FIELD = 'form';
/** `?sent=helpful&answer=no`: answered without the page's code, the note may follow. */
export const ANSWER_PARAM = 'answer';

export type HelpfulAnswer = 'yes' | 'no';

export const asAnswer = (value: unknown): HelpfulAnswer | null => (value === 'yes' || value === 'no' ? value : null);
