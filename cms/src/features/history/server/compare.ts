/**
 * What an article version holds, and how two versions differ in words people read: per field, the
 * old and the new text, and for text a word diff (the `diff` library) with insertions and deletions
 * marked. Pure functions, shared by the capture of versions and the admin's compare screen.
 */
import { diffWords } from 'diff';
import { AUDIENCE_LABELS, type Audience } from '@medblog/shared';
import { blockTexts } from '../../../platform/blocks';

/** A related entry as the version keeps it: its id to restore it, its name to show it. */
export interface Ref {
  id: string | number;
  label: string;
}

export interface Snapshot {
  title: string | null;
  slug: string | null;
  excerpt: string | null;
  body: unknown[] | null;
  cover: Ref | null;
  category: Ref | null;
  author: Ref | null;
  reviewer: Ref | null;
  relatedArticles: Ref[];
  seo: { metaTitle: string | null; metaDescription: string | null; shareImage: Ref | null } | null;
  featured: boolean | null;
  commentsEnabled: boolean | null;
  originalPublishedAt: string | null;
  lastReviewedAt: string | null;
  nextReviewDueAt: string | null;
  references: Array<{ citation: string; url: string | null; doi: string | null; pmid: string | null }>;
  conflictOfInterest: string | null;
  audience: string | null;
}

export type SnapshotField = keyof Snapshot;

/**
 * The fields a version keeps, in the edit form's order, with the labels editors know. The
 * schedule (publish at, unpublish at) is left out: restoring a past time would publish at once.
 */
export const SNAPSHOT_FIELDS: ReadonlyArray<[SnapshotField, string]> = [
  ['title', 'Title'],
  ['slug', 'Address (slug)'],
  ['excerpt', 'Summary'],
  ['body', 'Text'],
  ['cover', 'Cover picture'],
  ['category', 'Category'],
  ['author', 'Author'],
  ['reviewer', 'Medically reviewed by'],
  ['lastReviewedAt', 'Last reviewed on'],
  ['nextReviewDueAt', 'Next review due'],
  ['references', 'References'],
  ['conflictOfInterest', 'Conflicts of interest'],
  ['audience', 'Written for'],
  ['relatedArticles', 'Read also'],
  ['seo', 'Search engines and sharing'],
  ['featured', 'Featured on the home page'],
  ['commentsEnabled', 'Comments enabled'],
  ['originalPublishedAt', 'Original publication date'],
];

const LABELS = new Map(SNAPSHOT_FIELDS);

export function fieldLabel(field: string): string {
  return LABELS.get(field as SnapshotField) ?? field;
}

/**
 * A value in one canonical form, so that the same content compares equal however it was written:
 * object keys sorted (a version is stored as jsonb, which reorders keys, while the capture compares
 * the draft as read against the stored previous version), an empty text or a missing value as no
 * value, and related entries by id only (a renamed category is no change).
 */
function canonical(value: unknown): unknown {
  if (value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.keys(value)
    .filter((key) => key !== 'label')
    .sort()
    .map((key) => [key, canonical((value as Record<string, unknown>)[key])] as const)
    .filter(([, inner]) => inner !== null);
  return Object.fromEntries(entries);
}

/** A field's value for comparison: the one rule of "changed", at capture and at compare alike. */
const comparable = (value: unknown) => JSON.stringify(canonical(value));

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length);

/** The fields that differ from `before`; for a first version, the fields that have a value. */
export function changedFields(before: Snapshot | null, after: Snapshot): SnapshotField[] {
  return SNAPSHOT_FIELDS.map(([field]) => field).filter((field) =>
    before ? comparable(before[field]) !== comparable(after[field]) : !isEmpty(after[field]),
  );
}

/** "Title, Text and Category", or what to say when nothing changed. */
export function describeChanges(fields: readonly string[]): string {
  const labels = fields.map(fieldLabel);
  if (!labels.length) return 'No content changes';
  if (labels.length === 1) return labels[0];
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

const HEADING_MARK = '# ';

/** The body as plain paragraphs, one a line, headings marked with "# ", list items each on a line. */
export function blocksToText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const lines: string[] = [];
  for (const block of blocks as Array<{ type?: string; children?: unknown[] }>) {
    if (block.type === 'list') {
      for (const item of blockTexts(block.children ?? [])) if (item.text) lines.push(`• ${item.text}`);
      continue;
    }
    const [{ text }] = blockTexts([block]);
    if (block.type === 'image') lines.push('[picture]');
    else if (text) lines.push(block.type === 'heading' ? `${HEADING_MARK}${text}` : text);
  }
  return lines.join('\n');
}

// Dates as the rest of the admin writes them, day first: "5 Oct 2026" (a calendar day, the same everywhere).
const DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const MOMENT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** A field's value as the text the compare screen shows. */
export function fieldText(snapshot: Snapshot | null, field: SnapshotField): string {
  const value = snapshot?.[field];
  if (value === null || value === undefined) return '';
  switch (field) {
    case 'body':
      return blocksToText(value);
    case 'relatedArticles':
      return (value as Ref[]).map((ref) => ref.label).join('\n');
    case 'lastReviewedAt':
    case 'nextReviewDueAt':
      return DAY.format(new Date(value as string));
    case 'originalPublishedAt':
      return `${MOMENT.format(new Date(value as string))} UTC`;
    case 'audience':
      return AUDIENCE_LABELS[value as Audience] ?? String(value);
    case 'references':
      return (value as Snapshot['references'])
        .map((ref, index) =>
          [`${index + 1}. ${ref.citation}`, ref.doi && `DOI ${ref.doi}`, ref.pmid && `PMID ${ref.pmid}`, ref.url]
            .filter(Boolean)
            .join(' · '),
        )
        .join('\n');
    case 'seo': {
      const seo = value as NonNullable<Snapshot['seo']>;
      return [
        seo.metaTitle && `Title in search results: ${seo.metaTitle}`,
        seo.metaDescription && `Description in search results: ${seo.metaDescription}`,
        seo.shareImage && `Picture when shared: ${seo.shareImage.label}`,
      ]
        .filter(Boolean)
        .join('\n');
    }
    default:
      if (typeof value === 'boolean') return value ? 'Yes' : 'No';
      if (typeof value === 'object' && 'label' in value) return (value as Ref).label;
      return String(value);
  }
}

/** A piece of a field's diff: kept, inserted (`added`) or deleted (`removed`). */
export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface FieldDiff {
  field: SnapshotField;
  label: string;
  before: string;
  after: string;
  parts: DiffPart[];
}

/** The fields that differ between two versions, each with its old and new text and their word diff. */
export function compareSnapshots(before: Snapshot | null, after: Snapshot): FieldDiff[] {
  return changedFields(before, after).map((field) => {
    const [old, now] = [fieldText(before, field), fieldText(after, field)];
    return {
      field,
      label: fieldLabel(field),
      before: old,
      after: now,
      parts: diffWords(old, now).map(({ value, added, removed }) => ({ value, added, removed })),
    };
  });
}
