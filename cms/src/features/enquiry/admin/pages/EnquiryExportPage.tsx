/**
 * /admin/enquiry-export: download enquiries as CSV, all of them or filtered by handling status,
 * topic and the day they were received; how many match is shown before the download.
 */
import * as React from 'react';
import { Page, Layouts, useFetchClient } from '@strapi/strapi/admin';
import {
  Alert,
  Box,
  Button,
  DatePicker,
  Field,
  Flex,
  Grid,
  Link,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Link as RouterLink } from 'react-router-dom';
import { useQuery } from 'react-query';
import { contentManagerListPath } from '@medblog/shared';
import {
  ANY,
  FORBIDDEN_EXPORT,
  HANDLING_STATUS_OPTIONS,
  TOPIC_OPTIONS,
  exportPath,
  matchingSummary,
  rangeError,
  type ExportFilters,
} from '../lib/enquiry-export';
import { datedFileName, errorMessageFromBody } from '../../../../platform/admin/csv-download';
import { useCsvDownload } from '../../../../platform/admin/useCsvDownload';
import { useDayMonthYearLocale } from '../../../../platform/admin/useDayMonthYearLocale';

const READ_ENQUIRIES = [{ action: 'plugin::content-manager.explorer.read', subject: 'api::enquiry.enquiry' }];
const ENQUIRIES_LIST = contentManagerListPath('api::enquiry.enquiry');

/** One of the export's drop-down filters, a quarter of the row on wide screens. */
function FilterSelect(props: {
  name: string;
  label: string;
  options: Array<{ value: string; label: string }>;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
      <Field.Root name={props.name} width="100%">
        <Field.Label>{props.label}</Field.Label>
        <SingleSelect value={props.value} onChange={(value) => props.onChange(String(value))}>
          {props.options.map((option) => (
            <SingleSelectOption key={option.value} value={option.value}>
              {option.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Grid.Item>
  );
}

function ExportScreen() {
  const { get } = useFetchClient();
  const { downloading, download: downloadCsv } = useCsvDownload();
  const [filters, setFilters] = React.useState<ExportFilters>({ handlingStatus: ANY, topic: ANY });
  const dateLocale = useDayMonthYearLocale();
  const [failure, setFailure] = React.useState<string | null>(null);
  const invalidRange = rangeError(filters);
  const countPath = exportPath(filters, 'count');
  const matching = useQuery({
    queryKey: ['medblog', 'enquiries', 'count', countPath],
    queryFn: async ({ signal }) => (await get<{ data: { count: number } }>(countPath, { signal })).data.data.count,
    enabled: !invalidRange,
    retry: false,
  });

  const update = (patch: Partial<ExportFilters>) => {
    setFailure(null);
    setFilters((previous) => ({ ...previous, ...patch }));
  };

  const download = async () => {
    setFailure(null);
    // A refused or failed download shows in the alert above the filters, not as a notification.
    await downloadCsv(exportPath(filters), {
      fallbackName: datedFileName('enquiries'),
      emptyMessage: 'No enquiry matches these filters: there is nothing to download.',
      savedMessage: (fileName, records) =>
        records === undefined
          ? `Enquiries saved to ${fileName}`
          : `${records} ${records === 1 ? 'enquiry' : 'enquiries'} saved to ${fileName}`,
      errorText: (body, status) => errorMessageFromBody(body, status, FORBIDDEN_EXPORT),
      onFailure: setFailure,
      unansweredText: (error) =>
        `The download failed: ${error instanceof Error ? error.message : 'the server did not answer'}.`,
    });
  };

  return (
    <Page.Main>
      <Page.Title>Export enquiries</Page.Title>
      <Layouts.Header
        title="Export enquiries"
        subtitle="Download enquiries as a CSV file: all of them, or those matching the filters below."
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {failure && (
            <Alert variant="danger" title="Export failed" closeLabel="Close" onClose={() => setFailure(null)}>
              {failure}
            </Alert>
          )}
          <Box
            background="neutral0"
            hasRadius
            shadow="tableShadow"
            paddingTop={6}
            paddingBottom={6}
            paddingLeft={7}
            paddingRight={7}
          >
            <Flex direction="column" alignItems="stretch" gap={6}>
              <Grid.Root gap={5}>
                <FilterSelect
                  name="handlingStatus"
                  label="Handling status"
                  options={HANDLING_STATUS_OPTIONS}
                  value={filters.handlingStatus}
                  onChange={(value) => update({ handlingStatus: value as ExportFilters['handlingStatus'] })}
                />
                <FilterSelect
                  name="topic"
                  label="Topic"
                  options={TOPIC_OPTIONS}
                  value={filters.topic}
                  onChange={(value) => update({ topic: value as ExportFilters['topic'] })}
                />
                <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
                  <Field.Root name="from" width="100%">
                    <Field.Label>Received from</Field.Label>
                    <DatePicker
                      value={filters.from}
                      onChange={(date) => update({ from: date })}
                      onClear={() => update({ from: undefined })}
                      clearLabel="Clear the start date"
                      locale={dateLocale}
                    />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
                  <Field.Root name="to" width="100%" error={invalidRange}>
                    <Field.Label>Received to</Field.Label>
                    <DatePicker
                      value={filters.to}
                      onChange={(date) => update({ to: date })}
                      onClear={() => update({ to: undefined })}
                      clearLabel="Clear the end date"
                      locale={dateLocale}
                    />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              </Grid.Root>
              <Typography variant="omega" fontWeight="semiBold" role="status" aria-live="polite">
                {matching.data !== undefined && !invalidRange
                  ? matchingSummary(matching.data)
                  : matching.isError
                    ? 'Could not count the matching enquiries.'
                    : 'Counting the matching enquiries…'}
              </Typography>
              <Flex gap={4} wrap="wrap">
                <Button
                  size="L"
                  startIcon={<Download />}
                  loading={downloading}
                  disabled={Boolean(invalidRange) || matching.data === 0}
                  onClick={() => void download()}
                >
                  Download CSV
                </Button>
                <Typography variant="omega" textColor="neutral600">
                  The file is UTF-8 CSV with every field quoted and formula-like text defused, so it opens safely in
                  Excel, Google Sheets or LibreOffice.
                </Typography>
              </Flex>
            </Flex>
          </Box>
          <Typography variant="pi" textColor="neutral600">
            Dates are calendar days in the organisation&apos;s time zone, both included; the file writes them as
            DD/MM/YYYY. To follow up an enquiry or change its handling status, open it in{' '}
            <Link tag={RouterLink} to={ENQUIRIES_LIST}>
              Content Manager › Enquiries
            </Link>
            .
          </Typography>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

export default function EnquiryExportPage() {
  return (
    <Page.Protect permissions={READ_ENQUIRIES}>
      <ExportScreen />
    </Page.Protect>
  );
}
