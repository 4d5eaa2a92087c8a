// Kept apart from CommentForm.tsx: the comments section and the site's server use it without the form's code.

/** The comment form's anchor: a Reply link and a post without the page's code come back to it. */
export const COMMENT_FORM_ID = 'comment-form';
