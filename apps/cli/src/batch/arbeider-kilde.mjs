// Starts the worker thread of --arbeidere from the TypeScript source (pnpm cli, tests): Node 20 does
// not apply `--import tsx` to a worker's own module, so the worker registers tsx itself first.
import { register } from 'tsx/esm/api';

register();
await import('./arbeider.ts');
