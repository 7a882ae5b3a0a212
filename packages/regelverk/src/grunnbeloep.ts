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

// Read from NAV's own G table as published in its code (navikt/g, mirrored in navikt/familie-tilbake
// and others), not from the nav.no page itself: hence B. Each yearly average also checks against NAV's
// formula in the tests.
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

function g(gyldigFra: IsoDato, kroner: number, kilde: Kilde = NAV_G) {
  return { gyldigFra, verdi: Beloep.kroner(kroner), kilde, verifisert: VERIFISERT };
}

/**
 * Folketrygdens grunnbeløp (G), from 1 May each year. The 2020 regulation was decided late
 * (virkningstidspunkt 21.9.2020) but applies from 1 May 2020, as NAV's table gives it.
 * Covered until 30 April 2027: the next G is set with effect from 1 May 2027.
 */
export const GRUNNBELOEP = tabell<Beloep>({
  navn: 'folketrygden.grunnbeloep',
  beskrivelse: 'Folketrygdens grunnbeløp (G)',
  verdier: [
    g('2015-05-01', 90_068),
    g('2016-05-01', 92_576),
    g('2017-05-01', 93_634),
    g('2018-05-01', 96_883),
    g('2019-05-01', 99_858),
    g('2020-05-01', 101_351),
    g('2021-05-01', 106_399),
    g('2022-05-01', 111_477),
    g('2023-05-01', 118_620),
    g('2024-05-01', 124_028),
    g('2025-05-01', 130_160),
    g('2026-05-01', 136_549, NAV_G_2026),
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
