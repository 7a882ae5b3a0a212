import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aapnePglite } from './database.js';
import { lesMigreringer, migrer } from './migrering.js';

const mapper: string[] = [];
afterAll(() => {
  for (const m of mapper) rmSync(m, { recursive: true, force: true });
});

function mappe(filer: Record<string, string>): string {
  const m = mkdtempSync(join(tmpdir(), 'migreringer-'));
  mapper.push(m);
  for (const [navn, sql] of Object.entries(filer)) writeFileSync(join(m, navn), sql);
  return m;
}

describe('migrations', () => {
  it('reads the numbered files in order and refuses stray files and duplicate numbers', () => {
    expect(lesMigreringer().map((m) => [m.versjon, m.navn])).toEqual([
      [1, 'grunnskjema'],
      [2, 'scim_og_sesjoner'],
      [3, 'revisjonslogg_vern_uten_search_path'],
      [4, 'ks_integrasjoner'],
      [5, 'revisjonslogg_idempotens'],
      [6, 'kommunesatser'],
      [7, 'arkivforsendelser'],
      [9, 'kildeplasser'],
    ]);
    const m = lesMigreringer(mappe({ '0002_b.sql': 'SELECT 2', '0001_a.sql': 'SELECT 1' }));
    expect(m.map((x) => x.versjon)).toEqual([1, 2]);
    expect(() => lesMigreringer(mappe({ 'notat.txt': '' }))).toThrow(/Ukjent fil/);
    expect(() => lesMigreringer(mappe({ '0001_a.sql': '', '0001_b.sql': '' }))).toThrow(/nummer 0001/);
  });

  it('applies each migration once, in order, and refuses one changed after it ran', async () => {
    const db = await aapnePglite(undefined, 'public');
    try {
      const v1 = lesMigreringer(mappe({ '0001_a.sql': 'CREATE TABLE a (x int);' }));
      expect(await migrer(db, v1)).toEqual([1]);
      const v2 = lesMigreringer(
        mappe({ '0001_a.sql': 'CREATE TABLE a (x int);', '0002_b.sql': 'ALTER TABLE a ADD COLUMN y int;' }),
      );
      expect(await migrer(db, v2)).toEqual([2]);
      expect(await migrer(db, v2)).toEqual([]);
      const endret = lesMigreringer(mappe({ '0001_a.sql': 'CREATE TABLE a (x bigint);' }));
      await expect(migrer(db, endret)).rejects.toThrow(/Migrering 1 \(a\) er endret/);
      // A failing migration leaves nothing half-applied.
      const feil = lesMigreringer(
        mappe({
          '0001_a.sql': 'CREATE TABLE a (x int);',
          '0002_b.sql': 'ALTER TABLE a ADD COLUMN y int;',
          '0003_c.sql': 'CREATE TABLE c (x int); SELECT * FROM finnes_ikke;',
        }),
      );
      await expect(migrer(db, feil)).rejects.toThrow();
      expect(await db.query("SELECT to_regclass('c') AS c")).toEqual([{ c: null }]);
    } finally {
      await db.lukk();
    }
  });
});
