/**
 * The article edit view's "Readers" side panel: the article's views in the last 30 days with a
 * trend line, "Was this page helpful?" with its counts, the enquiries sent from it and its
 * readers' comments, and the latest "What was missing?" notes (private to editors). Nothing for a
 * new article not saved yet, nor for a role that may not see readers' figures.
 */
import * as React from 'react';
import { useQuery } from 'react-query';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useAuth, useFetchClient } from '@strapi/strapi/admin';
import type { ArticleReaders } from '@medblog/shared';
import { TrendLine } from './TrendLine';
import { ARTICLE, SEE_READERS, articleReadersPath, dayText, helpfulText, plural, trendText } from '../lib/readers';

interface PanelProps {
  model: string;
  documentId?: string;
}

function Figures({ documentId }: { documentId: string }) {
  const { get } = useFetchClient();
  const figures = useQuery({
    queryKey: ['medblog', 'article-readers', documentId],
    queryFn: async () => (await get<{ data: ArticleReaders }>(articleReadersPath(documentId))).data.data,
    retry: false,
  });
  if (figures.isLoading) return <Typography variant="pi">Loading…</Typography>;
  if (figures.error || !figures.data) {
    return <Typography variant="pi">The readers’ figures could not be loaded.</Typography>;
  }
  const f = figures.data;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="omega" fontWeight="bold">
          {`${plural(f.views, 'view', 'views')} in 30 days`}
        </Typography>
        <TrendLine values={f.dailyViews} label={trendText(f.days, f.dailyViews)} width={160} height={32} />
      </Flex>
      <Typography variant="pi">{helpfulText(f.helpfulYes, f.helpfulNo, f.helpfulPercent)}</Typography>
      <Typography variant="pi">
        {`${plural(f.enquiries, 'enquiry', 'enquiries')} sent from it, ${plural(f.comments, 'comment', 'comments')}`}
      </Typography>
      <Box>
        <Typography variant="sigma" tag="h3" textColor="neutral600">
          What was missing?
        </Typography>
        {f.notes.length === 0 ? (
          <Typography variant="pi" tag="p" textColor="neutral600">
            No notes yet: readers may write one after answering “Was this page helpful?”.
          </Typography>
        ) : (
          <Flex tag="ul" direction="column" alignItems="stretch" gap={2} paddingTop={1}>
            {f.notes.map((note) => (
              <Box tag="li" key={`${note.createdAt} ${note.note}`}>
                <Typography variant="pi" tag="p">
                  {note.note}
                </Typography>
                <Typography variant="pi" tag="p" textColor="neutral600">
                  {`${note.answer === 'yes' ? 'Helpful' : 'Not helpful'}, ${dayText(note.day)}`}
                </Typography>
              </Box>
            ))}
          </Flex>
        )}
      </Box>
    </Flex>
  );
}

export function ReadersPanel({ model, documentId }: PanelProps) {
  const permissions = useAuth('ReadersPanel', (state) => state.permissions);
  const allowed = SEE_READERS.every((need) =>
    permissions.some((p) => p.action === need.action && p.subject === need.subject),
  );
  if (model !== ARTICLE || !documentId || !allowed) return null;
  return { title: 'Readers', content: <Figures documentId={documentId} /> };
}
