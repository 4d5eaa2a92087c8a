#!/usr/bin/env node
// The site's production server (`pnpm start`, the Docker image, the e2e tests and the benchmark all
// run this file), on the output of `pnpm build`:
//   - files of the build (dist/client) through sirv: hashed /assets cached for a year, others an
//     hour, brotli or gzip from the files the build precompressed (vite.config.ts);
//   - every other address through the server bundle (dist/server/entry-server.js): pages rendered
//     by React, feeds, the sitemap, robots.txt, and the CMS's purge call (src/server/site-handler.ts);
//   - the security headers and Content-Security-Policy on every answer.
//
//   node scripts/serve.mjs    PORT (default 4173), HOST (default 0.0.0.0), DIST_DIR (default web/dist),
//                             VITE_API_URL (the CMS browsers call, default http://localhost:1337),
//                             and the server's settings in src/server/config.ts (README).
//
// Also imported by the e2e tests and the benchmark: startSiteServer({ distDir, port: 0, apiUrl }).
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sirv from 'sirv';

const DEFAULT_API_URL = 'http://localhost:1337'; // as src/config/env.ts

/** How long a browser may keep a file of the build. */
const fileCacheControl = (/** @type {string} */ pathname) =>
  // Vite puts content-hashed file names under /assets: they never change.
  pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';

/**
 * @param {{ distDir?: string, port?: number, host?: string, apiUrl?: string }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startSiteServer({
  distDir = fileURLToPath(new URL('../dist', import.meta.url)),
  port = 0,
  host = '127.0.0.1',
  apiUrl = process.env.VITE_API_URL || DEFAULT_API_URL,
} = {}) {
  const clientDir = join(resolve(distDir), 'client');
  const serverEntry = join(resolve(distDir), 'server', 'entry-server.js');
  const manifestFile = join(clientDir, '.vite', 'manifest.json');
  if (!existsSync(serverEntry) || !existsSync(manifestFile))
    throw new Error(`No build in ${distDir}: build the site first (pnpm --filter @medblog/web build)`);

  const { createSiteHandler, manifestHeadAssets, securityHeaders } = await import(pathToFileURL(serverEntry).href);
  const handleSite = createSiteHandler({
    headAssets: manifestHeadAssets(JSON.parse(readFileSync(manifestFile, 'utf8'))),
  });
  const headers = securityHeaders(apiUrl);
  const serveFile = sirv(clientDir, {
    brotli: true,
    gzip: true,
    etag: true,
    setHeaders: (response, pathname) => response.setHeader('Cache-Control', fileCacheControl(pathname)),
  });

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const site = () =>
      handleSite(request, response).catch((/** @type {Error} */ error) => {
        console.error(error);
        if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('Something went wrong on our side.');
      });
    if (request.method === 'GET' || request.method === 'HEAD') serveFile(request, response, site);
    else site();
  });

  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, () => resolveListen(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () => new Promise((resolveClose) => server.close(() => resolveClose(undefined))),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url, close } = await startSiteServer({
    distDir: process.env.DIST_DIR,
    port: Number(process.env.PORT ?? 4173),
    host: process.env.HOST ?? '0.0.0.0',
  });
  console.log(`Serving the site at ${url}`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => close().then(() => process.exit(0)));
}
