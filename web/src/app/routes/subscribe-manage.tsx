import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useSentWithoutScript } from '@/components/form/posted-form';
import { subscriptionQueryOptions } from '@/features/newsletter/api/manage-subscription';
import { LinkProblem } from '@/features/newsletter/components/LinkProblem';
import { LeftNote, ManageSubscription } from '@/features/newsletter/components/ManageSubscription';
import { PageHead } from '@/features/site/components/PageHead';
import { paths } from '@/lib/paths';

/** A newsletter e-mail's link: never cached nor indexed (src/server/site-handler.ts). */
export default function SubscribeManageRoute() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const left = useSentWithoutScript('subscription-leave');
  // Loaded by the route's loader (src/app/loaders.ts) when there is a token.
  const { data: result } = useQuery({ ...subscriptionQueryOptions(token), enabled: Boolean(token) && !left });

  return (
    <div className="container narrow">
      <PageHead title="Your subscription" path={paths.subscribeManage} noindex />
      <header className="page-header">
        <h1>Your subscription</h1>
      </header>
      {left ? (
        <LeftNote />
      ) : !token ? (
        <LinkProblem problem="invalid" message="It has no token: open it from the e-mail again." />
      ) : result ? (
        <ManageSubscription key={token} token={token} result={result} />
      ) : (
        <p role="status">Loading your subscription…</p>
      )}
    </div>
  );
}
