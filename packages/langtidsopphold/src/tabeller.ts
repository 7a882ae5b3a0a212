import { Beloep } from '@inntektsgrunnlag/money';
import {
  type IsoDato,
  type Kilde,
  kronebeloepSkjema,
  type Tabellverdi,
  tabell,
} from '@inntektsgrunnlag/regelverk';

/**
 * The yearly amounts of egenandelsforskriften (FOR-2011-12-16-1349) kap. 1, §§ 3 and 4, read from the
 * regulation itself: every amount is set by an amending regulation in force from 1 January (and the
 * double-room fribeløp was added from 1 July 2014). Each value cites its amending regulation and quotes
 * the sentence that regulation gave the paragraph, verbatim from Lovdata's open data (NLOD 2.0), kept in
 * `lovtekst/egenandelsforskriften-historikk.md` (each year's wording) and `lovtekst/egenandelsforskriften.md`
 * (the consolidated text in force from 1 January 2026). `tabeller.test.ts` checks every value against
 * the quoted line of its year.
 *
 * Coverage: from 1 January 2013 (the first amendment in the history) to 31 December 2026. No amending
 * regulation for 2027 had been read on 2026-12-07; a 2027 value comes from an operator file or the
 * municipality's entry, never from here by guess.
 */

/** The day these values were checked against the Lovdata texts (docs/research, satser-og-lovtekst-2026). */
const VERIFISERT: IsoDato = '2026-12-07';
const DEKKET_TIL: IsoDato = '2026-12-31';

/** The amending regulations of FOR-2011-12-16-1349 whose wording sets the amounts, by day in force. */
export const ENDRINGSFORSKRIFTER: Readonly<Record<IsoDato, string>> = {
  '2013-01-01': 'FOR-2012-12-17-1281',
  '2014-01-01': 'FOR-2013-12-12-1448',
  '2014-07-01': 'FOR-2014-06-11-846',
  '2015-01-01': 'FOR-2014-12-17-1705',
  '2016-01-01': 'FOR-2015-12-17-1730',
  '2017-01-01': 'FOR-2016-12-20-1825',
  '2018-01-01': 'FOR-2017-12-20-2259',
  '2019-01-01': 'FOR-2018-12-17-2038',
  '2020-01-01': 'FOR-2019-12-17-1887',
  '2021-01-01': 'FOR-2020-12-18-2987',
  '2022-01-01': 'FOR-2021-12-21-3791',
  '2023-01-01': 'FOR-2022-12-21-2405',
  '2024-01-01': 'FOR-2023-12-19-2194',
  '2025-01-01': 'FOR-2024-12-16-3180',
  '2026-01-01': 'FOR-2025-12-17-2619',
};

export const P3_ANNET = 'egenandelsforskriften § 3 annet ledd';
export const P4 = 'egenandelsforskriften § 4';

/** `FOR-2025-12-17-2619` → its address on Lovdata (the announcement in Lovtidend). */
function lovdataUrl(endring: string): string {
  return `https://lovdata.no/dokument/LTI/forskrift/${endring.slice(4)}`;
}

/**
 * One value from the wording an amending regulation gave the paragraph. `sitat` is the sentence as the
 * regulation words it, with the amount.
 */
export function fraEndringsforskrift(
  gyldigFra: IsoDato,
  kroner: number,
  hjemmel: string,
  sitat: string,
): Tabellverdi<Beloep> {
  const endring = ENDRINGSFORSKRIFTER[gyldigFra];
  /* c8 ignore next: the table's own data */
  if (!endring) throw new Error(`ingen endringsforskrift i kraft ${gyldigFra}`);
  const kilde: Kilde = {
    tittel: `${endring} (endring av egenandelsforskriften FOR-2011-12-16-1349, i kraft ${gyldigFra}), ordlyden fra Lovdatas åpne data (NLOD 2.0), lovtekst/egenandelsforskriften-historikk.md`,
    url: lovdataUrl(endring),
    hjemmel,
    sitat,
    konfidens: 'A',
  };
  return { gyldigFra, verdi: Beloep.kroner(kroner), kilde, verifisert: VERIFISERT };
}

const fribeloep = (fra: IsoDato, kroner: number, tekst: string) =>
  fraEndringsforskrift(
    fra,
    kroner,
    P3_ANNET,
    `Av inntekter inntil folketrygdens grunnbeløp, fratrukket et fribeløp på kroner ${tekst} pr. år, kan det kreves betalt 75 prosent årlig.`,
  );

/**
 * Fribeløp, § 3 annet ledd første punktum: «Av inntekter inntil folketrygdens grunnbeløp, fratrukket et
 * fribeløp på kroner … pr. år, kan det kreves betalt 75 prosent årlig.»
 */
export const FRIBELOEP = tabell<Beloep>({
  navn: 'langtidsopphold.fribeloep',
  beskrivelse: 'Fribeløp ved langtidsopphold i institusjon (per år)',
  verdier: [
    fribeloep('2013-01-01', 7_000, '7 000'),
    fribeloep('2014-01-01', 7_250, '7 250'),
    fribeloep('2015-01-01', 7_500, '7 500'),
    fribeloep('2016-01-01', 7_800, '7 800'),
    fribeloep('2017-01-01', 8_000, '8 000'),
    fribeloep('2018-01-01', 8_200, '8 200'),
    fribeloep('2019-01-01', 8_400, '8 400'),
    fribeloep('2020-01-01', 8_700, '8 700'),
    fribeloep('2021-01-01', 9_000, '9 000'),
    fribeloep('2022-01-01', 9_100, '9 100'),
    fribeloep('2023-01-01', 9_400, '9 400'),
    fribeloep('2024-01-01', 10_000, '10 000'),
    fribeloep('2025-01-01', 10_450, '10 450'),
    fribeloep('2026-01-01', 10_950, '10 950'),
  ],
  dekketTil: DEKKET_TIL,
  verdiSkjema: kronebeloepSkjema,
  visVerdi: (b) => b.toJsonNumber(),
});

const dobbeltrom = (fra: IsoDato, kroner: number, tekst: string) =>
  fraEndringsforskrift(
    fra,
    kroner,
    P3_ANNET,
    `Beboer som, uten selv å ønske det, legges på dobbeltrom skal ved beregningen tilstås et fribeløp på kroner ${tekst} pr. år.`,
  );

/**
 * The higher fribeløp for a resident placed in a double room against their own wish, § 3 annet ledd
 * siste punktum, added from 1 July 2014 by FOR-2014-06-11-846. Before that day the sentence did not
 * exist: a date before it is outside the table, and the ordinary fribeløp is the law's.
 */
export const FRIBELOEP_DOBBELTROM = tabell<Beloep>({
  navn: 'langtidsopphold.fribeloepDobbeltrom',
  beskrivelse: 'Fribeløp ved langtidsopphold på dobbeltrom mot eget ønske (per år)',
  verdier: [
    dobbeltrom('2014-07-01', 35_000, '35 000'),
    dobbeltrom('2015-01-01', 36_200, '36 200'),
    dobbeltrom('2016-01-01', 37_250, '37 250'),
    dobbeltrom('2017-01-01', 38_300, '38 300'),
    dobbeltrom('2018-01-01', 39_300, '39 300'),
    dobbeltrom('2019-01-01', 40_400, '40 400'),
    dobbeltrom('2020-01-01', 41_600, '41 600'),
    dobbeltrom('2021-01-01', 42_900, '42 900'),
    dobbeltrom('2022-01-01', 44_100, '44 100'),
    dobbeltrom('2023-01-01', 45_400, '45 400'),
    dobbeltrom('2024-01-01', 48_300, '48 300'),
    dobbeltrom('2025-01-01', 50_500, '50 500'),
    dobbeltrom('2026-01-01', 52_950, '52 950'),
  ],
  dekketTil: DEKKET_TIL,
  verdiSkjema: kronebeloepSkjema,
  visVerdi: (b) => b.toJsonNumber(),
});

/** § 4 as each amending regulation words it: both amounts are in the one sentence. */
const paragraf4 = (doegn: number, dagEllerNatt: number) =>
  `Kommunen kan ta betaling med inntil kroner ${doegn} pr. døgn for korttidsopphold og med inntil kroner ${dagEllerNatt} for det enkelte dag- eller nattopphold.`;

/** The § 4 amounts by day in force: [per døgn, per dag- eller nattopphold]. */
const PARAGRAF4: ReadonlyArray<readonly [IsoDato, number, number]> = [
  ['2013-01-01', 137, 72],
  ['2014-01-01', 142, 74],
  ['2015-01-01', 147, 77],
  ['2016-01-01', 150, 80],
  ['2017-01-01', 155, 80],
  ['2018-01-01', 160, 80],
  ['2019-01-01', 165, 85],
  ['2020-01-01', 170, 90],
  ['2021-01-01', 175, 95],
  ['2022-01-01', 180, 100],
  ['2023-01-01', 185, 105],
  ['2024-01-01', 193, 110],
  ['2025-01-01', 200, 115],
  ['2026-01-01', 205, 115],
];

/**
 * The most a municipality may charge per døgn of korttidsopphold, § 4: «Kommunen kan ta betaling med
 * inntil kroner … pr. døgn for korttidsopphold …».
 */
export const KORTTIDSOPPHOLD_PER_DOEGN = tabell<Beloep>({
  navn: 'langtidsopphold.korttidsoppholdPerDoegn',
  beskrivelse: 'Høyeste egenandel for korttidsopphold i institusjon per døgn',
  verdier: PARAGRAF4.map(([fra, doegn, dag]) => fraEndringsforskrift(fra, doegn, P4, paragraf4(doegn, dag))),
  dekketTil: DEKKET_TIL,
  verdiSkjema: kronebeloepSkjema,
  visVerdi: (b) => b.toJsonNumber(),
});

/**
 * The most a municipality may charge for each dag- or nattopphold, § 4: «… og med inntil kroner … for
 * det enkelte dag- eller nattopphold.»
 */
export const DAG_ELLER_NATTOPPHOLD = tabell<Beloep>({
  navn: 'langtidsopphold.dagEllerNattopphold',
  beskrivelse: 'Høyeste egenandel for det enkelte dag- eller nattopphold i institusjon',
  verdier: PARAGRAF4.map(([fra, doegn, dag]) => fraEndringsforskrift(fra, dag, P4, paragraf4(doegn, dag))),
  dekketTil: DEKKET_TIL,
  verdiSkjema: kronebeloepSkjema,
  visVerdi: (b) => b.toJsonNumber(),
});

/** Every table this area uses besides G (for the coverage test and operator files). */
export const TABELLER = [FRIBELOEP, FRIBELOEP_DOBBELTROM, KORTTIDSOPPHOLD_PER_DOEGN, DAG_ELLER_NATTOPPHOLD];
