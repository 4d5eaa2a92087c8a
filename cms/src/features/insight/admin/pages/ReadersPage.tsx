/**
 * /admin/readers: what readers need, for the last 7, 30 or 90 days. Articles ranked by views with
 * a trend line of their daily views, "Was this page helpful?", enquiries, comments and the phone
 * share; content gaps (searches that found nothing, asked by at least 3 readers on one day), each
 * with "Start a draft"; referring sites; real readers' page speed rated against Google's
 * thresholds. Every table downloads as CSV. Editors and Super Admins see the whole site; Authors
 * their own articles and the content gaps. Tables on wide screens, cards on phones.
 */
import * as React from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { Page, Layouts, useFetchClient, useNotification, isFetchError } from '@strapi/strapi/admin';
import {
  Alert,
  Badge,
  Box,
  Button,
  Flex,
  Link,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Check, Download, Plus } from '@strapi/icons';
import { useMutation, useQuery } from 'react-query';
import {
  contentManagerEntryPath,
  DEFAULT_READERS_PERIOD,
  READERS_PERIODS,
  type ContentGap,
  type PageSpeed,
  type ReadersAnswer,
  type ReadersArticle,
  type ReadersPeriod,
  type ReadersTable,
  type ReferringSite,
} from '@medblog/shared';
import { datedFileName } from '../../../../platform/admin/csv-download';
import { useCsvDownload } from '../../../../platform/admin/useCsvDownload';
import { useNarrowScreen } from '../../../../platform/admin/useNarrowScreen';
import { TrendLine } from '../components/TrendLine';
import {
  ARTICLE,
  METRIC_NAMES,
  SEE_READERS,
  dayText,
  draftTitle,
  errorMessage,
  exportPath,
  helpfulText,
  pageTypeLabel,
  phoneShareText,
  plural,
  ratingColours,
  ratingLabel,
  readersPath,
  speedValue,
  thresholdsText,
  trendText,
} from '../lib/readers';

const loadError = (error: unknown) =>
  isFetchError(error) ? errorMessage(error.response?.data, error.status) : 'The server did not answer.';

const articleEditPath = (documentId: string) => contentManagerEntryPath(ARTICLE, documentId);

function DownloadButton({ table, period, what }: { table: ReadersTable; period: ReadersPeriod; what: string }) {
  const { downloading, download } = useCsvDownload();
  const downloadTable = () =>
    download(exportPath(table, period), {
      fallbackName: datedFileName(`readers-${table}`),
      savedMessage: (fileName) => `${what} saved to ${fileName}`,
      errorText: errorMessage,
    });
  return (
    <Button
      variant="tertiary"
      size="S"
      startIcon={<Download />}
      loading={downloading}
      onClick={() => void downloadTable()}
      aria-label={`Download CSV of ${what.toLowerCase()}`}
    >
      Download CSV
    </Button>
  );
}

/** A section of the page: a heading, a sentence on what it shows, its CSV, then its rows. */
function Section(props: {
  id: string;
  title: string;
  note: string;
  download?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Box tag="section" aria-labelledby={props.id} background="neutral0" hasRadius shadow="tableShadow" padding={5}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={3} wrap="wrap">
          <Box>
            <Typography variant="delta" tag="h2" id={props.id}>
              {props.title}
            </Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {props.note}
            </Typography>
          </Box>
          {props.download}
        </Flex>
        {props.children}
      </Flex>
    </Box>
  );
}

/** What a table without rows says: what will appear, and when. */
function Empty({ children }: { children: React.ReactNode }) {
  return (
    <Box background="neutral100" hasRadius padding={4}>
      <Typography variant="omega" textColor="neutral700">
        {children}
      </Typography>
    </Box>
  );
}

const headerCells = (names: string[]) => (
  <Thead>
    <Tr>
      {names.map((name) => (
        <Th key={name}>
          <Typography variant="sigma">{name}</Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);

// ---- Articles --------------------------------------------------------------------------------

function ArticleTitle({ article }: { article: ReadersArticle }) {
  return (
    <Link tag={RouterLink} to={articleEditPath(article.documentId)} style={{ fontWeight: 600 }}>
      {article.title}
    </Link>
  );
}

function ArticleRows({ articles, days }: { articles: ReadersArticle[]; days: string[] }) {
  return (
    <Table colCount={7} rowCount={articles.length + 1}>
      {headerCells(['Article', 'Views', 'Trend', 'Helpful', 'Enquiries', 'Comments', 'Screens'])}
      <Tbody>
        {articles.map((article) => (
          <Tr key={article.documentId}>
            <Td style={{ whiteSpace: 'normal', maxWidth: '28rem' }}>
              <ArticleTitle article={article} />
            </Td>
            <Td>
              <Typography fontWeight="bold">{article.views.toLocaleString('en-GB')}</Typography>
            </Td>
            <Td>
              <TrendLine values={article.dailyViews} label={trendText(days, article.dailyViews)} />
            </Td>
            <Td>
              <Typography>{helpfulText(article.helpfulYes, article.helpfulNo, article.helpfulPercent)}</Typography>
            </Td>
            <Td>
              <Typography>{article.enquiries.toLocaleString('en-GB')}</Typography>
            </Td>
            <Td>
              <Typography>{article.comments.toLocaleString('en-GB')}</Typography>
            </Td>
            <Td>
              <Typography>{phoneShareText(article.phoneViews, article.desktopViews) ?? 'Not reported'}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function ArticleCards({ articles, days }: { articles: ReadersArticle[]; days: string[] }) {
  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={3}>
      {articles.map((article) => (
        <Box tag="li" key={article.documentId} borderColor="neutral200" hasRadius padding={3}>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <ArticleTitle article={article} />
            <Flex gap={3} alignItems="center">
              <Typography fontWeight="bold">{plural(article.views, 'view', 'views')}</Typography>
              <TrendLine values={article.dailyViews} label={trendText(days, article.dailyViews)} />
            </Flex>
            <Typography variant="pi">
              {helpfulText(article.helpfulYes, article.helpfulNo, article.helpfulPercent)}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {[
                plural(article.enquiries, 'enquiry', 'enquiries'),
                plural(article.comments, 'comment', 'comments'),
                phoneShareText(article.phoneViews, article.desktopViews),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography>
          </Flex>
        </Box>
      ))}
    </Flex>
  );
}

// ---- Content gaps ----------------------------------------------------------------------------

/** Creates a draft article titled with the search, as the content manager would, and opens it. */
function StartDraftButton({ gap }: { gap: ContentGap }) {
  const { post } = useFetchClient();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const start = useMutation({
    mutationFn: async () =>
      (
        await post<{ data: { documentId: string } }>(`/content-manager/collection-types/${ARTICLE}`, {
          title: draftTitle(gap.query),
        })
      ).data.data,
    onSuccess: (created) => navigate(articleEditPath(created.documentId)),
    onError: (error) => toggleNotification({ type: 'danger', message: `No draft started: ${loadError(error)}` }),
  });
  return (
    <Button
      variant="secondary"
      size="S"
      startIcon={<Plus />}
      loading={start.isLoading}
      onClick={() => start.mutate()}
      aria-label={`Start a draft titled “${draftTitle(gap.query)}”`}
    >
      Start a draft
    </Button>
  );
}

function GapRows({ gaps }: { gaps: ContentGap[] }) {
  return (
    <Table colCount={5} rowCount={gaps.length + 1}>
      {headerCells(['Search', 'Readers', 'Searches', 'Last asked', 'Actions'])}
      <Tbody>
        {gaps.map((gap) => (
          <Tr key={gap.query}>
            <Td style={{ whiteSpace: 'normal' }}>
              <Typography fontWeight="semiBold">{gap.query}</Typography>
            </Td>
            <Td>
              <Typography>{gap.visitors.toLocaleString('en-GB')}</Typography>
            </Td>
            <Td>
              <Typography>{gap.searches.toLocaleString('en-GB')}</Typography>
            </Td>
            <Td>
              <Typography>{dayText(gap.lastAsked)}</Typography>
            </Td>
            <Td>
              <StartDraftButton gap={gap} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function GapCards({ gaps }: { gaps: ContentGap[] }) {
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={3}>
      {gaps.map((gap) => (
        <Box tag="li" key={gap.query} borderColor="neutral200" hasRadius padding={3}>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography fontWeight="semiBold">{gap.query}</Typography>
            <Typography variant="pi" textColor="neutral600">
              {`${plural(gap.visitors, 'reader', 'readers')}, ${plural(gap.searches, 'search', 'searches')}, last asked ${dayText(gap.lastAsked)}`}
            </Typography>
            <Box>
              <StartDraftButton gap={gap} />
            </Box>
          </Flex>
        </Box>
      ))}
    </Flex>
  );
}

// ---- Referring sites and speed -----------------------------------------------------------------

function ReferrerRows({ sites }: { sites: ReferringSite[] }) {
  return (
    <Table colCount={2} rowCount={sites.length + 1}>
      {headerCells(['Site', 'Readers'])}
      <Tbody>
        {sites.map((site) => (
          <Tr key={site.domain}>
            <Td style={{ whiteSpace: 'normal', wordBreak: 'break-all' }}>
              <Typography>{site.domain}</Typography>
            </Td>
            <Td>
              <Typography>{site.visitors.toLocaleString('en-GB')}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function Rating({ speed }: { speed: PageSpeed }) {
  return <Badge {...ratingColours(speed.rating)}>{ratingLabel(speed.rating)}</Badge>;
}

function SpeedRows({ speed }: { speed: PageSpeed[] }) {
  return (
    <Table colCount={5} rowCount={speed.length + 1}>
      {headerCells(['Pages', 'Measure', '75th percentile', 'Rating', 'Samples'])}
      <Tbody>
        {speed.map((s) => (
          <Tr key={`${s.pageType} ${s.metric}`}>
            <Td>
              <Typography>{pageTypeLabel(s.pageType)}</Typography>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start">
                <Typography>{s.metric}</Typography>
                <Typography variant="pi" textColor="neutral600">
                  {METRIC_NAMES[s.metric]}
                </Typography>
              </Flex>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start">
                <Typography fontWeight="bold">{speedValue(s.p75, s.unit)}</Typography>
                <Typography variant="pi" textColor="neutral600">
                  {thresholdsText(s)}
                </Typography>
              </Flex>
            </Td>
            <Td>
              <Rating speed={s} />
            </Td>
            <Td>
              <Typography>{s.samples.toLocaleString('en-GB')}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function SpeedCards({ speed }: { speed: PageSpeed[] }) {
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={3}>
      {speed.map((s) => (
        <Box tag="li" key={`${s.pageType} ${s.metric}`} borderColor="neutral200" hasRadius padding={3}>
          <Flex direction="column" alignItems="stretch" gap={1}>
            <Flex justifyContent="space-between" gap={2}>
              <Typography fontWeight="semiBold">{`${pageTypeLabel(s.pageType)}: ${s.metric}`}</Typography>
              <Rating speed={s} />
            </Flex>
            <Typography variant="pi" textColor="neutral600">
              {METRIC_NAMES[s.metric]}
            </Typography>
            <Typography>{`${speedValue(s.p75, s.unit)} (75th percentile of ${plural(s.samples, 'sample', 'samples')})`}</Typography>
            <Typography variant="pi" textColor="neutral600">
              {thresholdsText(s)}
            </Typography>
          </Flex>
        </Box>
      ))}
    </Flex>
  );
}

// ---- The page ----------------------------------------------------------------------------------

function PeriodSwitch({ period, onChange }: { period: ReadersPeriod; onChange: (period: ReadersPeriod) => void }) {
  return (
    <Flex role="group" aria-label="Period" gap={2} wrap="wrap">
      {READERS_PERIODS.map((days) => (
        <Button
          key={days}
          // The chosen one: a tick and a tinted face, not colour alone.
          variant={days === period ? 'secondary' : 'tertiary'}
          startIcon={days === period ? <Check /> : undefined}
          aria-pressed={days === period}
          onClick={() => onChange(days)}
        >
          {`Last ${days} days`}
        </Button>
      ))}
    </Flex>
  );
}

function Report({ answer }: { answer: ReadersAnswer }) {
  const narrow = useNarrowScreen();
  const { data, meta } = answer;
  const { period } = data;
  const inPeriod = `in the last ${period} days`;
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Section
        id="readers-articles"
        title="Articles"
        note={`${meta.siteWide ? 'Articles' : 'Your articles'} by views ${inPeriod} (each reader once a day), with the answers to “Was this page helpful?”, the enquiries sent from each article and its readers’ comments.`}
        download={<DownloadButton table="articles" period={period} what="Articles" />}
      >
        {data.articles.length === 0 ? (
          <Empty>
            {`No ${meta.siteWide ? '' : 'article of yours '}was read ${inPeriod}. Articles appear here, with a line of their daily views, within minutes of readers opening them on the site.`}
          </Empty>
        ) : narrow ? (
          <ArticleCards articles={data.articles} days={data.days} />
        ) : (
          <ArticleRows articles={data.articles} days={data.days} />
        )}
      </Section>

      <Section
        id="readers-gaps"
        title="Content gaps"
        note={`Searches on the site that found nothing ${inPeriod}, shown once at least 3 different readers asked one on the same day: what readers look for and we have not written.`}
        download={<DownloadButton table="content-gaps" period={period} what="Content gaps" />}
      >
        {data.contentGaps.length === 0 ? (
          <Empty>
            {`No search found nothing for 3 or more readers on one day ${inPeriod}. When it happens, the search appears here with a button that starts a draft titled with it.`}
          </Empty>
        ) : narrow ? (
          <GapCards gaps={data.contentGaps} />
        ) : (
          <GapRows gaps={data.contentGaps} />
        )}
      </Section>

      {meta.siteWide ? (
        <>
          <Section
            id="readers-referrers"
            title="Referring sites"
            note={`Other sites readers followed a link from ${inPeriod} (the site's name only, each reader once a day).`}
            download={<DownloadButton table="referrers" period={period} what="Referring sites" />}
          >
            {data.referrers.length === 0 ? (
              <Empty>
                {`No reader came from another site ${inPeriod}. Search engines and other sites appear here once readers follow a link from them.`}
              </Empty>
            ) : (
              <ReferrerRows sites={data.referrers} />
            )}
          </Section>
          <Section
            id="readers-speed"
            title="Page speed for real readers"
            note={`How fast pages were on readers’ own phones and computers ${inPeriod}: the 75th percentile of each measure (3 readers in 4 had it at least this fast), rated against Google’s thresholds.`}
            download={<DownloadButton table="speed" period={period} what="Page speed" />}
          >
            {data.speed.length === 0 ? (
              <Empty>
                {`No speed measures ${inPeriod}. They appear here once readers’ browsers report them from the site’s pages.`}
              </Empty>
            ) : narrow ? (
              <SpeedCards speed={data.speed} />
            ) : (
              <SpeedRows speed={data.speed} />
            )}
          </Section>
        </>
      ) : (
        <Typography variant="omega" textColor="neutral600">
          Referring sites and page speed are figures of the whole site: Editors see them here.
        </Typography>
      )}
    </Flex>
  );
}

function ReadersScreen() {
  const { get } = useFetchClient();
  const [period, setPeriod] = React.useState<ReadersPeriod>(DEFAULT_READERS_PERIOD);
  const report = useQuery({
    queryKey: ['medblog', 'readers', period],
    queryFn: async ({ signal }) => (await get<ReadersAnswer>(readersPath(period), { signal })).data,
    keepPreviousData: true,
    retry: false,
  });
  return (
    <Page.Main>
      <Page.Title>Readers</Page.Title>
      <Layouts.Header
        title="Readers"
        subtitle="What readers read, found helpful, searched for in vain, and how fast the site is for them: counted per day, with no cookie and nothing about any one reader."
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={5}>
          <PeriodSwitch period={period} onChange={setPeriod} />
          {report.error ? (
            <Alert variant="danger" title="Could not load the figures" closeLabel="Close">
              {loadError(report.error)}
            </Alert>
          ) : !report.data ? (
            <Loader small>Loading the figures…</Loader>
          ) : (
            <Box aria-busy={report.isFetching} style={{ opacity: report.isPreviousData ? 0.6 : 1 }}>
              <Report answer={report.data} />
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

export default function ReadersPage() {
  return (
    <Page.Protect permissions={SEE_READERS}>
      <ReadersScreen />
    </Page.Protect>
  );
}
