import type { Beregningsresultat } from '@inntektsgrunnlag/beregning';

/**
 * A hand-made Beregningsresultat for the KS Fiks example (testdata/ks-fiks/eksempel-langtidsopphold-2023.json):
 * the two synthetic persons, their posts as KS publishes them, the basis KS returns
 * (inntekt 801 718 − skatt 234 591 = 567 127), and a vederlag computed by hand for beregningsdato
 * 1 June 2024 (G 124 028 from 1 May 2024, fribeløp 2024 10 000):
 *   0.75 × (124 028 − 10 000) + 0.85 × (567 127 − 124 028) = 85 521 + 376 634.15 = 462 155.15
 *   → 462 155 per year (rounded down), 462 155 / 12 = 38 512.92 → 38 512 per month.
 * The fee's shape is this fixture's own (the area package defines the real one); the document renders
 * any shape. Replaced by the real area's output in the tests once it computes the KS example.
 */
const SOEKER = '04817299771';
const PARTNER = '27847099416';
const HJEMMEL_INNTEKT = 'egenandelsforskriften § 3 fjerde ledd';
const HJEMMEL_VEDERLAG = 'egenandelsforskriften § 3 annet ledd';

export const ksLangtidsopphold2023: Beregningsresultat = {
  beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
  inntektsaar: 2023,
  beregningsdato: '2024-06-01',
  beregningsdatoKilde: 'FORESPOERSEL',
  personer: [
    {
      identifikator: SOEKER,
      type: 'SOEKER',
      navn: { fornavn: 'UPERSONLIG', mellomnavn: null, etternavn: 'PÅFUNN' },
      stadie: 'OPPGJOER',
      skatteoppgjoersdato: '2024-02-15',
      skjermet: false,
      postkilde: 'SKATTEETATEN',
    },
    {
      identifikator: PARTNER,
      type: 'PARTNER',
      navn: { fornavn: 'OPPRIKTIG', mellomnavn: null, etternavn: 'DAMESYKKEL' },
      stadie: 'OPPGJOER',
      skatteoppgjoersdato: '2024-02-19',
      skjermet: false,
      postkilde: 'SKATTEETATEN',
    },
  ],
  beregningsbeloep: 567127,
  inntekt: {
    beloep: 801718,
    grupper: [
      {
        tekniskNavn: 'arbeidsinntekt',
        visningstekst: 'Arbeidsinntekt',
        operasjon: 'ADDERE',
        hjemmel: HJEMMEL_INNTEKT,
        beloep: 772062,
        poster: [
          {
            tekniskNavn: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt',
            visningstekst: 'Lønn og naturalytelser med mer',
            identifikator: SOEKER,
            persontype: 'SOEKER',
            kilde: 'SKATTEETATEN',
            operasjon: 'ADDERE',
            beloep: 767670,
          },
          {
            tekniskNavn: 'avkortetFordelVedElektroniskKommunikasjon',
            visningstekst: 'Fordel elektronisk kommunikasjon',
            identifikator: SOEKER,
            persontype: 'SOEKER',
            kilde: 'SKATTEETATEN',
            operasjon: 'ADDERE',
            beloep: 4392,
          },
        ],
      },
      {
        tekniskNavn: 'renteinntekt',
        visningstekst: 'Renteinntekt',
        operasjon: 'ADDERE',
        hjemmel: HJEMMEL_INNTEKT,
        beloep: 2163,
        poster: [
          {
            tekniskNavn: 'samledeOpptjenteRenterIInnenlandskeBanker',
            visningstekst: 'Renter av bankinnskudd',
            identifikator: SOEKER,
            persontype: 'SOEKER',
            kilde: 'SKATTEETATEN',
            operasjon: 'ADDERE',
            beloep: 2163,
          },
        ],
      },
      {
        tekniskNavn: 'avkastningFormue',
        visningstekst: 'Avkastning av formue',
        operasjon: 'ADDERE',
        hjemmel: HJEMMEL_INNTEKT,
        beloep: 27493,
        poster: [
          {
            tekniskNavn: 'utbytteFraAksje',
            visningstekst: 'Aksjeutbytte',
            identifikator: SOEKER,
            persontype: 'SOEKER',
            kilde: 'SKATTEETATEN',
            operasjon: 'ADDERE',
            beloep: 27493,
          },
        ],
      },
    ],
    perPerson: [{ identifikator: SOEKER, beloep: 801718 }],
  },
  fradrag: {
    beloep: 234591,
    grupper: [
      {
        tekniskNavn: 'skatt',
        visningstekst: 'Skatt',
        operasjon: 'ADDERE',
        hjemmel: HJEMMEL_INNTEKT,
        beloep: 234591,
        poster: [
          {
            tekniskNavn: '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt',
            visningstekst: 'Beregnet skatt',
            identifikator: SOEKER,
            persontype: 'SOEKER',
            kilde: 'SKATTEETATEN',
            operasjon: 'ADDERE',
            beloep: 234591,
          },
        ],
      },
      {
        tekniskNavn: 'forsorgerfradrag',
        visningstekst: 'Forsørgerfradrag',
        operasjon: 'ADDERE',
        hjemmel: 'egenandelsforskriften § 5 andre ledd',
        beloep: 0,
        poster: [
          {
            tekniskNavn: 'kommune.tenktEtterlattePensjon',
            visningstekst: 'Tenkt etterlattepensjon',
            identifikator: PARTNER,
            persontype: 'PARTNER',
            kilde: 'KOMMUNE',
            operasjon: 'ADDERE',
            beloep: 0,
          },
        ],
      },
    ],
    perPerson: [
      { identifikator: SOEKER, beloep: 234591 },
      { identifikator: PARTNER, beloep: 0 },
    ],
  },
  mellomregninger: [
    {
      tekniskNavn: 'mellomregningPaarorende',
      visningstekst: 'Partnerens egen inntekt (til forsørgerfradraget)',
      operasjon: 'ADDERE',
      beloep: 146222,
      poster: [
        {
          tekniskNavn: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt',
          visningstekst: 'Lønn og naturalytelser med mer',
          identifikator: PARTNER,
          persontype: 'PARTNER',
          kilde: 'SKATTEETATEN',
          operasjon: 'ADDERE',
          beloep: 142622,
        },
        {
          tekniskNavn: 'avkortetFordelVedElektroniskKommunikasjon',
          visningstekst: 'Fordel elektronisk kommunikasjon',
          identifikator: PARTNER,
          persontype: 'PARTNER',
          kilde: 'SKATTEETATEN',
          operasjon: 'ADDERE',
          beloep: 3600,
        },
      ],
    },
  ],
  avgiftsnoekkel: 'vederlag',
  vederlag: {
    perAar: 462155,
    perMaaned: 38512,
    grunnbeloep: 124028,
    fribeloep: 10000,
    dobbeltrom: false,
    andelInntilG: 85521,
    andelOverG: 376634.15,
    minsteBehold: 38507,
    begrensetAvOppholdskostnad: false,
  },
  hovedtall: [
    { tekst: 'Vederlag per måned', beloep: 38512, hjemmel: HJEMMEL_VEDERLAG },
    { tekst: 'Vederlag per år', beloep: 462155, hjemmel: HJEMMEL_VEDERLAG },
  ],
  tabell: {
    tittel: 'Vederlag for langtidsopphold i institusjon, inntektsår 2023',
    linjer: [
      {
        tekst: 'Arbeidsinntekt',
        operasjon: 'ADDERE',
        kilde: 'SKATTEETATEN',
        beloep: 772062,
        hjemmel: HJEMMEL_INNTEKT,
        linjer: [
          {
            tekst: 'Lønn og naturalytelser med mer (søker)',
            operasjon: 'ADDERE',
            kilde: 'SKATTEETATEN',
            beloep: 767670,
          },
          {
            tekst: 'Fordel elektronisk kommunikasjon (søker)',
            operasjon: 'ADDERE',
            kilde: 'SKATTEETATEN',
            beloep: 4392,
          },
        ],
      },
      {
        tekst: 'Renteinntekt',
        operasjon: 'ADDERE',
        kilde: 'SKATTEETATEN',
        beloep: 2163,
        hjemmel: HJEMMEL_INNTEKT,
        linjer: [
          {
            tekst: 'Renter av bankinnskudd (søker)',
            operasjon: 'ADDERE',
            kilde: 'SKATTEETATEN',
            beloep: 2163,
          },
        ],
      },
      {
        tekst: 'Avkastning av formue',
        operasjon: 'ADDERE',
        kilde: 'SKATTEETATEN',
        beloep: 27493,
        hjemmel: HJEMMEL_INNTEKT,
        linjer: [
          {
            tekst: 'Aksjeutbytte (søker)',
            operasjon: 'ADDERE',
            kilde: 'SKATTEETATEN',
            beloep: 27493,
            merknad: 'Oppjustering av aksjeutbytte (19 795) vises, men regnes ikke som inntekt.',
          },
        ],
      },
      { tekst: 'Sum inntekt', operasjon: 'RESULTAT', kilde: 'REGEL', beloep: 801718 },
      {
        tekst: 'Skatt',
        operasjon: 'SUBTRAHERE',
        kilde: 'SKATTEETATEN',
        beloep: 234591,
        hjemmel: HJEMMEL_INNTEKT,
        linjer: [
          { tekst: 'Beregnet skatt (søker)', operasjon: 'ADDERE', kilde: 'SKATTEETATEN', beloep: 234591 },
        ],
      },
      {
        tekst: 'Forsørgerfradrag: max(0, tenkt etterlattepensjon − partnerens egen inntekt)',
        operasjon: 'SUBTRAHERE',
        kilde: 'REGEL',
        beloep: 0,
        hjemmel: 'egenandelsforskriften § 5',
        linjer: [
          { tekst: 'Tenkt etterlattepensjon (partner)', operasjon: 'INFO', kilde: 'KOMMUNE', beloep: 0 },
          { tekst: 'Partnerens egen inntekt', operasjon: 'INFO', kilde: 'SKATTEETATEN', beloep: 146222 },
        ],
      },
      { tekst: 'Beregningsgrunnlag', operasjon: 'RESULTAT', kilde: 'REGEL', beloep: 567127 },
      {
        tekst: 'Grunnbeløpet (G) per 1. juni 2024',
        operasjon: 'INFO',
        kilde: 'REGEL',
        beloep: 124028,
        hjemmel: 'folketrygdloven § 1-4',
      },
      { tekst: 'Fribeløp 2024', operasjon: 'INFO', kilde: 'REGEL', beloep: 10000, hjemmel: HJEMMEL_VEDERLAG },
      {
        tekst: 'Av inntekt inntil G, etter fribeløp: (124 028 − 10 000)',
        operasjon: 'MULTIPLISERE',
        kilde: 'REGEL',
        sats: '0.75',
        beloep: 85521,
        hjemmel: HJEMMEL_VEDERLAG,
      },
      {
        tekst: 'Av inntekt over G: (567 127 − 124 028)',
        operasjon: 'MULTIPLISERE',
        kilde: 'REGEL',
        sats: '0.85',
        beloep: 376634.15,
        hjemmel: HJEMMEL_VEDERLAG,
      },
      {
        tekst: 'Vederlag per år, rundet ned til hele kroner',
        operasjon: 'AVRUNDE',
        kilde: 'REGEL',
        beloep: 462155,
        merknad: 'En avgift rundes alltid ned, aldri over det forskriften tillater.',
      },
      {
        tekst: 'Minste behold: 25 % av G og fordelen av fribeløpet (75 % av fribeløpet)',
        operasjon: 'INFO',
        kilde: 'REGEL',
        beloep: 38507,
        hjemmel: HJEMMEL_VEDERLAG,
        merknad: 'Beboeren beholder 104 972 kr; grensen begrenser ikke vederlaget.',
      },
      {
        tekst: 'Vederlag per måned: årsbeløp / 12, rundet ned',
        operasjon: 'DIVIDERE',
        kilde: 'REGEL',
        beloep: 38512,
        eksaktBeloep: '38512.916666666666666666666666666666667',
      },
      {
        tekst: 'Vederlag per år',
        operasjon: 'RESULTAT',
        kilde: 'REGEL',
        beloep: 462155,
        hjemmel: HJEMMEL_VEDERLAG,
      },
    ],
  },
  visningsposter: [
    {
      kategori: 'INNTEKT',
      poster: [
        {
          tekniskNavn: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt',
          visningstekst: 'Lønn og naturalytelser med mer',
          beloep: 910292,
          personer: [
            { identifikator: SOEKER, beloep: 767670 },
            { identifikator: PARTNER, beloep: 142622 },
          ],
        },
        {
          tekniskNavn: 'avkortetFordelVedElektroniskKommunikasjon',
          visningstekst: 'Fordel elektronisk kommunikasjon',
          beloep: 7992,
          personer: [
            { identifikator: SOEKER, beloep: 4392 },
            { identifikator: PARTNER, beloep: 3600 },
          ],
        },
        {
          tekniskNavn: 'samledeOpptjenteRenterIInnenlandskeBanker',
          visningstekst: 'Renter av bankinnskudd',
          beloep: 2163,
          personer: [{ identifikator: SOEKER, beloep: 2163 }],
        },
        {
          tekniskNavn: 'utbytteFraAksje',
          visningstekst: 'Aksjeutbytte',
          beloep: 27493,
          personer: [{ identifikator: SOEKER, beloep: 27493 }],
        },
        {
          tekniskNavn: 'oppjustertTilleggTilUtbytteFraAksje',
          visningstekst: 'Oppjustering av aksjeutbytte',
          beloep: 19795,
          personer: [{ identifikator: SOEKER, beloep: 19795 }],
        },
        {
          tekniskNavn: 'renteinntektAvSkadeforsikring',
          visningstekst: 'Renter av skadeforsikring',
          beloep: 2234,
          personer: [{ identifikator: PARTNER, beloep: 2234 }],
        },
      ],
    },
    {
      kategori: 'FRADRAG',
      poster: [
        {
          tekniskNavn: '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt',
          visningstekst: 'Beregnet skatt',
          infotekst: 'Sum skatt og avgift fastsatt i skatteoppgjøret (Beregnet skatt API).',
          beloep: 234591,
          personer: [{ identifikator: SOEKER, beloep: 234591 }],
        },
        {
          tekniskNavn: '/beregnetSkattFastland/skattOgAvgift/formuesskattTilKommune/beloep',
          visningstekst: 'Formuesskatt til kommune',
          infotekst: 'Kommuner som gir fradrag for formuesskatt, må justere denne (KS).',
          beloep: 0,
          personer: [{ identifikator: SOEKER, beloep: 0 }],
        },
        {
          tekniskNavn: 'betalteForsinkelsesrenter',
          visningstekst: 'Betalte forsinkelsesrenter',
          beloep: 876,
          personer: [{ identifikator: PARTNER, beloep: 876 }],
        },
        {
          tekniskNavn: 'kommune.tenktEtterlattePensjon',
          visningstekst: 'Tenkt etterlattepensjon',
          beloep: 0,
          personer: [{ identifikator: PARTNER, beloep: 0 }],
        },
      ],
    },
    {
      kategori: 'FORMUE',
      poster: [
        {
          tekniskNavn: 'innskudd',
          visningstekst: 'Bankinnskudd',
          beloep: 108147,
          personer: [{ identifikator: SOEKER, beloep: 108147 }],
        },
        {
          tekniskNavn: 'bruttoformue',
          visningstekst: 'Bruttoformue',
          beloep: 1135929,
          personer: [{ identifikator: SOEKER, beloep: 1135929 }],
        },
      ],
    },
    {
      kategori: 'GJELD',
      poster: [
        {
          tekniskNavn: 'samletGjeld',
          visningstekst: 'Sum gjeld',
          beloep: 29188,
          personer: [{ identifikator: PARTNER, beloep: 29188 }],
        },
      ],
    },
    {
      kategori: 'ANNET',
      poster: [
        {
          tekniskNavn: 'alminneligInntektFoerSaerfradrag',
          visningstekst: 'Alminnelig inntekt før særfradrag',
          beloep: 797381,
          personer: [
            { identifikator: SOEKER, beloep: 717063 },
            { identifikator: PARTNER, beloep: 80318 },
          ],
        },
        {
          tekniskNavn: 'minstefradragIInntekt',
          visningstekst: 'Minstefradrag i egen inntekt',
          beloep: 171712,
          personer: [
            { identifikator: SOEKER, beloep: 104450 },
            { identifikator: PARTNER, beloep: 67262 },
          ],
        },
      ],
    },
  ],
  advarsler: [],
  regelverk: {
    pakke: { navn: '@inntektsgrunnlag/langtidsopphold', versjon: '0.1.0' },
    postdefinisjon: {
      beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
      inntektsaar: 2023,
      kilde: {
        tittel: 'KS Fiks, «Skatte- og inntektsopplysninger (Ny)», grupper for langtidsopphold (2024-08-13)',
        hjemmel: HJEMMEL_INNTEKT,
        konfidens: 'B',
      },
    },
    postkatalog:
      'Skatteetaten/api-dokumentasjon docs/informasjonsmodeller/summertskattegrunnlag/summertskattegrunnlag2023.md commit 3bbfc0fdf81049786c8dc31ec6d3bf1c8cda853d',
    satser: [
      {
        tabell: 'folketrygden.grunnbeloep',
        beskrivelse: 'Folketrygdens grunnbeløp (G)',
        dato: '2024-06-01',
        gyldigFra: '2024-05-01',
        verdi: '124028',
        kilde: {
          tittel: 'NAV: Grunnbeløpet i folketrygden (G), historiske verdier (navikt/g)',
          url: 'https://www.nav.no/grunnbelopet',
          hjemmel: 'folketrygdloven § 1-4',
          konfidens: 'B',
        },
        verifisert: '2026-11-27',
      },
      {
        tabell: 'langtidsopphold.fribeloep',
        beskrivelse: 'Fribeløp per år',
        dato: '2024-06-01',
        gyldigFra: '2024-01-01',
        verdi: '10000',
        kilde: {
          tittel: 'Pensjonistforbundet, «Betaling på sykehjem» (2024), med G 124 028',
          hjemmel: HJEMMEL_VEDERLAG,
          sitat: 'i tillegg til fribeløpet på 10 000',
          konfidens: 'B',
        },
        verifisert: '2026-11-27',
      },
    ],
    kommuneinnstillinger: {
      fradragForFormuesskatt: false,
      fradragForSkattBetaltIUtlandet: false,
      fordelenAvFribeloepet: 'TRE_FJERDEDELER',
      grunnbeloep: 'GJELDENDE_PAA_BEREGNINGSDATO',
      boutgifterMaaneder: 0,
    },
  },
};
