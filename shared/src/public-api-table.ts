/**
 * The README's tables of what the public API accepts, made from the contract (public-api.ts):
 * `pnpm contract:readme` prints them, and a test checks the README holds them as printed.
 */
import { API_PREFIX, PUBLIC_ROUTES, QUERY_PARAMETERS, type PublicRoute, type QueryParameter } from './public-api.js';

const code = (text: string) => `\`${text}\``;
// A table cell is one line, and a pipe would end it.
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function queryCell(route: PublicRoute): string {
  if (!route.query.length) return 'none';
  return route.query
    .map((name) =>
      name === 'pagination' && route.pagination
        ? `${code(name)} (${route.pagination.map(code).join(', ')})`
        : code(name),
    )
    .join(', ');
}

function bodyCell(route: PublicRoute): string {
  if (!route.body) return '';
  const names = Object.keys(route.body.shape);
  const optional = (name: string) => route.body!.shape[name].safeParse(undefined).success;
  const required = names.filter((name) => !optional(name)).map(code);
  const others = names.filter(optional).map(code);
  return [required.join(', '), others.length ? `optional ${others.join(', ')}` : ''].filter(Boolean).join('; ');
}

/** The routes table and the query parameters table, in Markdown. */
export function publicApiTables(): string {
  const routes = PUBLIC_ROUTES.map((route) =>
    [
      code(`${route.method} ${API_PREFIX}${route.path}`),
      route.summary,
      queryCell(route),
      bodyCell(route),
      route.rateLimit ?? '',
      route.cacheable ? 'yes' : '',
    ]
      .map(cell)
      .join(' | '),
  );
  const parameters = (Object.entries(QUERY_PARAMETERS) as Array<[QueryParameter, string]>).map(
    ([name, takes]) => `| ${code(name)} | ${cell(takes)} |`,
  );
  return [
    '| route | what | query parameters | body (`data`) | rate limit | cached |',
    '| --- | --- | --- | --- | --- | --- |',
    ...routes.map((row) => `| ${row} |`),
    '',
    '| query parameter | takes |',
    '| --- | --- |',
    ...parameters,
  ].join('\n');
}
