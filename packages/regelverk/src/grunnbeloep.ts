import { Beloep } from '@inntektsgrunnlag/money';
import { z } from 'zod';
import type { IsoDato } from './dato.js';
import type { Kilde } from './kilde.js';
import type { Satsoppslag } from './regelverk.js';
import { tabell } from './tabell.js';

/** An amount in whole kroner as an operator writes it in a data file: a string or an integer. */
export const kronebeloepSkjema = z
  .union([
    z.string().regex(/^\d+(\.\d{1,2})?$/, 'må være kroner, som "136549" eller "245.50"'),
    z.number().int(),
  ])
  .transform((v) => Beloep.kroner(typeof v === 'number' ? String(v) : v));

/**
 * G is set by the King under folketrygdloven (LOV-1997-02-28-19) § 1-4 andre ledd, «Grunnbeløpet
 * fastsettes av Kongen og reguleres årlig med virkning fra 1. mai i samsvar med lønnsveksten.», and the
 * law's footnote 1 lists every G from 1 May 1996 («pr 1 mai 2026 kr. 136 549»). Each value below quotes
 * its line of that footnote, verbatim from Lovdata's open data (NLOD 2.0), kept in
 * `lovtekst/folketrygdloven-1-4.md`; `grunnbeloep.test.ts` checks them against it.
 */
const LOV_G = (sitat: string): Kilde => ({
  tittel:
    'Folketrygdloven (LOV-1997-02-28-19) § 1-4, fotnote 1, ordlyden fra Lovdatas åpne data (NLOD 2.0), lovtekst/folketrygdloven-1-4.md',
  url: 'https://lovdata.no/dokument/NL/lov/1997-02-28-19',
  hjemmel: 'folketrygdloven § 1-4',
  sitat,
  konfidens: 'A',
});

// The yearly averages are not in the law: NAV publishes them (navikt/g, mirrored in navikt/familie-tilbake
// and others), hence B. Each also checks against NAV's formula in the tests.
const NAV_G: Kilde = {
  tittel: 'NAV: Grunnbeløpet i folketrygden (G), historiske verdier (navikt/g)',
  url: 'https://www.nav.no/grunnbelopet',
  hjemmel: 'folketrygdloven § 1-4',
  konfidens: 'B',
};

const NAV_G_2026: Kilde = {
  tittel:
    'NAV: G fra 1. mai 2026, gjengitt i navikt/familie-tilbake Grunnbeløp.kt (commit c8aa7e6, «ny G for 2026»), navikt/pensjonsbrev og navikt/dp-grunnbelop',
  url: 'https://github.com/navikt/g',
  hjemmel: 'folketrygdloven § 1-4',
  sitat: 'periode 2026-05..2027-04, grunnbeløp 136_549, perMnd 11_379, gjennomsnittPerÅr 134_419',
  konfidens: 'B',
};

const VERIFISERT = '2026-11-27';
/** The day the G of each 1 May was checked against the law's footnote. */
const VERIFISERT_LOV = '2026-12-07';

function g(gyldigFra: IsoDato, kroner: number, kilde: Kilde = NAV_G) {
  return { gyldigFra, verdi: Beloep.kroner(kroner), kilde, verifisert: VERIFISERT };
}

/** One G from the law's footnote: `pr 1 mai ÅÅÅÅ kr. <as the footnote writes it>`. */
function gFraLoven(aar: number, kroner: number, skrevet: string) {
  return {
    gyldigFra: `${aar}-05-01`,
    verdi: Beloep.kroner(kroner),
    kilde: LOV_G(`pr 1 mai ${aar} kr. ${skrevet}`),
    verifisert: VERIFISERT_LOV,
  };
}

/**
 * Folketrygdens grunnbeløp (G), from 1 May each year (folketrygdloven § 1-4). The 2020 regulation was
 * decided late (virkningstidspunkt 21.9.2020) but applies from 1 May 2020, as the law's footnote gives
 * it. Covered until 30 April 2027: the next G is set with effect from 1 May 2027.
 */
export const GRUNNBELOEP = tabell<Beloep>({
  navn: 'folketrygden.grunnbeloep',
  beskrivelse: 'Folketrygdens grunnbeløp (G)',
  verdier: [
    gFraLoven(2015, 90_068, '90.068'),
    gFraLoven(2016, 92_576, '92.576'),
    gFraLoven(2017, 93_634, '93.634'),
    gFraLoven(2018, 96_883, '96.883'),
    gFraLoven(2019, 99_858, '99.858'),
    gFraLoven(2020, 101_351, '101.351'),
    gFraLoven(2021, 106_399, '106.399'),
    gFraLoven(2022, 111_477, '111.477'),
    gFraLoven(2023, 118_620, '118 620'),
    gFraLoven(2024, 124_028, '124 028'),
    gFraLoven(2025, 130_160, '130 160'),
    gFraLoven(2026, 136_549, '136 549'),
  ],
  dekketTil: '2027-04-30',
  verdiSkjema: kronebeloepSkjema,
  visVerdi: (b) => b.toJsonNumber(),
});

/**
 * NAV's published yearly average of G, (4 × G before 1 May + 8 × G from 1 May) / 12 rounded to whole
 * kroner, per calendar year. Used where a municipality chooses the yearly average instead of the G in
 * force on the decision date.
 */
export const GRUNNBELOEP_GJENNOMSNITT = tabell<Beloep>({
  navn: 'folketrygden.grunnbeloepGjennomsnitt',
  beskrivelse: 'Gjennomsnittlig grunnbeløp for kalenderåret',
  verdier: [
    g('2015-01-01', 89_502),
    g('2016-01-01', 91_740),
    g('2017-01-01', 93_281),
    g('2018-01-01', 95_800),
    g('2019-01-01', 98_866),
    g('2020-01-01', 100_853),
    g('2021-01-01', 104_716),
    g('2022-01-01', 109_784),
    g('2023-01-01', 116_239),
    g('2024-01-01', 122_225),
    g('2025-01-01', 128_116, { ...NAV_G_2026, sitat: 'Grunnbeløp.kt: 2025 gjennomsnittPerÅr 128_116' }),
    g('2026-01-01', 134_419, NAV_G_2026),
  ],
  dekketTil: '2026-12-31',
  verdiSkjema: kronebeloepSkjema,
  visVerdi: (b) => b.toJsonNumber(),
});

/** Which G a rule uses: the G in force on the decision date, or the average for its calendar year. */
export type GrunnbeloepValg = 'PAA_BEREGNINGSDATO' | 'GJENNOMSNITT_FOR_AARET';

/** The G in force on a date. */
export function grunnbeloepPaa(oppslag: Satsoppslag, dato: IsoDato): Beloep {
  return oppslag.verdi(GRUNNBELOEP, dato);
}

/** The average G for the calendar year of `dato`. */
export function gjennomsnittligGrunnbeloep(oppslag: Satsoppslag, dato: IsoDato): Beloep {
  return oppslag.verdi(GRUNNBELOEP_GJENNOMSNITT, `${dato.slice(0, 4)}-01-01`);
}

/** The G a rule uses under the municipality's choice, with a sentence saying which it is. */
export function grunnbeloepFor(
  oppslag: Satsoppslag,
  dato: IsoDato,
  valg: GrunnbeloepValg,
): { g: Beloep; forklaring: string } {
  if (valg === 'GJENNOMSNITT_FOR_AARET') {
    return {
      g: gjennomsnittligGrunnbeloep(oppslag, dato),
      forklaring: `gjennomsnittlig G for ${dato.slice(0, 4)}`,
    };
  }
  const v = oppslag.oppslag(GRUNNBELOEP, dato);
  return { g: v.verdi, forklaring: `G per ${dato} (gjeldende fra ${v.gyldigFra})` };
}
