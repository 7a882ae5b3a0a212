import { Beloep } from '@inntektsgrunnlag/money';
import { type Kilde, kronebeloepSkjema, type Tabellverdi, tabell } from '@inntektsgrunnlag/regelverk';

/** Every value below was checked against its cited source on this date (research note of the day). */
const VERIFISERT = '2026-11-27';

/** The utgiftstak is set in § 10 andre ledd (verified against Lovdata's text, lovtekst/egenandelsforskriften.md). */
const HJEMMEL = 'egenandelsforskriften § 10 andre ledd';

function sats(aar: number, kroner: number, kilde: Omit<Kilde, 'hjemmel'>): Tabellverdi<Beloep> {
  return {
    gyldigFra: `${aar}-01-01`,
    verdi: Beloep.kroner(kroner),
    kilde: { hjemmel: HJEMMEL, ...kilde },
    verifisert: VERIFISERT,
  };
}

/**
 * The most a municipality may charge per month for praktisk bistand og opplæring when the household's
 * income is below 2 G. HOD sets the amount in its yearly circular (I-1/yyyy), from 1 January.
 *
 * The circulars after I-1/2013 could not be read; every value is taken from municipal price lists that
 * cite the state's rate (confidence B: two or more consistent sources; C: one). The table ends with
 * 2024: no source for 2025 was found, and the 2026 sources disagree (245 kr from Flå kommune, 241 kr
 * from Karasjok kommune). Nothing is carried forward or guessed; an operator adds 2025 and later from
 * the circular with a data file (`--satser`).
 */
export const MAKS_EGENANDEL_UNDER_2G = tabell<Beloep>({
  navn: 'praktiskBistand.maksEgenandelUnder2G',
  beskrivelse:
    'Høyeste egenandel per måned for praktisk bistand og opplæring når husstandens inntekt er under 2 G',
  verdier: [
    sats(2016, 190, {
      tittel: 'Stange kommune, betalingssatser 2016 og 2017 («Statlig justert maksimal egenandel»)',
      url: 'https://www.stange.kommune.no/article7967-916.html',
      sitat: 'Inntil 2 G* Månedsavgift 190 | 200 … * Statlig justert maksimal egenandel.',
      konfidens: 'C',
    }),
    sats(2017, 200, {
      tittel: 'Rennebu kommune, praktisk bistand i hjemmet; samme sats hos Stange og Sandnes',
      url: 'http://rennebu.kommune.no/Selvbetjening/Lokale-tema/Skatt-og-betalingssatser/Priser-og-gebyrer/Praktisk-bistand-i-hjemmet-hjemmehjelp',
      sitat:
        'Fra 01.01.2017 er maksimalsatsen for husholdninger med alminnelig inntekt under 2 G økt til kr 200,- pr måned.',
      konfidens: 'B',
    }),
    sats(2018, 205, {
      tittel: 'Sandnes kommune, økonomiplan 2018–2021; samme sats hos Hareid kommune («Sentral forskrift»)',
      sitat: 'Inntil 2G 200 205 5 2,5 % Sats fastsettes i statsbudsjettet',
      konfidens: 'B',
    }),
    sats(2019, 210, {
      tittel: 'Høyanger kommune, heimehjelp/praktisk bistand; samme sats hos Hareid, Leikanger og Norddal',
      url: 'https://www.hoyanger.kommune.no/om-oss/prisar-og-gebyr/heimehjelp-praktisk-bistand-prisar.2015.aspx',
      sitat:
        'Maksimalt vederlag pr månad (utgiftstak) fastsett i forskrift om egenandel … Pr 1. januar 2019 er denne satsen kr. 210,-.',
      konfidens: 'B',
    }),
    sats(2020, 210, {
      tittel:
        'Kåfjord kommune, satsene for egenbetaling 2020; samme sats i Sandnes kommunes økonomiplan 2021–2024',
      url: 'https://www.kafjord.kommune.no/satsene-for-egenbetaling-2020.433530.no.html',
      sitat: 'Gebyrsatser … 2020 … 1-2 G kr 0 kr 199 716 kr 210',
      konfidens: 'B',
    }),
    sats(2021, 210, {
      tittel:
        'Gloppen kommune, gebyr for praktisk hjelp 2021; samme sats i Sandnes kommunes økonomiplan 2021–2024 («0,0 % endring») og hos Stor-Elvdal',
      url: 'https://gloppen.kommune.no/snarvegar/om-kommunen/avgifter-og-prisar/gebyr-for-praktisk-hjelp-heimehjelp-dagtilbod-tryggleiksalarm-mat-frisklivsentral.39398.aspx',
      sitat:
        'Gjeld for 2021. Betalingssatsen for brukarar med inntekt under 2 x grunnbeløpet i Folketrygda (G-en) blir fastsett av staten. … Under 2G 210,-',
      konfidens: 'B',
    }),
    sats(2022, 215, {
      tittel:
        'Stange kommune, priser praktisk bistand i hjemmet 2022; samme sats i Sandnes kommunes økonomiplan 2023–2026',
      url: 'https://www.stange.kommune.no/helse-og-mestring/institusjoner-og-omsorgsboliger/omsorgsboliger/vallset-bo-og-servicesenter/priser-praktisk-bistand-i-hjemmet',
      sitat: 'Pris 2022 … Inntil 2G* pr. mnd 215 … * Statlig justert maksimal egenandel.',
      konfidens: 'B',
    }),
    sats(2023, 220, {
      tittel:
        'Målselv kommune, kommunale gebyr for 2023; samme sats i Sandnes kommunes økonomiplan 2023–2026 (Sunndal oppgir 215, trolig ikke oppdatert)',
      sitat:
        'Staten har ved «Forskrift om egenandel …» fastsatt at egenbetaling ikke skal være høyere enn kr 220 pr måned for de med netto inntekt inntil 2 G',
      konfidens: 'B',
    }),
    sats(2024, 230, {
      tittel:
        'Gloppen kommune, gebyr for praktisk hjelp i heimen fra 1. januar 2024; samme sats hos Frosta og Hjelmeland',
      url: 'https://gloppen.kommune.no/om-gloppen-kommune/avgift-og-prisar/gebyr-for-praktisk-hjelp-i-heimen-heimehjelp.194979.aspx',
      sitat:
        'Brukar under 2 G 230 *) … Minstesatsen for brukarar under 2G er statleg regulert, og vart vedteke av Helse og omsorgsdepartementet 21.12.2023',
      konfidens: 'B',
    }),
  ],
  dekketTil: '2024-12-31',
  verdiSkjema: kronebeloepSkjema,
  visVerdi: (b) => b.toJsonNumber(),
});
