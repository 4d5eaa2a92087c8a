#!/usr/bin/env node
// Serves the built SPA (web/dist) the way production should: hashed assets cached for a year,
// index.html always revalidated, gzip/brotli for text, and every page address answered with
// index.html so the router can show it (or its 404 page).
//
//   node scripts/serve.mjs            PORT (default 4173), HOST (default 0.0.0.0), DIST_DIR (default web/dist)
//
// Also imported by the e2e tests and the benchmark: startStaticServer({ root, port: 0 }).
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.xml', '.webmanifest']);

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'SAMEORIGIN',
};

/** Resolves a URL path to a file inside root, or null when it would leave root. */
function fileFor(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = resolve(join(root, decoded));
  return file === root || file.startsWith(root + sep) ? file : null;
}

/** The file's stats, or null when there is no such file. */
async function fileStats(path) {
  try {
    const stats = await stat(path);
    return stats.isFile() ? stats : null;
  } catch {
    return null;
  }
}

function cacheControl(urlPath, file) {
  if (file.endsWith('index.html')) return 'no-cache';
  // Vite puts content-hashed file names under /assets: they never change.
  if (urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

/**
 * @param {{ root?: string, port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startStaticServer({ root = fileURLToPath(new URL('../dist', import.meta.url)), port = 0, host = '127.0.0.1' } = {}) {
  root = resolve(root);
  const indexFile = join(root, 'index.html');
  if (!(await fileStats(indexFile))) throw new Error(`No index.html in ${root}: build the site first (pnpm --filter @medblog/web build)`);
  /** Compressed text files, by encoding, path and modification time (a redeploy changes them). */
  const compressed = new Map();

  const server = createServer(async (request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
        return;
      }
      const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname;
      const requested = fileFor(root, urlPath);
      if (!requested) {
        response.writeHead(400, SECURITY_HEADERS).end();
        return;
      }
      let file = requested;
      let stats = await fileStats(file);
      if (!stats) {
        // A missing asset is an error; any other address is a page of the app.
        if (extname(urlPath)) {
          response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Not found');
          return;
        }
        file = indexFile;
        stats = await fileStats(file);
        if (!stats) throw new Error(`${indexFile} disappeared`);
      }

      const extension = extname(file);
      const headers = {
        'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
        'Cache-Control': cacheControl(urlPath, file),
        ...SECURITY_HEADERS,
      };
      const accepted = String(request.headers['accept-encoding'] ?? '');
      const encoding = !COMPRESSIBLE.has(extension) ? null : /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;

      if (!encoding) {
        response.writeHead(200, { ...headers, 'Content-Length': stats.size });
        if (request.method === 'HEAD') response.end();
        else createReadStream(file).pipe(response);
        return;
      }
      const key = `${encoding}:${file}:${stats.mtimeMs}`;
      if (!compressed.has(key)) {
        const source = await readFile(file);
        compressed.set(key, encoding === 'br' ? brotliCompressSync(source) : gzipSync(source));
      }
      const body = compressed.get(key);
      response.writeHead(200, { ...headers, 'Content-Encoding': encoding, Vary: 'Accept-Encoding', 'Content-Length': body.length });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      console.error(error);
      if (!response.headersSent) response.writeHead(500, SECURITY_HEADERS);
      response.end();
    }
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
