/**
 * The article edit view's "History" side panel: the last versions (what was done, who, when, what
 * changed in words) and a link to the screen comparing and restoring them.
 */
import * as React from 'react';
import { NavLink } from 'react-router-dom';
import { Box, Flex, LinkButton, Typography } from '@strapi/design-system';
import { useArticleVersions } from '../hooks/useArticleHistory';
import { ARTICLE_UID, actionLabel, historyScreenPath, versionDate } from '../lib/history';

const SHOWN = 5;

interface PanelProps {
  model: string;
  documentId?: string;
  document?: Record<string, unknown>;
}

function RecentVersions({ documentId, savedAt }: { documentId: string; savedAt?: string }) {
  const { data, error, isLoading } = useArticleVersions(documentId, 1, SHOWN, savedAt);
  if (isLoading) return <Typography variant="pi">Loading the history…</Typography>;
  if (error || !data) return <Typography variant="pi">The history could not be loaded.</Typography>;
  if (!data.data.length) return <Typography variant="pi">No versions yet: the next save keeps the first.</Typography>;
  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={2} aria-label="Latest versions">
      {data.data.map((version) => (
        <Box
          tag="li"
          key={version.version}
          paddingBottom={2}
          borderColor="neutral150"
          style={{ borderBottom: '1px solid' }}
        >
          <Typography variant="omega" fontWeight="bold" tag="p">
            {`Version ${version.version}: ${actionLabel(version)}`}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {version.editor.name}, <time dateTime={version.createdAt}>{versionDate(version.createdAt)}</time>
          </Typography>
          <Typography variant="pi" tag="p">
            {version.changes}
          </Typography>
        </Box>
      ))}
      {data.meta.pagination.total > SHOWN && (
        <Typography variant="pi" textColor="neutral600">
          {`${data.meta.pagination.total} versions in all`}
        </Typography>
      )}
    </Flex>
  );
}

export function HistoryPanel({ model, documentId, document }: PanelProps) {
  if (model !== ARTICLE_UID || !documentId) return null;
  return {
    title: 'History',
    content: (
      <Flex direction="column" alignItems="stretch" gap={3} width="100%">
        <RecentVersions documentId={documentId} savedAt={document?.updatedAt as string | undefined} />
        <LinkButton tag={NavLink} to={historyScreenPath(documentId)} variant="secondary" fullWidth>
          Compare versions
        </LinkButton>
      </Flex>
    ),
  };
}
