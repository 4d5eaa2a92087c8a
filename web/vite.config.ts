import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { zoneOffsets } from './src/lib/zone-offsets.ts';

const COMPRESSIBLE = /\.(html|js|css|json|svg|txt|xml|webmanifest)$/;

/** Writes a .br and a .gz beside each text file of the build: scripts/serve.mjs sends them as they are. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'medblog:precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = resolve(config.root, config.build.outDir)),
    closeBundle() {
      for (const name of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
        if (!COMPRESSIBLE.test(name) || name.startsWith('.vite')) continue;
        const source = readFileSync(join(outDir, name));
        writeFileSync(join(outDir, `${name}.br`), brotliCompressSync(source));
        writeFileSync(join(outDir, `${name}.gz`), gzipSync(source, { level: 9 }));
      }
    },
  };
}

/**
 * Two builds (`pnpm build`): the browser's (dist/client, served as files) and the server's
 * (`--ssr`: dist/server/entry-server.js, which scripts/serve.mjs loads to render pages).
 */
export default defineConfig(({ isSsrBuild, mode }) => ({
  define: {
    __SITE_ZONE_OFFSETS__: JSON.stringify(
      zoneOffsets(
        loadEnv(mode, fileURLToPath(new URL('.', import.meta.url)), 'VITE_').VITE_TIME_ZONE || 'Asia/Kolkata',
      ),
    ),
  },
  plugins: isSsrBuild ? [react()] : [react(), precompress()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  // The server bundle carries its dependencies, so it runs from wherever it is built to.
  ssr: isSsrBuild ? { noExternal: true } : undefined,
  build: isSsrBuild
    ? { outDir: 'dist/server', rolldownOptions: { input: 'src/entry-server.ts' } }
    : {
        outDir: 'dist/client',
        // The server reads the manifest to link each page's code; scripts/first-load.mjs to weigh it.
        manifest: true,
        rolldownOptions: {
          input: 'src/boot.ts',
          // The libraries every page runs (React, the router, React Query) in one chunk of their own:
          // otherwise the chunker splits them anew by which pages use which of their parts, and a
          // new page shuffles (and enlarges) every page's first load.
          output: {
            codeSplitting: {
              groups: [
                { name: 'framework', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/ },
              ],
            },
          },
        },
      },
}));
