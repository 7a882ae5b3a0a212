import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/main.ts'],
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
