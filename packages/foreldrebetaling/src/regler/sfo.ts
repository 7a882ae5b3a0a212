import type { IsoDato } from '@inntektsgrunnlag/regelverk';

/**
 * SFO (skolefritidsordning). There is no national maksimalpris: the municipality's own price for the place
 * is the ceiling (opplæringslova § 4-5 første ledd, quoted at the end; the municipal SFO forskrift sets the
 * price, § 4-5 femte ledd). The rules by date, each a table (tabeller.ts) whose values quote the text:
 *
 * - 6 % of the household's income per pupil, on application: 1.–2. trinn from 1 August 2020 (forskrift til
 *   opplæringslova § 1B-1, FOR-2020-07-02-1492), 1.–4. trinn from 1 August 2021 (FOR-2021-06-20-2116),
 *   opplæringsforskrifta § 2-4 from 1 August 2024. The school year is the municipality's payment months
 *   (kommuneinnstilling `sfoBetalingsmaaneder`, default 11).
 * - 12 free hours a week: 1. trinn from 1 August 2022 (§ 1B-4, FOR-2022-06-13-1014), 1.–2. from 1 August
 *   2023 (FOR-2023-05-26-752), 1.–3. from 1 August 2024 (§ 1B-4 by FOR-2024-05-13-762 and the same day
 *   opplæringsforskrifta § 2-2), and from 1 August 2026 a statutory right in opplæringslova § 4-5 andre
 *   ledd (LOV-2026-02-13-6), with § 2-2 rewritten by FOR-2026-03-20-443. Not for 4. trinn.
 * - Free SFO for pupils with særlege behov on 5.–7. trinn, food excepted: from 1 August 2020 (§ 1B-3),
 *   opplæringsforskrifta § 2-3 from 1 August 2024. A vedtak fact per pupil (`saerlegeBehov`); the law
 *   gives SFO on 5.–7. trinn only to such pupils (§ 4-5 første ledd), so a pupil on those grades without
 *   the fact set is warned about.
 *
 * Order. The free hours are valued from the price after the 6 % rule (price × 12 / the place's weekly
 * hours by default; Sveio: the 12-hour reduction «beregnes etter andre reduksjoner»). The texts do not say
 * which comes first; this order gives the family at least what the other would (min(P, c) × f ≤
 * min(P × f, c) for a cap c and a share f ≤ 1), so it never charges more than the law allows, and it is the
 * order the merknad to barnehage § 3c prescribes for the 20 hours there. SFO places have no national sibling
 * discount.
 *
 * @lovtekst LOV-2023-06-09-30 § 4-5 første ledd
 * «Kommunen skal ha tilbod om skolefritidsordning før og etter skoletid for elevar på 1. til 4. trinn og for
 * elevar med særlege behov på 1. til 7. trinn. Kommunen kan krevje at foreldra dekkjer kostnadene til
 * skolefritidsordninga.»
 *
 * @lovtekst FOR-2024-06-03-900 § 2-4 første ledd
 * «Kommunen skal etter søknad redusere foreldrebetalinga for skolefritidsordninga på 1. til 4. trinn slik at
 * ho per elev utgjer maksimalt seks prosent av inntektene til hushaldet, dersom eitt av desse vilkåra er
 * oppfylt: … Foreldrebetalinga per elev for eitt skoleår utgjer meir enn seks prosent av inntektene til
 * hushaldet det siste året. … Ein varig nedgang i inntektene til hushaldet inneverande år gjer at
 * foreldrebetalinga per elev for eitt skoleår utgjer meir enn seks prosent av inntektene til hushaldet.»
 *
 * @lovtekst FOR-2024-06-03-900 § 2-2 første ledd
 * «Kommunen skal gi tolv timar gratis skolefritidsordning per veke for elevar på 1. til 3. trinn som har
 * plass i ordninga. Kommunen kan ikkje rekne om dei tolv timane til gjennomsnitt over lengre tid enn ei
 * veke.»
 *
 * @lovtekst LOV-2023-06-09-30 § 4-5 andre ledd i kraft 2026-08-01
 * «Elevar på 1. til 3. trinn har rett til 12 timar gratis skolefritidsordning per veke.»
 *
 * @lovtekst FOR-2024-06-03-900 § 2-2 første ledd i kraft 2026-08-01
 * «I organiseringa av retten til gratis skolefritidsordning etter opplæringslova § 4-5 andre ledd , kan
 * kommunen ikkje rekne om dei tolv timane til gjennomsnitt over lengre tid enn ei veke.»
 *
 * @lovtekst FOR-2024-06-03-900 § 2-3 første ledd
 * «Kommunen skal gi tilbod om gratis skolefritidsordning for elevar med særlege behov på 5. til 7. trinn.»
 *
 * @lovtekst FOR-2006-06-23-724 § 1B-1 første ledd i kraft 2021-08-01
 * «Kommunen skal etter søknad gi reduksjon i foreldrebetalinga for skolefritidsordninga på 1.–4. årstrinn
 * slik at den per elev utgjer maksimalt seks prosent av inntektene til hushaldet, dersom:»
 *
 * @lovtekst FOR-2006-06-23-724 § 1B-3 første ledd i kraft 2020-08-01
 * «Tilbodet på 5.–7. årstrinn skal vere gratis. Kommunen kan likevel krevje betaling for kost.»
 *
 * @lovtekst FOR-2006-06-23-724 § 1B-4 første ledd i kraft 2022-08-01
 * «Kommunen skal gi fritak frå foreldrebetaling for 12 timar per veke for elevar på 1. årstrinn som har
 * plass i skolefritidsordninga.»
 */

/** The pupil's own price is the municipality's; from 1 August 2024 under the new opplæringslova. */
export function hjemmelSfoPris(dato: IsoDato): string | undefined {
  return dato >= '2024-08-01' ? 'opplæringslova § 4-5 første ledd' : undefined;
}

/** The paragraph of the 6 % rule in SFO on the date (none before 1 August 2020). */
export function hjemmelSfoSeksProsent(dato: IsoDato): string | undefined {
  if (dato >= '2024-08-01') return 'opplæringsforskrifta § 2-4 første ledd';
  if (dato >= '2020-08-01') return 'forskrift til opplæringslova § 1B-1 første ledd';
  return undefined;
}

/** The paragraph of the free SFO hours on the date (none before 1 August 2022). */
export function hjemmelSfoGratistimer(dato: IsoDato): string | undefined {
  if (dato >= '2026-08-01') return 'opplæringslova § 4-5 andre ledd';
  if (dato >= '2024-08-01') return 'opplæringsforskrifta § 2-2 første ledd';
  if (dato >= '2022-08-01') return 'forskrift til opplæringslova § 1B-4 første ledd';
  return undefined;
}

/** The paragraph of free SFO for pupils with særlege behov on 5.–7. trinn (none before 1 August 2020). */
export function hjemmelSfoSaerlegeBehov(dato: IsoDato): string | undefined {
  if (dato >= '2024-08-01') return 'opplæringsforskrifta § 2-3 første ledd';
  if (dato >= '2020-08-01') return 'forskrift til opplæringslova § 1B-3 første ledd';
  return undefined;
}

export function gjelderTrinn(trinn: number, trinnliste: readonly number[]): boolean {
  return trinnliste.includes(trinn);
}
