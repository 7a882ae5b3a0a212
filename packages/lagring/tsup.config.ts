import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // The migrations are read at run time from the folder beside the module (src/ or dist/).
  onSuccess: async () => {
    cpSync('src/migreringer', 'dist/migreringer', { recursive: true });
  },
});
