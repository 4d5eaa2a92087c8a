import { useSearchParams } from 'react-router-dom';
import { ConfirmSubscription } from '@/features/newsletter/components/ConfirmSubscription';
import { PageHead } from '@/features/site/components/PageHead';
import { paths } from '@/lib/paths';

/** The confirmation e-mail's link: never cached nor indexed (src/server/site-handler.ts). */
export default function SubscribeConfirmRoute() {
  const [searchParams] = useSearchParams();
  return (
    <div className="container narrow">
      <PageHead title="Confirm your subscription" path={paths.subscribeConfirm} noindex />
      <header className="page-header">
        <h1>Confirm your subscription</h1>
      </header>
      <ConfirmSubscription token={searchParams.get('token') ?? ''} />
    </div>
  );
}
