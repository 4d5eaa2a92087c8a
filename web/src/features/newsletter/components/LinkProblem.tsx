import { Link } from 'react-router-dom';
import { paths } from '@/lib/paths';

/** Why a subscription's link no longer opens it, said plainly, and where to start again. */
export function LinkProblem({ problem, message }: { problem: 'invalid' | 'gone'; message?: string }) {
  const plainly =
    problem === 'gone'
      ? 'This subscription no longer exists: the address was removed, or you already left.'
      : 'This link has expired or is not valid.';
  // The CMS's own words, when they add something.
  const more = message && !plainly.toLowerCase().includes(message.replace(/\.$/, '').toLowerCase()) ? message : '';
  return (
    <div className="form-alert subscription-problem" role="alert">
      <p>
        {plainly}
        {more && ` ${more}`}
      </p>
      <p>
        <Link to={paths.subscribe}>Subscribe again</Link> to get our new articles by e-mail.
      </p>
    </div>
  );
}
