import { onTestFinished, vi } from 'vitest';

/**
 * Lets a test say that time passed for the reader (performance.now() moves on) without waiting:
 * forms measure how long they were shown, and the CMS files anything under 3 s as a bot's.
 */
export function controlTime() {
  const realNow = performance.now.bind(performance);
  let skipped = 0;
  const spy = vi.spyOn(performance, 'now').mockImplementation(() => realNow() + skipped);
  onTestFinished(() => spy.mockRestore());
  return {
    /** The reader spends `ms` milliseconds (reading, typing). */
    pass(ms: number) {
      skipped += ms;
    },
  };
}
