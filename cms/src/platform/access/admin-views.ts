/**
 * What staff see in the admin: list columns that matter, a useful order, a readable label and a
 * line of help on every field, server-recorded fields and what readers sent shown read-only.
 * Applied once per version of these defaults, so an editor's own "Configure the view" choices
 * are kept afterwards.
 */
import type { Core } from '@strapi/strapi';

const VIEWS_VERSION = 11;

/** Field labels staff read in lists and forms instead of the field names (any content type). */
const LABELS: Record<string, string> = {
  title: 'Title',
  slug: 'Address (slug)',
  excerpt: 'Summary',
  cover: 'Cover picture',
  body: 'Text',
  category: 'Category',
  author: 'Author',
  relatedArticles: 'Read also',
  seo: 'Search engines and sharing',
  featured: 'Featured on the home page',
  commentsEnabled: 'Comments enabled',
  readingTimeMinutes: 'Reading time (min)',
  name: 'Name',
  jobTitle: 'Job title',
  bio: 'About',
  avatar: 'Photo',
  description: 'Description',
  article: 'Article',
  parent: 'In reply to',
  authorName: 'Author',
  authorEmail: 'E-mail (never published)',
  moderationStatus: 'Status',
  moderatedAt: 'Moderated at',
  ipHash: 'Visitor code (anonymised address)',
  userAgent: 'Browser',
  email: 'E-mail',
  phone: 'Phone',
  topic: 'Topic',
  message: 'Message',
  consent: 'Agreed to be contacted',
  sourcePath: 'Sent from page',
  handlingStatus: 'Handling status',
  internalNotes: 'Internal notes',
  siteName: 'Site name',
  tagline: 'Tagline',
  contactEmail: 'Contact e-mail',
  contactPhone: 'Contact phone',
  socialLinks: 'Social media links',
  footerText: 'Footer text',
  defaultSeo: 'Search engines and sharing (default)',
  blockedWords: 'Blocked words (one per line)',
  approveTrustedCommenters: 'Publish comments from trusted commenters at once',
  closeCommentsAfterDays: 'Close comments after (days)',
  badge: 'Badge',
  repliedBy: 'Replied as staff by',
  adminUser: 'Admin login',
  fromPath: 'Old address',
  toPath: 'Sends readers to',
  publishAt: 'Publish at',
  unpublishAt: 'Unpublish at',
  scheduleNote: 'Schedule note',
  scheduledAt: 'Schedule set at',
  metaTitle: 'Title in search results',
  metaDescription: 'Description in search results',
  shareImage: 'Picture when shared',
  platform: 'Network',
  url: 'Address',
  createdAt: 'Created',
  updatedAt: 'Last changed',
  publishedAt: 'Published',
  reviewer: 'Medically reviewed by',
  lastReviewedAt: 'Last reviewed on',
  nextReviewDueAt: 'Next review due',
  references: 'References',
  conflictOfInterest: 'Conflicts of interest',
  audience: 'Written for',
  credentials: 'Credentials',
  registrationNumber: 'Registration number (never published)',
  disclaimer: 'Disclaimer on every article',
  originalPublishedAt: 'First published on (old blog)',
  displayDate: 'Dated for readers',
  importKey: 'Imported from',
  importNote: 'Left out by the import',
  citation: 'Citation',
  doi: 'DOI',
  pmid: 'PubMed ID (PMID)',
  doNotEmail: 'Do not e-mail this article',
  digestDay: 'Weekly digest: day',
  digestHour: 'Weekly digest: hour',
  senderName: 'Sender name',
  emailFooterText: 'Text under every e-mail',
};
/** Help shown under a field in the edit form. */
const DESCRIPTIONS: Record<string, string> = {
  title: 'The headline readers see on the page and in lists.',
  slug: 'The last part of the page address, made from the title. Changing it later breaks old links.',
  excerpt: 'One or two sentences for lists and previews. Left empty, the start of the text is used.',
  cover: 'Shown at the top of the article and on its card.',
  body: 'The article itself.',
  category: 'Where the article is listed.',
  author: 'Who wrote it; shown with the article.',
  relatedArticles: 'Articles suggested at the end of this one.',
  seo: 'How the page appears in search results and when shared. Left empty, the title and summary are used.',
  featured: 'Featured articles are shown first on the home page.',
  commentsEnabled: 'Readers may comment on this article. Their comments are shown only once approved.',
  readingTimeMinutes: 'Minutes, worked out from the length of the text when saved.',
  jobTitle: 'Shown under the name, e.g. "Consultant cardiologist".',
  bio: 'A few sentences about the author for their page.',
  avatar: 'A square photo works best.',
  description: 'Shown at the top of the category page.',
  article: 'The article the comment was written on.',
  parent: 'The comment this one answers, if any.',
  authorName: 'The name the reader gave; shown with the comment.',
  authorEmail: 'Given by the reader, never shown on the site.',
  moderationStatus: 'Only approved comments are shown on the site.',
  moderatedAt: 'When a moderator last changed the status.',
  ipHash: 'An anonymised code of the sender’s address, used against abuse only.',
  userAgent: 'The browser the comment came from, used against abuse only.',
  email: 'Given by the sender; use it to reply.',
  phone: 'Given by the sender, optional.',
  topic: 'Chosen by the sender.',
  message: 'What the sender wrote.',
  consent: 'The sender agreed to be contacted about the enquiry.',
  sourcePath: 'The page of the site the form was sent from.',
  handlingStatus: 'Where the enquiry stands: new, in progress or closed.',
  internalNotes: 'For staff only; never sent to the sender.',
  siteName: 'Shown in the header and in page titles.',
  tagline: 'A short line under the site name.',
  contactEmail: 'Shown in the footer and on the contact page.',
  contactPhone: 'Shown in the footer and on the contact page.',
  socialLinks: 'The organisation’s pages on social networks, shown in the footer.',
  footerText: 'A short text at the bottom of every page.',
  defaultSeo: 'Used by pages that have no search and sharing settings of their own.',
  blockedWords: 'A comment containing one of these words is filed as spam and never shown.',
  approveTrustedCommenters:
    'Off: every comment waits for a moderator. On: a comment is published at once when the same e-mail address, from the same browser, already had a comment approved (the site remembers the browser; a staff reply never makes an address trusted).',
  closeCommentsAfterDays:
    'Empty: comments stay open. A number: no new comments are accepted that many days after the date an article shows.',
  badge: 'Set on replies written from the Moderation screen: Staff, or Author for the article’s own author.',
  repliedBy: 'The admin user who wrote this reply from the Moderation screen; never shown on the site.',
  adminUser:
    'The admin login of this author, if they have one: their replies from the Moderation screen carry the Author badge.',
  fromPath:
    'A path of this site starting with /, such as /2019/05/old-post or /?p=123. Saved without a trailing slash.',
  toPath: 'A path of this site such as /articles/new-post, or a full https:// address elsewhere.',
  publishAt:
    'Save the draft with a time here: it is published then (within a minute), as last saved. The time is in the time zone of the computer you are using.',
  unpublishAt:
    'The published article is taken down then (within a minute); the draft stays. The time is in the time zone of the computer you are using.',
  scheduleNote: 'What scheduled publishing last did, written by the CMS.',
  metaTitle: 'Up to 60 characters; search engines cut longer titles.',
  metaDescription: 'Up to 160 characters; the text under the title in search results.',
  shareImage: 'Shown when the page is shared on social networks; 1200 × 630 pixels works best.',
  platform: 'The social network.',
  url: 'The full address of the page, starting with https://.',
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
  originalPublishedAt:
    'For an article brought over from the old blog: the date it first appeared there, shown as its date. Empty for articles written here.',
  displayDate:
    "The date readers see and lists are ordered by: the old blog's date when there is one, otherwise when it was published here (set by the server).",
  importNote:
    "For editors only, never on the site: the lines of the copied page the import took for the old site's furniture and left out, in order, each with why. Check that none belonged to the article.",
  importKey: 'Where the importer found this article (set by the import; it finds the article again by it).',
  citation: 'The source as readers should see it: authors, title, journal or publisher, year.',
  doi: 'Written like 10.1136/bmj.m1234, without https://doi.org/.',
  pmid: 'Digits only, such as 31234567.',
  doNotEmail:
    'Ticked: subscribers get no e-mail when this article is first published, and it is left out of the weekly digest. Imported articles are ticked.',
  digestDay: "The day the weekly digest of the past week's new articles goes out (in the organisation's time zone).",
  digestHour:
    'The hour it goes out, 0 to 23 (in the organisation’s time zone). Nothing is sent in a week without new articles.',
  senderName: 'The name subscribers see as the sender. Left empty, the site name is used.',
  emailFooterText: 'A short text at the bottom of every e-mail to subscribers, such as who the organisation is.',
};
// Recorded by the server, or what a reader sent: shown, never edited.
// More come from the features that own them (applyAdminViews's readOnly: an enquiry's sender fields).
const READ_ONLY: Record<string, readonly string[]> = {
  'api::article.article': [
    'readingTimeMinutes',
    'scheduledAt',
    'scheduleNote',
    'importKey',
    'importNote',
    'displayDate',
  ],
  'api::comment.comment': ['ipHash', 'userAgent', 'commenterKeyHash', 'badge', 'repliedBy'],
};
// Not shown in the edit form: staff have no use for them (and a commenter key's hash is only for the trust rule).
const HIDDEN: Record<string, readonly string[]> = {
  'api::enquiry.enquiry': ['ipHash'],
  'api::comment.comment': ['commenterKeyHash'],
};
/** Edit forms laid out for the work done in them (rows of [field, width of 12]). */
const EDIT_LAYOUTS: Record<string, Array<Array<[string, number]>>> = {
  // What staff change first, then what the sender wrote.
  'api::enquiry.enquiry': [
    [['handlingStatus', 6]],
    [['internalNotes', 12]],
    [
      ['name', 6],
      ['email', 6],
    ],
    [
      ['phone', 6],
      ['topic', 6],
    ],
    [['message', 12]],
    [
      ['sourcePath', 6],
      ['consent', 6],
    ],
  ],
};
// Components, with the field that names each entry in a repeatable list (Strapi's default, the
// first text field, leaves a reference without a URL untitled).
const COMPONENTS: Record<string, string | undefined> = {
  'shared.seo': undefined,
  'shared.social-link': undefined,
  'shared.reference': 'citation',
};

type Metadatas = Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;

/** Labels, help, read-only and hidden fields, for a content type's or a component's fields. */
function withFieldTexts(
  uid: string,
  current: Metadatas,
  readOnly: readonly string[],
  listLabels: Record<string, string> = {},
): Metadatas {
  const metadatas = { ...current };
  const set = (field: string, part: 'edit' | 'list', values: Record<string, unknown>) => {
    if (metadatas[field]) metadatas[field] = { ...metadatas[field], [part]: { ...metadatas[field][part], ...values } };
  };
  for (const [field, label] of Object.entries({ ...LABELS, ...listLabels })) set(field, 'list', { label });
  for (const [field, label] of Object.entries(LABELS)) set(field, 'edit', { label });
  for (const [field, description] of Object.entries(DESCRIPTIONS)) set(field, 'edit', { description });
  for (const field of readOnly) set(field, 'edit', { editable: false });
  for (const field of HIDDEN[uid] ?? []) set(field, 'edit', { visible: false });
  return metadatas;
}

const LIST_VIEWS: Record<
  string,
  { columns: string[]; sortBy: string; order: 'ASC' | 'DESC'; mainField: string; labels?: Record<string, string> }
> = {
  'api::article.article': {
    // Few columns, so the Status column Strapi adds at the end shows without scrolling sideways at
    // 1280 px (titles take a third of the width): "Next review due" shows what needs a medical
    // review. The category and a scheduled "Publish at" are a filter away.
    columns: ['title', 'nextReviewDueAt', 'updatedAt'],
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
    columns: ['createdAt', 'name', 'email', 'topic', 'handlingStatus'],
    sortBy: 'createdAt',
    order: 'DESC',
    mainField: 'name',
    labels: { handlingStatus: 'Status', createdAt: 'Received' },
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

/** `readOnly`: fields shown but never editable, by content type, besides those above. */
export async function applyAdminViews(
  strapi: Core.Strapi,
  readOnly: Record<string, readonly string[]> = {},
): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'medblog' });
  if ((await store.get({ key: 'admin-views-version' })) === VIEWS_VERSION) return;

  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const uid of [...Object.keys(LIST_VIEWS), 'api::moderation-setting.moderation-setting', 'api::global.global']) {
    const view = LIST_VIEWS[uid];
    const contentType = contentTypes.findContentType(uid);
    const configuration = await contentTypes.findConfiguration(contentType);
    const readOnlyFields = [...(READ_ONLY[uid] ?? []), ...(readOnly[uid] ?? [])];
    const metadatas = withFieldTexts(uid, configuration.metadatas, readOnlyFields, view?.labels);
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
    const editLayout = EDIT_LAYOUTS[uid]?.map((row) => row.map(([name, size]) => ({ name, size })));
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
        layouts: { ...configuration.layouts, list: view.columns, ...(editLayout && { edit: editLayout }) },
      }),
    });
  }
  const components = strapi.plugin('content-manager').service('components');
  for (const [uid, mainField] of Object.entries(COMPONENTS)) {
    const component = components.findComponent(uid);
    const configuration = await components.findConfiguration(component);
    await components.updateConfiguration(component, {
      ...configuration,
      ...(mainField && { settings: { ...configuration.settings, mainField } }),
      metadatas: withFieldTexts(uid, configuration.metadatas, READ_ONLY[uid] ?? []),
    });
  }
  await store.set({ key: 'admin-views-version', value: VIEWS_VERSION });
}
