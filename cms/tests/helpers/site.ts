/**
 * A real HTTP server standing in for the reader site's server: it keeps every purge call the CMS
 * makes (headers and the exact body) and can be told to fail or hang as a real one may
 * (`siteServer`).
 */
import { createServer, type ServerResponse } from 'node:http';

export interface PurgeCall {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  tags: string[];
}

export const purgeCalls: PurgeCall[] = [];

const faults = { status: 204, hanging: false, held: [] as ServerResponse[] };

export const siteServer = {
  /** Answers every call with `status` (500: a broken server). */
  answerWith(status: number) {
    faults.status = status;
  },
  /** Stops answering: calls are read and kept waiting. */
  hang() {
    faults.hanging = true;
  },
  recover() {
    faults.status = 204;
    faults.hanging = false;
    faults.held.splice(0).forEach((response) => response.destroy());
  },
  /** Calls left waiting for an answer while hanging. */
  get held() {
    return faults.held.filter((response) => !response.destroyed && !response.socket?.destroyed).length;
  },
};

export async function startSiteServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const { tags } = JSON.parse(body || '{}') as { tags?: string[] };
      purgeCalls.push({ path: request.url ?? '', headers: request.headers, body, tags: tags ?? [] });
      if (faults.hanging) faults.held.push(response);
      else response.writeHead(faults.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Waits (up to 15 s: CI machines can be busy) until `count` calls (default 1) match `predicate`; returns them. */
export async function waitForPurges(predicate: (call: PurgeCall) => boolean, count = 1): Promise<PurgeCall[]> {
  for (let waited = 0; waited < 15_000; waited += 25) {
    const calls = purgeCalls.filter(predicate);
    if (calls.length >= count) return calls;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(
    `No such purge call arrived; calls: ${purgeCalls.map((c) => c.tags.join(',')).join(' | ') || '(none)'}`,
  );
}
