// Shared vitest configuration: tests run against the TypeScript sources of the workspace packages,
// never against a build, through the custom export condition `@inntektsgrunnlag/source`.
import { defineConfig } from 'vitest/config';

const conditions = ['@inntektsgrunnlag/source', 'import', 'module', 'node', 'default'];

export function pakkeConfig(overrides = {}) {
  return defineConfig({
    resolve: { conditions },
    // Vitest hands ssr conditions to Node as --conditions; "import" there makes require() inside a
    // CommonJS package (pg → pg-pool) load the ESM build and fail. Node and Vite add import/require
    // themselves.
    ssr: {
      resolve: {
        conditions: conditions.filter((c) => c !== 'import'),
        externalConditions: ['@inntektsgrunnlag/source'],
      },
    },
    test: {
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
      environment: 'node',
      ...overrides,
    },
  });
}
