import { defineConfig } from 'tsup';

export default defineConfig({
  // The worker thread of --arbeidere (batch/arbeidere.ts) is its own file beside main.js.
  entry: { main: 'src/main.ts', arbeider: 'src/batch/arbeider.ts' },
  format: ['esm'],
  clean: true,
  sourcemap: true,
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  // Workspace packages are bundled from their sources so the built CLI runs without building them first.
  esbuildOptions(options) {
    options.conditions = ['@inntektsgrunnlag/source'];
  },
  noExternal: [/^@inntektsgrunnlag\//],
});
