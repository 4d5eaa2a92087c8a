/**
 * runExclusive: work of one name runs on one instance at a time (each instance has its own
 * database connections; here two connections of the test CMS's pool stand for two instances).
 */
import { describe, expect, it } from 'vitest';
import { bootStrapi } from './helpers/strapi';
import { runExclusive } from '../src/platform/exclusive';

describe('runExclusive', () => {
  it('skips work while another instance runs work of the same name, and runs it once that ends', async () => {
    const strapi = await bootStrapi();
    let started!: () => void;
    let finish!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const first = runExclusive(strapi, 'test-job', async () => {
      started();
      await finished;
    });
    await running;

    let ranMeanwhile = false;
    expect(await runExclusive(strapi, 'test-job', async () => void (ranMeanwhile = true))).toBe(false);
    expect(ranMeanwhile).toBe(false);
    // Other work is not held up.
    expect(await runExclusive(strapi, 'other-job', async () => {})).toBe(true);

    finish();
    expect(await first).toBe(true);
    expect(await runExclusive(strapi, 'test-job', async () => {})).toBe(true);
  });
});
