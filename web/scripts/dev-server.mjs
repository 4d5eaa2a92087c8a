#!/usr/bin/env node
// `pnpm dev` for the site: the same server-side rendering as production (src/server), with the
// code loaded through Vite (middleware mode), so edits show at once (HMR in the browser, fresh
// modules on the server).
//   node scripts/dev-server.mjs    PORT (default 5173), and the server's settings (src/server/config.ts)
import { createServer as createHttpServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';

const port = Number(process.env.PORT ?? 5173);
// Canonical and share links on the server and in the browser agree.
process.env.VITE_SITE_URL ??= `http://localhost:${port}`;

const httpServer = createHttpServer();
const vite = await createViteServer({
  root: fileURLToPath(new URL('..', import.meta.url)),
  appType: 'custom',
  server: { middlewareMode: true, hmr: { server: httpServer } },
});

// What Vite adds to an HTML page in development (its client, React Refresh's preamble).
const viteHead = (await vite.transformIndexHtml('/', '<html><head></head><body></body></html>')).match(
  /<head>([\s\S]*)<\/head>/,
)[1];

/** One handler per version of the server's code, so its page cache lives until the code changes. */
const handlers = new WeakMap();
async function siteHandler() {
  const entry = await vite.ssrLoadModule('/src/entry-server.ts');
  if (!handlers.has(entry)) handlers.set(entry, entry.createSiteHandler({ headAssets: entry.devHeadAssets(viteHead) }));
  return { entry, handle: handlers.get(entry) };
}

httpServer.on('request', (request, response) => {
  vite.middlewares(request, response, async () => {
    try {
      const { entry, handle } = await siteHandler();
      const apiUrl = process.env.VITE_API_URL || 'http://localhost:1337';
      for (const [name, value] of Object.entries(entry.securityHeaders(apiUrl, { development: true })))
        response.setHeader(name, value);
      await handle(request, response);
    } catch (error) {
      vite.ssrFixStacktrace(error);
      console.error(error);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(String(error.stack ?? error));
    }
  });
});

httpServer.listen(port, () => console.log(`Site (server-rendered, with HMR) at http://localhost:${port}`));
