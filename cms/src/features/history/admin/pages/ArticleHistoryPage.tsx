/**
 * /admin/article-history/:documentId: every version of an article (what was done, who, when, what
 * changed), two of them compared field by field (old and new text, deleted and inserted words
 * marked), and "Restore this version", which puts a version's content in the draft after a
 * confirmation. Opened from the History panel of the article's edit view.
 */
import * as React from 'react';
import { NavLink, useParams } from 'react-router-dom';
import { Page, Layouts, isFetchError, useNotification } from '@strapi/strapi/admin';
import {
  Box,
  Button,
  Dialog,
  Field,
  Flex,
  Grid,
  LinkButton,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowLeft, ArrowClockwise } from '@strapi/icons';
import { useArticleVersions, useRestoreVersion, useVersionDiff } from '../hooks/useArticleHistory';
import {
  ARTICLE_UID,
  actionLabel,
  articleEditPath,
  defaultPair,
  inOrder,
  versionDate,
  type ArticleVersion,
  type DiffPart,
  type FieldDiff,
} from '../lib/history';

const PAGE_SIZE = 50;
const READ_ARTICLES = [{ action: 'plugin::content-manager.explorer.read', subject: ARTICLE_UID }];

const errorMessage = (error: unknown) =>
  isFetchError(error) ? (error.response?.data?.error?.message ?? error.message) : (error as Error).message;

/** One side of a field's diff: the old text with its deleted words marked, or the new with the inserted. */
function DiffText({ parts, side }: { parts: DiffPart[]; side: 'before' | 'after' }) {
  const marked = side === 'before' ? 'removed' : 'added';
  const hidden = side === 'before' ? 'added' : 'removed';
  const shown = parts.filter((part) => !part[hidden]);
  if (!shown.some((part) => part.value.trim())) {
    return (
      <Typography variant="pi" textColor="neutral500">
        (empty)
      </Typography>
    );
  }
  return (
    <Typography variant="omega" tag="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {shown.map((part, index) =>
        part[marked] ? (
          <Box
            key={index}
            tag={side === 'before' ? 'del' : 'ins'}
            background={side === 'before' ? 'danger100' : 'success100'}
            color={side === 'before' ? 'danger700' : 'success700'}
            style={{ textDecoration: side === 'before' ? 'line-through' : 'underline' }}
          >
            {part.value}
          </Box>
        ) : (
          <React.Fragment key={index}>{part.value}</React.Fragment>
        ),
      )}
    </Typography>
  );
}

function FieldChange({ diff, from, to }: { diff: FieldDiff; from: number; to: number }) {
  return (
    <Box tag="section" aria-label={diff.label} background="neutral0" hasRadius shadow="tableShadow" padding={4}>
      <Typography variant="delta" tag="h3">
        {diff.label}
      </Typography>
      <Grid.Root gap={4} paddingTop={3}>
        <Grid.Item col={6} xs={12} direction="column" alignItems="stretch" gap={1}>
          <Typography variant="sigma" textColor="neutral600">{`Version ${from}`}</Typography>
          <DiffText parts={diff.parts} side="before" />
        </Grid.Item>
        <Grid.Item col={6} xs={12} direction="column" alignItems="stretch" gap={1}>
          <Typography variant="sigma" textColor="neutral600">{`Version ${to}`}</Typography>
          <DiffText parts={diff.parts} side="after" />
        </Grid.Item>
      </Grid.Root>
    </Box>
  );
}

function VersionSelect(props: {
  label: string;
  versions: ArticleVersion[];
  value: number;
  onChange: (version: number) => void;
}) {
  return (
    <Field.Root name={props.label} width="100%">
      <Field.Label>{props.label}</Field.Label>
      <SingleSelect value={String(props.value)} onChange={(value) => props.onChange(Number(value))}>
        {props.versions.map((version) => (
          <SingleSelectOption key={version.version} value={String(version.version)}>
            {`Version ${version.version}: ${actionLabel(version)}, ${versionDate(version.createdAt)}`}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
}

function RestoreButton({ documentId, version }: { documentId: string; version: ArticleVersion }) {
  const { toggleNotification } = useNotification();
  const restore = useRestoreVersion(documentId);
  const restoreNow = async () => {
    try {
      const created = await restore.mutateAsync(version.version);
      toggleNotification({
        type: 'success',
        message: `Version ${version.version} restored: the draft has its content, kept as version ${created.version}.`,
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: `Not restored: ${errorMessage(error)}` });
    }
  };
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button variant="tertiary" size="S" startIcon={<ArrowClockwise />} loading={restore.isLoading}>
          Restore this version
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{`Restore version ${version.version}?`}</Dialog.Header>
        <Dialog.Body>
          <Dialog.Description>
            {`The article's draft gets the content of version ${version.version} (${actionLabel(version).toLowerCase()} by ${version.editor.name}, ${versionDate(version.createdAt)}). The current content stays in the history. Readers see the restored content once the article is published.`}
          </Dialog.Description>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              Cancel
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button fullWidth variant="default" onClick={restoreNow}>
              Restore
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
}

function VersionTable({ documentId, versions }: { documentId: string; versions: ArticleVersion[] }) {
  return (
    <Table colCount={5} rowCount={versions.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">Version</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">Who</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">When</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">What changed</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">Restore</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {versions.map((version) => (
          <Tr key={version.version}>
            <Td>
              <Typography fontWeight="bold">{`${version.version}: ${actionLabel(version)}`}</Typography>
            </Td>
            <Td>
              <Typography>{version.editor.name}</Typography>
            </Td>
            <Td>
              <Typography>
                <time dateTime={version.createdAt}>{versionDate(version.createdAt)}</time>
              </Typography>
            </Td>
            <Td>
              {/* Wraps (the design system's table is nowrap), so a long list of fields never makes it scroll sideways. */}
              <Typography style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{version.changes}</Typography>
            </Td>
            <Td>
              <RestoreButton documentId={documentId} version={version} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function Comparison({ documentId, pair }: { documentId: string; pair: { from: number; to: number } }) {
  const diff = useVersionDiff(documentId, pair);
  if (diff.error) return <Typography textColor="danger600">{`Not compared: ${errorMessage(diff.error)}`}</Typography>;
  if (!diff.data) return <Typography>Comparing…</Typography>;
  if (!diff.data.fields.length) {
    return <Typography>{`Versions ${pair.from} and ${pair.to} have the same content.`}</Typography>;
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={3} aria-label="Differences">
      {diff.data.fields.map((field) => (
        <FieldChange key={field.field} diff={field} from={pair.from} to={pair.to} />
      ))}
    </Flex>
  );
}

function HistoryScreen({ documentId }: { documentId: string }) {
  const [page, setPage] = React.useState(1);
  const versions = useArticleVersions(documentId, page, PAGE_SIZE);
  const list = versions.data?.data ?? [];
  const [chosen, setChosen] = React.useState<{ from: number; to: number } | null>(null);
  // The latest two until the editor picks; after a restore, the new latest two.
  const pair = chosen ?? defaultPair(list);
  const latest = list[0]?.version;
  const shownLatest = React.useRef(latest);
  React.useEffect(() => {
    if (shownLatest.current !== undefined && latest !== shownLatest.current) setChosen(null);
    shownLatest.current = latest;
  }, [latest]);

  const meta = versions.data?.meta;
  return (
    <Page.Main aria-busy={versions.isFetching}>
      <Page.Title>{meta ? `History: ${meta.article.title}` : 'History'}</Page.Title>
      <Layouts.Header
        title={meta ? `History: ${meta.article.title}` : 'History'}
        subtitle={meta ? `${meta.pagination.total} versions` : undefined}
        navigationAction={
          <LinkButton tag={NavLink} to={articleEditPath(documentId)} variant="tertiary" startIcon={<ArrowLeft />}>
            Back to the article
          </LinkButton>
        }
      />
      <Layouts.Content>
        {versions.error ? (
          <Typography textColor="danger600">{`The history could not be loaded: ${errorMessage(versions.error)}`}</Typography>
        ) : !versions.data ? (
          <Typography>Loading the history…</Typography>
        ) : !list.length ? (
          <Typography>No versions yet: the next save of the article keeps the first.</Typography>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Box tag="section" aria-labelledby="compare-heading">
              <Typography variant="beta" tag="h2" id="compare-heading">
                Compare versions
              </Typography>
              {pair && (
                <Grid.Root gap={4} paddingTop={3} paddingBottom={4}>
                  <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
                    <VersionSelect
                      label="Older version"
                      versions={list}
                      value={pair.from}
                      onChange={(from) => setChosen(inOrder(from, pair.to))}
                    />
                  </Grid.Item>
                  <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
                    <VersionSelect
                      label="Newer version"
                      versions={list}
                      value={pair.to}
                      onChange={(to) => setChosen(inOrder(pair.from, to))}
                    />
                  </Grid.Item>
                </Grid.Root>
              )}
              {pair && <Comparison documentId={documentId} pair={pair} />}
            </Box>
            <Box tag="section" aria-labelledby="versions-heading">
              <Typography variant="beta" tag="h2" id="versions-heading">
                All versions
              </Typography>
              <Box paddingTop={3}>
                <VersionTable documentId={documentId} versions={list} />
              </Box>
              {meta && meta.pagination.pageCount > 1 && (
                <Flex gap={2} paddingTop={3} justifyContent="flex-end">
                  <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                    Newer versions
                  </Button>
                  <Button
                    variant="tertiary"
                    disabled={page >= meta.pagination.pageCount}
                    onClick={() => setPage(page + 1)}
                  >
                    Older versions
                  </Button>
                </Flex>
              )}
            </Box>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
}

export default function ArticleHistoryPage() {
  const { documentId } = useParams<{ documentId: string }>();
  return (
    <Page.Protect permissions={READ_ARTICLES}>{documentId && <HistoryScreen documentId={documentId} />}</Page.Protect>
  );
}
