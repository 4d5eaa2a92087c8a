import type { SearchSnippet } from '@medblog/shared';
import type { ReactNode } from 'react';

/**
 * The passage of an article that matched, its matched words in <mark>. The CMS sends plain text
 * and offsets, so nothing from the database is ever read as HTML.
 */
export function HighlightedSnippet({ snippet: { text, highlights } }: { snippet: SearchSnippet }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { start, end } of [...highlights].sort((a, b) => a.start - b.start)) {
    if (start < at || end > text.length || end <= start) continue;
    parts.push(text.slice(at, start), <mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <p className="card__excerpt search-snippet">{parts}</p>;
}
