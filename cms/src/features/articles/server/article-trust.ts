/**
 * An article's trust fields are checked on every save (admin, API, seed), so the site can link
 * each reference: a DOI or PMID of the wrong shape would lead readers to a dead page. The cover
 * must carry alternative text, as screen-reader users and search engines read it. Anything else
 * is a 400 naming the field.
 */
import type { Core } from '@strapi/strapi';
import { fieldError } from '../../../platform/utils/validation';

const ARTICLE = 'api::article.article';

// A DOI is "10.", a registrant code of digits, "/" and a suffix (Crossref's own pattern).
const DOI = /^10\.\d{4,9}\/\S+$/;
// PubMed numbers its records from 1 and has not yet reached eight digits.
const PMID = /^[1-9]\d{0,7}$/;
const WEB_ADDRESS = /^https?:\/\/\S+$/i;

type Reference = Record<string, unknown>;

/** The trimmed text of a reference's field; null when empty. Throws on anything but text. */
function textOf(reference: Reference, field: string, path: Array<string | number>): string | null {
  const value = reference[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw fieldError(path, 'must be text');
  return value.trim() || null;
}

function checkReference(reference: unknown, index: number): Reference {
  const at = (field: string) => ['references', index, field];
  if (reference === null || typeof reference !== 'object')
    throw fieldError(['references', index], 'must be a reference');
  const checked: Reference = { ...reference };
  const doi = textOf(checked, 'doi', at('doi'));
  if (doi && !DOI.test(doi)) {
    throw fieldError(at('doi'), 'must be a DOI such as 10.1136/bmj.m1234 (without https://doi.org/)');
  }
  const pmid = textOf(checked, 'pmid', at('pmid'));
  if (pmid && !PMID.test(pmid)) throw fieldError(at('pmid'), 'must be a PubMed ID: digits only, such as 31978945');
  const url = textOf(checked, 'url', at('url'));
  if (url && !(WEB_ADDRESS.test(url) && URL.canParse(url))) {
    throw fieldError(at('url'), 'must be a full web address starting with https://');
  }
  if ('doi' in checked) checked.doi = doi;
  if ('pmid' in checked) checked.pmid = pmid;
  if ('url' in checked) checked.url = url;
  return checked;
}

/** The id of the file a save links as the cover: an id, `{ id }`, or `{ documentId }`. */
function coverOf(value: unknown): { id: number } | { documentId: string } | null {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))) return { id: Number(value) };
  if (value && typeof value === 'object') {
    const { id, documentId } = value as { id?: unknown; documentId?: unknown };
    if (id !== undefined) return coverOf(id);
    if (typeof documentId === 'string') return { documentId };
  }
  return null;
}

async function checkCover(strapi: Core.Strapi, value: unknown): Promise<void> {
  const where = coverOf(value);
  if (!where) return;
  const file = await strapi.db.query('plugin::upload.file').findOne({ where, select: ['alternativeText'] });
  if (file && !file.alternativeText?.trim()) {
    throw fieldError(
      'cover',
      'the cover image has no alternative text: describe it in the Media Library (its "Alternative text") first',
    );
  }
}

export function registerArticleTrustChecks(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE || (context.action !== 'create' && context.action !== 'update')) return next();
    const data = (context.params as { data?: Record<string, unknown> }).data ?? {};
    if (Array.isArray(data.references)) data.references = data.references.map(checkReference);
    if ('cover' in data) await checkCover(strapi, data.cover);
    return next();
  });
}
