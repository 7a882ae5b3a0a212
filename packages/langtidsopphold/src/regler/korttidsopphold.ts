import { Beloep } from '@inntektsgrunnlag/money';

/**
 * Egenandelsforskriften § 4, korttidsopphold (paragraph number from Stor-Elvdal and Frosta, «sentral
 * forskrift §4»; the forskrift text itself was not readable). Stor-Elvdal's paraphrase: «Korttidsopphold
 * er et tidsavgrenset opphold i institusjon gitt som døgnopphold, dagopphold eller nattopphold.
 * Kommunen kan kreve inntil 175 kroner per døgn for korttidsopphold». Stavanger (HOP 2015): «hvis en bor
 * mer enn 60 døgn på korttidsopphold i løpet av et år, kan betaling kreves etter reglene for
 * langtidsopphold». Avlastning and øyeblikkelig hjelp døgnopphold are free (§ 1 annet ledd b) and are
 * not korttidsopphold for this rule: the case worker leaves them out of the counts.
 *
 * Døgn past 60 in the calendar year are charged at the long-term vederlag's share per day: the yearly
 * vederlag × døgn / days in the year. (Alta divides the monthly amount by 30, which over a year gives
 * more than the yearly maximum; that is not offered.) Dag- and nattopphold do not count towards the 60.
 */
export const HJEMMEL_KORTTID = 'egenandelsforskriften § 4';
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
