import { useComments } from '../api/get-comments';

/** "3 comments", near the article's title, leading to them. Nothing while they load. */
export function CommentCount({
  articleDocumentId,
  commentsEnabled,
}: {
  articleDocumentId: string;
  commentsEnabled: boolean;
}) {
  const { data } = useComments(articleDocumentId);
  if (!data) return null;
  // Every page carries the full total, whatever number of pages has been shown.
  const { total } = data.pages[0].meta.pagination;
  if (total === 0 && !commentsEnabled) return null;
  return (
    <span>
      <a href="#comments">{total === 0 ? 'No comments yet' : total === 1 ? '1 comment' : `${total} comments`}</a>
    </span>
  );
}
