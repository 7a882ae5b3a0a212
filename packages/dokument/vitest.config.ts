import { pakkeConfig } from '@inntektsgrunnlag/vitest-config';

// The PDF tests render documents and run poppler's tools; on a busy CI machine that can take seconds.
export default pakkeConfig({ testTimeout: 30_000, hookTimeout: 60_000 });
