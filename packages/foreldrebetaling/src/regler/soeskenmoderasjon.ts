import { type Beloep, Sats } from '@inntektsgrunnlag/money';
import type { IsoDato } from '@inntektsgrunnlag/regelverk';
import type { Soeskenmoderasjon } from '../tabeller.js';
import type { Innstillinger } from '../vedtak.js';

/**
 * Forskrift om foreldrebetaling i barnehager § 3a (Udir's rendering of the 2020 text):
 *
 * > «Kommunen skal gi foreldre minimum 30 prosent reduksjon i foreldrebetaling for barn nummer 2 og minimum
 * > 50 prosent reduksjon i foreldrebetaling for barn nummer 3 eller flere barn, dersom: a. søsknene bor fast
 * > sammen, og, b. går i barnehager i samme kommune. Reduksjon i foreldrebetalingen som følge av
 * > søskenmoderasjon beregnes av foreldrebetalingen i den barnehage det aktuelle barnet har plass.
 * > Foreldrebetalingen begrenses oppad til maksimalgrensen …, og eventuell redusert foreldrebetaling ved lav
 * > inntekt, jf. § 3b.»
 *
 * From 1 August 2023 child 3 and later are free (statsbudsjettet 2023; the amended wording was not seen).
 * Only children in barnehage count («går i barnehager i samme kommune»): SFO places have no national
 * sibling rule. The discount is taken on the child's own price after the 6 % rule. Which child is number 1
 * the forskrift does not say: a kommuneinnstilling (default the oldest).
 */
export const HJEMMEL_SOESKEN = 'forskrift om foreldrebetaling i barnehager § 3a';

export interface Soeskenkandidat {
  /** Index in the request. */
  indeks: number;
  foedselsdato: IsoDato;
  /** The place's own price (before any reduction), for HOEYESTE_PRIS_FOERST. */
  prisForPlassen: Beloep;
}

/**
 * Sibling numbers (1, 2, 3 …) by request index. Ties (twins, equal prices) keep request order, so the
 * result never depends on anything but the vedtak.
 */
export function soeskennumre(
  barn: readonly Soeskenkandidat[],
  rekkefoelge: Innstillinger['soeskenrekkefoelge'],
): Map<number, number> {
  const etterAlder = (a: Soeskenkandidat, b: Soeskenkandidat) =>
    a.foedselsdato < b.foedselsdato ? -1 : a.foedselsdato > b.foedselsdato ? 1 : 0;
  const sortert = [...barn].sort((a, b) => {
    let c: number;
    if (rekkefoelge === 'YNGSTE_FOERST') c = -etterAlder(a, b);
    else if (rekkefoelge === 'HOEYESTE_PRIS_FOERST')
      c = b.prisForPlassen.compare(a.prisForPlassen) || etterAlder(a, b);
    else c = etterAlder(a, b);
    return c || a.indeks - b.indeks;
  });
  return new Map(sortert.map((b, i) => [b.indeks, i + 1]));
}

/**
 * The reduction rate for sibling number `nr`: none for number 1; the national minimum, or the municipality's
 * own higher rate, for number 2 and for 3 and later. A municipal rate below the minimum is never used.
 */
export function soeskenmoderasjonSats(
  nr: number,
  minimum: Soeskenmoderasjon,
  innst: Pick<Innstillinger, 'soeskenmoderasjonBarn2Prosent' | 'soeskenmoderasjonBarn3PlussProsent'>,
): { sats: Sats; kommunal: boolean } | null {
  if (nr < 2) return null;
  const nasjonal = nr === 2 ? minimum.barn2 : minimum.barn3Pluss;
  const kommunalProsent =
    nr === 2 ? innst.soeskenmoderasjonBarn2Prosent : innst.soeskenmoderasjonBarn3PlussProsent;
  if (kommunalProsent === null) return { sats: nasjonal, kommunal: false };
  const kommunal = Sats.prosent(kommunalProsent);
  return kommunal.compare(nasjonal) > 0
    ? { sats: kommunal, kommunal: true }
    : { sats: nasjonal, kommunal: false };
}
