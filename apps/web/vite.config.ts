import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * `npm run dev` serves the app with hot reload on :5173 and forwards /api to
 * the Linli server on :3000 (start it with `npm start` at the repo root; set
 * LINLI_API_URL to use another); `npm run build` writes dist/, which the
 * server serves at `/`.
 */
const api = process.env.LINLI_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP allows scripts from our origin only: keep everything in files, nothing inline.
    assetsInlineLimit: 0,
    // Charts, forms and graph layout load with the pages that use them (React.lazy in app/App.tsx).
    chunkSizeWarningLimit: 600,
  },
});
