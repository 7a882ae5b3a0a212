/**
 * (a) Each calculator alone: the area's Beregner through `beregnForesporsel` (validation, the rules,
 * the result with its explanation; no I/O, no authorisation, no JSON text), on the benchmark cases of
 * that area. Prints one JSON object: cases per second per area.
 *
 *   node --conditions=@inntektsgrunnlag/source --import tsx src/maal/kalkulator.ts [antall] [oppvarming]
 */
import { type Beregningstype, beregnForesporsel } from '@inntektsgrunnlag/beregning';
import { BEREGNERE, standardRegelverk } from '@inntektsgrunnlag/oppslag';
import { tilfeller } from '../generer.js';

const antall = Number(process.argv[2] ?? 20_000);
// Warm-up as long as the measured run by default: a national batch runs millions of rows, so the figure
// that matters is the steady state after the optimising compiler and the heap have settled; with a
// short warm-up the first area measured (BARNEHAGE_SFO) was timed partly before that (measured: 3 000
// cases of warm-up gave twice the µs per case of the third 12 000-case round in the same process).
const oppvarming = Number(process.argv[3] ?? antall);
const regelverk = standardRegelverk();
const perType = new Map<string, unknown[]>();
for (const linje of tilfeller((antall + oppvarming) * 5)) {
  const rad = JSON.parse(linje) as { beregningstype: string };
  const liste = perType.get(rad.beregningstype) ?? [];
  if (liste.length < antall + oppvarming) liste.push(rad);
  perType.set(rad.beregningstype, liste);
}

const ut: Record<string, { tilfeller: number; ms: number; perSekund: number }> = {};
for (const [type, rader] of [...perType].sort(([a], [b]) => a.localeCompare(b))) {
  const beregner = BEREGNERE[type as Beregningstype];
  const valg = { idag: '2026-11-27', regelverk };
  for (const r of rader.slice(0, oppvarming)) beregnForesporsel(beregner, r, valg);
  const maalt = rader.slice(oppvarming);
  const start = performance.now();
  let sjekk = 0;
  for (const r of maalt) sjekk += beregnForesporsel(beregner, r, valg).beregningsbeloep > 0 ? 1 : 0;
  const ms = performance.now() - start;
  if (sjekk === 0) throw new Error(`${type}: ingen beregning ga et grunnlag`);
  ut[type] = { tilfeller: maalt.length, ms, perSekund: (maalt.length / ms) * 1000 };
}
process.stdout.write(`${JSON.stringify(ut)}\n`);
