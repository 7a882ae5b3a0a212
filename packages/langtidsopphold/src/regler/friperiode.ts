import { type IsoDato, leggTilDager } from '@inntektsgrunnlag/regelverk';
import { addMonths, format, parseISO } from 'date-fns';

/**
 * The free first month of a long-term stay: egenandelsforskriften (FOR-2011-12-16-1349) § 6 første ledd,
 * read in Lovdata's text.
 * @lovtekst FOR-2011-12-16-1349 § 6 første ledd
 * «For langtidsopphold kan krav om egenandel først gjøres gjeldende etter en måned regnet fra
 * innflyttingsdato. Ved flytting direkte fra annen institusjon eller privat forpleining skal tiden for
 * opphold i denne institusjon mv. medregnes.»
 *
 * So the month runs from the moving-in date, or, when the resident moved directly from another
 * institution or private forpleining, from the first day there; when that month is over before the
 * moving-in, the fee runs from the moving-in date. The text has no other exception. Earlier versions
 * took the free month away after more than 60 korttid-døgn in the calendar year (Bergen, Ulstein, Alta):
 * that is not in § 6, and gave the resident less than the regulation, so it is gone; the 60 døgn of § 6
 * tredje ledd govern how korttidsopphold is charged (korttidsopphold.ts).
 *
 * «En måned regnet fra» is read as in domstolloven § 148: it ends the day before the same date in the
 * next month; when that month has no such date, the period runs to its last day.
 */
export const HJEMMEL_FRIPERIODE = 'egenandelsforskriften § 6 første ledd';

export interface Friperiode {
  /** Whether any day after the moving-in is free. */
  gis: boolean;
  innflyttingsdato: IsoDato;
  /** The free period (only when it is given). */
  fraOgMed?: IsoDato;
  tilOgMed?: IsoDato;
  /** The first day vederlag is charged for. */
  foersteDagMedVederlag: IsoDato;
  begrunnelse: string;
}

/** The day one month after `dato` (the same date next month, or the day after that month's last day). */
export function enMaanedEtter(dato: IsoDato): IsoDato {
  const [, , dag] = dato.split('-').map(Number) as [number, number, number];
  const sammeDato = addMonths(parseISO(dato), 1);
  const neste = format(sammeDato, 'yyyy-MM-dd');
  // date-fns moves 31 January to 28/29 February: that day ends the month itself, so the next period
  // begins the day after.
  return Number(neste.slice(8, 10)) === dag ? neste : leggTilDager(neste, 1);
}

/**
 * The free month from `innflyttingsdato`, or from `direkteFraInstitusjonFraOgMed` (the first day in the
 * institution or private forpleining the resident moved directly from; not after the moving-in).
 */
export function friperiode(innflyttingsdato: IsoDato, direkteFraInstitusjonFraOgMed?: IsoDato): Friperiode {
  const start = direkteFraInstitusjonFraOgMed ?? innflyttingsdato;
  const foersteMulige = enMaanedEtter(start);
  const medregnet = direkteFraInstitusjonFraOgMed
    ? `Beboeren flyttet direkte fra annen institusjon eller privat forpleining, der oppholdet begynte ${direkteFraInstitusjonFraOgMed}; den tiden regnes med i måneden.`
    : undefined;
  if (foersteMulige <= innflyttingsdato) {
    return {
      gis: false,
      innflyttingsdato,
      foersteDagMedVederlag: innflyttingsdato,
      begrunnelse: `Ingen betalingsfri tid etter innflyttingen. ${medregnet ? `${medregnet} ` : ''}Måneden regnet fra ${start} var omme ${leggTilDager(foersteMulige, -1)}.`,
    };
  }
  return {
    gis: true,
    innflyttingsdato,
    fraOgMed: innflyttingsdato,
    tilOgMed: leggTilDager(foersteMulige, -1),
    foersteDagMedVederlag: foersteMulige,
    begrunnelse: medregnet
      ? `${medregnet} Egenandel kan kreves fra én måned regnet fra ${start}.`
      : 'Den første måneden regnet fra innflyttingsdatoen er betalingsfri.',
  };
}
