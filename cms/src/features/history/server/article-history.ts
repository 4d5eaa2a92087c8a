/**
 * The article History panel and screen's server side: an article's versions, the readable diff of
 * two, and the restore of one (which the Document Service records as a new version). Routed in
 * src/admin-routes.ts behind the content manager's article permissions; here the same
 * permission checker applies the role's conditions (an Author sees only their own articles).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { permittedQuery } from '../../../platform/access/admin-access';
import { compareQuery, versionListQuery, versionParams } from './history-inputs';
import { parseInput } from '../../../platform/utils/validation';
import { REVISION, restoreData, saveRestored } from './revisions';
import { compareSnapshots, describeChanges, type Snapshot } from './compare';
import type { Context } from '../../../platform/utils/http';

const ARTICLE = 'api::article.article';
const LISTED = ['version', 'action', 'restoredVersion', 'changedFields', 'editorId', 'editorName', 'createdAt'];

interface Revision {
  version: number;
  action: string;
  restoredVersion: number | null;
  changedFields: string[];
  editorId: number | null;
  editorName: string;
  createdAt: string;
  snapshot?: Snapshot;
}

const listed = (revision: Revision) => ({
  version: revision.version,
  action: revision.action,
  restoredVersion: revision.restoredVersion,
  changedFields: revision.changedFields,
  changes: describeChanges(revision.changedFields),
  editor: { id: revision.editorId, name: revision.editorName },
  createdAt: revision.createdAt,
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const revisions = () => strapi.db.query(REVISION);

  /** The article's draft if this user may `action` it; a 404 otherwise, as for an article that does not exist. */
  async function permittedArticle(ctx: Context, action: 'read' | 'update') {
    const documentId = String(ctx.params.documentId);
    const { query, checker } = await permittedQuery(strapi, ctx, ARTICLE, action, { filters: { documentId } });
    const article = await strapi
      .documents(ARTICLE)
      .findFirst({ filters: query.filters, status: 'draft', fields: ['title', 'documentId'] } as never);
    if (!article) throw new errors.NotFoundError(`No article ${documentId} that you may ${action}`);
    return { article, checker };
  }

  async function findVersion(documentId: string, version: number): Promise<Revision> {
    const revision = await revisions().findOne({ where: { articleDocumentId: documentId, version } });
    if (!revision) throw new errors.NotFoundError(`This article has no version ${version}`);
    return revision;
  }

  return {
    async list(ctx: Context) {
      const { page, pageSize } = parseInput(ctx.query, versionListQuery);
      const { article } = await permittedArticle(ctx, 'read');
      const where = { articleDocumentId: article.documentId };
      const [found, total] = await Promise.all([
        revisions().findMany({
          where,
          select: LISTED,
          orderBy: { version: 'desc' },
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        revisions().count({ where }),
      ]);
      ctx.body = {
        data: (found as Revision[]).map(listed),
        meta: {
          article: { documentId: article.documentId, title: article.title },
          pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
        },
      };
    },

    async compare(ctx: Context) {
      const { from, to } = parseInput(ctx.query, compareQuery);
      const { article } = await permittedArticle(ctx, 'read');
      const [before, after] = await Promise.all([
        findVersion(article.documentId, from),
        findVersion(article.documentId, to),
      ]);
      ctx.body = {
        data: {
          from: listed(before),
          to: listed(after),
          fields: compareSnapshots(before.snapshot ?? null, after.snapshot as Snapshot),
        },
      };
    },

    async restore(ctx: Context) {
      const { version } = parseInput(ctx.params, versionParams);
      const { article, checker } = await permittedArticle(ctx, 'update');
      const revision = await findVersion(article.documentId, version);
      // A role allowed to change only some fields restores only those.
      const data = await checker.sanitizeUpdateInput(article)(await restoreData(strapi, revision.snapshot as Snapshot));
      await saveRestored(strapi, article.documentId, version, data);
      const latest = await revisions().findOne({
        where: { articleDocumentId: article.documentId },
        select: LISTED,
        orderBy: { version: 'desc' },
      });
      ctx.body = { data: listed(latest) };
    },
  };
};
