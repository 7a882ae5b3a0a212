import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/main.ts'],
  format: ['esm'],
  clean: true,
  sourcemap: true,
  target: 'node20',
  // Workspace packages are bundled from their sources so the built API runs without building them first.
  esbuildOptions(options) {
    options.conditions = ['@inntektsgrunnlag/source'];
  },
  noExternal: [/^@inntektsgrunnlag\//],
});
