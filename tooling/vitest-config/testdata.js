// Test helpers shared by the packages: where the repository's test data lives, and the golden cases.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository's testdata/ folder (golden cases, the KS example, Skatteetaten examples). */
export const TESTDATA = fileURLToPath(new URL('../../testdata/', import.meta.url));

/** Every golden case in testdata/golden whose file name starts with `prefiks`, sorted by name. */
export function lesGullfiler(prefiks) {
  const mappe = join(TESTDATA, 'golden');
  return readdirSync(mappe)
    .filter((f) => f.startsWith(prefiks) && f.endsWith('.json'))
    .sort()
    .map((f) => ({ ...JSON.parse(readFileSync(join(mappe, f), 'utf8')), fil: f }));
}

/** A JSON file under testdata/. */
export function lesTestdata(sti) {
  return JSON.parse(readFileSync(join(TESTDATA, sti), 'utf8'));
}
