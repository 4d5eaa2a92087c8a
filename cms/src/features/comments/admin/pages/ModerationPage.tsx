/**
 * /admin/moderation: the comment queue. Pending comments first, newest first; searched by text,
 * name or e-mail, narrowed to one article or one sender; a decision on one comment or on a
 * selection (by mouse or with the keys in the legend), then the list and the counts refresh. A
 * table on wide screens, cards on phones. "Reply as staff" answers a comment from here. E-mails to moderators link here (moderationScreenPath in
 * @medblog/shared).
 */
import * as React from 'react';
import { Page, Layouts, Pagination, isFetchError, useAuth, useQueryParams } from '@strapi/strapi/admin';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Flex,
  Loader,
  Searchbar,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tabs,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { CommentCard, CommentRow } from '../components/CommentRow';
import { StaffReplyDialog } from '../components/StaffReplyDialog';
import { useDecisions } from '../hooks/useDecisions';
import { useKeyboardModeration } from '../hooks/useKeyboardModeration';
import { useArticleOptions, useModerationQueue, type QueueComment } from '../hooks/useModerationQueue';
import { useNarrowScreen } from '../../../../platform/admin/useNarrowScreen';
import { useSelection } from '../hooks/useSelection';
import { useTableFocus } from '../hooks/useTableFocus';
import {
  DECISION_BUTTON,
  DECISIONS,
  DEFAULT_PAGE_SIZE,
  EMPTY_MESSAGES,
  KEYS,
  PAGE_SIZES,
  STATUS_FILTERS,
  STATUS_LABELS,
  parsePositiveInt,
  parseStatusFilter,
  pendingSummary,
  type Decision,
  type QueueSearch,
  type StatusFilter,
} from '../lib/moderation';

/** The headers of the rows' narrow action columns (reply, then each decision). */
const ACTION_HEADER = { paddingLeft: '0.4rem', paddingRight: '0.4rem' };

const COMMENT = 'api::comment.comment';
const READ_COMMENTS = [{ action: 'plugin::content-manager.explorer.read', subject: COMMENT }];
const UPDATE_COMMENTS = 'plugin::content-manager.explorer.update';
const INITIAL_QUERY = { status: 'pending', page: '1', pageSize: String(DEFAULT_PAGE_SIZE) };

const BULK_VARIANT: Record<Decision, 'success-light' | 'danger-light' | 'tertiary'> = {
  approved: 'success-light',
  rejected: 'danger-light',
  spam: 'tertiary',
};

function loadError(error: unknown, verb: 'load' | 'refresh' = 'load'): string {
  if (isFetchError(error) && error.status === 403) return 'Your role may not read comments.';
  if (error instanceof Error && error.message) return `Could not ${verb} the comments: ${error.message}`;
  return `Could not ${verb} the comments.`;
}

const ANY_ARTICLE = 'any';

/** The key legend, always on screen for moderators. */
function KeyLegend() {
  return (
    <Typography variant="pi" textColor="neutral600" aria-label="Keyboard shortcuts">
      Keys:{' '}
      {KEYS.map(({ key, does }, i) => (
        <React.Fragment key={key}>
          {i > 0 && ' · '}
          <kbd style={{ fontFamily: 'monospace', fontWeight: 600 }}>{key}</kbd> {does}
        </React.Fragment>
      ))}{' '}
      (a/r/s: the selection, if any)
    </Typography>
  );
}

/** Search as the moderator types, once they pause. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = React.useState(value);
  React.useEffect(() => setText(value), [value]);
  React.useEffect(() => {
    if (text === value) return undefined;
    const timer = window.setTimeout(() => onSearch(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <Box flex="1" minWidth="20rem">
      <Searchbar
        name="q"
        size="S"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onClear={() => {
          setText('');
          onSearch('');
        }}
        clearLabel="Clear the search"
        placeholder="Search text, name or e-mail"
      >
        Search comments
      </Searchbar>
    </Box>
  );
}

function ModerationScreen() {
  const [{ query }, setQuery] = useQueryParams<Record<string, string | undefined>>(INITIAL_QUERY);
  const status = parseStatusFilter(query.status);
  const page = parsePositiveInt(query.page, 1);
  const pageSize = parsePositiveInt(query.pageSize, DEFAULT_PAGE_SIZE, 100);

  const search: QueueSearch = React.useMemo(
    () => ({ q: query.q || undefined, article: query.article || undefined, sender: query.sender || undefined }),
    [query.q, query.article, query.sender],
  );
  const { rows, response, error, isFetching, reload } = useModerationQueue(status, page, pageSize, search);
  const articles = useArticleOptions();
  const narrow = useNarrowScreen();
  const counts = response?.meta.counts;
  const pagination = response?.meta.pagination;

  const permissions = useAuth('ModerationPage', (state) => state.permissions);
  const canModerate = permissions.some((p) => p.action === UPDATE_COMMENTS && p.subject === COMMENT);

  const selection = useSelection(rows);
  const { tableRef, rememberFocus } = useTableFocus(rows);
  const { inFlight, decide } = useDecisions({ beforeSend: rememberFocus, onDecided: selection.deselect });
  const [replyingTo, setReplyingTo] = React.useState<QueueComment>();
  const keyboard = useKeyboardModeration({
    paused: replyingTo !== undefined,
    rows: rows ?? [],
    canModerate,
    selected: selection.selected,
    toggle: selection.toggle,
    decide,
  });

  const onSearch = React.useCallback((q: string) => setQuery({ q: q || undefined, page: '1' }), [setQuery]);
  // "All from sender": that sender's comments only, all of them selected once they are loaded.
  const selectSenderOnLoad = React.useRef(false);
  const onSelectSender = (comment: QueueComment) => {
    selectSenderOnLoad.current = true;
    setQuery({ sender: comment.authorEmail, q: undefined, page: '1', pageSize: '100' });
  };
  React.useEffect(() => {
    if (rows && selectSenderOnLoad.current) {
      selectSenderOnLoad.current = false;
      selection.selectAll();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when new rows arrive
  }, [rows]);

  // After decisions emptied the last page, show the new last page rather than an empty one.
  React.useEffect(() => {
    if (rows && rows.length === 0 && pagination && page > 1 && page > pagination.pageCount) {
      setQuery({ page: String(Math.max(pagination.pageCount, 1)) }, 'push', true);
    }
  }, [rows, pagination, page, setQuery]);

  const onDecide = (comment: QueueComment, decision: Decision) => decide([comment.documentId], decision);
  const viewProps = (comment: QueueComment) => ({
    comment,
    canModerate,
    showStatus,
    selected: selection.isSelected(comment.documentId),
    current: keyboard.current === comment.documentId,
    onSelectedChange: selection.toggle,
    onDecide,
    onSelectSender,
    onReply: setReplyingTo,
    deciding: inFlight.rows[comment.documentId],
  });
  const visible = rows ?? [];
  const showStatus = status === 'all';
  const colCount = 4 + (canModerate ? 2 + DECISIONS.length : 0) + (showStatus ? 1 : 0);
  const total = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : undefined;

  const countOf = (filter: StatusFilter) => (filter === 'all' ? total : counts?.[filter]);

  let body: React.ReactNode;
  if (error && !rows) {
    body = (
      <Tr>
        <Td colSpan={colCount}>
          <Flex direction="column" gap={4} padding={8} role="alert">
            <Typography textColor="danger600">{loadError(error)}</Typography>
            <Button variant="secondary" onClick={reload}>
              Try again
            </Button>
          </Flex>
        </Td>
      </Tr>
    );
  } else if (!rows) {
    body = (
      <Tr>
        <Td colSpan={colCount}>
          <Flex justifyContent="center" padding={11}>
            <Loader>Loading comments</Loader>
          </Flex>
        </Td>
      </Tr>
    );
  } else if (rows.length === 0) {
    body = (
      <Tr>
        <Td colSpan={colCount}>
          <Flex justifyContent="center" padding={11}>
            <Typography variant="delta" tag="p" textColor="neutral600">
              {EMPTY_MESSAGES[status]}
            </Typography>
          </Flex>
        </Td>
      </Tr>
    );
  } else {
    body = rows.map((comment) => <CommentRow key={comment.documentId} {...viewProps(comment)} />);
  }

  return (
    <Page.Main aria-busy={isFetching}>
      <Page.Title>Moderation</Page.Title>
      <Layouts.Header
        title="Moderation"
        subtitle={pendingSummary(counts?.pending)}
        primaryAction={
          <Button variant="secondary" onClick={reload} loading={isFetching && rows !== undefined}>
            Refresh
          </Button>
        }
      />
      <Layouts.Content>
        <Tabs.Root value={status} onValueChange={(value) => setQuery({ status: value, page: '1' })} variant="simple">
          <Tabs.List aria-label="Comments by moderation status">
            {STATUS_FILTERS.map((filter) => (
              <Tabs.Trigger key={filter} value={filter}>
                <Flex gap={2}>
                  {STATUS_LABELS[filter]}
                  {countOf(filter) !== undefined && (
                    <Badge size="S" active={filter === status}>
                      {countOf(filter)}
                    </Badge>
                  )}
                </Flex>
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          <Tabs.Content value={status}>
            <Flex gap={2} paddingTop={3} wrap="wrap" alignItems="center">
              <SearchBox value={search.q ?? ''} onSearch={onSearch} />
              <Box minWidth="20rem">
                <SingleSelect
                  size="S"
                  aria-label="Article"
                  value={search.article ?? ANY_ARTICLE}
                  onChange={(value) =>
                    setQuery({ article: value === ANY_ARTICLE ? undefined : String(value), page: '1' })
                  }
                >
                  <SingleSelectOption value={ANY_ARTICLE}>All articles</SingleSelectOption>
                  {(articles.data ?? []).map((article) => (
                    <SingleSelectOption key={article.documentId} value={article.documentId}>
                      {article.title}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Box>
              {search.sender && (
                <Button
                  size="S"
                  variant="secondary"
                  aria-label={`Show every sender again (now only ${search.sender})`}
                  onClick={() => setQuery({ sender: undefined, page: '1', pageSize: String(DEFAULT_PAGE_SIZE) })}
                >
                  From {search.sender} ✕
                </Button>
              )}
            </Flex>
            {canModerate && (
              <Flex
                gap={4}
                paddingTop={2}
                paddingBottom={2}
                minHeight="4.8rem"
                wrap="wrap"
                justifyContent="space-between"
              >
                <Flex gap={2} wrap="wrap" aria-live="polite">
                  {selection.selected.length > 0 ? (
                    <>
                      <Typography variant="omega" textColor="neutral600">
                        {selection.selected.length} selected
                      </Typography>
                      {DECISIONS.filter((decision) => decision !== status).map((decision) => (
                        <Button
                          key={decision}
                          size="S"
                          variant={BULK_VARIANT[decision]}
                          loading={inFlight.bulk === decision}
                          disabled={inFlight.bulk !== undefined}
                          onClick={() => decide(selection.selected, decision, { bulk: true })}
                        >
                          {DECISION_BUTTON[decision].selection}
                        </Button>
                      ))}
                    </>
                  ) : (
                    <Typography variant="omega" textColor="neutral600">
                      Tick comments, or a sender’s icon for all of theirs, to decide on several at once.
                    </Typography>
                  )}
                </Flex>
                <KeyLegend />
              </Flex>
            )}
            {error !== undefined && rows !== undefined && (
              <Box paddingBottom={4} role="alert">
                <Typography variant="omega" textColor="danger600">
                  {loadError(error, 'refresh')} The list below may be out of date.
                </Typography>
              </Box>
            )}
            {!canModerate && (
              <Box paddingTop={4} paddingBottom={4}>
                <Typography variant="omega" textColor="neutral600">
                  Your role may read comments but not moderate them.
                </Typography>
              </Box>
            )}
            {narrow && rows && rows.length > 0 ? (
              <Flex tag="ol" direction="column" alignItems="stretch" gap={3} aria-label="Comments">
                {rows.map((comment) => (
                  <CommentCard key={comment.documentId} {...viewProps(comment)} />
                ))}
              </Flex>
            ) : (
              <>
                {/* The design system's table is an ARIA grid that decides at mount how each cell takes
                    the focus. Radix checkboxes outside a form drop their hidden input right after
                    mount, which leaves the grid's focus stuck on the first cell; inside a form they
                    keep it, and arrow keys, Enter and Escape move through the table as intended.
                    Nothing here submits. */}
                <form onSubmit={(event) => event.preventDefault()}>
                  <Table ref={tableRef} colCount={colCount} rowCount={visible.length + 1}>
                    <Thead>
                      <Tr>
                        {canModerate && (
                          <Th>
                            <Checkbox
                              aria-label="Select all comments on this page"
                              checked={selection.someSelected ? 'indeterminate' : selection.allSelected}
                              onCheckedChange={selection.toggleAll}
                            />
                          </Th>
                        )}
                        {['Received', 'Author', 'Article', 'Comment', ...(showStatus ? ['Status'] : [])].map(
                          (label) => (
                            <Th key={label}>
                              <Typography variant="sigma" textColor="neutral600">
                                {label}
                              </Typography>
                            </Th>
                          ),
                        )}
                        {canModerate && (
                          <Th style={ACTION_HEADER}>
                            <VisuallyHidden>Reply as staff</VisuallyHidden>
                          </Th>
                        )}
                        {canModerate &&
                          DECISIONS.map((decision) => (
                            <Th key={decision} style={ACTION_HEADER}>
                              <VisuallyHidden>{DECISION_BUTTON[decision].one}</VisuallyHidden>
                            </Th>
                          ))}
                      </Tr>
                    </Thead>
                    <Tbody>{body}</Tbody>
                  </Table>
                </form>
              </>
            )}
            {pagination && pagination.total > 0 && (
              <Pagination.Root
                pageCount={pagination.pageCount}
                total={pagination.total}
                defaultPageSize={DEFAULT_PAGE_SIZE}
                defaultPage={1}
              >
                <Pagination.PageSize options={[...PAGE_SIZES]} />
                <Pagination.Links />
              </Pagination.Root>
            )}
          </Tabs.Content>
        </Tabs.Root>
        {replyingTo && <StaffReplyDialog comment={replyingTo} onClose={() => setReplyingTo(undefined)} />}
      </Layouts.Content>
    </Page.Main>
  );
}

export default function ModerationPage() {
  return (
    <Page.Protect permissions={READ_COMMENTS}>
      <ModerationScreen />
    </Page.Protect>
  );
}
