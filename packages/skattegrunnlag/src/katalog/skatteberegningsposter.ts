import type { Postinfo } from './katalog.js';

export type Aarsavgrenset<T> = T & { fraOgMedAar?: number; tilOgMedAar?: number };

const KS_KILDE =
  'KS Fiks, «Skatte- og inntektsopplysninger (Ny)», ks-no/ks-no.github.io content/Tjenester/register/skatteoginntektsopplysninger_ny.md (2024-08-13)';

/**
 * Posts from the Beregnet skatt API and the Avregning API, named by JSON pointer into Skatteetaten's
 * response as KS Fiks names them. Which of them an area counts is the area's post definition; how
 * they are read from a response is `posterFraBeregnetSkatt` / `posterFraAvregning`.
 */
export const SKATTEBEREGNINGSPOSTER: ReadonlyArray<Aarsavgrenset<Postinfo>> = [
  {
    tekniskNavn: '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt',
    visningstekst: 'Beregnet skatt',
    visningsgruppe: 'FRADRAG',
    kilde: 'SKATTEETATEN',
    art: 'BEREGNET_SKATT',
    infotekst: `Sum skatt og avgift fastsatt i skatteoppgjøret (Beregnet skatt API). ${KS_KILDE}`,
  },
  {
    tekniskNavn: '/beregnetSkattFastland/skattOgAvgift/trygdeavgiftAvNaeringsinntekt',
    visningstekst: 'Personinntekt fra næringsinntekt',
    visningsgruppe: 'INNTEKT',
    kilde: 'SKATTEETATEN',
    art: 'BEREGNET_SKATT',
    infotekst: 'Grunnlaget for trygdeavgift av næringsinntekt (personinntekt fra næring), som KS viser det.',
  },
  {
    tekniskNavn: '/beregnetSkattFastland/skattOgAvgift/trinnskatt/grunnlag',
    visningstekst: 'Personinntekt (grunnlag for trinnskatt)',
    visningsgruppe: 'INNTEKT',
    kilde: 'SKATTEETATEN',
    art: 'BEREGNET_SKATT',
    infotekst:
      'Samlet personinntekt etter skatteloven kapittel 12, grunnlaget for trinnskatt (Beregnet skatt API).',
  },
  {
    tekniskNavn: '/beregnetSkattFastland/skattOgAvgift/formuesskattTilKommune/beloep',
    visningstekst: 'Formuesskatt til kommune',
    visningsgruppe: 'FRADRAG',
    kilde: 'SKATTEETATEN',
    art: 'BEREGNET_SKATT',
    infotekst: 'Kommuner som gir fradrag for formuesskatt, må justere denne (KS).',
  },
  {
    tekniskNavn: '/beregnetSkattFastland/skattOgAvgift/formuesskattTilStat/beloep',
    visningstekst: 'Formuesskatt til stat',
    visningsgruppe: 'FRADRAG',
    kilde: 'SKATTEETATEN',
    art: 'BEREGNET_SKATT',
    infotekst: 'Kommuner som gir fradrag for formuesskatt, må justere denne (KS).',
  },
  {
    tekniskNavn: '/beregnetSkattFastland/skattefradrag/skattefradragForFormuesskattBetaltIUtlandet',
    visningstekst: 'Skattefradrag for formuesskatt betalt i utlandet',
    visningsgruppe: 'FRADRAG',
    kilde: 'SKATTEETATEN',
    art: 'BEREGNET_SKATT',
  },
  {
    tekniskNavn: '/beregnetSkattFastland/skattefradrag/skattefradragForInntektsskattBetaltIUtlandet',
    visningstekst: 'Skattefradrag for inntektsskatt betalt i utlandet',
    visningsgruppe: 'FRADRAG',
    kilde: 'SKATTEETATEN',
    art: 'BEREGNET_SKATT',
  },
  {
    tekniskNavn: '/fastland/beloepTilgode',
    visningstekst: 'For mye innbetalt skatt - til utbetaling',
    visningsgruppe: 'FRADRAG',
    kilde: 'SKATTEETATEN',
    art: 'AVREGNING',
    infotekst: 'Beløp som skal utbetales skattyter etter skatteoppgjøret (Avregning API).',
  },
  {
    tekniskNavn: '/fastland/restskatt',
    visningstekst: 'Skyldig restskatt',
    visningsgruppe: 'FRADRAG',
    kilde: 'SKATTEETATEN',
    art: 'AVREGNING',
    infotekst:
      'Avregningsresultat som viser at skattyters forskudd ikke dekker beregnet skatt (Avregning API).',
  },
  {
    tekniskNavn: '/fastland/avregnetForskuddstrekk',
    visningstekst: 'Sum innbetalt skatt',
    visningsgruppe: 'FRADRAG',
    kilde: 'SKATTEETATEN',
    art: 'AVREGNING',
    infotekst: 'Sum forskuddstrekk fra a-meldinger og manuelt registrerte forskuddstrekk (Avregning API).',
  },
];
