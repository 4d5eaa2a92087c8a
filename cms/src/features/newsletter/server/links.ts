/**
 * Where a subscriber's links point: the site's confirm and manage pages, and the CMS's one-click
 * unsubscribe address with the headers every newsletter e-mail carries (RFC 2369, RFC 8058).
 */
import type { Core } from '@strapi/strapi';
import { signToken } from './tokens';

export const siteUrl = (strapi: Core.Strapi) => strapi.config.get<string>('site.publicUrl');
const cmsUrl = (strapi: Core.Strapi) =>
  ((strapi.config.get('server.url') as string) || `http://localhost:${strapi.config.get('server.port')}`).replace(
    /\/+$/,
    '',
  );

/** An uploaded file's address for an e-mail: as stored when absolute (S3, a CDN), else on the CMS. */
export function mediaUrl(strapi: Core.Strapi, url: string): string {
  return /^https?:\/\//.test(url) ? url : `${cmsUrl(strapi)}${url.startsWith('/') ? '' : '/'}${url}`;
}

export function confirmUrl(strapi: Core.Strapi, documentId: string): string {
  return `${siteUrl(strapi)}/subscribe/confirm?token=${signToken(documentId, 'confirm')}`;
}

export function managePageUrl(strapi: Core.Strapi, token: string): string {
  return `${siteUrl(strapi)}/subscribe/manage?token=${token}`;
}

export function manageUrl(strapi: Core.Strapi, documentId: string): string {
  return managePageUrl(strapi, signToken(documentId, 'manage'));
}

export function unsubscribeUrl(strapi: Core.Strapi, documentId: string): string {
  return `${cmsUrl(strapi)}/api/subscriptions/unsubscribe?token=${signToken(documentId, 'manage')}`;
}

/**
 * The headers of every e-mail to a subscriber: a one-click https address (mail providers POST
 * `List-Unsubscribe=One-Click` to it) and, when the site has a contact address, a mailto one.
 */
export function listUnsubscribeHeaders(
  strapi: Core.Strapi,
  documentId: string,
  contactEmail?: string | null,
): Record<string, string> {
  const addresses = [`<${unsubscribeUrl(strapi, documentId)}>`];
  if (contactEmail) {
    const subject = encodeURIComponent(`Unsubscribe ${documentId}`);
    addresses.push(`<mailto:${contactEmail}?subject=${subject}>`);
  }
  return { 'List-Unsubscribe': addresses.join(', '), 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
