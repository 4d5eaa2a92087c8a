import { useQuery } from '@tanstack/react-query';
import { categoriesQueryOptions } from '@/features/categories/api/get-categories';
import { SubscribeForm } from '@/features/newsletter/components/SubscribeForm';
import { PageHead } from '@/features/site/components/PageHead';
import { paths } from '@/lib/paths';

export default function SubscribeRoute() {
  const { data: categories = [] } = useQuery(categoriesQueryOptions());
  return (
    <div className="container narrow">
      <PageHead
        title="Subscribe"
        description="Our new articles in your inbox, on the topics you choose: each one as it is published, or a weekly digest."
        path={paths.subscribe}
      />
      <header className="page-header">
        <h1 id="subscribe-title">New articles by e-mail</h1>
      </header>
      <SubscribeForm topics={categories} labelledBy="subscribe-title" />
    </div>
  );
}
