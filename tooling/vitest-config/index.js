// Shared vitest configuration: tests run against the TypeScript sources of the workspace packages,
// never against a build, through the custom export condition `@inntektsgrunnlag/source`.
import { defineConfig } from 'vitest/config';

const conditions = ['@inntektsgrunnlag/source', 'import', 'module', 'node', 'default'];

export function pakkeConfig(overrides = {}) {
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['@inntektsgrunnlag/source'] } },
    test: {
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
      environment: 'node',
      ...overrides,
    },
  });
}
