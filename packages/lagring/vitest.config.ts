import { pakkeConfig } from '@inntektsgrunnlag/vitest-config';

// Each embedded database takes a few seconds to start (PostgreSQL in WASM).
export default pakkeConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
