/**
 * /admin/moderation: the comment queue. Pending comments first, newest first; a decision on one
 * comment or on a selection, then the list and the counts refresh. E-mails to moderators link here
 * (moderationScreenPath in @medblog/shared).
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
import { CommentRow } from '../components/CommentRow';
import { useDecisions } from '../hooks/useDecisions';
import { useModerationQueue, type QueueComment } from '../hooks/useModerationQueue';
import { useSelection } from '../hooks/useSelection';
import { useTableFocus } from '../hooks/useTableFocus';
import {
  DECISION_BUTTON,
  DECISIONS,
  DEFAULT_PAGE_SIZE,
  EMPTY_MESSAGES,
  PAGE_SIZES,
  STATUS_FILTERS,
  STATUS_LABELS,
  parsePositiveInt,
  parseStatusFilter,
  pendingSummary,
  type Decision,
  type StatusFilter,
} from '../lib/moderation';

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

function ModerationScreen() {
  const [{ query }, setQuery] = useQueryParams<Record<string, string | undefined>>(INITIAL_QUERY);
  const status = parseStatusFilter(query.status);
  const page = parsePositiveInt(query.page, 1);
  const pageSize = parsePositiveInt(query.pageSize, DEFAULT_PAGE_SIZE, 100);

  const { rows, response, error, isFetching, reload } = useModerationQueue(status, page, pageSize);
  const counts = response?.meta.counts;
  const pagination = response?.meta.pagination;

  const permissions = useAuth('ModerationPage', (state) => state.permissions);
  const canModerate = permissions.some((p) => p.action === UPDATE_COMMENTS && p.subject === COMMENT);

  const selection = useSelection(rows);
  const { tableRef, rememberFocus } = useTableFocus(rows);
  const { inFlight, decide } = useDecisions({ beforeSend: rememberFocus, onDecided: selection.deselect });

  // After decisions emptied the last page, show the new last page rather than an empty one.
  React.useEffect(() => {
    if (rows && rows.length === 0 && pagination && page > 1 && page > pagination.pageCount) {
      setQuery({ page: String(Math.max(pagination.pageCount, 1)) }, 'push', true);
    }
  }, [rows, pagination, page, setQuery]);

  const onDecide = (comment: QueueComment, decision: Decision) => decide([comment.documentId], decision);
  const visible = rows ?? [];
  const showStatus = status === 'all';
  const colCount = 4 + (canModerate ? 1 + DECISIONS.length : 0) + (showStatus ? 1 : 0);
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
    body = rows.map((comment) => (
      <CommentRow
        key={comment.documentId}
        comment={comment}
        canModerate={canModerate}
        showStatus={showStatus}
        selected={selection.isSelected(comment.documentId)}
        onSelectedChange={selection.toggle}
        onDecide={onDecide}
        deciding={inFlight.rows[comment.documentId]}
      />
    ));
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
            {canModerate && (
              <Flex gap={2} paddingTop={4} paddingBottom={4} minHeight="6.4rem" wrap="wrap" aria-live="polite">
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
                    Tick comments to approve, reject or mark several as spam at once.
                  </Typography>
                )}
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
                    {['Received', 'Author', 'Article', 'Comment', ...(showStatus ? ['Status'] : [])].map((label) => (
                      <Th key={label}>
                        <Typography variant="sigma" textColor="neutral600">
                          {label}
                        </Typography>
                      </Th>
                    ))}
                    {canModerate &&
                      DECISIONS.map((decision) => (
                        <Th key={decision} style={{ paddingLeft: '0.4rem', paddingRight: '0.4rem' }}>
                          <VisuallyHidden>{DECISION_BUTTON[decision].one}</VisuallyHidden>
                        </Th>
                      ))}
                  </Tr>
                </Thead>
                <Tbody>{body}</Tbody>
              </Table>
            </form>
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
