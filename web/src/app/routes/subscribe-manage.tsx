import { useQuery, type QueryClient } from '@tanstack/react-query';
import { data, useSearchParams, type LoaderFunctionArgs } from 'react-router-dom';
import { useSentWithoutScript } from '@/components/form/posted-form';
import { subscriptionQueryOptions } from '@/features/newsletter/api/manage-subscription';
import { LinkProblem } from '@/features/newsletter/components/LinkProblem';
import { LeftNote, ManageSubscription } from '@/features/newsletter/components/ManageSubscription';
import { PageHead } from '@/features/site/components/PageHead';
import { paths } from '@/lib/paths';

/**
 * The subscription of the link's token, loaded with this page's code (as the preview's loader):
 * no other page carries it in its first load. Reading it changes nothing; a link that no longer
 * opens one answers 400 (expired, forged) or 404 (gone), the page saying so.
 */
export function createSubscriptionLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const token = new URL(request.url).searchParams.get('token');
    if (!token) return data(null, { status: 400 });
    const result = await queryClient.ensureQueryData(subscriptionQueryOptions(token));
    return 'problem' in result ? data(null, { status: result.problem === 'gone' ? 404 : 400 }) : null;
  };
}

/** A newsletter e-mail's link: never cached nor indexed (src/server/site-handler.ts). */
export default function SubscribeManageRoute() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const left = useSentWithoutScript('subscription-leave');
  // Loaded by the route's loader (above) when there is a token.
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
