/** Content a test CMS serves: a small blog in the shapes of the public API. */
import type {
  Article,
  Author,
  Block,
  Category,
  CommentBadge,
  Global,
  Media,
  ModerationStatus,
  Reference,
} from '@medblog/shared';

const STAMP = { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z' };

const format = (name: string, width: number, height: number) => ({
  ...{ ext: '.jpg', hash: name, mime: 'image/jpeg', name: `${name}.jpg`, path: null, size: 40.5, sizeInBytes: 40_500 },
  url: `/uploads/${name}.jpg`,
  width,
  height,
});

const image = (id: number, name: string, alt: string): Media => ({
  id,
  documentId: `media${id}`,
  url: `/uploads/${name}.jpg`,
  alternativeText: alt,
  width: 1600,
  height: 900,
  // Each format as Strapi's upload plugin stores it.
  formats: {
    small: format(`small_${name}`, 500, 281),
    medium: format(`medium_${name}`, 750, 422),
  },
});

export const categories: Category[] = [
  {
    id: 1,
    documentId: 'cat1',
    name: 'Internships',
    slug: 'internships',
    description: 'Finding and making the most of clinical internships.',
    ...STAMP,
  },
  {
    id: 2,
    documentId: 'cat2',
    name: 'Medical training',
    slug: 'medical-training',
    description: 'Skills, rotations and learning on the ward.',
    ...STAMP,
  },
  { id: 3, documentId: 'cat3', name: 'USMLE preparation', slug: 'usmle-preparation', description: null, ...STAMP },
];

const author: Author = {
  id: 1,
  documentId: 'auth1',
  name: 'Dr Asha Rao',
  slug: 'asha-rao',
  jobTitle: 'Head of Clinical Training',
  bio: null,
  credentials: 'MBBS, MD (Paediatrics)',
  avatar: image(90, 'portrait-asha-rao', 'Portrait of Dr Asha Rao'),
  ...STAMP,
};

/** The doctor who reviews the first article; has written nothing. */
const reviewer: Author = {
  id: 2,
  documentId: 'auth2',
  name: 'Dr Vikram Shah',
  slug: 'vikram-shah',
  jobTitle: 'Consultant Physician',
  bio: 'Vikram checks our articles on clinical training.',
  credentials: 'MBBS, MD (General Medicine)',
  avatar: null,
  ...STAMP,
};

export const authors: Author[] = [author, reviewer];

/** The first article's sources: one with a DOI and a PMID, one with a PMID, one web page. */
export const references: Reference[] = [
  {
    id: 1,
    citation: 'Ramani S, Krackov SK. Twelve tips for giving feedback effectively. Med Teach. 2012.',
    url: null,
    doi: '10.3109/0142159X.2012.684916',
    pmid: '22730899',
  },
  {
    id: 2,
    citation: 'Sandars J. The use of reflection in medical education. Med Teach. 2009.',
    url: null,
    doi: null,
    pmid: '19811204',
  },
  {
    id: 3,
    citation: 'USMLE Bulletin of Information.',
    url: 'https://www.usmle.org/bulletin-information',
    doi: null,
    pmid: null,
  },
];

const paragraph = (text: string): Block => ({ type: 'paragraph', children: [{ type: 'text', text }] });

/** A body with every kind of block the editor offers. */
export const richBody: Block[] = [
  paragraph('Clinical rotations are where theory meets the bedside.'),
  { type: 'heading', level: 2, children: [{ type: 'text', text: 'Before you apply' }] },
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: 'Read the ' },
      { type: 'text', text: 'official guide', bold: true },
      { type: 'text', text: ' on the ' },
      { type: 'link', url: 'https://www.usmle.org/', children: [{ type: 'text', text: 'USMLE website' }] },
      { type: 'text', text: ' and our ' },
      { type: 'link', url: '/articles/usmle-step-2-plan', children: [{ type: 'text', text: 'Step 2 plan' }] },
      { type: 'text', text: '.' },
    ],
  },
  { type: 'heading', level: 3, children: [{ type: 'text', text: 'Documents' }] },
  {
    type: 'list',
    format: 'unordered',
    children: [
      { type: 'list-item', children: [{ type: 'text', text: 'Passport' }] },
      { type: 'list-item', children: [{ type: 'text', text: 'Transcripts' }] },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'Certified copy' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Translation' }] },
        ],
      },
    ],
  },
  {
    type: 'quote',
    children: [{ type: 'text', text: 'Ask one more question than you think you should.', italic: true }],
  },
  { type: 'code', language: 'text', children: [{ type: 'text', text: 'Week 1: cardiology\nWeek 2: nephrology' }] },
  {
    type: 'image',
    image: {
      url: '/uploads/ward.jpg',
      alternativeText: 'A hospital ward at dawn',
      width: 1200,
      height: 800,
      caption: 'Morning rounds',
    },
    children: [{ type: 'text', text: '' }],
  },
  paragraph(''),
];

interface ArticleInput {
  id: number;
  slug: string;
  title: string;
  category: Category;
  publishedAt: string;
  /** An imported post's date on the old blog. */
  originalPublishedAt?: string;
  featured?: boolean;
  related?: number[];
  commentsEnabled?: boolean;
  commentsCloseAt?: string;
}

const inputs: ArticleInput[] = [
  {
    id: 1,
    slug: 'clinical-internship-guide',
    title: 'Your first clinical internship: a practical guide',
    category: categories[0],
    publishedAt: '2026-03-08T12:00:00.000Z',
    featured: true,
    related: [2, 3],
  },
  {
    id: 2,
    slug: 'usmle-step-2-plan',
    title: 'A 12-week plan for USMLE Step 2 CK',
    category: categories[2],
    publishedAt: '2026-03-07T12:00:00.000Z',
    featured: true,
  },
  {
    id: 3,
    slug: 'ward-rounds',
    title: 'How to present a patient on ward rounds',
    category: categories[1],
    publishedAt: '2026-03-06T12:00:00.000Z',
    commentsEnabled: false,
  },
  {
    id: 4,
    slug: 'research-year',
    title: 'Is a research year worth it?',
    category: categories[1],
    publishedAt: '2026-03-05T12:00:00.000Z',
  },
  {
    id: 5,
    slug: 'elective-abroad',
    title: 'Planning an elective abroad',
    category: categories[0],
    publishedAt: '2026-03-04T12:00:00.000Z',
  },
  {
    id: 6,
    slug: 'night-shifts',
    title: 'Surviving your first night shifts',
    category: categories[1],
    publishedAt: '2026-03-03T12:00:00.000Z',
  },
  {
    id: 7,
    slug: 'letters-of-recommendation',
    title: 'Asking for letters of recommendation',
    category: categories[0],
    publishedAt: '2026-03-02T12:00:00.000Z',
  },
  {
    id: 8,
    slug: 'step-1-pass-fail',
    title: 'Step 1 is pass/fail: what now?',
    category: categories[2],
    // Imported after the others were written here: dated, and listed, by its old blog's date.
    publishedAt: '2026-03-09T12:00:00.000Z',
    originalPublishedAt: '2022-01-26T09:00:00.000Z',
  },
];

export const articles: Article[] = inputs.map((input) => ({
  id: input.id,
  // Like Strapi's: lowercase letters and digits, 10 or more (the input schemas check the shape).
  documentId: `article${input.id}docid`,
  title: input.title,
  slug: input.slug,
  excerpt: `Excerpt of “${input.title}”.`,
  cover: image(100 + input.id, `cover-${input.slug}`, `Cover of ${input.title}`),
  body: input.id === 1 ? richBody : [paragraph(`Body of ${input.title}.`)],
  category: input.category,
  author,
  relatedArticles: [],
  seo:
    input.id === 1
      ? { metaTitle: 'First internship guide', metaDescription: 'What to pack, ask and expect.', shareImage: null }
      : null,
  featured: input.featured ?? false,
  commentsEnabled: input.commentsEnabled ?? true,
  commentsCloseAt: input.commentsCloseAt ?? null,
  readingTimeMinutes: 4 + input.id,
  ...(input.id === 1
    ? {
        reviewer,
        lastReviewedAt: '2026-03-01',
        nextReviewDueAt: '2027-03-01',
        audience: 'students' as const,
        conflictOfInterest: 'MedPath runs paid internship preparation courses.',
        references,
      }
    : {
        reviewer: null,
        lastReviewedAt: null,
        nextReviewDueAt: null,
        audience: null,
        conflictOfInterest: null,
        references: [],
      }),
  publishedAt: input.publishedAt,
  originalPublishedAt: input.originalPublishedAt ?? null,
  displayDate: input.originalPublishedAt ?? input.publishedAt,
  ...STAMP,
}));

for (const [index, input] of inputs.entries()) {
  articles[index].relatedArticles = (input.related ?? []).map((id) => articles[id - 1]);
}

/** A comment as the CMS stores it, private fields included; the fake CMS answers like the real one. */
export interface StoredComment {
  id: number;
  documentId: string;
  /** The article's documentId. */
  article: string;
  /** The documentId of the comment this one answers. */
  parent: string | null;
  authorName: string;
  authorEmail: string;
  body: string;
  moderationStatus: ModerationStatus;
  createdAt: string;
  updatedAt: string;
  moderatedAt: string | null;
  badge: CommentBadge | null;
}

const comment = (
  id: number,
  input: Pick<StoredComment, 'authorName' | 'body' | 'createdAt'> & {
    article?: number;
    parent?: number;
    status?: ModerationStatus;
    badge?: CommentBadge;
  },
): StoredComment => ({
  id,
  documentId: `comment${id}docid`,
  article: `article${input.article ?? 1}docid`,
  parent: input.parent ? `comment${input.parent}docid` : null,
  authorName: input.authorName,
  authorEmail: `${input.authorName.toLowerCase().replace(/\W+/g, '.')}@example.org`,
  body: input.body,
  moderationStatus: input.status ?? 'approved',
  createdAt: input.createdAt,
  updatedAt: input.createdAt,
  moderatedAt: input.status && input.status !== 'approved' ? null : input.createdAt,
  badge: input.badge ?? null,
});

/**
 * The first article's discussion (stored out of order: the CMS sorts): a thread four comments
 * deep, a comment that looks like HTML, one unapproved and one spam comment; and one comment each
 * on the second article and on the third (whose comments are closed).
 */
export const comments: StoredComment[] = [
  comment(5, {
    authorName: 'Sam Joseph',
    body: "<script>alert('hi')</script> is what I typed.\nSecond line.",
    createdAt: '2026-03-10T08:00:00.000Z',
  }),
  comment(1, {
    authorName: 'Meera Iyer',
    body: 'Thank you for this guide!\nThe packing list helped a lot.',
    createdAt: '2026-03-09T08:00:00.000Z',
  }),
  comment(3, {
    authorName: 'Dr Asha Rao',
    body: 'Ask the unit secretary first.',
    parent: 2,
    createdAt: '2026-03-09T10:00:00.000Z',
  }),
  comment(2, {
    authorName: 'Rahul Verma',
    body: 'Did you need a letter from your college?',
    parent: 1,
    createdAt: '2026-03-09T09:00:00.000Z',
  }),
  comment(4, {
    authorName: 'Meera Iyer',
    body: 'Yes, a letter with the dates.',
    parent: 3,
    createdAt: '2026-03-09T11:00:00.000Z',
  }),
  comment(6, {
    authorName: 'Waiting Reader',
    body: 'Not approved yet.',
    status: 'pending',
    createdAt: '2026-03-11T08:00:00.000Z',
  }),
  comment(7, { authorName: 'Cheap Pills', body: 'Buy now!', status: 'spam', createdAt: '2026-03-11T09:00:00.000Z' }),
  comment(8, { authorName: 'Neha Gupta', body: 'Great plan.', article: 2, createdAt: '2026-03-08T08:00:00.000Z' }),
  comment(9, {
    authorName: 'Kiran Das',
    body: 'Written before comments were closed.',
    article: 3,
    createdAt: '2026-03-07T08:00:00.000Z',
  }),
];

export const site: Global = {
  id: 1,
  documentId: 'global1',
  siteName: 'MedPath Blog',
  tagline: 'Guidance for students and young doctors',
  contactEmail: 'hello@medpath.example',
  contactPhone: '+91 98765 43210',
  // Components, with their ids as Strapi answers them.
  socialLinks: [
    { ...{ id: 1 }, platform: 'instagram', url: 'https://www.instagram.com/medpath' },
    { ...{ id: 2 }, platform: 'facebook', url: 'https://www.facebook.com/medpath' },
  ],
  footerText: 'MedPath helps medical students find training worldwide.',
  defaultSeo: {
    ...{ id: 1 },
    metaTitle: null,
    metaDescription: 'Articles on medical training, internships and careers.',
    shareImage: null,
  },
  disclaimer: 'Our articles are for education only and are not medical advice.',
  ...STAMP,
  ...{ publishedAt: STAMP.createdAt },
};

/**
 * Tokens of a subscription's signed link, as the fake CMS reads them: `good` opens the fake's
 * subscription, `gone` one that no longer exists; any other is expired or forged. (The CMS's
 * contract test makes `good` and `gone` real tokens, as it does the preview's.)
 */
export const SUBSCRIPTION_TOKENS = {
  good: 'fake-good-subscription-token-for-the-contract',
  gone: 'fake-gone-subscription-token-for-the-contract',
  forged: 'made-up-token-nobody-signed-0123456789',
} as const;
