import { type Beloep, Sats } from '@inntektsgrunnlag/money';
import type { Beregningslinje } from '@inntektsgrunnlag/regelverk';

/**
 * Fradrag in the basis. The paragraph is probably § 5 («Frådrag i berekningsgrunnlaget» in the old
 * vederlagsforskrift, whose numbering the 2011 forskrift seems to keep): NOT verified, and its wording
 * was not found. What the sources say (secondary):
 * - smartepenger, «Betaling på sykehjem»: «Hvis den som oppholder seg på institusjon har hjemmeværende
 *   ektefelle eller mindreårige barn …, skal det gjøres fradrag i beregningsgrunnlaget. Dette fradraget
 *   skal tilsvare minst brutto pensjonsytelser som ektefelle/barn ville fått fra folketrygden hvis
 *   institusjonsbeboeren var død. … Fradrag kan også fastsettes på grunnlag av hva som er rimelig ut fra
 *   vedkommendes inntekt og forholdene for øvrig.»
 * - KS Fiks computes the forsørgerfradrag as max(0, tenkt etterlattepensjon − the partner's own income),
 *   with the tenkt etterlattepensjon entered by the municipality («beregnes etter reglene i
 *   egenandelsforskriften»); Nordre Follo: «fradraget blir redusert hvis ektefelle … har egen
 *   arbeidsinntekt eller pensjon».
 * - Boutgifter are a local practice: Løten up to six months, Bærum and Stavanger three (Stavanger 85 %).
 */
export const HJEMMEL_FRADRAG = 'egenandelsforskriften § 5 (paragrafnummer ikke verifisert)';

/** Forsørgerfradrag: what the spouse at home would have had as a survivor, less their own income. */
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
        tekst: 'Tenkt etterlattepensjon',
        operasjon: 'ADDERE',
        kilde: 'KOMMUNE',
        beloep: tenktEtterlattepensjon,
      },
      {
        tekst: 'Ektefelles eller samboers egen inntekt',
        operasjon: 'SUBTRAHERE',
        kilde: 'SKATTEETATEN',
        beloep: partnerensInntekt,
        ...(inntektMerknad ? { merknad: inntektMerknad } : {}),
      },
      {
        tekst: 'Forsørgerfradrag (ikke under 0)',
        operasjon: 'MAKSIMUM',
        kilde: 'REGEL',
        beloep,
        hjemmel: HJEMMEL_FRADRAG,
      },
    ],
  };
}

/**
 * Boutgifter: the resident's cost of their own home per month, for at most the municipality's number of
 * months, at the municipality's share. Rounded UP to whole øre: the amount is a deduction, so rounding
 * it up can only lower the charge.
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
        hjemmel: HJEMMEL_FRADRAG,
      },
    ],
  };
}
