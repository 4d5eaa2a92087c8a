import type { TestProject } from 'vitest/node';
import { canStartCms, chromiumPath, startStack } from '../scripts/test-stack.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    apiUrl: string;
    /** The CMS's database and the site's purge secret: for tests that run the CMS's commands. */
    databaseUrl: string;
    purgeSecret: string;
    chromiumPath: string;
    /** Where the stack's local mail server writes each message the CMS sends (test-stack.mjs). */
    mailDir: string;
  }
}

export default async function setup(project: TestProject) {
  const chromium = chromiumPath(); // first: fail in a second, not after building everything
  if (!canStartCms()) throw new Error('cms/scripts/serve-test.mjs is missing: the e2e tests need the CMS');
  const stack = await startStack();
  project.provide('siteUrl', stack.siteUrl);
  project.provide('apiUrl', stack.apiUrl);
  project.provide('databaseUrl', stack.databaseUrl);
  project.provide('purgeSecret', stack.purgeSecret);
  project.provide('chromiumPath', chromium);
  project.provide('mailDir', stack.mailDir);
  return stack.stop;
}
