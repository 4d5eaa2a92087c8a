/**
 * What editors see in the admin's list views: the columns that matter and a useful order.
 * Applied once per version of these defaults, so an editor's own "Configure the view" choices
 * are kept afterwards.
 */
import type { Core } from '@strapi/strapi';

const VIEWS_VERSION = 1;

const LIST_VIEWS: Record<string, { columns: string[]; sortBy: string; order: 'ASC' | 'DESC'; mainField: string; labels?: Record<string, string> }> = {
  'api::article.article': { columns: ['title', 'category', 'author', 'featured', 'updatedAt'], sortBy: 'updatedAt', order: 'DESC', mainField: 'title' },
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
  'api::category.category': { columns: ['name', 'slug', 'description'], sortBy: 'name', order: 'ASC', mainField: 'name' },
  'api::author.author': { columns: ['name', 'jobTitle', 'slug'], sortBy: 'name', order: 'ASC', mainField: 'name' },
};

export async function applyAdminViews(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'medblog' });
  if ((await store.get({ key: 'admin-views-version' })) === VIEWS_VERSION) return;

  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, view] of Object.entries(LIST_VIEWS)) {
    const contentType = contentTypes.findContentType(uid);
    const configuration = await contentTypes.findConfiguration(contentType);
    const metadatas = { ...configuration.metadatas };
    // The relation columns show the related entry's name, not its id.
    for (const [field, mainField] of Object.entries({ article: 'title', category: 'name', author: 'name', parent: 'authorName' })) {
      if (metadatas[field]) metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field].edit, mainField }, list: { ...metadatas[field].list, mainField } };
    }
    for (const [field, label] of Object.entries(view.labels ?? {})) {
      if (metadatas[field]) metadatas[field] = { ...metadatas[field], list: { ...metadatas[field].list, label } };
    }
    await contentTypes.updateConfiguration(contentType, {
      settings: { ...configuration.settings, mainField: view.mainField, defaultSortBy: view.sortBy, defaultSortOrder: view.order, pageSize: 20 },
      metadatas,
      layouts: { ...configuration.layouts, list: view.columns },
    });
  }
  await store.set({ key: 'admin-views-version', value: VIEWS_VERSION });
}
