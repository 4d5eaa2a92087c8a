/**
 * "Reviews due": the article list filtered to the articles whose next medical review falls today or
 * earlier. Strapi's own list does the rest (sorting, paging, opening an article); this page only
 * fills in today's date, which a fixed menu link could not.
 */
import { Navigate } from 'react-router-dom';
import { reviewsDueListPath } from '@medblog/shared';

export default function ReviewsDuePage() {
  // The editor's own calendar day, as the date picker shows dates.
  const today = new Date().toLocaleDateString('en-CA');
  return <Navigate replace to={reviewsDueListPath(today)} />;
}
