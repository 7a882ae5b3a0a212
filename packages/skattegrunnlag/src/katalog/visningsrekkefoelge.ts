import type { Visningsgruppe } from './katalog.js';

/**
 * The order of posts within each display group, as KS Fiks shows them in its published answer
 * (ks-no/ks-no.github.io content/Tjenester/register/skatteoginntektsopplysninger_ny.md, commit 1418c016,
 * 2024-08-13, «Eksempel med bruk av API-overbygg»). KS's order is its own (its «visning» YAML, which is
 * not published): work income, then interest, then returns on wealth; the tax first among deductions.
 * Only the posts of that answer have a known place; `trinnskatt/grunnlag` is ours and follows the other
 * personinntekt post. Posts not listed follow the listed ones in the order first met.
 */
export const VISNINGSREKKEFOELGE: Readonly<Record<Visningsgruppe, readonly string[]>> = {
  INNTEKT: [
    'avkortetFordelVedElektroniskKommunikasjon',
    'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt',
    '/beregnetSkattFastland/skattOgAvgift/trygdeavgiftAvNaeringsinntekt',
    '/beregnetSkattFastland/skattOgAvgift/trinnskatt/grunnlag',
    'samledeOpptjenteRenterIInnenlandskeBanker',
    'renteinntektAvSkadeforsikring',
    'utbytteFraAksje',
    'oppjustertTilleggTilUtbytteFraAksje',
  ],
  FRADRAG: [
    '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt',
    '/fastland/beloepTilgode',
    '/beregnetSkattFastland/skattOgAvgift/formuesskattTilKommune/beloep',
    '/beregnetSkattFastland/skattOgAvgift/formuesskattTilStat/beloep',
    '/beregnetSkattFastland/skattefradrag/skattefradragForFormuesskattBetaltIUtlandet',
    '/beregnetSkattFastland/skattefradrag/skattefradragForInntektsskattBetaltIUtlandet',
    '/fastland/restskatt',
    '/fastland/avregnetForskuddstrekk',
    'betalteForsinkelsesrenter',
  ],
  FORMUE: ['innskudd', 'bruttoformue'],
  GJELD: ['samletGjeld'],
  ANNET: [
    'alminneligInntektFoerSaerfradrag',
    'minstefradragIInntekt',
    'sumInntekterIAlminneligInntektFoerFordelingsfradrag',
    'verdiFoerVerdsettingsrabattForAksje',
  ],
};
