/**
 * Who reaches the revision history's data: article versions only through the History panel and
 * screen (src/api/medblog/controllers/article-history.ts), never through the content manager,
 * where Strapi would otherwise grant its built-in roles every content type; Editorial settings
 * ("Versions kept per article") for Editors and super admins, not Authors. Its field gets a label
 * and a line of help in the form, once, so an admin's own view settings stay.
 */
import type { Core } from '@strapi/strapi';
import { EDITORIAL_SETTING, REVISION } from '../documents/revisions';

const EXPLORER = 'plugin::content-manager.explorer';
const FIELD = 'versionsKeptPerArticle';

async function ensureEditorMayChangeSettings(strapi: Core.Strapi, roleId: number) {
  const existing = await strapi.db
    .query('admin::permission')
    .findMany({ where: { role: roleId, subject: EDITORIAL_SETTING } });
  const missing = ['read', 'update']
    .filter((action) => !existing.some((permission) => permission.action === `${EXPLORER}.${action}`))
    .map((action) => ({
      action: `${EXPLORER}.${action}`,
      subject: EDITORIAL_SETTING,
      properties: { fields: [FIELD] },
      conditions: [],
    }));
  if (missing.length) await strapi.service('admin::role').addPermissions(roleId, missing);
}

async function labelTheSetting(strapi: Core.Strapi) {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const contentType = contentTypes.findContentType(EDITORIAL_SETTING);
  const configuration = await contentTypes.findConfiguration(contentType);
  const field = configuration.metadatas[FIELD];
  if (!field || field.edit.label !== FIELD) return;
  await contentTypes.updateConfiguration(contentType, {
    metadatas: {
      ...configuration.metadatas,
      [FIELD]: {
        edit: {
          ...field.edit,
          label: 'Versions kept per article',
          description:
            'How many saved versions of each article its History keeps; older ones are removed at the next save. Leave empty to keep every version.',
          placeholder: 'No limit',
        },
        list: { ...field.list, label: 'Versions kept per article' },
      },
    },
  });
}

export async function applyRevisionAccess(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role');
  await strapi.db.query('admin::permission').deleteMany({ where: { subject: REVISION } });
  const author = await roles.findOne({ code: 'strapi-author' });
  if (author) {
    await strapi.db.query('admin::permission').deleteMany({ where: { role: author.id, subject: EDITORIAL_SETTING } });
  }
  const editor = await roles.findOne({ code: 'strapi-editor' });
  if (editor) await ensureEditorMayChangeSettings(strapi, editor.id);
  await labelTheSetting(strapi);
}
