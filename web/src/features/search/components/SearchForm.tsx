import { useId } from 'react';
import { Form, useLocation, useSearchParams } from 'react-router-dom';

export const SEARCH_PATH = '/search';

const LABEL = 'Search the blog';

/** Searches titles and excerpts; on the results page it shows the current words, ready to refine. */
export function SearchForm() {
  const inputId = useId();
  const { pathname } = useLocation();
  const [searchParams] = useSearchParams();
  const current = pathname === SEARCH_PATH ? (searchParams.get('q') ?? '') : '';

  return (
    <Form method="get" action={SEARCH_PATH} role="search" aria-label={LABEL} className="search-form">
      <label htmlFor={inputId} className="visually-hidden">
        {LABEL}
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
