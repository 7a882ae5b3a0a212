/**
 * SFO (skolefritidsordning). There is no national maksimalpris: the municipality's own price for the place
 * is the ceiling (opplæringslova § 4-5: the municipal SFO forskrift sets foreldrebetaling).
 *
 * 6 % rule, forskrift til opplæringslova § 1B-1 (1. and 2. årstrinn from 1 August 2020, 3. and 4. from
 * 1 August 2021), continued in opplæringsforskrifta kap. 2 from 1 August 2024 (paragraph not found):
 * > «… slik at den per elev utgjer maksimalt seks prosent av inntektene til hushaldet, dersom: a)
 * > foreldrebetalinga for eitt skoleår utgjer meir enn seks prosent av inntektene til hushaldet det siste
 * > året …»
 * The school year is the municipality's payment months (kommuneinnstilling, default 11).
 *
 * 12 free hours, forskrift til opplæringslova § 1B-4 (1. trinn from 1 August 2022, 1.–2. from 1 August 2023),
 * opplæringsforskrifta § 2-2 (1.–3. trinn from 1 August 2024):
 * > «Kommunen skal gi fritak frå foreldrebetaling for 12 timar per veke for elevar på 1. årstrinn som har
 * > plass i skolefritidsordninga. … Kommunen kan ikkje rekne om dei 12 timane til gjennomsnitt over lengre
 * > tid enn ei veke.»
 * The hours are valued as price × 12 / the place's weekly hours by default and taken after the 6 % rule
 * (Sveio: the 12-hour reduction «beregnes etter andre reduksjoner»).
 *
 * Pupils on 5.–7. trinn with særskilde behov have free SFO from 1 August 2020; the vedtak does not carry
 * that fact, so the result warns instead of computing it.
 */
export const HJEMMEL_SFO_PRIS = 'opplæringslova § 4-5 (kommunal forskrift om SFO)';

export function gjelderTrinn(trinn: number, trinnliste: readonly number[]): boolean {
  return trinnliste.includes(trinn);
}
