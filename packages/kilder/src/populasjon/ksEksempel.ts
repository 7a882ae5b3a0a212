import type { SyntetiskPerson } from './typer.js';

/**
 * The two persons of KS Fiks's published example («Skatte- og inntektsopplysninger (Ny)», 2024-08-13,
 * «Eksempel med bruk av API-overbygg»; copied to testdata/ks-fiks/eksempel-langtidsopphold-2023.json),
 * exactly as published: names, posts, Beregnet skatt and Avregning pointers, skatteoppgjoersdato. The
 * example has income year 2023 only, so these persons have no data for other years.
 *
 * Beregnet skatt is published as JSON-pointer posts; here they are the fields of a V2 response those
 * pointers read (`…/trygdeavgiftAvNaeringsinntekt` is a «Skatt» whose `grunnlag` KS shows). The partner
 * has no Beregnet skatt in the example, so none here either (BSA-007). The test
 * `ksEksempel.test.ts` checks every figure against the testdata file.
 */
export const KS_SOEKER = '04817299771';
export const KS_PARTNER = '27847099416';

export function ksEksempelpersoner(): SyntetiskPerson[] {
  const soeker: SyntetiskPerson = {
    identifikator: KS_SOEKER,
    kategori: 'KS_EKSEMPEL',
    beskrivelse:
      'Søker i KS-eksempelet (langtidsopphold 2023): lønn, aksjeutbytte, beregnet skatt 234 591 kr; beregningsgrunnlag 567 127 kr',
    husstand: [KS_PARTNER],
    freg: {
      identifikasjonsnummer: [
        {
          foedselsEllerDNummer: KS_SOEKER,
          identifikatortype: 'foedselsnummer',
          status: 'iBruk',
          erGjeldende: true,
        },
      ],
      navn: [{ fornavn: 'UPERSONLIG', etternavn: 'PÅFUNN', erGjeldende: true }],
      foedsel: [{ foedselsdato: '1972-01-04', foedselsaar: '1972', erGjeldende: true }],
      sivilstand: [{ sivilstand: 'gift', relatertVedSivilstand: KS_PARTNER, erGjeldende: true }],
      familierelasjon: [
        {
          relatertPerson: KS_PARTNER,
          relatertPersonsRolle: 'ektefelleEllerPartner',
          minRolleForPerson: 'ektefelleEllerPartner',
          erGjeldende: true,
        },
      ],
      status: [{ status: 'bosatt', erGjeldende: true }],
    },
    aar: new Map([
      [
        2023,
        {
          oppgjoer: {
            personidentifikator: KS_SOEKER,
            inntektsaar: '2023',
            grunnlag: [
              {
                tekniskNavn: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt',
                beloep: 767670,
                kategori: 'inntekt',
              },
              { tekniskNavn: 'avkortetFordelVedElektroniskKommunikasjon', beloep: 4392, kategori: 'inntekt' },
              { tekniskNavn: 'samledeOpptjenteRenterIInnenlandskeBanker', beloep: 2163, kategori: 'inntekt' },
              { tekniskNavn: 'utbytteFraAksje', beloep: 27493, kategori: 'inntekt' },
              {
                tekniskNavn: 'oppjustertTilleggTilUtbytteFraAksje',
                beloep: 19795,
                kategori: 'oppjusteringAvEierinntekter',
              },
              { tekniskNavn: 'innskudd', beloep: 108147, kategori: 'formue' },
              { tekniskNavn: 'bruttoformue', beloep: 1135929, kategori: '-' },
              { tekniskNavn: 'alminneligInntektFoerSaerfradrag', beloep: 717063, kategori: '-' },
              { tekniskNavn: 'minstefradragIInntekt', beloep: 104450, kategori: 'inntektsfradrag' },
              {
                tekniskNavn: 'sumInntekterIAlminneligInntektFoerFordelingsfradrag',
                beloep: 821513,
                kategori: '-',
              },
              { tekniskNavn: 'verdiFoerVerdsettingsrabattForAksje', beloep: 1284727, kategori: 'formue' },
            ],
            skjermet: false,
            skatteoppgjoersdato: '2024-02-15',
            stadie: 'oppgjoer',
            ajourholdstidspunkt: '2024-02-15T09:47:37.874Z',
          },
          beregnetSkatt: {
            personidentifikator: KS_SOEKER,
            inntektsaar: 2023,
            skjermet: false,
            skatteoppgjoersdato: '2024-02-15',
            ajourholdstidspunkt: '2024-02-15T09:47:37.874Z',
            beregnetSkattFastland: {
              beregnetSkatt: 234591,
              informasjonTilSkattelister: { beregnetSkatt: 234591 },
              skattOgAvgift: {
                formuesskattTilKommune: { beloep: 0 },
                formuesskattTilStat: { beloep: 0 },
                trygdeavgiftAvNaeringsinntekt: { grunnlag: 0 },
              },
              skattefradrag: {
                skattefradragForFormuesskattBetaltIUtlandet: 0,
                skattefradragForInntektsskattBetaltIUtlandet: 0,
              },
            },
          },
          avregning: {
            personidentifikator: KS_SOEKER,
            inntektsaar: '2023',
            skjermet: false,
            skatteoppgjoersdato: '2024-02-15',
            ajourholdstidspunkt: '2024-02-15T09:47:37.874Z',
            fastland: { beloepTilgode: 8211577, restskatt: 0, avregnetForskuddstrekk: 0 },
          },
        },
      ],
    ]),
  };

  const partner: SyntetiskPerson = {
    identifikator: KS_PARTNER,
    kategori: 'KS_EKSEMPEL',
    beskrivelse:
      'Hjemmeboende ektefelle i KS-eksempelet: lav lønn, renter av skadeforsikring, forsinkelsesrenter, restskatt',
    husstand: [KS_SOEKER],
    freg: {
      identifikasjonsnummer: [
        {
          foedselsEllerDNummer: KS_PARTNER,
          identifikatortype: 'foedselsnummer',
          status: 'iBruk',
          erGjeldende: true,
        },
      ],
      navn: [{ fornavn: 'OPPRIKTIG', etternavn: 'DAMESYKKEL', erGjeldende: true }],
      foedsel: [{ foedselsdato: '1970-04-27', foedselsaar: '1970', erGjeldende: true }],
      sivilstand: [{ sivilstand: 'gift', relatertVedSivilstand: KS_SOEKER, erGjeldende: true }],
      familierelasjon: [
        {
          relatertPerson: KS_SOEKER,
          relatertPersonsRolle: 'ektefelleEllerPartner',
          minRolleForPerson: 'ektefelleEllerPartner',
          erGjeldende: true,
        },
      ],
      status: [{ status: 'bosatt', erGjeldende: true }],
    },
    aar: new Map([
      [
        2023,
        {
          oppgjoer: {
            personidentifikator: KS_PARTNER,
            inntektsaar: '2023',
            grunnlag: [
              {
                tekniskNavn: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt',
                beloep: 142622,
                kategori: 'inntekt',
              },
              { tekniskNavn: 'avkortetFordelVedElektroniskKommunikasjon', beloep: 3600, kategori: 'inntekt' },
              { tekniskNavn: 'renteinntektAvSkadeforsikring', beloep: 2234, kategori: 'inntekt' },
              { tekniskNavn: 'betalteForsinkelsesrenter', beloep: 876, kategori: 'inntektsfradrag' },
              { tekniskNavn: 'samletGjeld', beloep: 29188, kategori: '-' },
              { tekniskNavn: 'alminneligInntektFoerSaerfradrag', beloep: 80318, kategori: '-' },
              { tekniskNavn: 'minstefradragIInntekt', beloep: 67262, kategori: 'inntektsfradrag' },
              {
                tekniskNavn: 'sumInntekterIAlminneligInntektFoerFordelingsfradrag',
                beloep: 148456,
                kategori: '-',
              },
            ],
            skjermet: false,
            skatteoppgjoersdato: '2024-02-19',
            stadie: 'oppgjoer',
            ajourholdstidspunkt: '2024-02-19T07:21:24.518Z',
          },
          avregning: {
            personidentifikator: KS_PARTNER,
            inntektsaar: '2023',
            skjermet: false,
            skatteoppgjoersdato: '2024-02-19',
            ajourholdstidspunkt: '2024-02-19T07:21:24.518Z',
            fastland: { beloepTilgode: 0, restskatt: 9290575, avregnetForskuddstrekk: 0 },
          },
        },
      ],
    ]),
  };
  return [soeker, partner];
}
