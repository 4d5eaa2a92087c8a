/**
 * The Readers page's endpoints (routed in ./admin-routes.ts), for whoever may read articles in the
 * content manager. Who may publish articles (Editors, Super Admins) sees the whole site; anyone
 * else (Authors) sees the articles the content manager lets them read (their own, by Strapi's "is
 * creator" condition) and the content gaps, which name no article and suggest what to write, but
 * not the site-wide referring sites and page speed. An article they may not read is answered 404,
 * as one that does not exist, so its existence is not given away.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  INSIGHT_PAGE_TYPE_LABELS,
  VITAL_RATING_LABELS,
  type ReadersAnswer,
  type ReadersPeriod,
  type ReadersReport,
  type ReadersTable,
} from '@medblog/shared';
import { mayReadEntry, permittedQuery } from '../../../platform/access/admin-access';
import { sendCsv } from '../../../platform/utils/csv';
import type { Context } from '../../../platform/utils/http';
import { parseInput } from '../../../platform/utils/validation';
import { articleParams, exportQuery, readersQuery } from './admin-inputs';
import { articleReaders, readersReport } from './readers';

const ARTICLE = 'api::article.article';
const PUBLISH = 'plugin::content-manager.explorer.publish';

interface Ability {
  can(action: string, subject: string): boolean;
}

/** Whether this admin may publish articles: then the whole site's figures are theirs to see. */
const seesWholeSite = (ctx: Context) => Boolean((ctx.state.userAbility as Ability | undefined)?.can(PUBLISH, ARTICLE));

const percent = (value: number | null) => (value === null ? '' : `${value}%`);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The documentIds of the articles this admin may read in the content manager. */
  async function readableArticles(ctx: Context): Promise<string[]> {
    const { query } = await permittedQuery(strapi, ctx, ARTICLE, 'read', {});
    const found = await strapi
      .documents(ARTICLE)
      .findMany({ filters: query.filters, fields: ['documentId'], status: 'draft' } as never);
    return [...new Set(found.map((entry) => entry.documentId))];
  }

  /** The report for this admin: site-wide lists emptied for whoever does not see the whole site. */
  async function report(ctx: Context, period: ReadersPeriod): Promise<ReadersAnswer> {
    const siteWide = seesWholeSite(ctx);
    if (siteWide) return { data: await readersReport(strapi, period), meta: { siteWide } };
    const own = await readersReport(strapi, period, { articles: await readableArticles(ctx) });
    return { data: { ...own, referrers: [], speed: [] }, meta: { siteWide } };
  }

  return {
    async readers(ctx: Context) {
      const { period } = parseInput(ctx.query, readersQuery);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await report(ctx, period);
    },

    /** One article's last 30 days and latest notes, for its edit view. */
    async article(ctx: Context) {
      const { documentId } = parseInput(ctx.params, articleParams);
      if (!(await mayReadEntry(strapi, ctx.state.userAbility, ARTICLE, documentId))) {
        throw new errors.NotFoundError(`No article ${documentId}`);
      }
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await articleReaders(strapi, documentId) };
    },

    /** One table of the Readers page as CSV. */
    async export(ctx: Context) {
      const { period, table } = parseInput(ctx.query, exportQuery);
      const siteWide = seesWholeSite(ctx);
      if (!siteWide && (table === 'referrers' || table === 'speed')) {
        throw new errors.PolicyError(
          `You may not export ${table === 'speed' ? 'page speed' : 'referring sites'}: site-wide figures are for those who may publish articles`,
        );
      }
      const { data } = await report(ctx, period);
      const [header, rows] = csvTable(table, data);
      sendCsv(ctx, `readers-${table}-${period}-days`, header, rows);
    },
  };
};

/** A table of the report as a CSV header and rows, in the words of the Readers page. */
export function csvTable(table: ReadersTable, report: ReadersReport): [string[], unknown[][]] {
  switch (table) {
    case 'articles':
      return [
        [
          'Title',
          'Address',
          'Views',
          'Phone views',
          'Desktop views',
          'Helpful',
          'Not helpful',
          'Helpful %',
          'Comments',
          'Enquiries',
        ],
        report.articles.map((a) => [
          a.title,
          a.slug ? `/articles/${a.slug}` : '',
          a.views,
          a.phoneViews,
          a.desktopViews,
          a.helpfulYes,
          a.helpfulNo,
          percent(a.helpfulPercent),
          a.comments,
          a.enquiries,
        ]),
      ];
    case 'content-gaps':
      return [
        ['Search', 'Readers', 'Searches', 'Last asked'],
        report.contentGaps.map((gap) => [gap.query, gap.visitors, gap.searches, gap.lastAsked]),
      ];
    case 'referrers':
      return [['Site', 'Readers'], report.referrers.map((site) => [site.domain, site.visitors])];
    case 'speed':
      return [
        ['Pages', 'Measure', '75th percentile', 'Unit', 'Rating', 'Samples', 'Good up to', 'Poor above'],
        report.speed.map((s) => [
          INSIGHT_PAGE_TYPE_LABELS[s.pageType] ?? s.pageType,
          s.metric,
          s.p75 ?? '',
          s.unit,
          s.rating ? VITAL_RATING_LABELS[s.rating] : '',
          s.samples,
          s.good,
          s.poor,
        ]),
      ];
  }
}
