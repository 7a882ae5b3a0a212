import { Beloep } from '@inntektsgrunnlag/money';

/**
 * Korttidsopphold: egenandelsforskriften (FOR-2011-12-16-1349) § 4, with the amounts of each year in
 * tabeller.ts, read in Lovdata's text:
 * @lovtekst FOR-2011-12-16-1349 § 4
 * «Kommunen kan ta betaling med inntil kroner … pr. døgn for korttidsopphold og med inntil kroner … for det
 * enkelte dag- eller nattopphold.»
 *
 * From the first day (§ 6 andre ledd):
 * @lovtekst FOR-2011-12-16-1349 § 6 andre ledd
 * «Kommunen har adgang til å ta betaling for korttidsopphold og dag- eller nattopphold fra første dag.»
 *
 * And past 60 døgn in the calendar year, by the rules for long-term stays (§ 6 tredje ledd; § 1 defines a
 * langtidsopphold as also «tidsavgrenset opphold når vedkommende har vært på institusjon i minst 60 døgn
 * pr. kalenderår»):
 * @lovtekst FOR-2011-12-16-1349 § 6 tredje ledd
 * «Har beboeren hatt flere korttidsopphold kan kommunen kreve egenandel etter § 3 når vedkommende har vært
 * på institusjon i minst 60 døgn pr. kalenderår.»
 *
 * Avlastning and øyeblikkelig hjelp døgnopphold are free (§ 1 andre ledd) and are not korttidsopphold for
 * this rule: the case worker leaves them out of the counts.
 *
 * Døgn past the 60th in the calendar year are charged at the long-term vederlag's share per day: the
 * yearly vederlag × døgn / days in the year. (Alta divides the monthly amount by 30, which over a year
 * gives more than the yearly maximum; that is not offered.) Dag- and nattopphold do not count towards the
 * 60: they are not «døgn».
 */
export const HJEMMEL_KORTTID = 'egenandelsforskriften § 4';
export const HJEMMEL_KORTTID_OVER_60 = 'egenandelsforskriften § 6 tredje ledd';
export const KORTTIDSDOEGN_FOER_LANGTIDSREGLER = 60;

export interface KorttidInn {
  /** Døgn in this stay. */
  doegn: number;
  dagEllerNattopphold: number;
  /** Døgn already spent on korttidsopphold in the same calendar year. */
  tidligereDoegnSammeAar: number;
  doegnsats: Beloep;
  dagEllerNattsats: Beloep;
  /** The long-term vederlag per year (already rounded down), for døgn past 60. */
  vederlagPerAar: Beloep;
  dagerIAaret: 365 | 366;
}

export interface KorttidResultat {
  doegnMedKorttidssats: number;
  beloepDoegn: Beloep;
  beloepDagEllerNatt: Beloep;
  doegnEtterLangtidsregler: number;
  /** Whole kroner, rounded down: a charge is never rounded above the maximum. */
  beloepEtterLangtidsregler: Beloep;
  sum: Beloep;
}

/** Splits the døgn at the 60th of the calendar year. */
export function delDoegn(doegn: number, tidligere: number): { korttid: number; langtid: number } {
  const igjen = Math.max(0, KORTTIDSDOEGN_FOER_LANGTIDSREGLER - tidligere);
  const korttid = Math.min(doegn, igjen);
  return { korttid, langtid: doegn - korttid };
}

export function korttidsopphold(inn: KorttidInn): KorttidResultat {
  const { korttid, langtid } = delDoegn(inn.doegn, inn.tidligereDoegnSammeAar);
  const beloepDoegn = inn.doegnsats.times(korttid);
  const beloepDagEllerNatt = inn.dagEllerNattsats.times(inn.dagEllerNattopphold);
  const beloepEtterLangtidsregler = inn.vederlagPerAar
    .times(langtid)
    .dividedBy(inn.dagerIAaret)
    .round('KRONE', 'DOWN');
  return {
    doegnMedKorttidssats: korttid,
    beloepDoegn,
    beloepDagEllerNatt,
    doegnEtterLangtidsregler: langtid,
    beloepEtterLangtidsregler,
    sum: Beloep.sum([beloepDoegn, beloepDagEllerNatt, beloepEtterLangtidsregler]),
  };
}
