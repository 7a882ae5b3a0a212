import type { Postinfo } from './katalog.js';
import type { Aarsavgrenset } from './skatteberegningsposter.js';

/**
 * Extra posts the case worker enters: amounts from NAV (`nav.*`) or the municipality (`kommune.*`) that
 * Skatteetaten does not have. Names of the first four as KS Fiks uses them. Which of them an area
 * accepts is the area's post definition.
 *
 * The first two are named after the law that makes them count for praktisk bistand, hjelpestønad added
 * and omsorgslønn subtracted:
 *
 * @lovtekst FOR-2011-12-16-1349 § 10 første ledd
 * «Til inntekten legges også hjelpestønad fra folketrygden til hjelp i huset, mens omsorgslønn etter helse-
 * og omsorgstjenesteloven § 3-6 skal trekkes fra inntektsgrunnlaget.»
 *
 * and hjelpestønad is the benefit of folketrygdloven § 6-4:
 *
 * @lovtekst LOV-1997-02-28-19 § 6-4 første ledd
 * «Hjelpestønad ytes til et medlem som på grunn av varig sykdom, skade eller lyte, har behov for særskilt
 * tilsyn og pleie.»
 *
 * The tenkt etterlattepensjon is langtidsopphold's fradrag for a spouse at home:
 *
 * @lovtekst FOR-2011-12-16-1349 § 5 andre ledd
 * «Fradraget skal minst tilsvare de brutto pensjonsytelser ektefelle/barn ville fått fra folketrygden dersom
 * institusjonsbeboeren var død.»
 */
export const EKSTRAPOSTER: ReadonlyArray<Aarsavgrenset<Postinfo>> = [
  {
    tekniskNavn: 'nav.hjelpestoenadFraFolketrygden',
    visningstekst: 'Hjelpestønad fra folketrygden',
    visningsgruppe: 'INNTEKT',
    kilde: 'NAV',
    art: 'EKSTRAPOST',
    infotekst:
      'Hjelpestønad etter folketrygdloven § 6-4 i inntektsåret, fra NAV. Skattefri, derfor ikke i skatteoppgjøret.',
  },
  {
    tekniskNavn: 'nav.omsorgsloennEtterHelseOgOmsorgstjenesteloven',
    visningstekst: 'Omsorgslønn etter helse- og omsorgstjenesteloven § 3-6',
    visningsgruppe: 'FRADRAG',
    kilde: 'NAV',
    art: 'EKSTRAPOST',
    infotekst: 'Omsorgslønn husstanden har mottatt i inntektsåret. Trekkes fra inntekten.',
  },
  {
    tekniskNavn: 'kommune.skjoennsmessigeFradrag',
    visningstekst: 'Skjønnsmessig fradrag',
    visningsgruppe: 'FRADRAG',
    kilde: 'KOMMUNE',
    art: 'EKSTRAPOST',
    infotekst: 'Fradrag kommunen gir etter skjønn. Gi fradraget en egen tekst som forklarer hva det gjelder.',
    kanEndreVisningstekst: true,
  },
  {
    tekniskNavn: 'kommune.tenktEtterlattePensjon',
    visningstekst: 'Tenkt etterlattepensjon',
    visningsgruppe: 'FRADRAG',
    kilde: 'KOMMUNE',
    art: 'EKSTRAPOST',
    infotekst:
      'Den pensjonen hjemmeboende ektefelle eller partner ville fått fra folketrygden om beboeren var død. Beregnes etter egenandelsforskriften § 5 andre ledd.',
  },
  {
    tekniskNavn: 'kommune.oektNaeringsinntekt',
    visningstekst: 'Økt næringsinntekt',
    visningsgruppe: 'INNTEKT',
    kilde: 'KOMMUNE',
    art: 'EKSTRAPOST',
    infotekst: 'Næringsinntekt som ikke er med i skatteoppgjøret, eller som er vesentlig høyere i år.',
  },
  {
    tekniskNavn: 'kommune.redusertNaeringsinntekt',
    visningstekst: 'Redusert næringsinntekt',
    visningsgruppe: 'FRADRAG',
    kilde: 'KOMMUNE',
    art: 'EKSTRAPOST',
    infotekst: 'Nedgang i næringsinntekt som skatteoppgjøret ikke viser.',
  },
  {
    tekniskNavn: 'kommune.boutgifter',
    visningstekst: 'Boutgifter',
    visningsgruppe: 'FRADRAG',
    kilde: 'KOMMUNE',
    art: 'EKSTRAPOST',
    infotekst: 'Utgifter til egen bolig i en overgangsperiode (antall måneder etter kommunens praksis).',
  },
  {
    tekniskNavn: 'kommune.skattPaaRealisasjonsgevinst',
    visningstekst: 'Skatt på gevinst ved realisasjon',
    visningsgruppe: 'FRADRAG',
    kilde: 'KOMMUNE',
    art: 'EKSTRAPOST',
    infotekst:
      'Den delen av skatten som skyldes gevinst ved salg av formue. Gevinsten regnes ikke som inntekt, så skatten på den skal heller ikke trekkes fra (Sivilombudet 17.11.2025).',
  },
  {
    tekniskNavn: 'kommune.skattefordelAvRealisasjonstap',
    visningstekst: 'Skattefordel av tap ved realisasjon',
    visningsgruppe: 'FRADRAG',
    kilde: 'KOMMUNE',
    art: 'EKSTRAPOST',
    infotekst:
      'Skatten som ble redusert fordi et tap ved realisasjon ble trukket fra. Tapet holdes utenfor, så skatten skal regnes som om tapet ikke var fradragsført (Sivilombudet 17.11.2025).',
  },
  {
    tekniskNavn: 'kommune.annenDokumentertInntekt',
    visningstekst: 'Annen dokumentert inntekt',
    visningsgruppe: 'INNTEKT',
    kilde: 'KOMMUNE',
    art: 'EKSTRAPOST',
    infotekst:
      'Inntekt dokumentert på annen måte (lønnsslipper, NAV-utbetalinger) når skatteopplysninger mangler eller ikke gir riktig bilde.',
  },
];
