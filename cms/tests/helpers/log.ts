/** The CMS's warnings and errors during a test: what an operator would read in the log. */
import { vi } from 'vitest';
import type { Core } from '@strapi/strapi';

export function watchLog(strapi: Core.Strapi) {
  // Spies that call through: the log still works, the test just reads along.
  const spies = [vi.spyOn(strapi.log, 'warn'), vi.spyOn(strapi.log, 'error')];
  const lines = () => spies.flatMap((spy) => spy.mock.calls.map((call) => String(call[0])));
  return {
    lines,
    /** Waits (up to 15 s: CI machines can be busy) for a line matching `pattern`. */
    async waitFor(pattern: RegExp): Promise<string> {
      for (let waited = 0; waited < 15_000; waited += 50) {
        const line = lines().find((l) => pattern.test(l));
        if (line) return line;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`Nothing logged matches ${pattern}; log: ${lines().join(' | ') || '(empty)'}`);
    },
    stop() {
      spies.forEach((spy) => spy.mockRestore());
    },
  };
}
