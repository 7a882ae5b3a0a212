import {
  bareKjenteNoekler,
  erRentObjekt,
  IKKE_SIKKER,
  type IkkeSikker,
  ikkeNegativtBeloepHurtigsti,
  ikkeNegativtBeloepSkjema,
  medHurtigsti,
} from '@inntektsgrunnlag/beregning';
import { erIsoDato, isoDatoSkjema } from '@inntektsgrunnlag/regelverk';
import { z } from 'zod';

/** The most døgn a calendar year can have. */
const MAKS_DOEGN = 366;

const antallSkjema = (maks: number, hva: string) =>
  z
    .number({ error: `må være et antall ${hva}` })
    .int(`må være et helt antall ${hva}`)
    .min(0, 'kan ikke være negativt')
    .max(maks, `kan ikke være mer enn ${maks}`);

/**
 * The facts of the decision (`vedtak` in the request). All are optional: without them the result is
 * the yearly and monthly vederlag for a long-term stay in a single room, without a cap by cost (the
 * result warns) and without a free period.
 */
export const vedtakSkjema = z
  .object({
    innflyttingsdato: isoDatoSkjema
      .optional()
      .describe('Dagen beboeren flyttet inn på langtidsplassen. Gir den betalingsfrie første måneden (§ 6).'),
    direkteFraInstitusjonFraOgMed: isoDatoSkjema
      .optional()
      .describe(
        'Når beboeren flyttet direkte fra annen institusjon eller privat forpleining: dagen oppholdet der begynte. Den tiden regnes med i den betalingsfrie måneden (§ 6 første ledd). Krever innflyttingsdato, og kan ikke være etter den.',
      ),
    korttidsdoegnSammeAar: antallSkjema(MAKS_DOEGN, 'døgn')
      .default(0)
      .describe(
        'Døgn beboeren allerede har vært på institusjon på korttidsopphold i samme kalenderår (før korttidsoppholdet som beregnes). Døgn etter det 60. i kalenderåret betales etter reglene for langtidsopphold (§ 6 tredje ledd).',
      ),
    forsoergerHjemme: z
      .boolean({ error: 'må være true eller false' })
      .optional()
      .describe(
        'Beboeren har hjemmeboende ektefelle eller mindreårig barn, eller forsørger helt eller delvis barn over 18 år (§ 5 første ledd): da gis forsørgerfradraget (§ 5 andre ledd) og fradraget for halvparten av beboerens pensjoner (§ 5 tredje ledd). Uten feltet: ja når forespørselen har ektefelle, partner eller samboer, ellers nei. Sett false når ektefellen ikke bor hjemme (for eksempel selv er på institusjon).',
      ),
    dobbeltromMotEgetOenske: z
      .boolean({ error: 'må være true eller false' })
      .default(false)
      .describe(
        'Beboeren er lagt på dobbeltrom uten selv å ønske det: det høyere fribeløpet gjelder (§ 3 annet ledd).',
      ),
    oppholdskostnadPerMaaned: ikkeNegativtBeloepSkjema
      .refine((b) => b.isPositive(), 'må være mer enn 0')
      .optional()
      .describe(
        'De reelle oppholdsutgiftene ved institusjonen per måned, som kommunen fastsetter, uten kapitalutgifter (§ 3 første ledd). Vederlaget blir aldri høyere.',
      ),
    boutgifterAntallMaaneder: antallSkjema(12, 'måneder')
      .optional()
      .describe(
        'Måneder beboeren har hatt utgifter til egen bolig etter innflyttingen. Fradraget gis for høyst kommunens antall måneder (kommuneinnstilling); uten dette feltet gis det for kommunens antall.',
      ),
    korttidsopphold: z
      .object({
        doegn: antallSkjema(MAKS_DOEGN, 'døgn').describe('Døgn på korttidsopphold som skal betales for.'),
        dagEllerNattopphold: antallSkjema(2 * MAKS_DOEGN, 'opphold')
          .default(0)
          .describe('Antall dag- eller nattopphold som skal betales for.'),
      })
      .strict()
      .optional()
      .describe('Et korttidsopphold i kalenderåret for beregningsdatoen (§ 4).'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.direkteFraInstitusjonFraOgMed !== undefined) {
      if (v.innflyttingsdato === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['innflyttingsdato'],
          message: 'må oppgis når direkteFraInstitusjonFraOgMed er oppgitt',
        });
      } else if (v.direkteFraInstitusjonFraOgMed > v.innflyttingsdato) {
        ctx.addIssue({
          code: 'custom',
          path: ['direkteFraInstitusjonFraOgMed'],
          message: 'kan ikke være etter innflyttingsdato (oppholdet beboeren flyttet direkte fra)',
        });
      }
    }
    if (v.korttidsopphold && v.korttidsdoegnSammeAar + v.korttidsopphold.doegn > MAKS_DOEGN) {
      ctx.addIssue({
        code: 'custom',
        path: ['korttidsopphold', 'doegn'],
        message: `korttidsdoegnSammeAar og korttidsopphold.doegn kan til sammen ikke være mer enn ${MAKS_DOEGN} døgn i ett kalenderår`,
      });
    }
  });

export type Vedtak = z.output<typeof vedtakSkjema>;

// The fast path (hurtigsti in packages/beregning): the schema above written out once without zod, for
// the input it can prove valid; zod runs for anything else and gives its own errors. Property-tested
// against the schema in hurtigsti.test.ts.

const VEDTAKNOEKLER: ReadonlySet<string> = new Set(Object.keys(vedtakSkjema.shape));
const KORTTIDSNOEKLER: ReadonlySet<string> = new Set(['doegn', 'dagEllerNattopphold']);

function antall(v: unknown, maks: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= maks;
}

function vedtakHurtigsti(v: unknown): Vedtak | IkkeSikker {
  if (!erRentObjekt(v) || !bareKjenteNoekler(v, VEDTAKNOEKLER)) return IKKE_SIKKER;
  const {
    innflyttingsdato,
    direkteFraInstitusjonFraOgMed,
    korttidsdoegnSammeAar = 0,
    forsoergerHjemme,
    dobbeltromMotEgetOenske = false,
    boutgifterAntallMaaneder,
    korttidsopphold,
  } = v;
  if (innflyttingsdato !== undefined && !erIsoDato(innflyttingsdato)) return IKKE_SIKKER;
  if (direkteFraInstitusjonFraOgMed !== undefined) {
    // The schema's cross-field rule: needs innflyttingsdato and is not after it.
    if (!erIsoDato(direkteFraInstitusjonFraOgMed) || innflyttingsdato === undefined) return IKKE_SIKKER;
    if (direkteFraInstitusjonFraOgMed > innflyttingsdato) return IKKE_SIKKER;
  }
  if (!antall(korttidsdoegnSammeAar, MAKS_DOEGN)) return IKKE_SIKKER;
  if (forsoergerHjemme !== undefined && typeof forsoergerHjemme !== 'boolean') return IKKE_SIKKER;
  if (typeof dobbeltromMotEgetOenske !== 'boolean') return IKKE_SIKKER;
  let oppholdskostnadPerMaaned: Vedtak['oppholdskostnadPerMaaned'];
  if (v.oppholdskostnadPerMaaned !== undefined) {
    const b = ikkeNegativtBeloepHurtigsti(v.oppholdskostnadPerMaaned);
    if (b === IKKE_SIKKER || !b.isPositive()) return IKKE_SIKKER;
    oppholdskostnadPerMaaned = b;
  }
  if (boutgifterAntallMaaneder !== undefined && !antall(boutgifterAntallMaaneder, 12)) return IKKE_SIKKER;
  let kort: Vedtak['korttidsopphold'];
  if (korttidsopphold !== undefined) {
    if (!erRentObjekt(korttidsopphold) || !bareKjenteNoekler(korttidsopphold, KORTTIDSNOEKLER))
      return IKKE_SIKKER;
    const { doegn, dagEllerNattopphold = 0 } = korttidsopphold;
    if (!antall(doegn, MAKS_DOEGN) || !antall(dagEllerNattopphold, 2 * MAKS_DOEGN)) return IKKE_SIKKER;
    if (korttidsdoegnSammeAar + doegn > MAKS_DOEGN) return IKKE_SIKKER;
    kort = { doegn, dagEllerNattopphold };
  }
  // The keys in the schema's order, each optional one only when given (as in zod's output).
  const ut: Vedtak = {} as Vedtak;
  if (innflyttingsdato !== undefined) ut.innflyttingsdato = innflyttingsdato;
  if (direkteFraInstitusjonFraOgMed !== undefined)
    ut.direkteFraInstitusjonFraOgMed = direkteFraInstitusjonFraOgMed;
  ut.korttidsdoegnSammeAar = korttidsdoegnSammeAar;
  if (forsoergerHjemme !== undefined) ut.forsoergerHjemme = forsoergerHjemme;
  ut.dobbeltromMotEgetOenske = dobbeltromMotEgetOenske;
  if (oppholdskostnadPerMaaned !== undefined) ut.oppholdskostnadPerMaaned = oppholdskostnadPerMaaned;
  if (boutgifterAntallMaaneder !== undefined) ut.boutgifterAntallMaaneder = boutgifterAntallMaaneder;
  if (kort !== undefined) ut.korttidsopphold = kort;
  return ut;
}

medHurtigsti(vedtakSkjema, vedtakHurtigsti);
