/**
 * The article edit view's side panel "Search result preview": the title, address and description
 * a search engine shows, as the editor types, with counters for the SEO fields.
 */
import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useForm } from '@strapi/strapi/admin';
import { seoPreview, type ArticleSeoValues, type LengthCount } from '../lib/seo-preview';

const COUNT_COLOURS = { ok: 'neutral600', empty: 'warning600', over: 'danger600' } as const;

function Counter({ label, length }: { label: string; length: LengthCount }) {
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Flex justifyContent="space-between" gap={2}>
        <Typography variant="pi" fontWeight="bold">
          {label}
        </Typography>
        <Typography variant="pi" fontWeight="bold" textColor={COUNT_COLOURS[length.state]}>
          {length.count}
        </Typography>
      </Flex>
      {length.advice && (
        <Typography variant="pi" textColor={COUNT_COLOURS[length.state]}>
          {length.advice}
        </Typography>
      )}
    </Flex>
  );
}

function SeoPreview() {
  // The form's current values: the preview follows every keystroke, before saving.
  const values = useForm('SeoPreview', (state) => state.values as ArticleSeoValues);
  const preview = seoPreview(values);
  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%">
      <Box
        padding={3}
        hasRadius
        borderColor="neutral200"
        background="neutral0"
        aria-label="How search engines show the article"
      >
        <Typography variant="pi" textColor="success600" tag="p">
          {preview.path}
        </Typography>
        <Typography variant="delta" textColor="primary700" tag="p" fontWeight="regular">
          {preview.title}
        </Typography>
        <Typography variant="pi" textColor="neutral700" tag="p">
          {preview.description}
        </Typography>
      </Box>
      <Counter label="Title in search results" length={preview.metaTitle} />
      <Counter label="Description in search results" length={preview.metaDescription} />
    </Flex>
  );
}

interface PanelProps {
  model: string;
}

export function SeoPreviewPanel({ model }: PanelProps) {
  if (model !== 'api::article.article') return null;
  return { title: 'Search result preview', content: <SeoPreview /> };
}
