#!/usr/bin/env node
// Serves the built SPA (web/dist), with the one serving policy of the site (`pnpm start`, the
// Docker image, the e2e tests and the benchmark all run this file):
//   - security headers, a Content-Security-Policy that lets the page reach only this site and the CMS;
//   - hashed assets under /assets cached for a year, index.html always revalidated, other files an hour;
//   - brotli or gzip from the files the build precompressed (vite.config.ts), by the browser's Accept-Encoding;
//   - every page address answered with index.html, so the router shows it (or its 404 page);
//     a missing file (an address with an extension) is a plain 404.
//
//   node scripts/serve.mjs    PORT (default 4173), HOST (default 0.0.0.0), DIST_DIR (default web/dist),
//                             VITE_API_URL (the CMS the build talks to, default http://localhost:1337)
//
// Also imported by the e2e tests and the benchmark: startStaticServer({ root, port: 0, apiUrl }).
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const DEFAULT_API_URL = 'http://localhost:1337'; // as src/config/env.ts

/** The headers every answer carries. */
function securityHeaders(apiUrl) {
  const cms = new URL(apiUrl).origin;
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      `connect-src 'self' ${cms}`,
      // Covers and avatars come from the CMS, or from the storage it hands out absolute URLs for.
      `img-src 'self' data: https: ${cms}`,
      "style-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'self'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'SAMEORIGIN',
  };
}

/** How long a browser may keep what it got for `pathname` (the address asked for, not the file sent). */
function cacheControl(pathname) {
  // Vite puts content-hashed file names under /assets: they never change.
  if (pathname.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  // Page addresses (answered with index.html) and index.html itself: always ask whether it changed.
  if (pathname === '/' || pathname.endsWith('.html') || !/\.\w+$/.test(pathname)) return 'no-cache';
  return 'public, max-age=3600';
}

/**
 * @param {{ root?: string, port?: number, host?: string, apiUrl?: string }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startStaticServer({
  root = fileURLToPath(new URL('../dist', import.meta.url)),
  port = 0,
  host = '127.0.0.1',
  apiUrl = process.env.VITE_API_URL || DEFAULT_API_URL,
} = {}) {
  root = resolve(root);
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`No index.html in ${root}: build the site first (pnpm --filter @medblog/web build)`);
  const headers = securityHeaders(apiUrl);

  const serveFile = sirv(root, {
    single: true,
    brotli: true,
    gzip: true,
    etag: true,
    setHeaders: (response, pathname) => response.setHeader('Cache-Control', cacheControl(pathname)),
    onNoMatch: (_request, response) =>
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found'),
  });

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    serveFile(request, response);
  });

  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, resolveListen);
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () => new Promise((resolveClose) => server.close(() => resolveClose())),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url, close } = await startStaticServer({
    root: process.env.DIST_DIR,
    port: Number(process.env.PORT ?? 4173),
    host: process.env.HOST ?? '0.0.0.0',
  });
  console.log(`Serving the site at ${url}`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => close().then(() => process.exit(0)));
}
