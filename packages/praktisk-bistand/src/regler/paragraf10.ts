/**
 * Egenandelsforskriften § 10: the household, its income, and the 2 G limit.
 *
 * The text of § 10 could not be read from Lovdata. What is known:
 *
 * - Tredje ledd, verbatim as Helsedirektoratet quoted it in Stortinget, Dok. nr. 15:729 (2019–2020)
 *   (`STORTINGET_HUSSTAND`):
 *   > «Til husstanden regnes bare ektefeller eller samboere og i tillegg barn under 18 år, dersom
 *   > hjelpen ytes på grunnlag av barnets omsorgs- eller pleiebehov.»
 *   The same question says the egenandel is based on the household's combined income under § 10.
 * - The income and the limit, in the words of the yearly circular (Rundskriv I-1/2013,
 *   `RUNDSKRIV_2013`): «Maksimal samlet egenandel per måned for praktisk bistand og opplæring utenfor
 *   institusjon i husholdninger med samlet skattbar nettoinntekt før særfradrag under 2 G».
 *   Frosta kommune places that maximum in «sentral forskrift §10» (one source; the ledd is unknown).
 *
 * How the income is formed post by post is data: `POSTDEFINISJON` (KS Fiks's definition).
 */
import { type Feltfeil, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { Beloep } from '@inntektsgrunnlag/money';
import { maskerIdentifikator, PERSONTYPE_TEKST } from '@inntektsgrunnlag/person';
import type { Beregningslinje, IsoDato, Satsoppslag, Tabellverdi } from '@inntektsgrunnlag/regelverk';
import { type Grunnlagsblokk, type PersonMedPoster, perPerson } from '@inntektsgrunnlag/skattegrunnlag';
import { MAKS_EGENANDEL_UNDER_2G } from '../tabeller.js';
import type { Vedtak } from '../vedtak.js';
import { hjelpenAnsesYttForeldrene } from './paragraf8.js';

export const HJEMMEL_PARAGRAF_10 = 'egenandelsforskriften § 10';
export const HJEMMEL_HUSSTAND = 'egenandelsforskriften § 10 tredje ledd';
export const HJEMMEL_2G = 'egenandelsforskriften § 10 (2 G-grensen; rundskriv I-1/yyyy)';

/**
 * Only spouses or cohabitants, and children under 18 when the help is given because of the child's
 * needs, belong to the household. Refuses a BARN when the vedtak does not say so, naming the field.
 * (The request schema already refuses other person types for this area, and more than one partner.)
 */
export function kontrollerHusstand(
  personer: readonly Pick<PersonMedPoster, 'type'>[],
  vedtak: Pick<Vedtak, 'hjelpGrunnetBarnsBehov'>,
): void {
  if (hjelpenAnsesYttForeldrene(vedtak)) return;
  const feil: Feltfeil[] = [];
  personer.forEach((p, i) => {
    if (p.type === 'BARN') {
      feil.push({
        felt: `personer.${i}.type`,
        melding:
          'et barn regnes bare med i husstanden når hjelpen ytes på grunnlag av barnets omsorgs- eller pleiebehov (egenandelsforskriften § 10 tredje ledd); sett vedtak.hjelpGrunnetBarnsBehov til true, eller ta barnet ut av forespørselen',
      });
    }
  });
  if (feil.length > 0) throw new Valideringsfeil(feil);
}

/** Each member's basis and the household's: the sum over the members (no member is floored at 0). */
export function husstandensInntekt(
  blokk: Grunnlagsblokk,
  personer: readonly Pick<PersonMedPoster, 'identifikator' | 'type'>[],
): {
  sum: Beloep;
  perPerson: Array<{ identifikator: string; type: PersonMedPoster['type']; beloep: Beloep }>;
} {
  const bidrag = new Map(perPerson(blokk).map((p) => [p.identifikator, p.beloep]));
  const liste = personer.map((p) => ({
    identifikator: p.identifikator,
    type: p.type,
    beloep: bidrag.get(p.identifikator) ?? Beloep.NULL,
  }));
  return { sum: Beloep.sum(liste.map((p) => p.beloep)), perPerson: liste };
}

/** The explanation of the basis per member, and the household's sum. */
export function husstandLinjer(
  perPersonListe: ReadonlyArray<{ identifikator: string; type: PersonMedPoster['type']; beloep: Beloep }>,
  sum: Beloep,
): Beregningslinje[] {
  return [
    {
      tekst: 'Husstandens samlede inntekt',
      operasjon: 'RESULTAT',
      kilde: 'REGEL',
      beloep: sum,
      hjemmel: HJEMMEL_HUSSTAND,
      merknad: 'Summen av hvert husstandsmedlems inntekt etter postene over.',
      linjer: perPersonListe.map((p) => ({
        tekst: `${PERSONTYPE_TEKST[p.type]} ${maskerIdentifikator(p.identifikator)}`,
        operasjon: 'ADDERE' as const,
        kilde: 'REGEL' as const,
        beloep: p.beloep,
      })),
    },
  ];
}

/** 2 G: the income limit below which the national maximum applies. */
export function toG(g: Beloep): Beloep {
  return g.times(2);
}

/** «under 2 G»: strictly below; a household with exactly 2 G is at or above the limit. */
export function erUnder2G(inntekt: Beloep, toGrunnbeloep: Beloep): boolean {
  return inntekt.lessThan(toGrunnbeloep);
}

/** The national monthly maximum in force on the date (throws UtenforDekning outside the table). */
export function nasjonaltTak(oppslag: Satsoppslag, dato: IsoDato): Tabellverdi<Beloep> {
  return oppslag.oppslag(MAKS_EGENANDEL_UNDER_2G, dato);
}
