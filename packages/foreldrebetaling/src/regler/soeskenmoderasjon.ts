import { type Beloep, Sats } from '@inntektsgrunnlag/money';
import type { IsoDato } from '@inntektsgrunnlag/regelverk';
import type { Soeskenmoderasjon } from '../tabeller.js';
import type { Innstillinger } from '../vedtak.js';
import { NY_PARAGRAF_3_FRA } from './seksProsent.js';

/**
 * Søskenmoderasjon, forskrift om foreldrebetaling i barnehager § 3a (quoted at the end): at least 30 % for
 * barn nr. 2 and, from 1 August 2023 (FOR-2023-05-16-710), 100 % for barn nr. 3 and later; 50 % for those
 * before (the 2020 wording, and § 3 before 28 February 2020). Only children in barnehage count («går i
 * barnehager i samme kommune»): SFO places have no national sibling rule. The discount is taken on the
 * child's own price after the maksimalpris and the 6 % rule (§ 3a andre ledd), which the merknad to § 3b
 * says in so many words:
 *
 * @lovtekst FOR-2005-12-16-1478 § 3b merknad
 * «Søskenmoderasjon etter forskriften § 3a første ledd trekkes fra foreldrebetalingen etter at maksimalprisen
 * er redusert etter § 3b første ledd.»
 *
 * Which child is barn nr. 2 the merknad to § 3a says, and who counts as a sibling:
 *
 * @lovtekst FOR-2005-12-16-1478 § 3a merknad
 * «Med barn nummer 2 menes det nest eldste barnet som går i barnehage, og med barn nummer 3 menes det tredje
 * eldste barnet som går i barnehage. Tilsvarende gjelder for flere barn i barnehage.»
 *
 * @lovtekst FOR-2005-12-16-1478 § 3a merknad
 * «Moderasjon omfatter søsken som bor fast sammen. … Søsken defineres som helsøsken og halvsøsken,
 * stesøsken defineres utenfor. Fosterbarn regnes som søsken.»
 *
 * So the regulation's order is the oldest first (ELDSTE_FOERST): the oldest pays the full price. It is a
 * floor, since § 3a sets a minimum («minimum 30 prosent»): a municipality may number the children another
 * way (kommuneinnstilling `soeskenrekkefoelge`) when that gives the family at least as much reduction; where
 * its order would give the family less, the regulation's order is used and the result says so (avgift.ts
 * computes both). The children of the vedtak are the siblings that live together and have a barnehage place
 * in the municipality; a samværsforelder's children are not listed (the merknad: «Samværsforeldre kan
 * derimot ikke påberope seg søskenmoderasjon for andre og tredje barn.»).
 *
 * @lovtekst FOR-2005-12-16-1478 § 3a første ledd
 * «Kommunen skal gi foreldre minimum 30 prosent reduksjon i foreldrebetaling for barn nummer 2 og 100 prosent
 * reduksjon i foreldrebetaling for barn nummer 3 eller flere barn, dersom:»
 *
 * @lovtekst FOR-2005-12-16-1478 § 3a andre ledd
 * «Reduksjon i foreldrebetalingen som følge av søskenmoderasjon beregnes av foreldrebetalingen i den
 * barnehage det aktuelle barnet har plass. Foreldrebetalingen begrenses oppad til maksimalgrensen for
 * foreldrebetaling, jf. § 1 første ledd, og eventuell redusert foreldrebetaling ved lav inntekt, jf. § 3b»
 *
 * @lovtekst FOR-2005-12-16-1478 § 3a første ledd i kraft 2020-02-28
 * «… minimum 50 prosent reduksjon i foreldrebetaling for barn nummer 3 eller flere barn …»
 */
export const HJEMMEL_SOESKEN = 'forskrift om foreldrebetaling i barnehager § 3a første ledd';
const HJEMMEL_SOESKEN_FOER_2020 = 'forskrift om foreldrebetaling i barnehager § 3';

/** The regulation's order: «det nest eldste barnet» is barn nr. 2 (merknad til § 3a). */
export const FORSKRIFTENS_SOESKENREKKEFOELGE = 'ELDSTE_FOERST' as const;

/** The paragraph that held the sibling discount on the date. */
export function hjemmelSoesken(dato: IsoDato): string {
  return dato < NY_PARAGRAF_3_FRA ? HJEMMEL_SOESKEN_FOER_2020 : HJEMMEL_SOESKEN;
}

export interface Soeskenkandidat {
  /** Index in the request. */
  indeks: number;
  foedselsdato: IsoDato;
  /** The place's own price (before any reduction), for HOEYESTE_PRIS_FOERST. */
  prisForPlassen: Beloep;
}

/** Oldest first. At module level: a named closure made per call costs a `__name` call under tsx. */
function etterAlder(a: Soeskenkandidat, b: Soeskenkandidat): number {
  return a.foedselsdato < b.foedselsdato ? -1 : a.foedselsdato > b.foedselsdato ? 1 : 0;
}

/**
 * Sibling numbers (1, 2, 3 …) by request index. Ties (twins, equal prices) keep request order, so the
 * result never depends on anything but the vedtak.
 */
export function soeskennumre(
  barn: readonly Soeskenkandidat[],
  rekkefoelge: Innstillinger['soeskenrekkefoelge'],
): Map<number, number> {
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
