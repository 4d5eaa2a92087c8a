import { Link } from 'react-router-dom';
import type { ArticleDetail, ArticlePerson } from '@/features/articles/api/article-fields';
import { formatDate } from '@/lib/format';
import { paths } from '@/lib/paths';

function Person({ person }: { person: ArticlePerson }) {
  return (
    <>
      <Link to={paths.author(person.slug)}>{person.name}</Link>
      {person.credentials && <span className="trust__credentials">, {person.credentials}</span>}
    </>
  );
}

// A calendar day ("2026-09-14") at noon UTC: the same day in every time zone the site may show.
const Day = ({ day }: { day: string }) => <time dateTime={day}>{formatDate(`${day}T12:00:00Z`)}</time>;

type TrustProps = Pick<
  ArticleDetail,
  'author' | 'reviewer' | 'lastReviewedAt' | 'nextReviewDueAt' | 'conflictOfInterest'
>;

/**
 * Under the title: who checked the article and when, in one line that opens onto who wrote it, who
 * reviewed it, the review dates and any conflict of interest (a <details>: works before the script).
 */
export function ArticleTrust({ author, reviewer, lastReviewedAt, nextReviewDueAt, conflictOfInterest }: TrustProps) {
  const rows = [
    author && ['Written by', <Person person={author} />],
    reviewer && ['Medically reviewed by', <Person person={reviewer} />],
    lastReviewedAt && ['Last reviewed', <Day day={lastReviewedAt} />],
    nextReviewDueAt && ['Next review due', <Day day={nextReviewDueAt} />],
  ].filter((row) => !!row);
  if (!rows.length && !conflictOfInterest) return null;
  const line = [
    reviewer ? `Medically reviewed by ${reviewer.name}` : author && `Written by ${author.name}`,
    reviewer && lastReviewedAt && <Day day={lastReviewedAt} />,
    conflictOfInterest && 'Conflict of interest declared',
  ].filter((part) => !!part);
  return (
    <section className="trust" aria-label="About this article">
      <details>
        <summary className="trust__line">
          {line.map((part, index) => (
            <span key={index}>{part}</span>
          ))}
        </summary>
        <dl className="trust__list">
          {rows.map(([term, detail]) => (
            <div key={term as string}>
              <dt>{term}</dt>
              <dd>{detail}</dd>
            </div>
          ))}
        </dl>
        {conflictOfInterest && (
          <p className="trust__note">
            <strong>Conflicts of interest:</strong> {conflictOfInterest}
          </p>
        )}
      </details>
    </section>
  );
}
