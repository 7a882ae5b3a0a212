import { erRentObjekt, IKKE_SIKKER, type IkkeSikker, medHurtigsti } from '@inntektsgrunnlag/beregning';
import { z } from 'zod';

/** The audit log refuses control characters and over-long texts: check them first, as bad input. */
const revisjonstekst = (maks: number) =>
  z
    .string({ error: 'må være en tekst' })
    .trim()
    .max(maks, `høyst ${maks} tegn`)
    .refine((t) => ![...t].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127), {
      message: 'kan ikke inneholde kontrolltegn',
    })
    .transform((t) => (t === '' ? null : t))
    .nullish()
    .transform((t) => t ?? null);

/** The request's fields the audit record carries as text (an empty or absent one is null). */
export const revisjonsfeltSkjema = z.object({
  rolleId: revisjonstekst(63),
  saksreferanse: revisjonstekst(100),
  formaal: revisjonstekst(250),
});

export type Revisjonsfelt = z.output<typeof revisjonsfeltSkjema>;

// The fast path (hurtigsti in packages/beregning), for every lookup and beregning: the schema above
// without zod for what it can prove valid; zod runs for anything else and gives its own errors.
// Property-tested against the schema in revisjonsfelt.test.ts.

function revisjonstekstHurtigsti(v: unknown, maks: number): string | null | IkkeSikker {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return IKKE_SIKKER;
  const t = v.trim();
  if (t.length > maks) return IKKE_SIKKER;
  // UTF-16 units instead of code points: a surrogate is never below 32 nor 127, so the answer is the same.
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 32 || c === 127) return IKKE_SIKKER;
  }
  return t === '' ? null : t;
}

function revisjonsfeltHurtigsti(v: unknown): Revisjonsfelt | IkkeSikker {
  // Not a strict object: keys besides the three are dropped, by zod as here.
  if (!erRentObjekt(v)) return IKKE_SIKKER;
  const rolleId = revisjonstekstHurtigsti(v.rolleId, 63);
  const saksreferanse = revisjonstekstHurtigsti(v.saksreferanse, 100);
  const formaal = revisjonstekstHurtigsti(v.formaal, 250);
  if (rolleId === IKKE_SIKKER || saksreferanse === IKKE_SIKKER || formaal === IKKE_SIKKER) return IKKE_SIKKER;
  return { rolleId, saksreferanse, formaal };
}

medHurtigsti(revisjonsfeltSkjema, revisjonsfeltHurtigsti);
