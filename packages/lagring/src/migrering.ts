import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, LagringFeil } from './database.js';

/** One numbered SQL file: `NNNN_navn.sql`, applied in number order, once. */
export interface Migrering {
  versjon: number;
  navn: string;
  sql: string;
  sjekksum: string;
}

/** Beside this module in src/ and in dist/ (the build copies the folder). */
const MAPPE = fileURLToPath(new URL('./migreringer/', import.meta.url));
const FILNAVN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads the migrations from a folder, in order; refuses stray files and duplicate numbers. */
export function lesMigreringer(mappe: string = MAPPE): Migrering[] {
  const filer = readdirSync(mappe).sort();
  const ut: Migrering[] = [];
  for (const fil of filer) {
    const m = FILNAVN.exec(fil);
    if (!m) throw new LagringFeil(`Ukjent fil i migreringsmappen: ${fil} (forventet NNNN_navn.sql)`);
    const versjon = Number(m[1]);
    if (ut.some((x) => x.versjon === versjon)) throw new LagringFeil(`To migreringer har nummer ${m[1]}`);
    const sql = readFileSync(join(mappe, fil), 'utf8');
    ut.push({ versjon, navn: m[2] as string, sql, sjekksum: createHash('sha256').update(sql).digest('hex') });
  }
  return ut;
}

/** A fixed key for the migration lock (two processes starting at once must not both migrate). */
const MIGRERINGSLAAS = 7_245_001;

/**
 * Applies the pending migrations in one transaction and records each in `skjemamigreringer`.
 * A migration already applied whose file has changed since is refused: a released migration is never
 * edited, a new one is added.
 */
export async function migrer(
  db: Database,
  migreringer: readonly Migrering[] = lesMigreringer(),
): Promise<number[]> {
  return db.transaksjon(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [MIGRERINGSLAAS]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS skjemamigreringer (
      versjon  integer PRIMARY KEY,
      navn     text NOT NULL,
      sjekksum text NOT NULL,
      kjoert   timestamptz NOT NULL DEFAULT now()
    )`);
    const kjoert = new Map(
      (
        await tx.query<{ versjon: number; sjekksum: string }>(
          'SELECT versjon, sjekksum FROM skjemamigreringer',
        )
      ).map((r) => [Number(r.versjon), r.sjekksum]),
    );
    const nye: number[] = [];
    for (const m of migreringer) {
      const sjekksum = kjoert.get(m.versjon);
      if (sjekksum !== undefined) {
        if (sjekksum !== m.sjekksum) {
          throw new LagringFeil(
            `Migrering ${m.versjon} (${m.navn}) er endret etter at den ble kjørt; legg endringen i en ny migrering`,
          );
        }
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO skjemamigreringer (versjon, navn, sjekksum) VALUES ($1, $2, $3)', [
        m.versjon,
        m.navn,
        m.sjekksum,
      ]);
      nye.push(m.versjon);
    }
    return nye;
  });
}
