/**
 * What editors see in the admin: list columns that matter, a useful order, readable field labels,
 * and server-recorded fields shown read-only.
 * Applied once per version of these defaults, so an editor's own "Configure the view" choices
 * are kept afterwards.
 */
import type { Core } from '@strapi/strapi';

const VIEWS_VERSION = 4;

/** Field labels editors read in lists and forms instead of the field names. */
const LABELS: Record<string, string> = {
  authorName: 'Author',
  authorEmail: 'E-mail (never published)',
  moderationStatus: 'Status',
  moderatedAt: 'Moderated at',
  handlingStatus: 'Handling status',
  internalNotes: 'Internal notes',
  sourcePath: 'Sent from page',
  relatedArticles: 'Read also',
  readingTimeMinutes: 'Reading time (minutes, computed)',
  commentsEnabled: 'Comments enabled',
  blockedWords: 'Blocked words (one per line)',
  fromPath: 'Old address',
  toPath: 'Sends readers to',
  reviewer: 'Medically reviewed by',
  lastReviewedAt: 'Last reviewed on',
  nextReviewDueAt: 'Next review due',
  references: 'References',
  conflictOfInterest: 'Conflicts of interest',
  audience: 'Written for',
  credentials: 'Credentials',
  registrationNumber: 'Registration number (never published)',
  disclaimer: 'Disclaimer on every article',
};
/** Help shown under a field in the edit form. */
const DESCRIPTIONS: Record<string, string> = {
  fromPath:
    'A path of this site starting with /, such as /2019/05/old-post or /?p=123. Saved without a trailing slash.',
  toPath: 'A path of this site such as /articles/new-post, or a full https:// address elsewhere.',
  reviewer: 'The author with medical credentials who checked this article; shown under the title.',
  lastReviewedAt: 'The day the reviewer last checked the article; shown under the title.',
  nextReviewDueAt: 'When it should be checked again; the "Reviews due" menu lists articles past this date.',
  references:
    'The sources the article relies on, numbered on the page in this order. A DOI is written like 10.1136/bmj.m1234 (without https://doi.org/), a PubMed ID (PMID) as digits only; readers get a link to it.',
  conflictOfInterest: 'Any interest of the author or reviewer a reader should know of; leave empty when none.',
  audience: 'Whom the article is written for; also tells search engines.',
  credentials: 'Degrees and qualifications as readers should see them, such as MBBS, MD (Paediatrics).',
  registrationNumber: 'With the medical council, for editors to check; never shown on the site.',
  disclaimer: 'Shown at the end of every article, for example that the articles are not medical advice.',
};
// Recorded by the server; shown, never edited.
const READ_ONLY = ['ipHash', 'userAgent', 'readingTimeMinutes'];

const LIST_VIEWS: Record<
  string,
  { columns: string[]; sortBy: string; order: 'ASC' | 'DESC'; mainField: string; labels?: Record<string, string> }
> = {
  'api::article.article': {
    columns: ['title', 'category', 'author', 'featured', 'updatedAt', 'nextReviewDueAt'],
    sortBy: 'updatedAt',
    order: 'DESC',
    mainField: 'title',
  },
  'api::comment.comment': {
    columns: ['authorName', 'article', 'moderationStatus', 'createdAt', 'body'],
    sortBy: 'createdAt',
    order: 'DESC',
    mainField: 'authorName',
    labels: { moderationStatus: 'Status', authorName: 'Author', createdAt: 'Date' },
  },
  'api::enquiry.enquiry': {
    columns: ['name', 'topic', 'handlingStatus', 'createdAt', 'email'],
    sortBy: 'createdAt',
    order: 'DESC',
    mainField: 'name',
    labels: { handlingStatus: 'Handling status', createdAt: 'Received' },
  },
  'api::category.category': {
    columns: ['name', 'slug', 'description'],
    sortBy: 'name',
    order: 'ASC',
    mainField: 'name',
  },
  'api::author.author': {
    columns: ['name', 'jobTitle', 'credentials', 'slug'],
    sortBy: 'name',
    order: 'ASC',
    mainField: 'name',
  },
  'api::redirect.redirect': {
    columns: ['fromPath', 'toPath', 'updatedAt'],
    sortBy: 'fromPath',
    order: 'ASC',
    mainField: 'fromPath',
  },
};

export async function applyAdminViews(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'medblog' });
  if ((await store.get({ key: 'admin-views-version' })) === VIEWS_VERSION) return;

  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const uid of [...Object.keys(LIST_VIEWS), 'api::moderation-setting.moderation-setting', 'api::global.global']) {
    const view = LIST_VIEWS[uid];
    const contentType = contentTypes.findContentType(uid);
    const configuration = await contentTypes.findConfiguration(contentType);
    const metadatas = { ...configuration.metadatas };
    // The relation columns show the related entry's name, not its id.
    for (const [field, mainField] of Object.entries({
      article: 'title',
      category: 'name',
      author: 'name',
      reviewer: 'name',
      parent: 'authorName',
    })) {
      if (metadatas[field])
        metadatas[field] = {
          ...metadatas[field],
          edit: { ...metadatas[field].edit, mainField },
          list: { ...metadatas[field].list, mainField },
        };
    }
    for (const [field, label] of Object.entries({ ...LABELS, ...(view?.labels ?? {}) })) {
      if (metadatas[field]) metadatas[field] = { ...metadatas[field], list: { ...metadatas[field].list, label } };
    }
    for (const [field, label] of Object.entries(LABELS)) {
      if (metadatas[field]) metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field].edit, label } };
    }
    for (const [field, description] of Object.entries(DESCRIPTIONS)) {
      if (metadatas[field]) metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field].edit, description } };
    }
    for (const field of READ_ONLY) {
      if (metadatas[field])
        metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field].edit, editable: false } };
    }
    await contentTypes.updateConfiguration(contentType, {
      metadatas,
      ...(view && {
        settings: {
          ...configuration.settings,
          mainField: view.mainField,
          defaultSortBy: view.sortBy,
          defaultSortOrder: view.order,
          pageSize: 20,
        },
        layouts: { ...configuration.layouts, list: view.columns },
      }),
    });
  }
  await store.set({ key: 'admin-views-version', value: VIEWS_VERSION });
}
