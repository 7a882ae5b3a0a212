import { pakkeConfig } from '@inntektsgrunnlag/vitest-config';
import react from '@vitejs/plugin-react';
import { mergeConfig } from 'vitest/config';

// Component tests (src/**/*.test.tsx) run in jsdom; the end-to-end suite (test/) drives Debian's
// Chromium against the built app served by the real API, in node.
export default mergeConfig(
  pakkeConfig({
    setupFiles: ['./src/testoppsett.ts'],
    css: false,
  }),
  { plugins: [react()] },
);
