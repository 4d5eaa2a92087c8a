/**
 * The admin roles' rights on our content types follow the role matrix (role-matrix.ts) at every
 * start: what it grants is added, anything else on our content types is taken back, with the
 * fields and conditions it says. Rights on other plugins' subjects (media library, settings), which
 * an admin may give by hand, are kept. The Super Admin is Strapi's: it resets that role to every
 * right at each start (revision-access.ts then takes back article versions).
 * Enquiry staff and Audience are our own roles, created at the first start.
 */
import type { Core } from '@strapi/strapi';
import {
  CONTENT_MANAGER_ACTION,
  type ContentAction,
  matrixProblems,
  OWN_ENTRIES_CONDITION,
  type Reach,
  ROLE_MATRIX,
  ROLES,
  type RoleCode,
} from './role-matrix';

export const ENQUIRY_STAFF_ROLE = {
  code: ROLES.enquiryStaff,
  name: 'Enquiry staff',
  description: 'Handles enquiries from the site; cannot edit or publish articles.',
};

export const AUDIENCE_ROLE = {
  code: ROLES.audience,
  name: 'Audience',
  description:
    "Looks after the mailing list: sees subscribers' addresses, removes one when asked, exports the list; cannot edit or publish articles.",
};

/** The roles of ours, created when missing. */
const OUR_ROLES = [ENQUIRY_STAFF_ROLE, AUDIENCE_ROLE];

interface Attribute {
  type: string;
  private?: boolean;
  component?: string;
}
interface Model {
  uid: string;
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, Attribute>;
}
interface Permission {
  action: string;
  subject: string | null;
  properties: { fields?: string[] };
  conditions: string[];
}

/** Our content types: the ones this project defines (Strapi's and plugins' are left to them). */
function ourContentTypes(strapi: Core.Strapi): Model[] {
  return Object.values(strapi.contentTypes as unknown as Record<string, Model>).filter((model) =>
    model.uid.startsWith('api::'),
  );
}

/** Whether a field path (`seo.metaTitle`) leads through no private attribute. */
function isPublic(strapi: Core.Strapi, model: Model, path: string): boolean {
  let attributes = model.attributes;
  for (const name of path.split('.')) {
    const attribute = attributes[name];
    if (!attribute || attribute.private) return false;
    if (attribute.component) attributes = (strapi.components[attribute.component as never] as Model).attributes;
  }
  return true;
}

/** Strapi's field list for a right on `model`, as it writes it for its own roles. */
function fieldsOf(strapi: Core.Strapi, model: Model, reach: Reach): string[] {
  const all: string[] = strapi.service('admin::content-type').getNestedFields(model, { components: strapi.components });
  return reach === 'public-fields' ? all.filter((path) => isPublic(strapi, model, path)) : all;
}

/** The permissions the matrix gives `code` on our content types. */
function matrixPermissions(strapi: Core.Strapi, code: RoleCode, models: Model[]): Permission[] {
  const { actionProvider } = strapi.service('admin::permission');
  return models.flatMap((model) =>
    Object.entries(ROLE_MATRIX[model.uid]?.[code] ?? {}).map(([action, reach]) => {
      const actionId = CONTENT_MANAGER_ACTION(action as ContentAction);
      const takesFields = actionProvider.get(actionId)?.options?.applyToProperties?.includes('fields');
      return {
        action: actionId,
        subject: model.uid,
        properties: takesFields ? { fields: fieldsOf(strapi, model, reach) } : {},
        conditions: reach === 'own' ? [OWN_ENTRIES_CONDITION] : [],
      };
    }),
  );
}

export async function applyAdminRoles(strapi: Core.Strapi): Promise<void> {
  const models = ourContentTypes(strapi);
  const problems = matrixProblems(
    models.map((model) => ({ uid: model.uid, hasDraftStage: Boolean(model.options?.draftAndPublish) })),
  );
  // An unknown or impossible cell is a mistake in the code: better no start than rights nobody chose.
  if (problems.length) throw new Error(`The role matrix (src/platform/access/role-matrix.ts): ${problems.join('; ')}`);

  const roles = strapi.service('admin::role');
  for (const role of OUR_ROLES) {
    if (!(await roles.findOne({ code: role.code }))) await roles.create(role);
  }

  const ours = new Set(models.map((model) => model.uid));
  // Every role of the matrix but the Super Admin, whose rights are Strapi's.
  for (const code of Object.values(ROLES).filter((code) => code !== ROLES.superAdmin)) {
    const role = await roles.findOne({ code });
    if (!role) continue;
    const existing: Permission[] = await strapi
      .service('admin::permission')
      .findMany({ where: { role: { id: role.id } } });
    const elsewhere = existing.filter((permission) => !permission.subject || !ours.has(permission.subject));
    // Strapi's own "save the role": adds what is missing, deletes what is not listed, keeps equal ones.
    await roles.assignPermissions(role.id, [...elsewhere, ...matrixPermissions(strapi, code, models)]);
  }
}
