/**
 * Who may do what with our content types in the admin's content manager, one cell per admin role
 * and content type. applyAdminRoles (admin-roles.ts) makes each role's permissions on our content
 * types match this table at every start; tests/role-matrix.test.ts checks every cell over HTTP
 * with a real admin user of that role, so a new cell is tested by adding it here.
 *
 * Redirects, categories, authors and the settings have no draft stage: a save is live at once,
 * so only Editors and Super Admins change them. Authors write articles, which an Editor publishes.
 */

export const ROLES = {
  superAdmin: 'strapi-super-admin',
  editor: 'strapi-editor',
  author: 'strapi-author',
  enquiryStaff: 'enquiry-staff',
  audience: 'audience',
} as const;
export type RoleCode = (typeof ROLES)[keyof typeof ROLES];

export const CONTENT_ACTIONS = ['read', 'create', 'update', 'delete', 'publish'] as const;
export type ContentAction = (typeof CONTENT_ACTIONS)[number];

/**
 * How far a granted action reaches:
 * - 'all': every entry, every field;
 * - 'own': only the entries this admin created (Strapi's "Is creator" condition, as on its
 *   built-in Author role);
 * - 'public-fields': every entry, only the fields the public API shows (for read).
 */
export type Reach = 'all' | 'own' | 'public-fields';
/** The actions a role has on a content type; an action not listed is refused. */
export type Cell = Partial<Record<ContentAction, Reach>>;

const NONE: Cell = {};
const ALL: Cell = { read: 'all', create: 'all', update: 'all', delete: 'all' };
const ALL_AND_PUBLISH: Cell = { ...ALL, publish: 'all' };
// A single type's first save is a create; deleting one would blank what it sets.
const SETTINGS: Cell = { read: 'all', create: 'all', update: 'all' };

export const ROLE_MATRIX: Record<string, Record<RoleCode, Cell>> = {
  'api::article.article': {
    'strapi-super-admin': ALL_AND_PUBLISH,
    'strapi-editor': ALL_AND_PUBLISH,
    'strapi-author': { read: 'own', create: 'own', update: 'own', delete: 'own' },
    'enquiry-staff': NONE,
    audience: NONE,
  },
  // Authors read categories and authors to file an article and name its author and reviewer.
  'api::category.category': {
    'strapi-super-admin': ALL,
    'strapi-editor': ALL,
    'strapi-author': { read: 'all' },
    'enquiry-staff': NONE,
    audience: NONE,
  },
  'api::author.author': {
    'strapi-super-admin': ALL,
    'strapi-editor': ALL,
    'strapi-author': { read: 'public-fields' },
    'enquiry-staff': NONE,
    audience: NONE,
  },
  'api::redirect.redirect': {
    'strapi-super-admin': ALL,
    'strapi-editor': ALL,
    'strapi-author': NONE,
    'enquiry-staff': NONE,
    audience: NONE,
  },
  'api::global.global': {
    'strapi-super-admin': ALL,
    'strapi-editor': SETTINGS,
    'strapi-author': NONE,
    'enquiry-staff': NONE,
    audience: NONE,
  },
  // Editors moderate; a staff reply goes through the moderation screen, which badges it.
  'api::comment.comment': {
    'strapi-super-admin': ALL,
    'strapi-editor': { read: 'all', update: 'all', delete: 'all' },
    'strapi-author': NONE,
    'enquiry-staff': NONE,
    audience: NONE,
  },
  'api::moderation-setting.moderation-setting': {
    'strapi-super-admin': ALL,
    'strapi-editor': SETTINGS,
    'strapi-author': NONE,
    'enquiry-staff': NONE,
    audience: NONE,
  },
  'api::editorial-setting.editorial-setting': {
    'strapi-super-admin': ALL,
    'strapi-editor': SETTINGS,
    'strapi-author': NONE,
    'enquiry-staff': NONE,
    audience: NONE,
  },
  'api::newsletter-setting.newsletter-setting': {
    'strapi-super-admin': ALL,
    'strapi-editor': SETTINGS,
    'strapi-author': NONE,
    'enquiry-staff': NONE,
    audience: NONE,
  },
  // Names, e-mails and phone numbers: enquiry staff only. What the sender wrote stays as sent
  // (documents/enquiry-sender.ts); staff change the handling status and notes.
  'api::enquiry.enquiry': {
    'strapi-super-admin': ALL,
    'strapi-editor': NONE,
    'strapi-author': NONE,
    'enquiry-staff': { read: 'all', update: 'all' },
    audience: NONE,
  },
  // Readers' addresses: Super Admins (Strapi gives them every action) and the Audience role, who
  // look one up and remove it, and so forget it; nobody else, Editors included (they see only the
  // Subscribers screen's counts). Nobody creates or changes an address for a reader: readers change
  // their own through their signed links.
  'api::subscriber.subscriber': {
    'strapi-super-admin': ALL,
    'strapi-editor': NONE,
    'strapi-author': NONE,
    'enquiry-staff': NONE,
    audience: { read: 'all', delete: 'all' },
  },
  // Read only through an article's History (src/admin-api), never in the content manager.
  'api::article-revision.article-revision': {
    'strapi-super-admin': NONE,
    'strapi-editor': NONE,
    'strapi-author': NONE,
    'enquiry-staff': NONE,
    audience: NONE,
  },
};

export const CONTENT_MANAGER_ACTION = (action: ContentAction) => `plugin::content-manager.explorer.${action}`;

/** Strapi's condition for 'own': the entry's creator is the signed-in admin. */
export const OWN_ENTRIES_CONDITION = 'admin::is-creator';

interface ModelInfo {
  uid: string;
  hasDraftStage: boolean;
}

/** What is wrong with the matrix for these content types (ours, from Strapi); empty when nothing. */
export function matrixProblems(models: ModelInfo[]): string[] {
  const problems: string[] = [];
  const known = new Set(models.map((model) => model.uid));
  for (const model of models) {
    if (!ROLE_MATRIX[model.uid]) problems.push(`${model.uid} has no row in the role matrix`);
  }
  for (const [uid, row] of Object.entries(ROLE_MATRIX)) {
    if (!known.has(uid)) problems.push(`${uid} is in the role matrix but is not a content type`);
    for (const code of Object.values(ROLES)) {
      const cell = row[code];
      if (!cell) {
        problems.push(`${uid} has no cell for ${code}`);
        continue;
      }
      for (const [action, reach] of Object.entries(cell)) {
        if (action === 'publish' && !models.find((model) => model.uid === uid)?.hasDraftStage) {
          problems.push(`${uid}: ${code} may publish, but it has no draft stage`);
        }
        if (reach === 'public-fields' && action !== 'read') {
          problems.push(`${uid}: ${code} has 'public-fields' for ${action}, which only read takes`);
        }
      }
    }
  }
  return problems;
}
