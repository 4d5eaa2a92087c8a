/**
 * /admin/subscribers: who gets our e-mails. Counts at the top for everyone who sees the screen
 * (by state; active subscribers by frequency and by the topics a new article would reach them
 * in). Addresses only for those who may read subscribers (Super Admins, the Audience role): a
 * search by any part of an address, newest first, "Remove" (after a confirm: the reader is
 * deleted and forgotten) and "Download CSV". An Editor sees the counts and a sentence saying who
 * sees addresses. A table on wide screens, cards on phones.
 */
import * as React from 'react';
import { Page, Layouts, useAuth, useFetchClient, useNotification, isFetchError } from '@strapi/strapi/admin';
import {
  Alert,
  Badge,
  Box,
  Button,
  Dialog,
  Flex,
  Grid,
  Loader,
  Searchbar,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Download, Trash } from '@strapi/icons';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import { SUBSCRIBER_STATUS_LABELS, SUBSCRIPTION_FREQUENCY_LABELS } from '@medblog/shared';
import { datedFileName } from '../../../../platform/admin/csv-download';
import { shortDate } from '../../../../platform/admin/list-dates';
import { useCsvDownload } from '../../../../platform/admin/useCsvDownload';
import { useNarrowScreen } from '../../../../platform/admin/useNarrowScreen';
import {
  DELETE_SUBSCRIBERS,
  READ_SUBSCRIBERS,
  SEARCH_MAX,
  SEE_SUBSCRIBER_COUNTS,
  SUBSCRIBER,
  errorMessage,
  listPath,
  removalWarning,
  resultSummary,
  topicNames,
  type ListedSubscriber,
  type SubscriberCounts,
  type SubscriberList,
} from '../lib/subscribers';

const COUNTS_KEY = ['medblog', 'subscribers', 'counts'];
const LIST_KEY = ['medblog', 'subscribers', 'list'];

const STATUS_BADGE: Record<ListedSubscriber['subscriberStatus'], { text: string; background: string }> = {
  active: { text: 'success700', background: 'success100' },
  pending: { text: 'neutral700', background: 'neutral150' },
  bouncing: { text: 'danger700', background: 'danger100' },
};
const loadError = (error: unknown) =>
  isFetchError(error) ? errorMessage(error.response?.data, error.status) : 'The server did not answer.';

function useCounts() {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: COUNTS_KEY,
    queryFn: async ({ signal }) =>
      (await get<{ data: SubscriberCounts }>('/medblog/subscribers/counts', { signal })).data.data,
    retry: false,
  });
}

/** One box of numbers: a title and rows of a name and a count. */
function CountBox(props: { title: string; note?: string; rows: Array<{ key: string; name: string; count: number }> }) {
  return (
    <Grid.Item col={4} s={12} xs={12} direction="column" alignItems="stretch">
      <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} width="100%">
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="delta" tag="h2">
            {props.title}
          </Typography>
          {props.note && (
            <Typography variant="pi" textColor="neutral600">
              {props.note}
            </Typography>
          )}
          <Box tag="dl">
            {props.rows.map((row) => (
              <Flex key={row.key} justifyContent="space-between" gap={3} paddingTop={1} paddingBottom={1}>
                <Typography tag="dt" variant="omega">
                  {row.name}
                </Typography>
                <Typography tag="dd" variant="omega" fontWeight="bold">
                  {row.count}
                </Typography>
              </Flex>
            ))}
          </Box>
        </Flex>
      </Box>
    </Grid.Item>
  );
}

function Counts() {
  const counts = useCounts();
  if (counts.isLoading) return <Loader small>Counting subscribers…</Loader>;
  if (counts.error || !counts.data) {
    return (
      <Typography textColor="danger600">{`Could not count the subscribers: ${loadError(counts.error)}`}</Typography>
    );
  }
  const c = counts.data;
  return (
    <Grid.Root gap={4} aria-label="Subscriber counts">
      <CountBox
        title={`By state: ${c.total} in all`}
        rows={c.byStatus.map((s) => ({ key: s.status, name: s.label, count: s.count }))}
      />
      <CountBox
        title="Subscribed, by frequency"
        note="Subscribers who confirmed their address and get our e-mails."
        rows={c.byFrequency.map((f) => ({ key: f.frequency, name: f.label, count: f.count }))}
      />
      <CountBox
        title="Subscribed, by topic"
        note={`How many a new article in each topic reaches: those who chose it, and the ${c.everyTopic} who chose no topic (all topics).`}
        rows={c.byTopic.map((t) => ({ key: t.slug, name: t.name, count: t.count }))}
      />
    </Grid.Root>
  );
}

function RemoveButton({ subscriber }: { subscriber: ListedSubscriber }) {
  const { del } = useFetchClient();
  const queryClient = useQueryClient();
  const { toggleNotification } = useNotification();
  const remove = useMutation({
    mutationFn: async () => (await del(`/medblog/subscribers/${encodeURIComponent(subscriber.documentId)}`)).data,
    onSettled: () => {
      void queryClient.invalidateQueries(LIST_KEY);
      void queryClient.invalidateQueries(COUNTS_KEY);
    },
  });
  const removeNow = async () => {
    try {
      await remove.mutateAsync();
      toggleNotification({ type: 'success', message: `${subscriber.email} was removed and forgotten.` });
    } catch (error) {
      toggleNotification({ type: 'danger', message: `Not removed: ${loadError(error)}` });
    }
  };
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button
          variant="danger-light"
          size="S"
          startIcon={<Trash />}
          loading={remove.isLoading}
          aria-label={`Remove ${subscriber.email}`}
        >
          Remove
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>Remove this subscriber?</Dialog.Header>
        <Dialog.Body>
          <Dialog.Description>{removalWarning(subscriber.email)}</Dialog.Description>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              Cancel
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button fullWidth variant="danger" onClick={() => void removeNow()}>
              Remove and forget
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
}

function StatusBadge({ status }: { status: ListedSubscriber['subscriberStatus'] }) {
  const colours = STATUS_BADGE[status] ?? STATUS_BADGE.pending;
  return (
    <Badge textColor={colours.text} backgroundColor={colours.background}>
      {SUBSCRIBER_STATUS_LABELS[status] ?? status}
    </Badge>
  );
}

interface RowsProps {
  rows: ListedSubscriber[];
  categories: Array<{ slug: string; name: string }>;
  canDelete: boolean;
}

function SubscriberTable({ rows, categories, canDelete }: RowsProps) {
  return (
    <Table colCount={canDelete ? 6 : 5} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {['E-mail', 'State', 'Frequency', 'Topics', 'Subscribed', ...(canDelete ? ['Actions'] : [])].map((name) => (
            <Th key={name}>
              <Typography variant="sigma">{name}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((s) => (
          <Tr key={s.documentId}>
            <Td>
              <Typography fontWeight="semiBold" style={{ wordBreak: 'break-all' }}>
                {s.email}
              </Typography>
            </Td>
            <Td>
              <StatusBadge status={s.subscriberStatus} />
            </Td>
            <Td>
              <Typography>{SUBSCRIPTION_FREQUENCY_LABELS[s.frequency] ?? s.frequency}</Typography>
            </Td>
            <Td>
              <Typography>{topicNames(s.topics, categories)}</Typography>
            </Td>
            <Td>
              <Typography>{shortDate(s.createdAt, 'datetime')}</Typography>
            </Td>
            {canDelete && (
              <Td>
                <RemoveButton subscriber={s} />
              </Td>
            )}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function SubscriberCards({ rows, categories, canDelete }: RowsProps) {
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={3}>
      {rows.map((s) => (
        <Box tag="li" key={s.documentId} background="neutral0" hasRadius shadow="tableShadow" padding={4}>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography fontWeight="semiBold" style={{ wordBreak: 'break-all' }}>
              {s.email}
            </Typography>
            <Flex gap={2} wrap="wrap">
              <StatusBadge status={s.subscriberStatus} />
              <Typography variant="pi">{SUBSCRIPTION_FREQUENCY_LABELS[s.frequency] ?? s.frequency}</Typography>
            </Flex>
            <Typography variant="pi" textColor="neutral600">
              {`${topicNames(s.topics, categories)} · since ${shortDate(s.createdAt, 'datetime')}`}
            </Typography>
            {canDelete && (
              <Box>
                <RemoveButton subscriber={s} />
              </Box>
            )}
          </Flex>
        </Box>
      ))}
    </Flex>
  );
}

function DownloadButton() {
  const { downloading, download } = useCsvDownload();
  const downloadAll = () =>
    download('/medblog/subscribers/export', {
      fallbackName: datedFileName('subscribers'),
      savedMessage: (fileName, total) =>
        total === undefined
          ? `Subscribers saved to ${fileName}`
          : `${total} ${total === 1 ? 'subscriber' : 'subscribers'} saved to ${fileName}`,
      errorText: errorMessage,
    });
  return (
    <Button variant="secondary" startIcon={<Download />} loading={downloading} onClick={() => void downloadAll()}>
      Download CSV
    </Button>
  );
}

/** Search as the person types, once they pause. */
function useSearch(): [string, string, (text: string) => void] {
  const [text, setText] = React.useState('');
  const [q, setQ] = React.useState('');
  React.useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text]);
  return [text, q, setText];
}

function Addresses({ canDelete, categories }: { canDelete: boolean; categories: SubscriberCounts['byTopic'] }) {
  const { get } = useFetchClient();
  const narrow = useNarrowScreen();
  const [text, q, setText] = useSearch();
  const [page, setPage] = React.useState(1);
  React.useEffect(() => setPage(1), [q]);
  const path = listPath(q, page);
  const list = useQuery({
    queryKey: [...LIST_KEY, path],
    queryFn: async ({ signal }) => (await get<SubscriberList>(path, { signal })).data,
    keepPreviousData: true,
    retry: false,
  });
  const pagination = list.data?.meta.pagination;
  // After a removal emptied the last page, go back one.
  React.useEffect(() => {
    if (pagination && pagination.pageCount > 0 && page > pagination.pageCount) setPage(pagination.pageCount);
  }, [pagination, page]);

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4} wrap="wrap" alignItems="flex-end">
        <Box flex="1" minWidth="16rem">
          <Searchbar
            name="q"
            value={text}
            maxLength={SEARCH_MAX}
            onChange={(event) => setText(event.target.value)}
            onClear={() => setText('')}
            clearLabel="Clear the search"
            placeholder="Search by address, or part of one"
          >
            Search subscribers by address
          </Searchbar>
        </Box>
        <DownloadButton />
      </Flex>
      {list.error ? (
        <Alert variant="danger" title="Could not load the subscribers" closeLabel="Close">
          {loadError(list.error)}
        </Alert>
      ) : !list.data ? (
        <Loader small>Loading subscribers…</Loader>
      ) : (
        <>
          <Typography variant="omega" fontWeight="semiBold" role="status" aria-live="polite">
            {resultSummary(pagination?.total ?? 0, q)}
          </Typography>
          {list.data.data.length > 0 &&
            (narrow ? (
              <SubscriberCards rows={list.data.data} categories={categories} canDelete={canDelete} />
            ) : (
              <SubscriberTable rows={list.data.data} categories={categories} canDelete={canDelete} />
            ))}
          {pagination && pagination.pageCount > 1 && (
            <Flex gap={3} justifyContent="center" wrap="wrap">
              <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous
              </Button>
              <Typography variant="omega">{`Page ${page} of ${pagination.pageCount}`}</Typography>
              <Button variant="tertiary" disabled={page >= pagination.pageCount} onClick={() => setPage(page + 1)}>
                Next
              </Button>
            </Flex>
          )}
        </>
      )}
    </Flex>
  );
}

function SubscribersScreen() {
  const permissions = useAuth('SubscribersPage', (state) => state.permissions);
  const may = (action: string) => permissions.some((p) => p.action === action && p.subject === SUBSCRIBER);
  const counts = useCounts();
  return (
    <Page.Main>
      <Page.Title>Subscribers</Page.Title>
      <Layouts.Header
        title="Subscribers"
        subtitle="Readers who get each new article or a weekly digest by e-mail, after confirming their address."
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Counts />
          {may(READ_SUBSCRIBERS) ? (
            <Addresses canDelete={may(DELETE_SUBSCRIBERS)} categories={counts.data?.byTopic ?? []} />
          ) : (
            <Typography variant="omega" textColor="neutral600">
              Addresses are visible to the Audience role (and Super Admins) only: ask them to look one up, remove one or
              export the list.
            </Typography>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

export default function SubscribersPage() {
  return (
    <Page.Protect permissions={SEE_SUBSCRIBER_COUNTS}>
      <SubscribersScreen />
    </Page.Protect>
  );
}
