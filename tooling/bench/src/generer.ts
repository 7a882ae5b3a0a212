import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kontrollsifre } from '@inntektsgrunnlag/person';

/**
 * Deterministic benchmark cases: the golden cases of the three areas (testdata/golden), in turn, each
 * with new synthetic identifiers and its amounts scaled by a seeded factor, so rows differ (different
 * incomes take different branches) while every row stays a valid request with inline posts (no lookup).
 */

const GULLMAPPE = fileURLToPath(new URL('../../../testdata/golden/', import.meta.url));

/** mulberry32: a small seeded PRNG, so the same seed always gives the same file. */
export function prng(froe: number): () => number {
  let a = froe >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic fødselsnummer (month + 80, as Skatteetaten's test persons; never a real person's number)
 * with valid control digits, from a running number.
 */
export function syntetiskIdentifikator(n: number): string {
  // Seven candidates per number, so two running numbers never share one (and so never the same person).
  for (let forsoek = 0; forsoek < 7; forsoek++) {
    const k = n * 7 + forsoek;
    const dag = (k % 28) + 1;
    const maaned = (Math.floor(k / 28) % 12) + 1 + 80;
    const aar = 30 + (Math.floor(k / 336) % 60);
    const individ = 100 + (Math.floor(k / 20160) % 400);
    const ni = `${String(dag).padStart(2, '0')}${maaned}${aar}${individ}`;
    const k12 = kontrollsifre(ni);
    if (k12) return ni + k12;
  }
  throw new Error(`Fant ikke et gyldig syntetisk fødselsnummer for ${n}`);
}

interface Gull {
  id: string;
  foresporsel: {
    beregningstype: string;
    personer: Array<{ identifikator: string; poster?: Array<{ beloep: number | string }> }>;
    [k: string]: unknown;
  };
}

/** The golden cases, sorted by file name (the order cases are taken in). */
export function gullfiler(): Gull[] {
  return readdirSync(GULLMAPPE)
    .filter((f) => f.endsWith('.json') && !f.startsWith('README'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(GULLMAPPE, f), 'utf8')) as Gull);
}

/** Scales a whole-kroner or øre amount by a factor and keeps it whole kroner (no float reaches the rules). */
function skaler(beloep: number | string, faktor: number): number {
  return Math.round(Number(beloep) * faktor);
}

/** Case number `i` (0-based) of the deterministic sequence. */
export function lagTilfelle(i: number, maler: readonly Gull[], tilfeldig: () => number): unknown {
  const mal = maler[i % maler.length] as Gull;
  const faktor = 0.5 + tilfeldig();
  const f = structuredClone(mal.foresporsel);
  f.personer = f.personer.map((p, j) => ({
    ...p,
    identifikator: syntetiskIdentifikator(i * 4 + j),
    ...(p.poster
      ? { poster: p.poster.map((post) => ({ ...post, beloep: skaler(post.beloep, faktor) })) }
      : {}),
  }));
  f.saksreferanse = `BENCH-${i + 1}`;
  return f;
}

/** The cases as JSON Lines, in order. */
export function* tilfeller(antall: number, froe = 20261127): Generator<string> {
  const maler = gullfiler();
  const tilfeldig = prng(froe);
  for (let i = 0; i < antall; i++) yield JSON.stringify(lagTilfelle(i, maler, tilfeldig));
}

/** Writes `antall` cases to a JSON Lines file, streamed (100 000 rows is about 70 MB). */
export async function skrivTilfeller(fil: string, antall: number, froe?: number): Promise<void> {
  const ut = createWriteStream(fil);
  let blokk = '';
  for (const linje of tilfeller(antall, froe)) {
    blokk += `${linje}\n`;
    if (blokk.length > 1 << 20) {
      if (!ut.write(blokk)) await new Promise<void>((ok) => ut.once('drain', () => ok()));
      blokk = '';
    }
  }
  ut.write(blokk);
  await new Promise<void>((ok, feil) => ut.end((e?: Error | null) => (e ? feil(e) : ok())));
}
