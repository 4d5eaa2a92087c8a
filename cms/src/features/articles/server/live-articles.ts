/**
 * Deleting an article deletes its published version too, taking it off the site: only an admin
 * who may publish articles (an Editor, a Super Admin) may do that. An Author may delete their own
 * article while it has never been published; once it is on the site, the content manager refuses
 * (403) and says whom to ask. Deletes made without an admin (the importer's undo, tests) are not
 * the content manager's and pass.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const ARTICLE = 'api::article.article';
const PUBLISH = 'plugin::content-manager.explorer.publish';

interface Ability {
  can(action: string, subject: string): boolean;
}

export function registerLiveArticleDeletes(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE || context.action !== 'delete') return next();
    const ability = strapi.requestContext.get()?.state?.userAbility as Ability | undefined;
    const documentId = (context.params as { documentId?: string }).documentId;
    if (!ability || ability.can(PUBLISH, ARTICLE) || !documentId) return next();
    const live = await strapi.db.query(ARTICLE).count({ where: { documentId, publishedAt: { $notNull: true } } });
    if (live) {
      // A PolicyError is the 403 whose message Strapi passes on (it hides other ones' text).
      throw new errors.PolicyError(
        'This article is on the site: deleting it would take it off. Ask an editor to unpublish it first.',
      );
    }
    return next();
  });
}
