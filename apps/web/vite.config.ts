// Vite config for the SMART web app. Run from the repo root (`npm run build`); the Fastify server
// serves apps/web/dist, and in development the dev server proxies /api to it.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.SMART_API_URL ?? 'http://localhost:8080', changeOrigin: false },
    },
  },
});
