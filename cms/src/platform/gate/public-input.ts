/**
 * Route middleware in front of every public route: the request may name only the query parameters
 * the route takes, and in `filters`, `sort`, `fields`, `populate` and `_q` only public fields of the
 * content type they belong to, as the public contract lists them (@medblog/shared, public-api.ts;
 * each route's config comes from it through src/platform/gate/public-routes.ts). Anything else is a 400
 * naming the problem, checked here rather than trusting each Strapi release to sanitize it
 * (CVE-2026-27886 leaked admin users through relation filters; `_q` searched private columns;
 * `publicationFilter` told draft state; malformed filters reached the database as 500s).
 *
 * Where Strapi's REST conventions are safe they hold: a `pageSize` above the largest is read as
 * the largest, and `locale` may name one of the site's locales.
 *
 * Through a relation to content the public may not read in full (drafts of an article; comments
 * not approved) only identity fields may be matched, and a relation to an article matches its
 * published version only: a comment links to both versions, so a draft's new slug would show.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  FILTER_OPERATORS,
  IDENTITY_FIELDS,
  PAGINATION_MINIMUMS,
  PAGINATION_OPTIONS,
  PUBLIC_CONTENT_TYPES,
  QUERY_LIMITS,
  SITE_LOCALES,
  SYSTEM_FIELDS,
  publicContentType,
} from '@medblog/shared';
import type { PublicInputConfig } from './public-routes';
import type { Context, Next } from '../utils/http';

type Attribute = { type: string; private?: boolean; target?: string; component?: string };
type Model = {
  uid: string;
  modelName?: string;
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, Attribute>;
};
type Filters = Record<string, unknown>;

const IDENTITY = new Set<string>(IDENTITY_FIELDS);
const SCALAR_OPERATORS = new Set<string>(FILTER_OPERATORS.scalar);
const TEXT_OPERATORS = new Set<string>(FILTER_OPERATORS.text);
const LIST_OPERATORS = new Set<string>(FILTER_OPERATORS.list);
const PRESENCE_OPERATORS = new Set<string>(FILTER_OPERATORS.presence);
const LOGICAL = new Set<string>(FILTER_OPERATORS.logical);
const NUMBER_TYPES = new Set(['integer', 'biginteger', 'float', 'decimal']);
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);
const STRUCTURED = new Set(['relation', 'media', 'component', 'dynamiczone']);
const UNFILTERABLE = new Set(['media', 'component', 'dynamiczone', 'blocks', 'json']);
const NUMBER = /^-?\d+(\.\d+)?$/;
const BOOLEAN = /^(true|false|t|f|1|0)$/i;
const MEDIA_FIELDS = new Set<string>(PUBLIC_CONTENT_TYPES['plugin::upload.file'].fields);
const SYSTEM = new Set<string>(SYSTEM_FIELDS);
const { populateDepth: MAX_POPULATE_DEPTH, textSearchLength: MAX_SEARCH_LENGTH, listItems: MAX_LIST } = QUERY_LIMITS;

const invalid = (message: string) => new errors.ValidationError(message);
const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function modelOf(strapi: Core.Strapi, uid: string): Model {
  return (strapi.getModel as (uid: string) => Model)(uid);
}

/** Content the public may not read in full: drafts, or what the contract says is partly public. */
const isNarrowed = (model: Model) =>
  Boolean(model.options?.draftAndPublish) || Boolean(publicContentType(model.uid)?.partlyPublic);

/** A field the contract lists for the content type, or one every entry has. */
function isPublicField(model: Model, name: string): boolean {
  const contract = publicContentType(model.uid);
  return Boolean(contract && (contract.fields.includes(name) || SYSTEM.has(name)));
}

/** The attribute `name` of `model` when the public may use it; throws a 400 otherwise. */
function publicAttribute(model: Model, name: string, param: string): Attribute {
  if (name === 'id') return { type: 'integer' };
  if (name === 'documentId') return { type: 'string' };
  const attribute = Object.hasOwn(model.attributes, name) ? model.attributes[name] : undefined;
  // The contract's list and the schema's private flag must both allow it (a test keeps them equal).
  const allowed =
    attribute &&
    !attribute.private &&
    isPublicField(model, name) &&
    !(attribute.type === 'relation' && !publicContentType(String(attribute.target)));
  if (!allowed) throw invalid(`Invalid ${param}: "${name}" is not a public field of ${model.modelName ?? model.uid}`);
  return attribute;
}

/** One value compared with a field: text, or a number or boolean where the field is one. */
function checkValue(attribute: Attribute, value: unknown, path: string): void {
  if (value === null) return;
  if (typeof value !== 'string') throw invalid(`Invalid filters: "${path}" must be compared with a single value`);
  if (NUMBER_TYPES.has(attribute.type) && !NUMBER.test(value.trim()))
    throw invalid(`Invalid filters: "${path}" must be a number`);
  if (attribute.type === 'boolean' && !BOOLEAN.test(value.trim()))
    throw invalid(`Invalid filters: "${path}" must be true or false`);
}

function checkCondition(attribute: Attribute, condition: unknown, path: string): void {
  if (!isObject(condition)) {
    const values = Array.isArray(condition) ? condition : [condition];
    return values.forEach((value) => checkValue(attribute, value, path));
  }
  for (const [operator, value] of Object.entries(condition)) {
    if (operator === '$not') checkCondition(attribute, value, path);
    else if (SCALAR_OPERATORS.has(operator)) checkValue(attribute, value, `${path}.${operator}`);
    else if (TEXT_OPERATORS.has(operator)) {
      if (!TEXT_TYPES.has(attribute.type)) {
        throw invalid(`Invalid filters: "${path}" is not text; ${operator} does not apply`);
      }
      checkValue(attribute, value, `${path}.${operator}`);
    } else if (LIST_OPERATORS.has(operator)) {
      (Array.isArray(value) ? value : [value]).forEach((item) => checkValue(attribute, item, `${path}.${operator}`));
    } else if (operator === '$between') {
      if (!Array.isArray(value) || value.length !== 2)
        throw invalid(`Invalid filters: "${path}.$between" needs exactly two values`);
      value.forEach((item) => checkValue(attribute, item, `${path}.$between`));
    } else if (PRESENCE_OPERATORS.has(operator)) {
      checkValue({ type: 'boolean' }, value, `${path}.${operator}`);
    } else {
      throw invalid(`Invalid filters: unknown operator "${operator}" on "${path}"`);
    }
  }
}

interface Reach {
  /** Reached through a relation to content the public may not read in full. */
  identityOnly: boolean;
  /** `filters[parent][$null]=true` may ask whether the relation is set. */
  presence: boolean;
}
const TOP: Reach = { identityOnly: false, presence: false };

/**
 * Checks `filters` against `model` and returns them as Strapi should run them (relations to draft
 * and publish types matched on their published version).
 */
function checkFilters(strapi: Core.Strapi, model: Model, filters: unknown, path: string, reach: Reach): Filters {
  const { identityOnly } = reach;
  const where = path ? `"${path.slice(0, -1)}"` : 'filters';
  if (!isObject(filters)) throw invalid(`Invalid filters: ${where} must be an object of field names`);
  const checked: Filters = {};
  for (const [key, value] of Object.entries(filters)) {
    if (LOGICAL.has(key)) {
      const items = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : null;
      if (!items || items.length > MAX_LIST)
        throw invalid(`Invalid filters: "${path}${key}" must be a list of at most ${MAX_LIST} filters`);
      checked[key] = items.map((item) => checkFilters(strapi, model, item, path, reach));
      continue;
    }
    if (key === '$not') {
      checked[key] = checkFilters(strapi, model, value, path, reach);
      continue;
    }
    if (key.startsWith('$')) {
      if (reach.presence && PRESENCE_OPERATORS.has(key)) {
        checkValue({ type: 'boolean' }, value, `${path}${key}`);
        checked[key] = value;
        continue;
      }
      throw invalid(`Invalid filters: operator "${key}" must follow a field name (in ${where})`);
    }
    if (identityOnly && !IDENTITY.has(key)) {
      throw invalid(`Invalid filters: "${path}${key}" cannot be filtered on (only documentId or slug)`);
    }
    const attribute = publicAttribute(model, key, 'filters');
    if (attribute.type === 'relation') {
      const target = modelOf(strapi, attribute.target!);
      const drafts = Boolean(target.options?.draftAndPublish);
      const nested = checkFilters(strapi, target, value, `${path}${key}.`, {
        identityOnly: identityOnly || isNarrowed(target),
        presence: !drafts,
      });
      checked[key] = drafts ? { $and: [nested, { publishedAt: { $notNull: true } }] } : nested;
    } else if (UNFILTERABLE.has(attribute.type)) {
      throw invalid(`Invalid filters: "${path}${key}" cannot be filtered on`);
    } else {
      checkCondition(attribute, value, `${path}${key}`);
      checked[key] = value;
    }
  }
  return checked;
}

/** `_q` as the public may use it: words looked for in the public text fields only. */
function searchFilter(model: Model, search: unknown): Filters {
  if (typeof search !== 'string') throw invalid('Invalid _q: must be text');
  if (search.length > MAX_SEARCH_LENGTH) throw invalid(`Invalid _q: at most ${MAX_SEARCH_LENGTH} characters`);
  const fields = Object.entries(model.attributes)
    .filter(
      ([name, attribute]) =>
        ['string', 'text', 'richtext'].includes(attribute.type) && !attribute.private && isPublicField(model, name),
    )
    .map(([name]) => name);
  return { $or: fields.map((name) => ({ [name]: { $containsi: search } })) };
}

function checkSort(strapi: Core.Strapi, model: Model, sort: unknown): void {
  if (sort === undefined || sort === null || sort === '') return;
  const items = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [sort];
  for (const item of items) {
    if (isObject(item)) {
      for (const [key, value] of Object.entries(item)) checkSortPath(strapi, model, key, value);
    } else if (typeof item === 'string') {
      const [field] = item.trim().split(':');
      checkSortPath(strapi, model, field, undefined);
    } else {
      throw invalid('Invalid sort: must be field names such as "publishedAt:desc"');
    }
  }
}

function checkSortPath(strapi: Core.Strapi, model: Model, dotted: string, nested: unknown): void {
  const [head, ...rest] = dotted.split('.');
  const attribute = publicAttribute(model, head, 'sort');
  const next = rest.length ? rest.join('.') : null;
  if (next === null && !isObject(nested)) {
    if (STRUCTURED.has(attribute.type)) throw invalid(`Invalid sort: "${head}" cannot be sorted on`);
    if (nested !== undefined && (typeof nested !== 'string' || !/^(asc|desc)$/i.test(nested))) {
      throw invalid(`Invalid sort: the order of "${head}" must be asc or desc`);
    }
    return;
  }
  if (attribute.type !== 'relation') throw invalid(`Invalid sort: "${dotted}" cannot be sorted on`);
  const target = modelOf(strapi, attribute.target!);
  // Their order could tell what the public may not read (a draft's title, a rejected comment).
  if (isNarrowed(target)) throw invalid(`Invalid sort: "${dotted}" cannot be sorted on`);
  if (next) checkSortPath(strapi, target, next, nested);
  else checkSort(strapi, target, nested);
}

function checkFields(model: Model, fields: unknown, media = false): void {
  if (fields === undefined || fields === null || fields === '') return;
  const names = Array.isArray(fields) ? fields : [fields];
  for (const raw of names) {
    if (typeof raw !== 'string') throw invalid('Invalid fields: must be field names');
    for (const part of raw.split(',')) {
      const name = part.trim();
      if (media) {
        if (!MEDIA_FIELDS.has(name)) throw invalid(`Invalid fields: "${name}" is not a public field of an image`);
        continue;
      }
      const attribute = publicAttribute(model, name, 'fields');
      if (STRUCTURED.has(attribute.type)) throw invalid(`Invalid fields: "${name}" is a relation; use populate`);
    }
  }
}

/** Checks `populate` and returns it with each relation's filters as Strapi should run them. */
function checkPopulate(strapi: Core.Strapi, model: Model, populate: unknown, depth: number): unknown {
  if (populate === undefined || populate === null || populate === '' || populate === false) return populate;
  if (depth > MAX_POPULATE_DEPTH) throw invalid(`Invalid populate: nested deeper than ${MAX_POPULATE_DEPTH} levels`);
  if (populate === '*' || populate === true || populate === 'true') {
    if (depth > 1) throw invalid('Invalid populate: "*" is only allowed at the top level');
    return populate;
  }
  if (typeof populate === 'string' || Array.isArray(populate)) {
    const names = (Array.isArray(populate) ? populate : [populate]).flatMap((name) => {
      if (typeof name !== 'string') throw invalid('Invalid populate: must be relation names');
      return name.split(',');
    });
    for (const name of names) {
      const [head, ...rest] = name.trim().split('.');
      checkPopulate(strapi, model, { [head]: rest.length ? { populate: rest.join('.') } : true }, depth);
    }
    return populate;
  }
  if (!isObject(populate)) throw invalid('Invalid populate');
  const checked: Record<string, unknown> = {};
  for (const [key, options] of Object.entries(populate)) {
    checked[key] = options;
    if (key === '*' && depth === 1) continue;
    const attribute = publicAttribute(model, key, 'populate');
    if (!STRUCTURED.has(attribute.type)) throw invalid(`Invalid populate: "${key}" is not a relation`);
    if (!isObject(options)) {
      if (![true, 'true', '*'].includes(options as string))
        throw invalid(`Invalid populate: "${key}" must be true or an object of options`);
      continue;
    }
    const { fields, filters, sort, populate: nested, ...unknown } = options;
    const extra = Object.keys(unknown)[0];
    if (extra) throw invalid(`Invalid populate: unknown option "${extra}" on "${key}"`);
    if (attribute.type === 'media') {
      checkFields(model, fields, true);
      if (filters || sort || nested) throw invalid(`Invalid populate: "${key}" is an image; only fields may be chosen`);
      continue;
    }
    const target = modelOf(strapi, attribute.type === 'component' ? attribute.component! : attribute.target!);
    checkFields(target, fields);
    if (sort !== undefined && isNarrowed(target)) throw invalid(`Invalid populate: "${key}" cannot be sorted`);
    checkSort(strapi, target, sort);
    checked[key] = {
      ...options,
      ...(filters === undefined
        ? {}
        : { filters: checkFilters(strapi, target, filters, `${key}.`, { ...TOP, identityOnly: isNarrowed(target) }) }),
      ...(nested === undefined ? {} : { populate: checkPopulate(strapi, target, nested, depth + 1) }),
    };
  }
  return checked;
}

const SIZES = new Set(['pageSize', 'limit']);

/**
 * Checks `pagination[...]`: only the `options` given, whole numbers; a `pageSize` or `limit` above
 * `maxPageSize` is read as it, as Strapi reads its maxLimit. Returns it as it is to be run.
 */
export function checkPagination(
  pagination: unknown,
  maxPageSize: number,
  options: readonly string[] = PAGINATION_OPTIONS,
): Record<string, unknown> | undefined {
  if (pagination === undefined) return undefined;
  if (!isObject(pagination)) throw invalid(`Invalid pagination: must be ${options.join(', ')}`);
  const checked: Record<string, unknown> = { ...pagination };
  for (const [key, value] of Object.entries(pagination)) {
    if (!options.includes(key)) {
      throw invalid(`Invalid pagination: unknown option "${key}"; it takes ${options.join(', ')}`);
    }
    if (key === 'withCount') {
      if (typeof value !== 'string' || !BOOLEAN.test(value))
        throw invalid('Invalid pagination: withCount must be true or false');
      continue;
    }
    const minimum = PAGINATION_MINIMUMS[key as keyof typeof PAGINATION_MINIMUMS];
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
    if (SIZES.has(key)) {
      if (!(number >= minimum)) {
        throw invalid(
          `Invalid pagination: ${key} must be a whole number of at least ${minimum} (above ${maxPageSize} it is read as ${maxPageSize})`,
        );
      }
      if (number > maxPageSize) checked[key] = String(maxPageSize);
    } else if (!(number >= minimum && number <= QUERY_LIMITS.largestPage)) {
      throw invalid(`Invalid pagination: ${key} must be a whole number from ${minimum} to ${QUERY_LIMITS.largestPage}`);
    }
  }
  return checked;
}

/** `locale` names one of the site's locales (which changes nothing while no content type is localized). */
function checkLocale(locale: unknown): void {
  if (locale === undefined || (SITE_LOCALES as readonly unknown[]).includes(locale)) return;
  const named = typeof locale === 'string' ? `"${locale.slice(0, 40)}" is not` : 'must be';
  throw invalid(`Invalid query parameter "locale": ${named} one of the site's locales (${SITE_LOCALES.join(', ')})`);
}

/** Text the database cannot store or that a browser could not have sent as UTF-8. */
export function badTextReason(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (!text.isWellFormed() || text.includes('\uFFFD')) return 'is not valid UTF-8';
  return null;
}

/** Every string in a request body, with where it is. */
function checkBodyText(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const reason = badTextReason(value);
    if (reason) throw invalid(`${path || 'body'}: ${reason}`);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) checkBodyText(item, path ? `${path}.${key}` : key);
  }
}

/** Checks a public request's query against `config`; returns it as Strapi should run it. Throws a 400. */
export function checkPublicQuery(strapi: Core.Strapi, config: PublicInputConfig, query: Record<string, unknown>) {
  const unknown = Object.keys(query).filter((name) => !config.params.includes(name));
  if (unknown.length) {
    const takes = config.params.length ? `it takes ${config.params.join(', ')}` : 'it takes none';
    throw invalid(
      `Unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}: ${takes}`,
    );
  }
  const empty = Object.keys(query).find((name) => query[name] === null || query[name] === '');
  if (empty && empty !== 'sort') throw invalid(`Invalid query: "${empty}" needs a value`);
  if (query.status !== undefined && query.status !== 'published') {
    throw invalid('Invalid status: only published content is available');
  }
  checkLocale(query.locale);
  const maxPageSize = config.maxPageSize ?? (strapi.config.get('api.rest.maxLimit', 100) as number);
  const pagination = checkPagination(query.pagination, maxPageSize, config.pagination);
  const paged = pagination === undefined ? query : { ...query, pagination };
  if (!config.uid) return paged;
  const model = modelOf(strapi, config.uid);
  const { _q: search, ...rest } = paged;
  const filters = [
    ...(rest.filters === undefined ? [] : [checkFilters(strapi, model, rest.filters, '', TOP)]),
    ...(search === undefined ? [] : [searchFilter(model, search)]),
  ];
  checkSort(strapi, model, rest.sort);
  checkFields(model, rest.fields);
  return {
    ...rest,
    ...(filters.length ? { filters: filters.length === 1 ? filters[0] : { $and: filters } } : {}),
    ...(rest.populate === undefined ? {} : { populate: checkPopulate(strapi, model, rest.populate, 1) }),
  };
}

export default (config: PublicInputConfig, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    const checked = checkPublicQuery(strapi, config, ctx.query ?? {});
    // Setting ctx.query re-encodes it; only do so when the check changed something.
    if (JSON.stringify(checked) !== JSON.stringify(ctx.query ?? {})) ctx.query = checked;
    checkBodyText(ctx.request.body, '');
    await next();
  };
};
