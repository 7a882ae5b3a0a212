import { type IsoDato, leggTilDager } from '@inntektsgrunnlag/regelverk';
import { addMonths, format, parseISO } from 'date-fns';

/**
 * The free first month of a long-term stay. The paragraph is probably § 6 («Tidsrom for betaling av
 * vederlag» in the old vederlagsforskrift, whose numbering the 2011 forskrift seems to keep): NOT
 * verified. Sources (secondary):
 * - Rundskriv I-47/98 and Trondheim kommune: «Den betalingsfrie perioden ved innflytting er en måned
 *   regnet fra innflyttingsdato.»
 * - Bergen kommune: «Du betaler ikke for den første måneden i langtidsopphold på institusjon. Men
 *   dersom du har hatt et korttidsopphold som har vart i over 60 døgn i samme kalenderår som du får
 *   innvilget langtidsopphold, får du ikke betalingsfritak.» (Same in Ulstein, Alta, Bærum.)
 *
 * «En måned regnet fra» is read as in domstolloven § 148: it ends the day before the same date in the
 * next month; when that month has no such date, the period runs to its last day.
 */
export const HJEMMEL_FRIPERIODE = 'egenandelsforskriften § 6 (paragrafnummer ikke verifisert)';

/** More than this many korttid-døgn in the calendar year takes the free month away. */
export const KORTTIDSDOEGN_UTEN_FRIPERIODE = 60;

export interface Friperiode {
  /** Whether the first month is free. */
  gis: boolean;
  innflyttingsdato: IsoDato;
  /** The free period (only when it is given). */
  fraOgMed?: IsoDato;
  tilOgMed?: IsoDato;
  /** The first day vederlag is charged for. */
  foersteDagMedVederlag: IsoDato;
  begrunnelse: string;
}

/** The day one month after `dato` (the same date next month, or that month's last day). */
export function enMaanedEtter(dato: IsoDato): IsoDato {
  const [, , dag] = dato.split('-').map(Number) as [number, number, number];
  const sammeDato = addMonths(parseISO(dato), 1);
  const neste = format(sammeDato, 'yyyy-MM-dd');
  // date-fns moves 31 January to 28/29 February: that day ends the month itself, so the next period
  // begins the day after.
  return Number(neste.slice(8, 10)) === dag ? neste : leggTilDager(neste, 1);
}

export function friperiode(innflyttingsdato: IsoDato, korttidsdoegnSammeAar: number): Friperiode {
  if (korttidsdoegnSammeAar > KORTTIDSDOEGN_UTEN_FRIPERIODE) {
    return {
      gis: false,
      innflyttingsdato,
      foersteDagMedVederlag: innflyttingsdato,
      begrunnelse: `Ingen betalingsfri måned: beboeren har hatt ${korttidsdoegnSammeAar} døgn på korttidsopphold i samme kalenderår, mer enn ${KORTTIDSDOEGN_UTEN_FRIPERIODE}.`,
    };
  }
  const foersteDagMedVederlag = enMaanedEtter(innflyttingsdato);
  return {
    gis: true,
    innflyttingsdato,
    fraOgMed: innflyttingsdato,
    tilOgMed: leggTilDager(foersteDagMedVederlag, -1),
    foersteDagMedVederlag,
    begrunnelse: 'Den første måneden regnet fra innflyttingsdatoen er betalingsfri.',
  };
}
