import { Beloep } from '@inntektsgrunnlag/money';
import { type IsoDato, type Kilde, kronebeloepSkjema, tabell } from '@inntektsgrunnlag/regelverk';

/**
 * The yearly amounts of egenandelsforskriften (FOR-2011-12-16-1349) kap. 1, each set from 1 January by
 * the ministry's circular (Rundskriv I-1/ÅÅÅÅ) or, lately, an amending regulation.
 *
 * None of the circulars after I-1/2013 could be read (see docs/research/helse-og-omsorg-satser.md):
 * every value here rests on municipal price lists and other secondary sources that quote it, and says
 * so in its `kilde` (konfidens B: two or more sources agree; C: one source). Where sources conflict the
 * value chosen and the reason are in the kilde. Nothing is extrapolated:
 * - every table starts in 2018, because the fribeløp for 2016 and 2017 was not found (and a table
 *   cannot have a hole); the dobbeltrom table starts in 2019, because the 2018 value was not found;
 * - every table ends on 31 December 2025, because no 2026 value was found. A 2026 vedtak needs an
 *   operator file with the circular's figures (docs/drift.md, «Nye satser»).
 */

/** The day these values were last checked against the sources cited (the research note of that day). */
const VERIFISERT: IsoDato = '2026-11-27';
/** Where the research lists the sources, for a reader who wants the full quotes. */
const RESEARCH = 'docs/research/helse-og-omsorg-satser.md';

const DEKKET_TIL: IsoDato = '2025-12-31';

function verdi(gyldigFra: IsoDato, kroner: number, kilde: Kilde) {
  return { gyldigFra, verdi: Beloep.kroner(kroner), kilde, verifisert: VERIFISERT };
}

const P3_ANNET = 'egenandelsforskriften § 3 annet ledd';
const P4 = 'egenandelsforskriften § 4';

/**
 * Fribeløp: "Av inntekter inntil folketrygdens grunnbeløp, fratrukket et fribeløp på kroner … pr. år,
 * kan det kreves betalt 75 prosent årlig" (§ 3 annet ledd, ordlyd fra 1.7.2014, gjengitt av Herøy og
 * Trondheim kommune).
 */
export const FRIBELOEP = tabell<Beloep>({
  navn: 'langtidsopphold.fribeloep',
  beskrivelse: 'Fribeløp ved langtidsopphold i institusjon (per år)',
  verdier: [
    verdi('2018-01-01', 8_200, {
      tittel: `Høyanger kommune, «Institusjon – vederlag for opphald» (2018); Årdal (se ${RESEARCH}, A1)`,
      url: 'https://www.hoyanger.kommune.no/om-oss/prisar-og-gebyr/institusjon-vederlag-for-opphald.3898.aspx',
      hjemmel: P3_ANNET,
      sitat: 'Fribeløpet vert fastsett av departementet og utgjør frå 1. januar 2018 kr 8.200,- per år',
      konfidens: 'B',
    }),
    verdi('2019-01-01', 8_400, {
      tittel: 'Leikanger, Sogndal og Stavanger kommune, prisar 2019',
      url: 'http://www.leikanger.kommune.no/sjukeheim-betaling-for-opphald.5906960-391456.html',
      hjemmel: P3_ANNET,
      sitat: 'Fribeløpet for berekning av vederlag er sett til kroner 8.400,- pr 01.01.2019.',
      konfidens: 'B',
    }),
    verdi('2020-01-01', 8_700, {
      tittel: 'Hasvik kommune (fra 01.02.20) og Stavanger kommune («Satsene gjelder for 2020»)',
      url: 'https://www.hasvik.kommune.no/opphold-i-institusjonsykehjem.4753745-37202.html',
      hjemmel: P3_ANNET,
      sitat: 'Fribeløp før beregning av vederlag for langtidsopphold i institusjonen settes til kr 8700.',
      konfidens: 'B',
    }),
    verdi('2021-01-01', 9_000, {
      tittel:
        'Hjelmeland kommune og Vestre Toten kommune (udaterte sider; året er satt fordi 9 000 ligger mellom 2020 og 2022)',
      url: 'https://www.hjelmeland.kommune.no/betalingssatsar/betalingssatsar-helse-og-omsorg/betaling-for-opphald-ved-omsorgssenter/',
      hjemmel: P3_ANNET,
      sitat: 'Fribeløp for beregning av vederlag for langtidsopphold i institusjon kr. 9 000,-.',
      konfidens: 'C',
    }),
    verdi('2022-01-01', 9_100, {
      tittel: 'Tønsberg kommune, «Priser for sykehjemsplass 2022»; aldringoghelse.no',
      url: 'https://www.tonsberg.kommune.no/tjenester/helse-og-omsorg/eldreomsorg/sykehjem/priser-for-sykehjemsplass/',
      hjemmel: P3_ANNET,
      sitat: 'kr 9 100,- fribeløp per år Langtidsopphold',
      konfidens: 'B',
    }),
    verdi('2023-01-01', 9_400, {
      tittel: 'Stryn kommune, «Opphald i institusjon» (satsar fastsett i Rundskriv I-1/2023)',
      url: 'https://stryn.kommune.no/prisar-1/opphald-i-institusjon.8751.aspx',
      hjemmel: P3_ANNET,
      sitat: 'fribeløp kr. 9 400,-* … * er satsar fastsett i Rundskriv I-1/2023',
      konfidens: 'B',
    }),
    verdi('2024-01-01', 10_000, {
      tittel:
        'Bergen kommune, «Egenandel for opphold på institusjon» (2024); Pensjonistforbundet; Handelsbanken-eksemplet (testdata/golden/langtidsopphold-handelsbanken-2024.json)',
      url: 'https://www.bergen.kommune.no/innbyggerhjelpen/helse-og-omsorg/helsetjenester/sykehjem/egenandel-for-opphold-pa-institusjon',
      hjemmel: P3_ANNET,
      sitat: 'Fra grunnbeløpet trekker vi fra et fribeløp på 10 000 kroner.',
      konfidens: 'B',
    }),
    verdi('2025-01-01', 10_450, {
      tittel:
        'Halden DemensForening, «Sykehjemskalkulator 2025»; LHL pasientombud (regneeksemplene). Kildene spriker: LHL skriver «9 450» i teksten, men LHLs egne regneeksempler (200 146 og 272 396 kr) går bare opp med 10 450, og Halden og en kalkulator som viser til endringsforskrift FOR-2024-12-16-3180 har 10 450. Vi bruker 10 450 og regner «9 450» som en skrivefeil.',
      url: 'https://haldendemensforening.no/sykehjem-halden/egenandel-og-fradragsregler-for-sykehjemsopphold-i-halden-kommune',
      hjemmel: P3_ANNET,
      sitat: 'Fribeløp ved beregning av egenandel er 10 450 kr.',
      konfidens: 'B',
    }),
  ],
  dekketTil: DEKKET_TIL,
  verdiSkjema: kronebeloepSkjema,
  visVerdi: (b) => b.toJsonNumber(),
});

/**
 * The higher fribeløp for a resident placed in a double room against their own wish: "Beboer som, uten
 * selv å ønske det, legges på dobbeltrom skal ved beregningen tilstås et fribeløp på … kroner" (§ 3
 * annet ledd siste punktum, fra 1.7.2014). Starts in 2019: the 2016–2018 values were not found.
 */
export const FRIBELOEP_DOBBELTROM = tabell<Beloep>({
  navn: 'langtidsopphold.fribeloepDobbeltrom',
  beskrivelse: 'Fribeløp ved langtidsopphold på dobbeltrom mot eget ønske (per år)',
  verdier: [
    verdi('2019-01-01', 40_400, {
      tittel: 'Stavanger kommune («Satsene gjelder for 2019») og Hjelmeland kommune',
      url: 'https://www.stavanger.kommune.no/helse-og-omsorg/alders--og-sykehjem/Egenbetalingforhelseogomsorgstjenester/',
      hjemmel: P3_ANNET,
      sitat:
        'Ved langtidsopphold ufrivillig på dobbeltrom tilstås fribeløp på 40 400 per år i stedet for 8 400.',
      konfidens: 'B',
    }),
    verdi('2020-01-01', 41_600, {
      tittel:
        'Hasvik kommune (fra 01.02.20). Kildene spriker: Stavangers side for 2020 har fortsatt 40 400. Vi bruker 41 600 fordi Stavangers tall er det samme som for 2019 (ikke oppdatert), mens alle de andre satsene på Hasviks side er 2020-satsene, og fribeløpet steg samme år fra 8 400 til 8 700.',
      url: 'https://www.hasvik.kommune.no/opphold-i-institusjonsykehjem.4753745-37202.html',
      hjemmel: P3_ANNET,
      sitat: 'legges på dobbeltrom settes til kr 41 600,-',
      konfidens: 'C',
    }),
    verdi('2021-01-01', 42_900, {
      tittel: 'Hjelmeland kommune (udatert side, samme som for fribeløpet 9 000)',
      url: 'https://www.hjelmeland.kommune.no/betalingssatsar/betalingssatsar-helse-og-omsorg/betaling-for-opphald-ved-omsorgssenter/',
      hjemmel: P3_ANNET,
      sitat: 'Fribeløp for beregning av vederlag for langtidsopphold i institusjon i dobbeltrom kr. 42 900,-',
      konfidens: 'C',
    }),
    verdi('2022-01-01', 44_100, {
      tittel: 'Tønsberg kommune, «Priser for sykehjemsplass 2022»',
      url: 'https://www.tonsberg.kommune.no/tjenester/helse-og-omsorg/eldreomsorg/sykehjem/priser-for-sykehjemsplass/',
      hjemmel: P3_ANNET,
      sitat:
        'kr 44 100,- fribeløp per år Langtidsopphold der beboer uten selv å ønske det, legges på dobbeltrom',
      konfidens: 'C',
    }),
    verdi('2023-01-01', 45_400, {
      tittel: 'Stryn kommune, «Opphald i institusjon» (Rundskriv I-1/2023)',
      url: 'https://stryn.kommune.no/prisar-1/opphald-i-institusjon.8751.aspx',
      hjemmel: P3_ANNET,
      sitat: 'Fribeløp ved opphald i dobbeltrom uten sjølv å ønskje det er kr. 45 400,-* pr. år.',
      konfidens: 'C',
    }),
    verdi('2024-01-01', 48_300, {
      tittel: `Pensjonistforbundet, «Betaling på sykehjem» (2024; se ${RESEARCH}, A2)`,
      url: 'https://www.pensjonistforbundet.no/betaling-pa-sykehjem',
      hjemmel: P3_ANNET,
      konfidens: 'C',
    }),
    verdi('2025-01-01', 50_500, {
      tittel: 'LHL pasientombud og Halden DemensForening (2025)',
      url: 'https://www.lhl.no/trenger-du-hjelp/tips-og-rad-fra-pasientombudet/egenandel-pa-sykehjem-eller-bolig--med-heldogns-omsorgstjenester',
      hjemmel: P3_ANNET,
      sitat:
        'Langtidsbeboer som legges på dobbeltrom uten selv å ønske dette, skal ha et fribeløp på 50 500 kroner.',
      konfidens: 'B',
    }),
  ],
  dekketTil: DEKKET_TIL,
  verdiSkjema: kronebeloepSkjema,
  visVerdi: (b) => b.toJsonNumber(),
});

/**
 * The most a municipality may charge per døgn of korttidsopphold (§ 4). Known back to 2015, but the
 * table starts in 2018 like the fribeløp: a korttidsopphold past 60 døgn is charged by the long-term
 * rules, which need the fribeløp.
 */
export const KORTTIDSOPPHOLD_PER_DOEGN = tabell<Beloep>({
  navn: 'langtidsopphold.korttidsoppholdPerDoegn',
  beskrivelse: 'Høyeste egenandel for korttidsopphold i institusjon per døgn',
  verdier: [
    verdi('2018-01-01', 160, {
      tittel: 'Høyanger kommune; Sandnes økonomiplan 2018–2021; Kleiverud (2018)',
      url: 'https://www.hoyanger.kommune.no/om-oss/prisar-og-gebyr/institusjon-vederlag-for-opphald.3898.aspx',
      hjemmel: P4,
      sitat:
        'Satsen er frå 1. januar 2018 kr. 160,- pr døgn for korttidsopphald og kr. 80,- for dag-/nattopphald.',
      konfidens: 'B',
    }),
    verdi('2019-01-01', 165, {
      tittel: 'Stavanger kommune («Satsene gjelder for 2019»); Sogndal; Hareid; Leikanger',
      url: 'https://www.stavanger.kommune.no/helse-og-omsorg/alders--og-sykehjem/Egenbetalingforhelseogomsorgstjenester/',
      hjemmel: P4,
      sitat: 'Korttidsopphold sykehjem inntil 60 døgn per år: 165 kroner per døgn.',
      konfidens: 'B',
    }),
    verdi('2020-01-01', 170, {
      tittel: 'Storfjord kommune, «Betalingssatser pr. 1. januar 2020»; Stavanger; Hasvik',
      url: 'https://www.storfjord.kommune.no/kortidsopphold.5949368-394678.html',
      hjemmel: P4,
      sitat: 'Korttidsopphold: kr. 170,- pr. døgn (inntil 60 døgn) Dag-/nattopphold: kr. 90,- pr. dag/natt',
      konfidens: 'B',
    }),
    verdi('2021-01-01', 175, {
      tittel: 'Sandnes økonomiplan 2021–2024 (vedlegg levekår); Asker',
      url: 'https://www.sandnes.kommune.no/politikk-og-administrasjon/styringsdokumenter-og-planer/overordnede-styringsdokumenter/okonomiplan-2021-2024/vedlegg-til-okonomiplanen/avgifter-gebyrer-og-egenbetalinger/levekar/',
      hjemmel: P4,
      sitat: 'Korttidsopphold i sykehjem per døgn 170 175',
      konfidens: 'B',
    }),
    verdi('2022-01-01', 180, {
      tittel: 'aldringoghelse.no; Tønsberg kommune, «Priser 2022»',
      url: 'https://www.aldringoghelse.no/okonomi/okonomi-ordninger-for-pasienter/betaling-for-sykehjemsplass/',
      hjemmel: P4,
      sitat:
        'kan kommunen ta inntil 180 kroner per døgn og inntil 100 kroner for det enkelte dag- eller nattopphold (2022)',
      konfidens: 'B',
    }),
    verdi('2023-01-01', 185, {
      tittel: 'Sandnes økonomiplan 2023–2026 (vedlegg levekår); Stryn; Evenes',
      url: 'https://www.sandnes.kommune.no/sti/planer-strategier-og-analyser/handlings--og-okonomiplan/okonomiplan-2023-2026/vedlegg-til-okonomiplanen/avgifter-gebyrer-og-egenbetalinger/levekar/',
      hjemmel: P4,
      sitat: 'Korttidsopphold på sykehjem, per døgn 180 185 … Sats vedtas i statsbudsjettet',
      konfidens: 'B',
    }),
    verdi('2024-01-01', 193, {
      tittel:
        'Sykkylven kommune (2024/2025); Stavanger; Frosta («sentral forskrift §4»). Nesseby har 194, regnet som avvik.',
      url: 'https://www.sykkylven.kommune.no/tenester/helse-og-omsorg/prisar-for-helse-og-omsorgsstenester/institusjonsopphald',
      hjemmel: P4,
      sitat: 'Korttidsopphald kr. 193 | kr. 200 pr. døgn',
      konfidens: 'B',
    }),
    verdi('2025-01-01', 200, {
      tittel: 'Sykkylven kommune; Alta kommune; LHL (2025)',
      url: 'https://www.alta.kommune.no/egenandeler-for-opphold-i-institusjon.612569.no.html',
      hjemmel: P4,
      sitat: 'I 2025 er satsen 200 kroner per døgn.',
      konfidens: 'B',
    }),
  ],
  dekketTil: DEKKET_TIL,
  verdiSkjema: kronebeloepSkjema,
  visVerdi: (b) => b.toJsonNumber(),
});

/** The most a municipality may charge for each dag- or nattopphold (§ 4). */
export const DAG_ELLER_NATTOPPHOLD = tabell<Beloep>({
  navn: 'langtidsopphold.dagEllerNattopphold',
  beskrivelse: 'Høyeste egenandel for det enkelte dag- eller nattopphold i institusjon',
  verdier: [
    verdi('2018-01-01', 80, {
      tittel: 'Høyanger kommune; Sandnes økonomiplan 2018–2021; Kleiverud (2018)',
      url: 'https://www.hoyanger.kommune.no/om-oss/prisar-og-gebyr/institusjon-vederlag-for-opphald.3898.aspx',
      hjemmel: P4,
      sitat:
        'Satsen er frå 1. januar 2018 kr. 160,- pr døgn for korttidsopphald og kr. 80,- for dag-/nattopphald.',
      konfidens: 'B',
    }),
    verdi('2019-01-01', 85, {
      tittel: 'Leikanger; Sogndal; Hareid; Eide (2019)',
      url: 'http://www.leikanger.kommune.no/sjukeheim-betaling-for-opphald.5906960-391456.html',
      hjemmel: P4,
      sitat: 'kr. 165,- pr. døgn og kr. 85,- per dag / nattopphald',
      konfidens: 'B',
    }),
    verdi('2020-01-01', 90, {
      tittel: 'Storfjord kommune, «Betalingssatser pr. 1. januar 2020»; Hasvik',
      url: 'https://www.storfjord.kommune.no/kortidsopphold.5949368-394678.html',
      hjemmel: P4,
      sitat: 'Dag-/nattopphold: kr. 90,- pr. dag/natt',
      konfidens: 'B',
    }),
    verdi('2021-01-01', 95, {
      tittel: 'Sandnes økonomiplan 2021–2024 (vedlegg levekår); Asker',
      url: 'https://www.sandnes.kommune.no/politikk-og-administrasjon/styringsdokumenter-og-planer/overordnede-styringsdokumenter/okonomiplan-2021-2024/vedlegg-til-okonomiplanen/avgifter-gebyrer-og-egenbetalinger/levekar/',
      hjemmel: P4,
      sitat: 'Dag-/nattopphold i sykehjem per dag/natt 90 95',
      konfidens: 'B',
    }),
    verdi('2022-01-01', 100, {
      tittel: 'Tønsberg kommune, «Priser 2022»; aldringoghelse.no',
      url: 'https://www.tonsberg.kommune.no/tjenester/helse-og-omsorg/eldreomsorg/sykehjem/priser-for-sykehjemsplass/',
      hjemmel: P4,
      sitat: 'kr 100,- per dag/natt Maksimal egenandel dag- eller nattopphold',
      konfidens: 'B',
    }),
    verdi('2023-01-01', 105, {
      tittel: 'Sandnes økonomiplan 2023–2026; Stryn; Evenes; Ulstein',
      url: 'https://www.sandnes.kommune.no/sti/planer-strategier-og-analyser/handlings--og-okonomiplan/okonomiplan-2023-2026/vedlegg-til-okonomiplanen/avgifter-gebyrer-og-egenbetalinger/levekar/',
      hjemmel: P4,
      sitat: 'Dag-/nattopphold på sykehjem, per dag/natt 100 105',
      konfidens: 'B',
    }),
    verdi('2024-01-01', 110, {
      tittel: 'Sykkylven kommune (2024/2025); Frosta. Nesseby har 111, regnet som avvik.',
      url: 'https://www.sykkylven.kommune.no/tenester/helse-og-omsorg/prisar-for-helse-og-omsorgsstenester/institusjonsopphald',
      hjemmel: P4,
      sitat: 'Dag eller nattopphald kr. 110 pr. døgn / kr. 115 pr. døgn',
      konfidens: 'B',
    }),
    verdi('2025-01-01', 115, {
      tittel: 'Sykkylven kommune; LHL pasientombud (2025)',
      url: 'https://www.lhl.no/trenger-du-hjelp/tips-og-rad-fra-pasientombudet/egenandel-pa-sykehjem-eller-bolig--med-heldogns-omsorgstjenester',
      hjemmel: P4,
      sitat: 'inntil 115 kroner for den enkelte dag- eller nattopphold',
      konfidens: 'B',
    }),
  ],
  dekketTil: DEKKET_TIL,
  verdiSkjema: kronebeloepSkjema,
  visVerdi: (b) => b.toJsonNumber(),
});

/** Every table this area uses besides G (for the coverage test and operator files). */
export const TABELLER = [FRIBELOEP, FRIBELOEP_DOBBELTROM, KORTTIDSOPPHOLD_PER_DOEGN, DAG_ELLER_NATTOPPHOLD];
