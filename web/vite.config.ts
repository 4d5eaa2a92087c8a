import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // See shims/side-channel.cjs: keeps qs's helper dependencies out of the readers' download.
      'side-channel': fileURLToPath(new URL('./shims/side-channel.cjs', import.meta.url)),
    },
  },
  server: { port: 5173, strictPort: true },
  build: {
    // scripts/bench.mjs reads the manifest to sum the JavaScript each page needs.
    manifest: true,
  },
});
