/**
 * Egenandelsforskriften § 9: the ceiling at selvkost, how selvkost is computed, and what the person keeps.
 *
 * @lovtekst FOR-2011-12-16-1349 § 9 første ledd
 * «Egenandelen skal ikke overstige kommunens egne utgifter til angjeldende tjeneste (selvkost). Betales
 * tjenestene etter en abonnementsordning kan egenandelen ikke overstige kommunens samlede selvkost for
 * tjenestene til den enkelte i den måneden abonnementet omfatter.»
 *
 * @lovtekst FOR-2011-12-16-1349 § 9 andre ledd
 * «Selvkost beregnes til en gjennomsnittlig timelønn for den tjenesten som utføres, tillagt sosiale
 * utgifter samt administrasjonsutgifter som skal utgjøre 10 prosent av timelønnen og sosiale utgifter.
 * Tidsforbruket rundes av til nærmeste halvtime.»
 *
 * @lovtekst FOR-2011-12-16-1349 § 9 tredje ledd
 * «Egenandelen kan ikke settes høyere enn at vedkommende beholder tilstrekkelig til å dekke personlige
 * behov og bære sitt ansvar som forsørger.»
 *
 * What the product computes: selvkost per month is the vedtak's hours per month (rounded to the nearest
 * half hour) times the cost of an hour, and the cost of an hour is either given (vedtak or setting) or
 * computed from the municipality's average hourly wage and social costs plus 10 % administration. The
 * monthly figure is also the subscription cap of første ledd: a subscription covers a month, and its
 * charge may not exceed the month's selvkost. What a person needs to keep (tredje ledd) depends on facts
 * the product does not hold; the case worker's assessed amount is applied as one more ceiling.
 */
import { type Beloep, Sats } from '@inntektsgrunnlag/money';
import type { Trinn } from '../innstillinger.js';

export const HJEMMEL_KOMMUNENS_SATSER = 'egenandelsforskriften § 8 første ledd';
export const HJEMMEL_SELVKOST = 'egenandelsforskriften § 9 første ledd';
export const HJEMMEL_SELVKOST_BEREGNING = 'egenandelsforskriften § 9 andre ledd';
export const HJEMMEL_BEHOLDE_TILSTREKKELIG = 'egenandelsforskriften § 9 tredje ledd';

/** «administrasjonsutgifter som skal utgjøre 10 prosent av timelønnen og sosiale utgifter». */
export const ADMINISTRASJON = Sats.prosent('10');

/** The cost of an hour: (average hourly wage + social costs) + 10 % of both. Exact. */
export function timekostnad(gjennomsnittligTimeloenn: Beloep, sosialeUtgifter: Beloep): Beloep {
  const grunn = gjennomsnittligTimeloenn.plus(sosialeUtgifter);
  return grunn.plus(grunn.times(ADMINISTRASJON));
}

/**
 * «Tidsforbruket rundes av til nærmeste halvtime.» Hours come with at most four decimals (the schema), so
 * the fraction is read as ten-thousandths. Exactly between two half hours (x.25, x.75) the text names no
 * direction; the lower is taken, as a limit on a charge is never rounded up in the municipality's favour.
 */
export function rundTilHalvtime(timer: Sats): Sats {
  const [heltall = '0', broek = ''] = timer.toString().split('.');
  const hele = Number(heltall);
  const tititusendeler = Number(broek.padEnd(4, '0').slice(0, 4));
  let halve: number;
  if (tititusendeler <= 2500) halve = 0;
  else if (tititusendeler <= 7500) halve = 1;
  else halve = 2;
  const totaltHalve = hele * 2 + halve;
  return Sats.av(totaltHalve % 2 === 0 ? String(totaltHalve / 2) : `${(totaltHalve - 1) / 2}.5`);
}

/** Selvkost per month: the (rounded) hours the vedtak grants times what an hour costs. Exact. */
export function selvkostPerMaaned(timerPerMaaned: Sats, kostnadPerTime: Beloep): Beloep {
  return kostnadPerTime.times(timerPerMaaned);
}

export interface ValgtTrinn {
  trinn: Trinn;
  /** The bracket's upper limit in G (exclusive), or null for the last, open bracket. */
  tilG: Sats | null;
}

/**
 * The bracket the income falls in: the last whose lower limit (fraOgMedG × G) the income reaches.
 * Brackets are half-open, [fraOgMedG, next fraOgMedG). Null when there are no brackets or the income is
 * below the first (which starts at 2 G, so only for incomes the national rule covers).
 */
export function finnTrinn(inntekt: Beloep, g: Beloep, trinn: readonly Trinn[]): ValgtTrinn | null {
  for (let i = trinn.length - 1; i >= 0; i--) {
    const t = trinn[i] as Trinn;
    if (inntekt.greaterThanOrEqual(g.times(t.fraOgMedG))) {
      return { trinn: t, tilG: trinn[i + 1]?.fraOgMedG ?? null };
    }
  }
  return null;
}

/** The lower of a maximum and selvkost; no maximum (null) leaves selvkost as the only limit. */
export function begrensTilSelvkost(maks: Beloep | null, selvkost: Beloep | null): Beloep | null {
  if (selvkost === null) return maks;
  if (maks === null) return selvkost;
  return maks.lessThanOrEqual(selvkost) ? maks : selvkost;
}
