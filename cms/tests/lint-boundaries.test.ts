/**
 * The lint rules that keep cms/src in floors (root eslint.config.mjs): Strapi's places → features
 * → platform, no feature importing another, browser admin code and server code apart, no cycles.
 * Each kind of violation, written as a virtual file in the folder it would sit in, must fail lint
 * with its rule's message; a real file passes.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: repoRoot });

async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, filePath) });
  return result.messages.map((message) => ({ rule: message.ruleId, message: message.message }));
}

const use = (what: string, from: string) =>
  `import { ${what} } from '${from}';\n\nexport const used = ${what.split(' as ').pop()};\n`;

describe('the CMS lint boundaries', () => {
  it.each([
    [
      'a feature importing another feature',
      'cms/src/features/comments/server/virtual.ts',
      use('slugify', '../../articles/server/slug'),
      /A feature never imports another feature/,
    ],
    [
      'a feature importing src/api',
      'cms/src/features/comments/server/virtual.ts',
      use('default as comments', '../../../api/comment/services/comment'),
      /A feature never imports Strapi's places/,
    ],
    [
      'a feature importing src/index.ts',
      'cms/src/features/search/server/virtual.ts',
      use('default as app', '../../../index'),
      /A feature never imports Strapi's places/,
    ],
    [
      'the platform importing a feature',
      'cms/src/platform/virtual.ts',
      use('slugify', '../features/articles/server/slug'),
      /The platform is the floor/,
    ],
    [
      'the platform importing a middleware',
      'cms/src/platform/gate/virtual.ts',
      use('default as readLimit', '../../middlewares/read-limit'),
      /The platform is the floor/,
    ],
    [
      "a feature's admin code importing its server code",
      'cms/src/features/comments/admin/lib/virtual.ts',
      use('approvedOnly', '../../server/comments'),
      /The admin \(browser\) never imports the CMS server code/,
    ],
    [
      "a feature's admin code importing the platform's server code",
      'cms/src/features/enquiry/admin/lib/virtual.ts',
      use('fieldError', '../../../../platform/utils/validation'),
      /The admin \(browser\) never imports the CMS server code/,
    ],
    [
      'server code importing admin code',
      'cms/src/features/comments/server/virtual.ts',
      use('excerpt', '../admin/lib/moderation'),
      /The CMS server never imports the admin customisation/,
    ],
  ])('fails on %s', async (_kind, filePath, code, message) => {
    const found = await problems(filePath, code);
    expect(found).toContainEqual({ rule: 'import-x/no-restricted-paths', message: expect.stringMatching(message) });
  });

  it('passes a real file, and a feature importing itself and the platform', async () => {
    const real = 'cms/src/features/comments/server/comments.ts';
    expect(await problems(real, readFileSync(join(repoRoot, real), 'utf8'))).toEqual([]);
    expect(
      await problems(
        'cms/src/features/comments/server/virtual.ts',
        "import { fieldError } from '../../../platform/utils/validation';\nimport { approvedOnly } from './comments';\n\nexport const used = [fieldError, approvedOnly];\n",
      ),
    ).toEqual([]);
  });

  it('fails on two files that import each other', async () => {
    const folder = join(repoRoot, 'cms/src/features/comments/server', `lint-cycle-${process.pid}`);
    mkdirSync(folder, { recursive: true });
    try {
      writeFileSync(join(folder, 'a.ts'), use('b', './b').replace('const used', 'const a'));
      writeFileSync(join(folder, 'b.ts'), use('a', './a').replace('const used', 'const b'));
      const [result] = await new ESLint({ cwd: repoRoot }).lintFiles([join(folder, 'a.ts')]);
      expect(result.messages.map((message) => message.ruleId)).toContain('import-x/no-cycle');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
