/**
 * An article's e-mail, for the editor in its edit view: how its send to subscribers went (sent,
 * failed, still queued), and a test of it sent to the editor's own address before publishing.
 * Behind the content manager's right to publish articles (Editors and Super Admins).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { smtpConfigured } from '../../../platform/mail';
import type { Context } from '../../../platform/utils/http';
import { articleEmailStatus, sendTestEmail } from './sends';

const ARTICLE = 'api::article.article';
/** A documentId as Strapi makes them: lower-case letters and digits. */
const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function article(ctx: Context): Promise<string> {
    const documentId = String(ctx.params.documentId);
    const found =
      DOCUMENT_ID.test(documentId) &&
      (await strapi.db.query(ARTICLE).findOne({ select: ['id'], where: { documentId } }));
    if (!found) throw new errors.NotFoundError(`No article ${documentId.slice(0, 40)}`);
    return documentId;
  }

  return {
    async status(ctx: Context) {
      ctx.body = { data: await articleEmailStatus(strapi, await article(ctx)) };
    },

    async test(ctx: Context) {
      const documentId = await article(ctx);
      const to = (ctx.state.user as { email?: string } | undefined)?.email;
      if (!to) throw new errors.ValidationError('Your admin account has no e-mail address to send the test to');
      if (!smtpConfigured())
        throw new errors.ApplicationError('No mail server is configured (SMTP_HOST): nothing can be sent');
      try {
        await sendTestEmail(strapi, documentId, to);
      } catch (error) {
        strapi.log.warn(`Newsletter test e-mail of ${documentId} failed: ${(error as Error).message}`);
        throw new errors.ApplicationError(`The mail server did not take the test e-mail: ${(error as Error).message}`);
      }
      ctx.body = { data: { to } };
    },
  };
};
