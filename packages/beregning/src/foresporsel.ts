import { Beloep } from '@inntektsgrunnlag/money';
import { identifikatorSkjema, persontypeSkjema } from '@inntektsgrunnlag/person';
import { isoDatoSkjema } from '@inntektsgrunnlag/regelverk';
import { z } from 'zod';

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
