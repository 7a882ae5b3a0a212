import { Beloep } from '@inntektsgrunnlag/money';
import {
  erGyldigIdentifikator,
  identifikatorSkjema,
  PERSONTYPER,
  type Persontype,
  persontypeSkjema,
} from '@inntektsgrunnlag/person';
import { erIsoDato, isoDatoSkjema } from '@inntektsgrunnlag/regelverk';
import { z } from 'zod';
import { bareKjenteNoekler, erRentObjekt, IKKE_SIKKER, type IkkeSikker, medHurtigsti } from './hurtigsti.js';

export const BEREGNINGSTYPER = ['BARNEHAGE_SFO', 'PRAKTISK_BISTAND', 'LANGTIDSOPPHOLD_INSTITUSJON'] as const;
export type Beregningstype = (typeof BEREGNINGSTYPER)[number];

export const beregningstypeSkjema = z.enum(BEREGNINGSTYPER, {
  error: () => `må være en av ${BEREGNINGSTYPER.join(', ')}`,
});

const KRONER = /^-?\d+(\.\d{1,2})?$/;

/**
 * An amount in kroner at the boundary: a JSON number with at most two decimals, or the same as a
 * string ("1234.50"). Becomes a Beloep; a JS number never goes further in.
 */
export const beloepSkjema = z
  .union([z.number(), z.string()], { error: 'må være et beløp i kroner (tall eller tekst)' })
  .superRefine((v, ctx) => {
    const tekst = typeof v === 'number' ? String(v) : v;
    if (!KRONER.test(tekst)) {
      ctx.addIssue({
        code: 'custom',
        message: 'må være kroner med høyst to desimaler, som 1234 eller 1234.50',
      });
    }
  })
  .transform((v) => Beloep.kroner(typeof v === 'number' ? String(v) : v))
  .describe('Beløp i kroner (høyst to desimaler)');

/** A non-negative amount (prices, costs, caps). */
export const ikkeNegativtBeloepSkjema = beloepSkjema.refine((b) => !b.isNegative(), 'kan ikke være negativt');

const tekniskNavnSkjema = z
  .string()
  .min(1, 'kan ikke være tom')
  .max(200, 'er for langt')
  .regex(/^[A-Za-z0-9/._-]+$/, 'kan bare inneholde bokstaver a–z, sifre og / . _ -');

export const postInnSkjema = z
  .object({
    tekniskNavn: tekniskNavnSkjema,
    beloep: beloepSkjema,
    visningstekst: z.string().min(1).max(200).optional(),
  })
  .strict();

export const personInnSkjema = z
  .object({
    identifikator: identifikatorSkjema,
    type: persontypeSkjema,
    /** The person's tax posts, given inline: no lookup is then made for this person. */
    poster: z.array(postInnSkjema).max(2000).optional(),
    /** Manual extra posts (NAV, the municipality). */
    ekstraposter: z.array(postInnSkjema).max(200).optional(),
  })
  .strict();

/**
 * A beregning request, as the API, the CLI and the golden cases take it. `vedtak` holds the area's
 * decision facts and is validated by the area; `beregningsdato` defaults to today.
 */
export const foresporselSkjema = z
  .object({
    beregningstype: beregningstypeSkjema,
    inntektsaar: z
      .number({ error: 'må være et årstall' })
      .int('må være et helt årstall')
      .min(2000, 'må være 2000 eller senere')
      .max(2100, 'må være et årstall'),
    beregningsdato: isoDatoSkjema.optional(),
    personer: z.array(personInnSkjema).min(1, 'minst én person (søkeren)').max(20, 'høyst 20 personer'),
    vedtak: z.unknown().optional(),
    saksreferanse: z.string().max(100).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const soekere = f.personer.filter((p) => p.type === 'SOEKER').length;
    if (soekere !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['personer'],
        message: `må ha nøyaktig én person med type SOEKER (har ${soekere})`,
      });
    }
    const sett = new Set<string>();
    f.personer.forEach((p, i) => {
      if (sett.has(p.identifikator)) {
        ctx.addIssue({
          code: 'custom',
          path: ['personer', i, 'identifikator'],
          message: 'samme person står to ganger',
        });
      }
      sett.add(p.identifikator);
    });
  });

export type Foresporsel = z.output<typeof foresporselSkjema>;
export type PersonInn = z.output<typeof personInnSkjema>;

// Fast paths (see hurtigsti.ts): the schemas above, written out once without zod for the input they can
// prove valid; anything else goes to zod. Property-tested against the schemas in foresporsel.hurtigsti.test.ts.

const BEREGNINGSTYPESETT: ReadonlySet<unknown> = new Set(BEREGNINGSTYPER);
const PERSONTYPESETT: ReadonlySet<unknown> = new Set(PERSONTYPER);
const TEKNISK_NAVN = /^[A-Za-z0-9/._-]+$/;
const MAKS_HELE_KRONER = Math.floor(Number.MAX_SAFE_INTEGER / 100);
const POSTNOEKLER: ReadonlySet<string> = new Set(['tekniskNavn', 'beloep', 'visningstekst']);
const PERSONNOEKLER: ReadonlySet<string> = new Set(['identifikator', 'type', 'poster', 'ekstraposter']);
const FORESPORSELNOEKLER: ReadonlySet<string> = new Set([
  'beregningstype',
  'inntektsaar',
  'beregningsdato',
  'personer',
  'vedtak',
  'saksreferanse',
]);

/** `beloepSkjema` without zod: the same Beloep for what it can prove valid. */
export function beloepHurtigsti(v: unknown): Beloep | IkkeSikker {
  // Whole kroner, the usual case, as øre without the detour through text: below 2^53 / 100 the product
  // is exact, and String(v) would have been plain digits, so the amount is the one zod's transform makes.
  if (typeof v === 'number' && Number.isInteger(v) && v <= MAKS_HELE_KRONER && v >= -MAKS_HELE_KRONER) {
    return Beloep.oere(v * 100);
  }
  // Finite numbers only: zod's number refuses NaN and ±Infinity before the text is looked at.
  const tekst = typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
  return tekst !== null && KRONER.test(tekst) ? Beloep.kroner(tekst) : IKKE_SIKKER;
}

/** `ikkeNegativtBeloepSkjema` without zod. */
export function ikkeNegativtBeloepHurtigsti(v: unknown): Beloep | IkkeSikker {
  const b = beloepHurtigsti(v);
  return b !== IKKE_SIKKER && !b.isNegative() ? b : IKKE_SIKKER;
}

function tekstMellom(v: unknown, min: number, maks: number): v is string {
  return typeof v === 'string' && v.length >= min && v.length <= maks;
}

type PostInn = z.output<typeof postInnSkjema>;

function postHurtigsti(v: unknown): PostInn | IkkeSikker {
  if (!erRentObjekt(v) || !bareKjenteNoekler(v, POSTNOEKLER)) return IKKE_SIKKER;
  const { tekniskNavn, visningstekst } = v;
  if (!tekstMellom(tekniskNavn, 1, 200) || !TEKNISK_NAVN.test(tekniskNavn)) return IKKE_SIKKER;
  const beloep = beloepHurtigsti(v.beloep);
  if (beloep === IKKE_SIKKER) return IKKE_SIKKER;
  if (visningstekst === undefined) return { tekniskNavn, beloep };
  return tekstMellom(visningstekst, 1, 200) ? { tekniskNavn, beloep, visningstekst } : IKKE_SIKKER;
}

function posterHurtigsti(v: unknown, maks: number): PostInn[] | IkkeSikker {
  if (!Array.isArray(v) || v.length > maks) return IKKE_SIKKER;
  const ut: PostInn[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const post = postHurtigsti(v[i]);
    if (post === IKKE_SIKKER) return IKKE_SIKKER;
    ut[i] = post;
  }
  return ut;
}

function personHurtigsti(v: unknown): z.output<typeof personInnSkjema> | IkkeSikker {
  if (!erRentObjekt(v) || !bareKjenteNoekler(v, PERSONNOEKLER)) return IKKE_SIKKER;
  const { identifikator, type } = v;
  if (typeof identifikator !== 'string' || !erGyldigIdentifikator(identifikator)) return IKKE_SIKKER;
  if (!PERSONTYPESETT.has(type)) return IKKE_SIKKER;
  const ut: z.output<typeof personInnSkjema> = { identifikator, type: type as Persontype };
  if (v.poster !== undefined) {
    const poster = posterHurtigsti(v.poster, 2000);
    if (poster === IKKE_SIKKER) return IKKE_SIKKER;
    ut.poster = poster;
  }
  if (v.ekstraposter !== undefined) {
    const ekstraposter = posterHurtigsti(v.ekstraposter, 200);
    if (ekstraposter === IKKE_SIKKER) return IKKE_SIKKER;
    ut.ekstraposter = ekstraposter;
  }
  return ut;
}

function foresporselHurtigsti(v: unknown): z.output<typeof foresporselSkjema> | IkkeSikker {
  if (!erRentObjekt(v) || !bareKjenteNoekler(v, FORESPORSELNOEKLER)) return IKKE_SIKKER;
  const { beregningstype, inntektsaar, beregningsdato, personer, saksreferanse } = v;
  if (!BEREGNINGSTYPESETT.has(beregningstype)) return IKKE_SIKKER;
  if (typeof inntektsaar !== 'number' || !Number.isInteger(inntektsaar)) return IKKE_SIKKER;
  if (inntektsaar < 2000 || inntektsaar > 2100) return IKKE_SIKKER;
  if (beregningsdato !== undefined && !erIsoDato(beregningsdato)) return IKKE_SIKKER;
  if (!Array.isArray(personer) || personer.length < 1 || personer.length > 20) return IKKE_SIKKER;
  if (saksreferanse !== undefined && !tekstMellom(saksreferanse, 0, 100)) return IKKE_SIKKER;
  const ut: z.output<typeof personInnSkjema>[] = new Array(personer.length);
  let soekere = 0;
  for (let i = 0; i < personer.length; i++) {
    const person = personHurtigsti(personer[i]);
    if (person === IKKE_SIKKER) return IKKE_SIKKER;
    if (person.type === 'SOEKER') soekere++;
    // At most 20 persons: comparing with those before is cheaper than a Set.
    for (let j = 0; j < i; j++)
      if ((ut[j] as typeof person).identifikator === person.identifikator) return IKKE_SIKKER;
    ut[i] = person;
  }
  if (soekere !== 1) return IKKE_SIKKER;
  // The keys in the schema's order, each optional one only when given (as zod's output has them).
  const f: z.output<typeof foresporselSkjema> = {
    beregningstype: beregningstype as Beregningstype,
    inntektsaar,
    personer: ut,
  };
  const resultat: z.output<typeof foresporselSkjema> =
    beregningsdato === undefined
      ? f
      : { beregningstype: f.beregningstype, inntektsaar, beregningsdato, personer: ut };
  if (v.vedtak !== undefined) resultat.vedtak = v.vedtak;
  if (saksreferanse !== undefined) resultat.saksreferanse = saksreferanse as string;
  return resultat;
}

// The identifier and the date are schemas of packages/person and packages/regelverk, which know nothing of
// fast paths (they come before this package); they get theirs here, where valider is, for the lookups that
// validate an identifier on its own.
medHurtigsti(identifikatorSkjema, (v) =>
  typeof v === 'string' && erGyldigIdentifikator(v) ? v : IKKE_SIKKER,
);
medHurtigsti(isoDatoSkjema, (v) => (erIsoDato(v) ? v : IKKE_SIKKER));
medHurtigsti(beloepSkjema, beloepHurtigsti);
medHurtigsti(ikkeNegativtBeloepSkjema, ikkeNegativtBeloepHurtigsti);
medHurtigsti(postInnSkjema, postHurtigsti);
medHurtigsti(personInnSkjema, personHurtigsti);
medHurtigsti(foresporselSkjema, foresporselHurtigsti);
