// One lint configuration for the workspace. The import rules keep the architecture one way:
// in web/, app → features → lib/components, and no feature imports another; in cms/src, Strapi's
// places (index.ts, admin/, api/, middlewares/, policies/) → features → platform, no feature imports
// another, the admin customisation (runs in the browser: admin/, features/*/admin, platform/admin)
// and the server code never import each other, and no two files import each other; nothing that
// runs in the browser imports the servers' cache (@medblog/shared/cache).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const webFeatures = readdirSync(new URL('./web/src/features', import.meta.url));
const cmsFeatures = readdirSync(new URL('./cms/src/features', import.meta.url));
// The CMS's server floor: every entry of src/platform but its browser part.
const cmsPlatformServer = readdirSync(new URL('./cms/src/platform', import.meta.url))
  .filter((entry) => entry !== 'admin')
  .map((entry) => `cms/src/platform/${entry}`);
// Strapi's own places in cms/src: they put features and platform together, never the other way.
const cmsUpperFloors = [
  'cms/src/index.ts',
  'cms/src/admin-routes.ts',
  'cms/src/admin',
  'cms/src/api',
  'cms/src/middlewares',
  'cms/src/policies',
];
const cmsBrowser = [
  'cms/src/admin',
  'cms/src/platform/admin',
  ...cmsFeatures.map((f) => `cms/src/features/${f}/admin`),
];
const cmsServer = [
  'cms/src/index.ts',
  'cms/src/admin-routes.ts',
  'cms/src/api',
  'cms/src/middlewares',
  'cms/src/policies',
  ...cmsPlatformServer,
  ...cmsFeatures.map((f) => `cms/src/features/${f}/server`),
];

const restrictedImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
// The cache mechanism (lru-cache, ioredis) is for the servers only.
const nodeOnly = {
  group: ['@medblog/shared/cache', '@medblog/shared/dist/*/cache/**'],
  message: '@medblog/shared/cache is Node only: code that runs in the browser never imports it.',
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/build/**',
      '**/.strapi/**',
      '**/.tmp/**',
      '**/.cache/**',
      '.data/**',
      'cms/types/generated/**',
      'cms/public/**',
      'web/public/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'import-x/first': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          // The web app's alias for its src/ folder.
          pathGroups: [{ pattern: '@/**', group: 'internal' }],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['cms/src/**/*.{ts,tsx}'],
    settings: {
      // So that import-x follows the TypeScript relative imports (no-cycle reads the files imported).
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          // Zones are relative to the repository, whatever folder ESLint runs from.
          basePath: fileURLToPath(new URL('.', import.meta.url)),
          zones: [
            ...cmsFeatures.map((feature) => ({
              target: `cms/src/features/${feature}`,
              from: 'cms/src/features',
              except: [`./${feature}`],
              message: 'A feature never imports another feature.',
            })),
            {
              target: 'cms/src/features',
              from: cmsUpperFloors,
              message: "A feature never imports Strapi's places (index, admin, api, middlewares, policies).",
            },
            {
              target: 'cms/src/platform',
              from: ['cms/src/features', ...cmsUpperFloors],
              message: "The platform is the floor: it never imports a feature or Strapi's places.",
            },
            {
              target: cmsBrowser,
              from: cmsServer,
              message: 'The admin (browser) never imports the CMS server code.',
            },
            {
              target: cmsServer,
              from: cmsBrowser,
              message: 'The CMS server never imports the admin customisation.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}', ...cmsBrowser.map((folder) => `${folder}/**/*.{ts,tsx}`)],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['web/src/lib/**', 'web/src/components/**', 'web/src/config/**'],
    rules: restrictedImports(
      {
        group: ['@/features/**', '@/app/**'],
        message: 'lib and components are used by features and app, never the other way.',
      },
      nodeOnly,
    ),
  },
  {
    files: ['web/src/**'],
    ignores: [
      'web/src/server/**',
      'web/src/entry-server.ts',
      'web/src/lib/**',
      'web/src/components/**',
      'web/src/config/**',
      'web/src/features/**',
    ],
    rules: restrictedImports(nodeOnly),
  },
  ...webFeatures.map((feature) => ({
    files: [`web/src/features/${feature}/**`],
    rules: restrictedImports(
      { group: ['@/app/**'], message: 'Features are used by app, never the other way.' },
      {
        group: ['@/features/*', `!@/features/${feature}`, '../../*'],
        message: 'A feature never imports another feature.',
      },
      nodeOnly,
    ),
  })),
  {
    files: cmsBrowser.map((folder) => `${folder}/**`),
    rules: restrictedImports(nodeOnly),
  },
  {
    files: ['cms/src/**', 'cms/config/**'],
    ignores: cmsBrowser.map((folder) => `${folder}/**`),
    rules: restrictedImports({
      group: ['@strapi/strapi/admin'],
      message: 'The CMS server never imports the admin customisation.',
    }),
  },
  prettier,
);
