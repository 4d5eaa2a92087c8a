import { useId } from 'react';
import { Form, useLocation, useSearchParams } from 'react-router-dom';
import { paths } from '@/lib/paths';

const LABEL = 'Search the blog';

/**
 * Searches the articles (the CMS's full-text search); on the results page it shows the current
 * words, ready to refine. A second form on a page takes its own label, so the two search
 * landmarks can be told apart.
 */
export function SearchForm({ label = LABEL }: { label?: string }) {
  const inputId = useId();
  const { pathname } = useLocation();
  const [searchParams] = useSearchParams();
  const current = pathname === paths.search ? (searchParams.get('q') ?? '') : '';

  return (
    <Form method="get" action={paths.search} role="search" aria-label={label} className="search-form">
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <input
        // A new search (or leaving the results page) resets what the box shows.
        key={current}
        id={inputId}
        type="search"
        name="q"
        defaultValue={current}
        placeholder="Search articles"
        enterKeyHint="search"
        autoComplete="off"
        maxLength={100}
        required
      />
      <button type="submit" className="button">
        Search
      </button>
    </Form>
  );
}
