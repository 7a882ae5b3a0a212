import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API that `vite dev` forwards to (run `pnpm start` or the API alone on this address). */
const API = process.env.API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages (the identifier check) are bundled from their TypeScript sources: no build
    // of theirs is needed first.
    conditions: ['@inntektsgrunnlag/source', 'browser', 'module', 'import', 'default'],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The budget script reads the manifest to find the JavaScript loaded before first paint.
    manifest: true,
  },
  server: {
    proxy: { '/api': API, '/auth': API },
  },
});
