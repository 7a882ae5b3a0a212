import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demopersoner } from './demo.js';

const docs = readFileSync(fileURLToPath(new URL('../../../../docs/kilder.md', import.meta.url)), 'utf8');

describe('the demo persons in docs/kilder.md', () => {
  it('are the ones demopersoner() gives, with their names and kinds', () => {
    const rader = [...docs.matchAll(/^\| `(\d{11})` \| ([^|]+) \| ([A-Z_]+) \|/gm)].map((m) => ({
      identifikator: m[1],
      navn: m[2]?.trim(),
      kategori: m[3],
    }));
    expect(rader).toEqual(
      demopersoner().map(({ identifikator, navn, kategori }) => ({ identifikator, navn, kategori })),
    );
  });
});
