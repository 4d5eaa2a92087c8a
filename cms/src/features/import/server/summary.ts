/** What an import did, counted by kind of entry, and how it reads at the end of `pnpm import`. */
import type { DroppedLine } from './text-blocks';

export type EntryKind = 'article' | 'comment' | 'redirect' | 'author' | 'category' | 'image';
export type Outcome = 'created' | 'updated' | 'unchanged';

const PLURALS: Record<EntryKind, string> = {
  article: 'articles',
  comment: 'comments',
  redirect: 'redirects',
  author: 'authors',
  category: 'categories',
  image: 'images',
};

export interface Summary {
  created: Record<EntryKind, number>;
  updated: Record<EntryKind, number>;
  unchanged: Record<EntryKind, number>;
  skipped: Array<{ what: string; why: string }>;
  warnings: string[];
  /** The lines left out of each plain-text copy, with why (printed with --verbose). */
  dropped: Array<{ file: string; lines: DroppedLine[] }>;
  /** Files that failed, each with the reason; nothing from them was kept. */
  failed: Array<{ file: string; error: string }>;
}

const zero = (): Record<EntryKind, number> => ({
  article: 0,
  comment: 0,
  redirect: 0,
  author: 0,
  category: 0,
  image: 0,
});

// Longer addresses (a data: URL may hold a whole image) are cut in warnings.
const QUOTED_MAX = 500;

/**
 * Text from the file as a warning shows it: in quotes, control characters escaped (C1 ones too:
 * U+009B starts a terminal escape sequence as ESC [ does), cut when long.
 */
export function quoted(text: string): string {
  return JSON.stringify(text.length > QUOTED_MAX ? `${text.slice(0, QUOTED_MAX - 1)}…` : text).replace(
    /[\u007f-\u009f]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function emptySummary(): Summary {
  return { created: zero(), updated: zero(), unchanged: zero(), skipped: [], warnings: [], dropped: [], failed: [] };
}

/** Adds a file's summary (once its transaction committed) to the run's. */
export function addSummary(total: Summary, part: Summary): void {
  for (const outcome of ['created', 'updated', 'unchanged'] as const) {
    for (const kind of Object.keys(PLURALS) as EntryKind[]) total[outcome][kind] += part[outcome][kind];
  }
  total.skipped.push(...part.skipped);
  total.warnings.push(...part.warnings);
  total.dropped.push(...part.dropped);
  total.failed.push(...part.failed);
}

export function counts(record: Record<EntryKind, number>): string {
  const parts = (Object.keys(PLURALS) as EntryKind[])
    .filter((kind) => record[kind])
    .map((kind) => `${record[kind]} ${record[kind] === 1 ? kind : PLURALS[kind]}`);
  return parts.length ? parts.join(', ') : 'nothing';
}

/** The lines left out of a copy, one a line, each with why: the editor's note and the verbose summary. */
export function droppedLines(lines: DroppedLine[]): string[] {
  return lines.map(({ line, why }) => `${quoted(line)} (${why})`);
}

export function formatSummary(summary: Summary, { dryRun = false, verbose = false } = {}): string {
  const lines = [
    dryRun ? 'Dry run: nothing was saved. It would have:' : 'Import finished.',
    `  created:   ${counts(summary.created)}`,
    `  updated:   ${counts(summary.updated)}`,
    `  unchanged: ${counts(summary.unchanged)}`,
    `  skipped:   ${summary.skipped.length}`,
    ...summary.skipped.map(({ what, why }) => `    - ${what}: ${why}`),
    `  warnings:  ${summary.warnings.length}`,
    ...summary.warnings.map((warning) => `    - ${warning}`),
  ];
  const droppedCount = summary.dropped.reduce((sum, { lines: dropped }) => sum + dropped.length, 0);
  if (droppedCount) {
    lines.push(
      `  left out of text copies: ${droppedCount} lines of page furniture${verbose ? '' : ' (--verbose lists them)'}`,
    );
    if (verbose) {
      for (const { file, lines: dropped } of summary.dropped) {
        lines.push(`    ${file}:`, ...droppedLines(dropped).map((line) => `      - ${line}`));
      }
    }
  }
  if (summary.failed.length) {
    lines.push(`  failed files (nothing imported from them): ${summary.failed.length}`);
    lines.push(...summary.failed.map(({ file, error }) => `    - ${file}: ${error}`));
  }
  return lines.join('\n');
}
