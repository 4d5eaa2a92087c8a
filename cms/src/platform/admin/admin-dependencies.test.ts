/**
 * The admin customisation imports react-query, react-redux, react-intl and @strapi/icons itself.
 * They must be the very versions Strapi's admin ships: then pnpm links the same copy, our hooks use
 * the admin's own QueryClient, redux store and interface language (a second copy would have no
 * provider) and our icons match Strapi's.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ours = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));
const fromStrapi = createRequire(require.resolve('@strapi/strapi/package.json'));
const strapiAdmin = JSON.parse(
  readFileSync(join(dirname(fromStrapi.resolve('@strapi/admin/package.json')), 'package.json'), 'utf8'),
);

describe("the admin's shared dependencies", () => {
  it.each(['react-query', 'react-redux', 'react-intl', '@strapi/icons', '@strapi/design-system'])(
    '%s is the version @strapi/admin uses',
    (name) => {
      expect(ours.devDependencies[name]).toBe(strapiAdmin.dependencies[name]);
    },
  );
});
