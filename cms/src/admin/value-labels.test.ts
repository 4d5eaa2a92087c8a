import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALUE_LABELS } from './value-labels';

interface Schema {
  pluginOptions?: { 'content-manager'?: { visible?: boolean } };
  attributes: Record<string, { type: string; enum?: string[] }>;
}

const src = join(__dirname, '..');
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Schema;
const schemas = [
  ...readdirSync(join(src, 'api'))
    .map((api) => join(src, 'api', api, 'content-types'))
    .filter((folder) => existsSync(folder)) // an API of routes only has none
    .flatMap((folder) => readdirSync(folder).map((name) => join(folder, name, 'schema.json'))),
  ...readdirSync(join(src, 'components')).flatMap((category) =>
    readdirSync(join(src, 'components', category)).map((file) => join(src, 'components', category, file)),
  ),
]
  .map((path) => ({ path, schema: read(path) }))
  .filter(({ schema }) => schema.pluginOptions?.['content-manager']?.visible !== false);

const enumerations = schemas.flatMap(({ path, schema }) =>
  Object.entries(schema.attributes)
    .filter(([, attribute]) => attribute.type === 'enumeration')
    .map(([field, attribute]) => ({ where: `${path.slice(src.length + 1)} ${field}`, field, values: attribute.enum! })),
);

describe('the choices staff pick from in the admin', () => {
  it('finds the enumerations of the content types and components', () => {
    expect(enumerations.map(({ field }) => field)).toEqual(
      expect.arrayContaining(['topic', 'handlingStatus', 'moderationStatus', 'audience', 'code', 'platform']),
    );
  });

  it.each(enumerations)('names every value of $where', ({ field, values }) => {
    const labels = VALUE_LABELS[field] ?? {};
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const value of values) expect(labels[value]).not.toBe(value);
  });
});
