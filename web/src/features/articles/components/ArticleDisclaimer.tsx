import { Link } from 'react-router-dom';
import { paths } from '@/lib/paths';

/** The site-wide disclaimer (from the site settings) and how the articles are written and checked. */
export function ArticleDisclaimer({ disclaimer }: { disclaimer?: string | null }) {
  return (
    <aside className="disclaimer" aria-label="Disclaimer">
      {disclaimer && <p>{disclaimer}</p>}
      <p>
        <Link to={paths.editorialPolicy}>How we write and review our articles</Link>
      </p>
    </aside>
  );
}
