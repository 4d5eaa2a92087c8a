// One lint configuration for the workspace. The import rules keep the architecture one way:
// in web/, app → features → lib/components, and no feature imports another; in cms/, the admin
// customisation (src/admin, runs in the browser) and the server code never import each other;
// nothing that runs in the browser imports the servers' cache (@medblog/shared/cache).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const webFeatures = readdirSync(new URL('./web/src/features', import.meta.url));

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
    files: ['web/src/**/*.{ts,tsx}', 'cms/src/admin/**/*.{ts,tsx}'],
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
    files: ['cms/src/admin/**'],
    rules: restrictedImports(
      {
        group: ['../../*', '!../../admin/**'],
        message: 'The admin (browser) never imports the CMS server code.',
      },
      nodeOnly,
    ),
  },
  {
    files: ['cms/src/**', 'cms/config/**'],
    ignores: ['cms/src/admin/**'],
    rules: restrictedImports({
      group: ['**/admin/**', '@strapi/strapi/admin'],
      message: 'The CMS server never imports the admin customisation.',
    }),
  },
  prettier,
);
