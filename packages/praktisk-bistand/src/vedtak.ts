import {
  bareKjenteNoekler,
  erRentObjekt,
  IKKE_SIKKER,
  type IkkeSikker,
  medHurtigsti,
} from '@inntektsgrunnlag/beregning';
import { z } from 'zod';
import { desimalHurtigsti, desimalSkjema, kronerHurtigsti, kronerSkjema } from './skjema.js';

/** Why § 10 fjerde ledd takes a member out of the household. */
export const UTENFOR_HUSSTANDEN_GRUNNER = ['LANGTIDSOPPHOLD', 'AVKORTEDE_TRYGDEYTELSER'] as const;

const utenforHusstandenSkjema = z
  .object({
    identifikator: z
      .string({ error: 'må være identifikatoren til en av personene i forespørselen' })
      .regex(/^\d{11}$/, 'må være 11 siffer: identifikatoren til en av personene i forespørselen'),
    grunn: z.enum(UTENFOR_HUSSTANDEN_GRUNNER, {
      error: `må være ${UTENFOR_HUSSTANDEN_GRUNNER.join(' eller ')}`,
    }),
  })
  .strict();

export type UtenforHusstanden = z.output<typeof utenforHusstandenSkjema>;

/** The reasons a case worker may give for an income year other than the one § 10 første ledd proposes. */
export const INNTEKTSAARSAARSAKER = ['VESENTLIG_ENDRET_INNTEKT', 'NY_LIKNING', 'LIKNING_MANGLER'] as const;
export type Inntektsaarsaarsak = (typeof INNTEKTSAARSAARSAKER)[number];

const inntektsaarBegrunnelseSkjema = z
  .object({
    aarsak: z.enum(INNTEKTSAARSAARSAKER, { error: `må være ${INNTEKTSAARSAARSAKER.join(', ')}` }),
    forklaring: z
      .string({ error: 'må være tekst' })
      .trim()
      .min(1, 'kan ikke være tom')
      .max(500, 'høyst 500 tegn')
      .optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    // A substantially changed income is the case worker's judgement; the result must say what changed.
    if (b.aarsak === 'VESENTLIG_ENDRET_INNTEKT' && !b.forklaring) {
      ctx.addIssue({
        code: 'custom',
        path: ['forklaring'],
        message:
          'mangler: skriv hva som er vesentlig endret i inntekten (egenandelsforskriften § 10 første ledd)',
      });
    }
  });

/**
 * The facts of the decision (`vedtak` in the request) that the fee depends on.
 *
 * - `hjelpGrunnetBarnsBehov`: § 10 tredje ledd counts a child under 18 in the household only when the
 *   help is given because of the child's need for care or nursing (and § 8 tredje ledd then treats the
 *   help as given to the parents). A person of type BARN is refused unless this is true.
 * - `utenforHusstanden`: § 10 fjerde ledd, per person: a member who pays egenandel for langtidsopphold or
 *   receives reduced benefits because of a stay outside the home is not a member of the household.
 * - `inntektsaarBegrunnelse`: why the income year is not the one § 10 første ledd proposes.
 * - `timerPerMaaned` and `kostnadPerTime`: the hours of praktisk bistand the vedtak grants per month and
 *   what an hour costs the municipality (selvkost per hour, § 9 andre ledd). Their product is selvkost,
 *   the ceiling on any charge. The cost per hour may instead come from the settings.
 * - `prisPerMaaned`: the municipality's price under its own rules (e.g. a subscription), when the case
 *   worker wants it held against the ceilings (§ 9 første ledd, § 10 andre ledd).
 * - `beholderTilstrekkeligMaks`: the case worker's assessment under § 9 tredje ledd: the most the person
 *   can pay and still keep enough for personal needs and the duty to support others.
 */
export const vedtakSkjema = z
  .object({
    hjelpGrunnetBarnsBehov: z
      .boolean({ error: 'må være true eller false' })
      .default(false)
      .describe(
        'Hjelpen ytes på grunnlag av omsorgs- eller pleiebehovet til et barn under 18 år i husstanden (egenandelsforskriften § 10 tredje ledd). Bare da kan personer av typen BARN være med.',
      ),
    utenforHusstanden: z
      .array(utenforHusstandenSkjema, { error: 'må være en liste' })
      .max(10, 'høyst 10 personer')
      .default([])
      .describe(
        'Personer som ikke regnes som medlem av husstanden (egenandelsforskriften § 10 fjerde ledd): identifikator og grunn LANGTIDSOPPHOLD (betaler egenandel for langtidsopphold etter kapittel 1) eller AVKORTEDE_TRYGDEYTELSER (avkortede trygdeytelser på grunn av opphold utenfor hjemmet). Inntekten deres holdes utenfor.',
      ),
    inntektsaarBegrunnelse: inntektsaarBegrunnelseSkjema
      .optional()
      .describe(
        'Hvorfor et annet inntektsår enn siste skatteligning tilgjengelig 1. januar i vedtaksåret legges til grunn (egenandelsforskriften § 10 første ledd): aarsak VESENTLIG_ENDRET_INNTEKT (med forklaring), NY_LIKNING eller LIKNING_MANGLER, og forklaring',
      ),
    timerPerMaaned: desimalSkjema('antall timer per måned')
      .optional()
      .describe(
        'Timer praktisk bistand per måned etter vedtaket; rundes av til nærmeste halvtime (egenandelsforskriften § 9 andre ledd)',
      ),
    kostnadPerTime: kronerSkjema
      .optional()
      .describe('Hva en time koster kommunen (selvkost per time etter § 9 andre ledd), i kroner'),
    prisPerMaaned: kronerSkjema
      .optional()
      .describe(
        'Kommunens pris per måned etter egne satser (f.eks. abonnement), som holdes mot selvkost og utgiftstaket',
      ),
    beholderTilstrekkeligMaks: kronerSkjema
      .optional()
      .describe(
        'Det meste personen kan betale per måned og likevel beholde nok til personlige behov og forsørgeransvar, etter saksbehandlerens vurdering (egenandelsforskriften § 9 tredje ledd)',
      ),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kostnadPerTime !== undefined && v.timerPerMaaned === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['timerPerMaaned'],
        message: 'mangler: selvkost er timer per måned × kostnad per time, så oppgi også timene',
      });
    }
  });

export type Vedtak = z.output<typeof vedtakSkjema>;

// The fast path (hurtigsti in packages/beregning): the schema above written out once without zod, for
// the input it can prove valid; zod runs for anything else and gives its own errors. Property-tested
// against the schema in hurtigsti.test.ts.

const VEDTAKNOEKLER: ReadonlySet<string> = new Set(Object.keys(vedtakSkjema.shape));
const UTENFORNOEKLER: ReadonlySet<string> = new Set(['identifikator', 'grunn']);
const BEGRUNNELSESNOEKLER: ReadonlySet<string> = new Set(['aarsak', 'forklaring']);
const ELLEVE_SIFRE = /^\d{11}$/;
const GRUNNER: ReadonlySet<unknown> = new Set(UTENFOR_HUSSTANDEN_GRUNNER);
const AARSAKER: ReadonlySet<unknown> = new Set(INNTEKTSAARSAARSAKER);

function utenforHurtigsti(v: unknown): UtenforHusstanden | IkkeSikker {
  if (!erRentObjekt(v) || !bareKjenteNoekler(v, UTENFORNOEKLER)) return IKKE_SIKKER;
  const { identifikator, grunn } = v;
  if (typeof identifikator !== 'string' || !ELLEVE_SIFRE.test(identifikator) || !GRUNNER.has(grunn)) {
    return IKKE_SIKKER;
  }
  return { identifikator, grunn: grunn as UtenforHusstanden['grunn'] };
}

function begrunnelseHurtigsti(v: unknown): Vedtak['inntektsaarBegrunnelse'] | IkkeSikker {
  if (!erRentObjekt(v) || !bareKjenteNoekler(v, BEGRUNNELSESNOEKLER)) return IKKE_SIKKER;
  const { aarsak } = v;
  if (!AARSAKER.has(aarsak)) return IKKE_SIKKER;
  if (v.forklaring === undefined) {
    // A substantially changed income needs its explanation (the schema's cross-field rule).
    return aarsak === 'VESENTLIG_ENDRET_INNTEKT' ? IKKE_SIKKER : { aarsak: aarsak as Inntektsaarsaarsak };
  }
  if (typeof v.forklaring !== 'string') return IKKE_SIKKER;
  const forklaring = v.forklaring.trim();
  if (forklaring.length < 1 || forklaring.length > 500) return IKKE_SIKKER;
  return { aarsak: aarsak as Inntektsaarsaarsak, forklaring };
}

function vedtakHurtigsti(v: unknown): Vedtak | IkkeSikker {
  if (!erRentObjekt(v) || !bareKjenteNoekler(v, VEDTAKNOEKLER)) return IKKE_SIKKER;
  const { hjelpGrunnetBarnsBehov = false, utenforHusstanden = [] } = v;
  if (typeof hjelpGrunnetBarnsBehov !== 'boolean') return IKKE_SIKKER;
  if (!Array.isArray(utenforHusstanden) || utenforHusstanden.length > 10) return IKKE_SIKKER;
  const utenfor: UtenforHusstanden[] = new Array(utenforHusstanden.length);
  for (let i = 0; i < utenforHusstanden.length; i++) {
    const u = utenforHurtigsti(utenforHusstanden[i]);
    if (u === IKKE_SIKKER) return IKKE_SIKKER;
    utenfor[i] = u;
  }
  // The keys in the schema's order, each optional one only when given (as in zod's output).
  const ut: Vedtak = { hjelpGrunnetBarnsBehov, utenforHusstanden: utenfor };
  if (v.inntektsaarBegrunnelse !== undefined) {
    const b = begrunnelseHurtigsti(v.inntektsaarBegrunnelse);
    if (b === IKKE_SIKKER) return IKKE_SIKKER;
    ut.inntektsaarBegrunnelse = b;
  }
  if (v.timerPerMaaned !== undefined) {
    const t = desimalHurtigsti(v.timerPerMaaned);
    if (t === IKKE_SIKKER) return IKKE_SIKKER;
    ut.timerPerMaaned = t;
  } else if (v.kostnadPerTime !== undefined) {
    // Selvkost is hours × cost per hour: a cost without hours is refused by the schema.
    return IKKE_SIKKER;
  }
  for (const noekkel of ['kostnadPerTime', 'prisPerMaaned', 'beholderTilstrekkeligMaks'] as const) {
    if (v[noekkel] === undefined) continue;
    const b = kronerHurtigsti(v[noekkel]);
    if (b === IKKE_SIKKER) return IKKE_SIKKER;
    ut[noekkel] = b;
  }
  return ut;
}

medHurtigsti(vedtakSkjema, vedtakHurtigsti);
