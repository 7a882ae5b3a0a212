import { Beloep } from '@inntektsgrunnlag/money';
import { type IsoDato, kronebeloepSkjema, type Tabellverdi, tabell } from '@inntektsgrunnlag/regelverk';

/** Every value below was checked against the Lovdata texts on this date (satser-og-lovtekst-2026). */
const VERIFISERT: IsoDato = '2026-12-07';

export const HJEMMEL_UTGIFTSTAK = 'egenandelsforskriften § 10 andre ledd';

/** The amending regulations of FOR-2011-12-16-1349 that set the § 10 amount, by day in force. */
export const ENDRINGSFORSKRIFTER_PARAGRAF10: Readonly<Record<IsoDato, string>> = {
  '2013-01-01': 'FOR-2012-12-17-1281',
  '2014-01-01': 'FOR-2013-12-12-1448',
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

/**
 * One year's cap, from the wording its amending regulation gave § 10 andre ledd (the sentence with the
 * amount, verbatim; 2017's says «under 2G» without the space, and its quote starts after that).
 */
function sats(aar: number, kroner: number): Tabellverdi<Beloep> {
  const gyldigFra = `${aar}-01-01`;
  const endring = ENDRINGSFORSKRIFTER_PARAGRAF10[gyldigFra];
  /* c8 ignore next: the table's own data */
  if (!endring) throw new Error(`ingen endringsforskrift i kraft ${gyldigFra}`);
  return {
    gyldigFra,
    verdi: Beloep.kroner(kroner),
    kilde: {
      tittel: `${endring} (endring av egenandelsforskriften FOR-2011-12-16-1349, i kraft ${gyldigFra}), ordlyden fra Lovdatas åpne data (NLOD 2.0), lovtekst/egenandelsforskriften-historikk.md`,
      url: `https://lovdata.no/dokument/LTI/forskrift/${endring.slice(4)}`,
      hjemmel: HJEMMEL_UTGIFTSTAK,
      sitat: `skal den samlede egenandelen for tjenester som nevnt i § 8 ikke overstige et utgiftstak på kroner ${kroner} pr. måned.`,
      konfidens: 'A',
    },
    verifisert: VERIFISERT,
  };
}

/**
 * The most a municipality may charge per month for praktisk bistand og opplæring when the household's
 * income is below 2 G: egenandelsforskriften (FOR-2011-12-16-1349) § 10 andre ledd, «Dersom husstandens
 * samlede skattbare nettoinntekt før særfradrag er under 2 G, skal den samlede egenandelen for tjenester
 * som nevnt i § 8 ikke overstige et utgiftstak på kroner … pr. måned.» Each year's amount is the one its
 * amending regulation wrote into the paragraph (Lovdata's open data; `lovtekst/`), in force from
 * 1 January. Covered to 31 December 2026: no amending regulation for 2027 had been read on 2026-12-07.
 * (The municipal pages used before gave 215 for 2023 (Sunndal, stale) and 241 for 2026 (Karasjok); the
 * regulation has 220 and 245.)
 */
export const MAKS_EGENANDEL_UNDER_2G = tabell<Beloep>({
  navn: 'praktiskBistand.maksEgenandelUnder2G',
  beskrivelse:
    'Høyeste egenandel per måned for praktisk bistand og opplæring når husstandens inntekt er under 2 G',
  verdier: [
    sats(2013, 175),
    sats(2014, 180),
    sats(2015, 186),
    sats(2016, 190),
    sats(2017, 200),
    sats(2018, 205),
    sats(2019, 210),
    sats(2020, 210),
    sats(2021, 210),
    sats(2022, 215),
    sats(2023, 220),
    sats(2024, 230),
    sats(2025, 240),
    sats(2026, 245),
  ],
  dekketTil: '2026-12-31',
  verdiSkjema: kronebeloepSkjema,
  visVerdi: (b) => b.toJsonNumber(),
});
