/**
 * Route middleware for the public read routes: every field a client names in `filters`, `sort`,
 * `fields` or `populate` must be a public field of the content type it belongs to. Private fields,
 * admin users (createdBy/updatedBy) and plugin types are refused with a 400 naming the field,
 * rather than trusting each Strapi release to sanitize them (CVE-2026-27886 leaked admin users
 * through relation filters). Only published content is served, so `status` may only be `published`.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type Model = { uid: string; modelName?: string; options?: { draftAndPublish?: boolean }; attributes: Record<string, any> };

const ALWAYS_READABLE = new Set(['id', 'documentId']);
const FORBIDDEN = new Set(['createdBy', 'updatedBy', 'localizations', 'locale']);
const OPERATORS = new Set([
  '$eq', '$eqi', '$ne', '$nei', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$contains', '$notContains',
  '$containsi', '$notContainsi', '$null', '$notNull', '$between', '$startsWith', '$startsWithi', '$endsWith', '$endsWithi',
]);
// What a reader-facing page may ask of an image.
const MEDIA_FIELDS = new Set(['id', 'documentId', 'url', 'alternativeText', 'caption', 'width', 'height', 'formats', 'mime', 'name']);
const MAX_POPULATE_DEPTH = 3;

const invalid = (message: string) => new errors.ValidationError(message);

function modelOf(strapi: Core.Strapi, uid: string): Model {
  return (strapi.getModel as (uid: string) => Model)(uid);
}

/** The attribute `name` of `model` when the public may use it; throws a 400 otherwise. */
function publicAttribute(model: Model, name: string, param: string) {
  if (ALWAYS_READABLE.has(name)) return { type: 'string' };
  const attribute = model.attributes[name];
  const allowed =
    attribute &&
    !attribute.private &&
    !FORBIDDEN.has(name) &&
    !(attribute.type === 'relation' && !String(attribute.target).startsWith('api::'));
  if (!allowed) throw invalid(`Invalid ${param}: "${name}" is not a public field of ${model.modelName ?? model.uid}`);
  return attribute;
}

function checkFilters(strapi: Core.Strapi, model: Model, filters: unknown, path: string): void {
  if (filters === null || typeof filters !== 'object') return;
  if (Array.isArray(filters)) return filters.forEach((item) => checkFilters(strapi, model, item, path));
  for (const [key, value] of Object.entries(filters)) {
    if (key === '$and' || key === '$or' || key === '$not') {
      checkFilters(strapi, model, value, path);
      continue;
    }
    if (key.startsWith('$')) {
      if (!OPERATORS.has(key)) throw invalid(`Invalid filters: unknown operator "${key}"`);
      continue;
    }
    const attribute = publicAttribute(model, key, 'filters');
    if (attribute.type === 'relation') {
      const target = modelOf(strapi, attribute.target);
      // Through a draft-and-publish relation only identity fields may be matched: anything else
      // could probe the text of unpublished drafts.
      const targetFilters = target.options?.draftAndPublish ? onlyIdentity(value, `${path}${key}.`) : value;
      checkFilters(strapi, target, targetFilters, `${path}${key}.`);
    } else if (attribute.type === 'media' || attribute.type === 'component' || attribute.type === 'dynamiczone') {
      throw invalid(`Invalid filters: "${path}${key}" cannot be filtered on`);
    } else if (value !== null && typeof value === 'object') {
      for (const operator of Object.keys(value)) {
        if (!OPERATORS.has(operator)) throw invalid(`Invalid filters: unknown operator "${operator}" on "${path}${key}"`);
      }
    }
  }
}

function onlyIdentity(filters: unknown, path: string): unknown {
  if (filters !== null && typeof filters === 'object' && !Array.isArray(filters)) {
    for (const key of Object.keys(filters)) {
      if (!key.startsWith('$') && !['id', 'documentId', 'slug'].includes(key)) {
        throw invalid(`Invalid filters: "${path}${key}" cannot be filtered on (only documentId or slug)`);
      }
    }
  }
  return filters;
}

function checkSort(strapi: Core.Strapi, model: Model, sort: unknown): void {
  if (sort === undefined || sort === null || sort === '') return;
  const items = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [sort];
  for (const item of items) {
    if (typeof item === 'object' && item !== null) {
      for (const [key, value] of Object.entries(item)) checkSortPath(strapi, model, key, value);
    } else {
      const [field] = String(item).trim().split(':');
      checkSortPath(strapi, model, field, undefined);
    }
  }
}

function checkSortPath(strapi: Core.Strapi, model: Model, dotted: string, nested: unknown): void {
  const [head, ...rest] = dotted.split('.');
  const attribute = publicAttribute(model, head, 'sort');
  const next = rest.length ? rest.join('.') : null;
  const needsTarget = next !== null || (nested !== null && typeof nested === 'object');
  if (!needsTarget) {
    if (['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type)) throw invalid(`Invalid sort: "${head}" cannot be sorted on`);
    return;
  }
  if (attribute.type !== 'relation') throw invalid(`Invalid sort: "${dotted}" cannot be sorted on`);
  const target = modelOf(strapi, attribute.target);
  if (next) checkSortPath(strapi, target, next, nested);
  else checkSort(strapi, target, nested);
}

function checkFields(model: Model, fields: unknown, media = false): void {
  if (fields === undefined || fields === null || fields === '') return;
  const names = Array.isArray(fields) ? fields : String(fields).split(',');
  for (const raw of names) {
    const name = String(raw).trim();
    if (media) {
      if (!MEDIA_FIELDS.has(name)) throw invalid(`Invalid fields: "${name}" is not a public field of an image`);
      continue;
    }
    const attribute = publicAttribute(model, name, 'fields');
    if (['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type)) {
      throw invalid(`Invalid fields: "${name}" is a relation; use populate`);
    }
  }
}

function checkPopulate(strapi: Core.Strapi, model: Model, populate: unknown, depth: number): void {
  if (populate === undefined || populate === null || populate === '' || populate === false) return;
  if (depth > MAX_POPULATE_DEPTH) throw invalid(`Invalid populate: nested deeper than ${MAX_POPULATE_DEPTH} levels`);
  if (populate === '*' || populate === true || populate === 'true') {
    if (depth > 1) throw invalid('Invalid populate: "*" is only allowed at the top level');
    return;
  }
  if (typeof populate === 'string' || Array.isArray(populate)) {
    const names = Array.isArray(populate) ? populate : populate.split(',');
    for (const name of names) {
      const [head, ...rest] = String(name).trim().split('.');
      checkPopulate(strapi, model, { [head]: rest.length ? { populate: rest.join('.') } : true }, depth);
    }
    return;
  }
  if (typeof populate !== 'object') throw invalid('Invalid populate');
  for (const [key, options] of Object.entries(populate as Record<string, unknown>)) {
    if (key === '*' && depth === 1) continue;
    const attribute = publicAttribute(model, key, 'populate');
    if (!['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type)) {
      throw invalid(`Invalid populate: "${key}" is not a relation`);
    }
    if (options === null || typeof options !== 'object') continue;
    const { fields, filters, sort, populate: nested, on, count, ...unknown } = options as Record<string, unknown>;
    const extra = Object.keys(unknown);
    if (extra.length || on || count) throw invalid(`Invalid populate: unknown option "${extra[0] ?? (on ? 'on' : 'count')}" on "${key}"`);
    if (attribute.type === 'media') {
      checkFields(model, fields, true);
      if (filters || sort || nested) throw invalid(`Invalid populate: "${key}" is an image; only fields may be chosen`);
      continue;
    }
    const target = modelOf(strapi, attribute.type === 'component' ? attribute.component : attribute.target);
    checkFields(target, fields);
    checkFilters(strapi, target, filters, `${key}.`);
    checkSort(strapi, target, sort);
    checkPopulate(strapi, target, nested, depth + 1);
  }
}

/** Checks a public request's query against the model `uid`; throws a 400 ValidationError. */
export function assertPublicQuery(strapi: Core.Strapi, uid: string, query: Record<string, unknown>): void {
  const model = modelOf(strapi, uid);
  if (query.status !== undefined && query.status !== 'published') {
    throw invalid('Invalid status: only published content is available');
  }
  checkFilters(strapi, model, query.filters, '');
  checkSort(strapi, model, query.sort);
  checkFields(model, query.fields);
  checkPopulate(strapi, model, query.populate, 1);
}

export default (config: { uid: string }, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx, next) => {
    assertPublicQuery(strapi, config.uid, ctx.query ?? {});
    await next();
  };
};
