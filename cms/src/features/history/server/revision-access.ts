/**
 * Who reaches the revision history's data: article versions only through the History panel and
 * screen (src/features/history/server/article-history.ts), under the article's own permissions,
 * never through the content manager, where Strapi gives its Super Admin every content type at
 * each start. (Who may change Editorial settings, "Versions kept per article", is in the role
 * matrix, role-matrix.ts.) Its field gets a label and a line of help in the form, once, so an
 * admin's own view settings stay.
 */
import type { Core } from '@strapi/strapi';
import { EDITORIAL_SETTING, REVISION } from './revisions';

const FIELD = 'versionsKeptPerArticle';

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
  // Every role, custom ones included: versions are read through the History only.
  await strapi.db.query('admin::permission').deleteMany({ where: { subject: REVISION } });
  await labelTheSetting(strapi);
}
