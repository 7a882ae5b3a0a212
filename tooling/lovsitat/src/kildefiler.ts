import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folders that hold no product source: dependencies, build output, and tests with their fixtures. */
const HOPP_OVER = new Set([
  'node_modules',
  'dist',
  '.turbo',
  'coverage',
  'test',
  'tests',
  '__tests__',
  'e2e',
]);

/** Whether a file is product source: `.ts`/`.tsx`, not a test, not a declaration file. */
export function erKildefil(navn: string): boolean {
  return /\.tsx?$/.test(navn) && !/\.(test|spec)\.tsx?$/.test(navn) && !navn.endsWith('.d.ts');
}

/** The product's source files under `mapper` (relative to `rot`), as paths relative to `rot`, sorted. */
export function kildefiler(rot: string, mapper: readonly string[]): string[] {
  const ut: string[] = [];
  const gaa = (m: string) => {
    for (const navn of readdirSync(m)) {
      if (HOPP_OVER.has(navn)) continue;
      const sti = join(m, navn);
      if (statSync(sti).isDirectory()) gaa(sti);
      else if (erKildefil(navn)) ut.push(relative(rot, sti));
    }
  };
  for (const m of mapper) gaa(join(rot, m));
  return ut.sort();
}
