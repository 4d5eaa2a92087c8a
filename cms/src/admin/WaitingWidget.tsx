/**
 * The admin home's "Waiting for you": how many comments wait for a moderator, enquiries are new and
 * articles are due for a medical review, each a link to where that work is done. A count the
 * signed-in role may not read (its request is refused) is left out.
 */
import * as React from 'react';
import { Flex, Link, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import { ADMIN_SCREENS, contentManagerListPath, reviewsDueListPath } from '@medblog/shared';

interface Waiting {
  label: string;
  count: number;
  to: string;
}

type Get = ReturnType<typeof useFetchClient>['get'];

/** The counts, each with how to read it from its answer; the editor's own calendar day for reviews. */
function countsToAsk(today: string) {
  return [
    {
      label: 'Comments waiting for moderation',
      path: '/medblog/comments?status=pending&pageSize=1',
      count: (data: { meta: { pagination: { total: number } } }) => data.meta.pagination.total,
      to: `/${ADMIN_SCREENS.moderation}`,
    },
    {
      label: 'New enquiries',
      path: '/medblog/enquiries/count?handlingStatus=new',
      count: (data: { data: { count: number } }) => data.data.count,
      to: `${contentManagerListPath('api::enquiry.enquiry')}?filters[$and][0][handlingStatus][$eq]=new`,
    },
    {
      label: 'Articles due for a medical review',
      path: reviewsDueListPath(today, 1),
      count: (data: { pagination: { total: number } }) => data.pagination.total,
      to: `/${ADMIN_SCREENS.reviewsDue}`,
    },
  ] as const;
}

async function askCounts(get: Get): Promise<Waiting[]> {
  const today = new Date().toLocaleDateString('en-CA');
  const answers = await Promise.allSettled(
    countsToAsk(today).map(async ({ label, path, count, to }) => {
      const { data } = await get(path);
      return { label, count: (count as (body: unknown) => number)(data), to };
    }),
  );
  return answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
}

export function WaitingWidget() {
  const { get } = useFetchClient();
  const [waiting, setWaiting] = React.useState<Waiting[] | null>(null);

  React.useEffect(() => {
    let current = true;
    void askCounts(get).then((counts) => current && setWaiting(counts));
    return () => {
      current = false;
    };
  }, [get]);

  if (!waiting) return <Loader small>Counting what is waiting</Loader>;
  if (!waiting.length) return <Typography>Nothing to show for your role.</Typography>;
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={3}>
      {waiting.map(({ label, count, to }) => (
        <li key={label}>
          <Link tag={NavLink} to={to}>
            {`${label}: ${count}`}
          </Link>
        </li>
      ))}
    </Flex>
  );
}
