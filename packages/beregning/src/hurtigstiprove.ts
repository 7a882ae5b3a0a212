import type { z } from 'zod';
import { hurtigstiFor, IKKE_SIKKER } from './hurtigsti.js';

/**
 * Test aids for the fast paths (hurtigsti.ts), shared by the property tests of every package that gives
 * a schema a fast path. Pure and without test libraries, so the packages' own tests drive them with
 * fast-check.
 */

/** The first difference between two values: value, class, or the keys and their order; null if none. */
export function forskjell(a: unknown, b: unknown, sti = '(rot)'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${sti}: ${typeof a} ${String(a)} ≠ ${typeof b} ${String(b)}`;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${sti}: ulik klasse`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000'))
    return `${sti}: nøkler [${ka.join(', ')}] ≠ [${kb.join(', ')}]`;
  for (const k of ka) {
    const f = forskjell((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${sti}.${k}`);
    if (f !== null) return f;
  }
  return null;
}

/**
 * Runs `skjema`'s fast path and zod on the same input. Throws when the fast path answered but zod refused
 * or gave a different output (values, classes such as Beloep with their inner fields, keys and their
 * order). Says which of the two answered.
 */
export function sammenlignMedSkjema(skjema: z.ZodType, data: unknown): 'HURTIGSTI' | 'ZOD' {
  const hurtig = hurtigstiFor(skjema)(data);
  if (hurtig === IKKE_SIKKER) return 'ZOD';
  const r = skjema.safeParse(data);
  if (!r.success) {
    throw new Error(
      `hurtigstien godtok det zod avviser: ${JSON.stringify(r.error.issues.map((i) => i.path))}`,
    );
  }
  const f = forskjell(hurtig, r.data);
  if (f !== null) throw new Error(`hurtigstien ga et annet resultat enn zod: ${f}`);
  return 'HURTIGSTI';
}

/** Values near the edges of the schemas: wrong types, boundary years, amounts with 3 decimals, … */
export const KANTVERDIER: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  1,
  0.5,
  12.345,
  -12.34,
  1e21,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  1999,
  2000,
  2100,
  2101,
  2000.5,
  '2023',
  '',
  ' ',
  '1234.50',
  '1234.567',
  '-0.05',
  '1 234',
  '1e3',
  'x'.repeat(101),
  'x'.repeat(201),
  '2024-02-29',
  '2023-02-29',
  '2024-13-01',
  '04817299771',
  '04817299772',
  '0481729977',
  'SOEKER',
  'PARTNER',
  'BARN',
  [],
  [{}],
  {},
];

export type Mutasjon = 'ERSTATT' | 'SLETT' | 'EKSTRA_NOEKKEL' | 'DUPLISER' | 'UNDEFINED';
export const MUTASJONER: readonly Mutasjon[] = [
  'ERSTATT',
  'SLETT',
  'EKSTRA_NOEKKEL',
  'DUPLISER',
  'UNDEFINED',
];

/** Every object and array inside `data` (itself included), with its parent-first order. */
function beholdere(data: unknown, ut: object[] = []): object[] {
  if (typeof data === 'object' && data !== null) {
    ut.push(data);
    for (const v of Object.values(data)) beholdere(v, ut);
  }
  return ut;
}

/**
 * A copy of JSON `data` with one change at the `hvor`-th (modulo) object or array in it: a value
 * replaced by `verdi`, a key deleted, an extra key added, an array element duplicated (two SOEKER, the
 * same identifier twice, one too many), or a value made undefined.
 */
export function muter(data: unknown, hvor: number, mutasjon: Mutasjon, verdi: unknown): unknown {
  const kopi = structuredClone(data);
  const alle = beholdere(kopi);
  if (alle.length === 0) return mutasjon === 'ERSTATT' ? verdi : kopi;
  const maal = alle[hvor % alle.length] as Record<string, unknown>;
  const noekler = Object.keys(maal);
  const noekkel = noekler.length > 0 ? (noekler[hvor % noekler.length] as string) : undefined;
  switch (mutasjon) {
    case 'ERSTATT':
      if (noekkel !== undefined) maal[noekkel] = verdi;
      break;
    case 'SLETT':
      if (Array.isArray(maal)) maal.pop();
      else if (noekkel !== undefined) delete maal[noekkel];
      break;
    case 'EKSTRA_NOEKKEL':
      if (Array.isArray(maal)) maal.push(verdi);
      else maal[`ukjent${hvor % 3}`] = verdi;
      break;
    case 'DUPLISER':
      if (Array.isArray(maal) && maal.length > 0) maal.push(structuredClone(maal[hvor % maal.length]));
      break;
    case 'UNDEFINED':
      if (noekkel !== undefined) maal[noekkel] = undefined;
      break;
  }
  return kopi;
}
