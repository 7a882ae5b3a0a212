import { Beloep, Sats } from '@inntektsgrunnlag/money';
import type { Beregningslinje } from '@inntektsgrunnlag/regelverk';

/**
 * Fradrag in the beregningsgrunnlag: egenandelsforskriften (FOR-2011-12-16-1349) § 5, read in Lovdata's
 * text (lovtekst/egenandelsforskriften.md).
 *
 * When the deductions apply (first ledd):
 * @lovtekst FOR-2011-12-16-1349 § 5 første ledd
 * «Dersom den som oppholder seg i institusjon mv. har hjemmeboende ektefelle eller mindreårig barn, eller
 * helt eller delvis forsørger barn over 18 år, skal det gjøres fradrag i beregningsgrunnlaget.»
 *
 * The forsørgerfradrag (second ledd): at least the tenkt etterlattepensjon, reduced krone for krone by the
 * spouse's or child's own work income and pension from folketrygden (and by nothing else):
 * @lovtekst FOR-2011-12-16-1349 § 5 andre ledd
 * «Fradraget skal minst tilsvare de brutto pensjonsytelser ektefelle/barn ville fått fra folketrygden
 * dersom institusjonsbeboeren var død. Dersom ektefelle/barn mottar egen arbeidsinntekt eller pensjon fra
 * folketrygden, skal de beregnede brutto pensjonsytelser i forrige punktum reduseres krone for krone mot
 * ektefelle/barns arbeidsinntekter og pensjon fra folketrygden.»
 *
 * Half the resident's pensions (third ledd). «I tillegg» ties it to the deduction of the first two ledd:
 * it is given where § 5 første ledd applies (a spouse or child the resident supports at home), as Bærum
 * and Nordre Follo apply it beside the tenkt etterlattepensjon (docs/regelverk/langtidsopphold.md):
 * @lovtekst FOR-2011-12-16-1349 § 5 tredje ledd
 * «I tillegg gjøres det fradrag med et beløp som tilsvarer 50 prosent av beboerens brutto offentlige
 * pensjoner etter samordning og 50 prosent av beboerens brutto private pensjonsytelser.»
 *
 * The discretionary deduction (fourth ledd), under which the municipality's boutgifter and the case
 * worker's skjønnsmessige fradrag are given:
 * @lovtekst FOR-2011-12-16-1349 § 5 fjerde ledd
 * «Fradrag kan også fastsettes på grunnlag av hva som er rimelig ut fra vedkommendes inntekt og
 * forholdene for øvrig.»
 *
 * And the order (last ledd): the fradrag come after tax and debt interest. The basis is income − tax −
 * gjeldsrenter − fradrag; the fradrag block lists tax and interest first.
 * @lovtekst FOR-2011-12-16-1349 § 5 siste ledd
 * «Fradrag skal skje etter at inntekten er fratrukket skatt og gjeldsrenter.»
 */
export const HJEMMEL_FRADRAG = 'egenandelsforskriften § 5 første ledd';
export const HJEMMEL_FORSOERGERFRADRAG = 'egenandelsforskriften § 5 andre ledd';
export const HJEMMEL_PENSJONSFRADRAG = 'egenandelsforskriften § 5 tredje ledd';
export const HJEMMEL_SKJOENN = 'egenandelsforskriften § 5 fjerde ledd';
export const HJEMMEL_REKKEFOELGE = 'egenandelsforskriften § 5 sjette ledd';

/** 50 % of the resident's gross public (after samordning) and private pensions. */
export const ANDEL_AV_PENSJONENE = Sats.prosent(50);

/**
 * Forsørgerfradrag: the tenkt etterlattepensjon, reduced krone for krone by the partner's work income and
 * pension from folketrygden; never below zero.
 */
export function forsoergerfradrag(
  tenktEtterlattepensjon: Beloep,
  partnerensInntekt: Beloep,
  inntektMerknad?: string,
): { beloep: Beloep; linjer: Beregningslinje[] } {
  const beloep = tenktEtterlattepensjon.minus(partnerensInntekt).atLeastZero();
  return {
    beloep,
    linjer: [
      {
        tekst: 'Tenkt etterlattepensjon (brutto pensjon ektefellen ville fått fra folketrygden)',
        operasjon: 'ADDERE',
        kilde: 'KOMMUNE',
        beloep: tenktEtterlattepensjon,
        hjemmel: HJEMMEL_FORSOERGERFRADRAG,
      },
      {
        tekst: 'Ektefelles eller samboers arbeidsinntekt og pensjon fra folketrygden',
        operasjon: 'SUBTRAHERE',
        kilde: 'SKATTEETATEN',
        beloep: partnerensInntekt,
        ...(inntektMerknad ? { merknad: inntektMerknad } : {}),
      },
      {
        tekst: 'Forsørgerfradrag (redusert krone for krone, ikke under 0)',
        operasjon: 'MAKSIMUM',
        kilde: 'REGEL',
        beloep,
        hjemmel: HJEMMEL_FORSOERGERFRADRAG,
      },
    ],
  };
}

/**
 * § 5 tredje ledd: 50 % of the resident's gross pensions, given where § 5 første ledd applies. Rounded UP
 * to whole øre: the amount is a deduction, so rounding it up can only lower the charge.
 */
export function pensjonsfradrag(
  bruttoPensjoner: Beloep,
  gjelder: boolean,
  begrunnelse: string,
): { beloep: Beloep; linjer: Beregningslinje[] } {
  if (!gjelder) {
    return {
      beloep: Beloep.NULL,
      linjer: [
        {
          tekst: 'Ikke fradrag for halvparten av beboerens pensjoner',
          operasjon: 'INFO',
          kilde: 'REGEL',
          hjemmel: HJEMMEL_PENSJONSFRADRAG,
          merknad: begrunnelse,
        },
      ],
    };
  }
  const beloep = bruttoPensjoner.times(ANDEL_AV_PENSJONENE).round('OERE', 'UP');
  return {
    beloep,
    linjer: [
      {
        tekst: 'Beboerens brutto pensjoner (offentlige etter samordning og private)',
        operasjon: 'INFO',
        kilde: 'SKATTEETATEN',
        beloep: bruttoPensjoner,
      },
      {
        tekst: '50 % av pensjonene',
        operasjon: 'MULTIPLISERE',
        kilde: 'REGEL',
        sats: ANDEL_AV_PENSJONENE,
        beloep,
        hjemmel: HJEMMEL_PENSJONSFRADRAG,
        merknad: `${begrunnelse} Rundet opp til hele øre: et fradrag rundes aldri til skade for beboeren.`,
      },
    ],
  };
}

/**
 * Boutgifter: the resident's cost of their own home per month, for at most the municipality's number of
 * months, at the municipality's share (a deduction «rimelig ut fra … forholdene for øvrig», § 5 fjerde
 * ledd). Rounded UP to whole øre: the amount is a deduction, so rounding it up can only lower the charge.
 */
export function boutgiftfradrag(
  perMaaned: Beloep,
  maanederIVedtaket: number | undefined,
  maksMaaneder: number,
  andelProsent: number,
): { beloep: Beloep; maaneder: number; linjer: Beregningslinje[] } {
  const maaneder = Math.min(maanederIVedtaket ?? maksMaaneder, maksMaaneder);
  const andel = Sats.prosent(andelProsent);
  const beloep = perMaaned.times(maaneder).times(andel).round('OERE', 'UP');
  return {
    beloep,
    maaneder,
    linjer: [
      { tekst: 'Boutgifter per måned', operasjon: 'INFO', kilde: 'KOMMUNE', beloep: perMaaned },
      {
        tekst: `× ${maaneder} måneder`,
        operasjon: 'MULTIPLISERE',
        kilde: 'REGEL',
        merknad: `Høyst ${maksMaaneder} måneder (kommuneinnstilling)${maanederIVedtaket !== undefined ? `; ${maanederIVedtaket} måneder i vedtaket` : ''}.`,
      },
      {
        tekst: 'Andel som trekkes fra',
        operasjon: 'MULTIPLISERE',
        kilde: 'REGEL',
        sats: andel,
        merknad:
          'Kommuneinnstilling. Rundet opp til hele øre: et fradrag rundes aldri til skade for beboeren.',
      },
      {
        tekst: 'Fradrag for boutgifter',
        operasjon: 'RESULTAT',
        kilde: 'REGEL',
        beloep,
        hjemmel: HJEMMEL_SKJOENN,
      },
    ],
  };
}
