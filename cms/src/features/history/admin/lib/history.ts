/** The article history's pure parts: its addresses, and versions as editors read them. */

export const ARTICLE_UID = 'api::article.article';

export interface ArticleVersion {
  version: number;
  action: 'save' | 'publish' | 'unpublish' | 'restore';
  restoredVersion: number | null;
  changedFields: string[];
  /** The changed fields in words: "Title and Text". */
  changes: string;
  editor: { id: number | null; name: string };
  createdAt: string;
}

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface FieldDiff {
  field: string;
  label: string;
  before: string;
  after: string;
  parts: DiffPart[];
}

/** The admin screen comparing an article's versions (a route of ours, off the main menu). */
export const historyScreenPath = (documentId: string) => `/article-history/${encodeURIComponent(documentId)}`;

/** The article's edit view in the content manager. */
export const articleEditPath = (documentId: string) =>
  `/content-manager/collection-types/${ARTICLE_UID}/${encodeURIComponent(documentId)}`;

const api = (documentId: string) => `/medblog/articles/${encodeURIComponent(documentId)}/versions`;

export const versionsPath = (documentId: string, page: number, pageSize: number) =>
  `${api(documentId)}?page=${page}&pageSize=${pageSize}`;

export const comparePath = (documentId: string, from: number, to: number) =>
  `${api(documentId)}/compare?from=${from}&to=${to}`;

export const restorePath = (documentId: string, version: number) => `${api(documentId)}/${version}/restore`;

/** "Saved", "Published", "Restored version 3"... */
export function actionLabel(version: Pick<ArticleVersion, 'action' | 'restoredVersion'>): string {
  switch (version.action) {
    case 'publish':
      return 'Published';
    case 'unpublish':
      return 'Unpublished';
    case 'restore':
      return `Restored version ${version.restoredVersion}`;
    default:
      return 'Saved';
  }
}

const savedAt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** "2 Mar 2026, 01:30" in the browser's time zone. */
export function versionDate(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : savedAt.format(date);
}

/** The two versions compared when the screen opens: the latest and the one before it. */
export function defaultPair(versions: ArticleVersion[]): { from: number; to: number } | null {
  if (!versions.length) return null;
  const [latest, previous] = versions;
  return { from: (previous ?? latest).version, to: latest.version };
}

/** Compared in time order, whichever was chosen first. */
export function inOrder(a: number, b: number): { from: number; to: number } {
  return a <= b ? { from: a, to: b } : { from: b, to: a };
}
