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
      // Safety nets against a hung test, not speed assertions (speed is measured by `pnpm bench`):
      // on a loaded 2-core CI machine, opening an embedded database can take several seconds.
      testTimeout: 60_000,
      hookTimeout: 120_000,
      ...overrides,
    },
  });
}
