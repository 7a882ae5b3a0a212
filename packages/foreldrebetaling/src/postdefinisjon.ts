import { definisjonForAar, type Postdefinisjon, type PostIGruppe } from '@inntektsgrunnlag/skattegrunnlag';

/**
 * Which posts make up the household's income (husholdningens inntekter) under forskrift om foreldrebetaling
 * i barnehager (FOR-2005-12-16-1478) § 3d tredje ledd: «husholdningens samlede personinntekt etter
 * skatteloven kapittel 12 og skattepliktig kapitalinntekt» (the same words as § 1B-2 for SFO 2020–2024, which
 * opplæringsforskrifta still relies on). The merknad to § 3b: «Skattefrie overføringer som barnebidrag,
 * kontantstøtte, barnetrygd m.m. regnes ikke som inntekt. Skattepliktige kapitalinntekter er bl.a.
 * renteinntekter, aksjeutbytte, gevinst ved salg av eiendom og løsøre, leieinntekter, bruksrettigheter i
 * kapital og vederlagsfri bruk av andres eiendeler.» Udir (2018): «det er brutto kapitalinntekter som skal
 * ligge til grunn … Frådrag for utgifter er ikkje omtalt». So there are no deduction groups: interest paid,
 * losses and other deductions are never netted.
 *
 * Checked post by post against that text for every income year 2019–2025 (2026-12-07), and 2017–2018 by
 * following each renamed post to its successor's treatment (2026-12-07), with Skatteetaten's
 * catalogue (packages/skattegrunnlag/data/poster-YYYY.tsv): every post with kategori `inntekt` or
 * `oppjusteringAvEierinntekter`, and the income posts Skatteetaten lists without a kategori, is either
 * counted below (with the years it exists) or listed in {@link IKKE_MEDREGNET} with the reason (a test checks
 * this for every year). Personinntekt is what skatteloven § 12-2 lists: «fordel vunnet ved arbeid etter
 * § 5-10», pensions, AAP and overgangsstønad, IPA/IPS and innskuddspensjon payments, SDF work remuneration,
 * beregnet personinntekt from a business, introduksjonsstønad, kvalifiseringsstønad, supplerende stønad,
 * uføretrygd; and «Som personinntekt regnes likevel ikke barnepensjon til barn som ikke er fylt 17 år ved
 * utløpet av inntektsåret og etterlønn og etterpensjon etter § 5-40 første ledd» (§ 12-2 bokstav b, read in
 * Lovdata's rendering of kapittel 12; the mirror's copy of skatteloven lacks the chapter). Taxable income
 * that is neither (underholdsbidrag from a former spouse, etterlønn) is not counted.
 */

const HUSHOLDNINGEN = ['SOEKER', 'EKTEFELLE', 'PARTNER', 'SAMBOER'] as const;

const HJEMMEL_INNTEKT = 'forskrift om foreldrebetaling i barnehager § 3d tredje ledd';

/** Personinntekt etter skatteloven kapittel 12 (§ 12-2): wages, pensions, benefits, and personinntekt from a business. */
export const PERSONINNTEKT_POSTER: readonly PostIGruppe[] = [
  { tekniskNavn: 'alderspensjonFraFolketrygden', operasjon: 'ADDERE', fraOgMedAar: 2022 },
  { tekniskNavn: 'alderspensjonFraIPAOgIPS', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  { tekniskNavn: 'annenArbeidsinntekt', operasjon: 'ADDERE' },
  { tekniskNavn: 'annenPensjonFoerAlderspensjon', operasjon: 'ADDERE', fraOgMedAar: 2018, tilOgMedAar: 2024 },
  { tekniskNavn: 'arbeidsavklaringspenger', operasjon: 'ADDERE' },
  {
    tekniskNavn: 'arbeidsinntektFraKompensasjonsytelseUtbetaltAvNav',
    operasjon: 'ADDERE',
    fraOgMedAar: 2020,
    tilOgMedAar: 2023,
  },
  { tekniskNavn: 'avkortetFordelVedElektroniskKommunikasjon', operasjon: 'ADDERE', fraOgMedAar: 2018 },
  { tekniskNavn: 'barnepensjonFraAndreEnnFolketrygden', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  { tekniskNavn: 'barnepensjonFraFolketrygden', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  { tekniskNavn: 'barnepensjonFraIPAOgIPS', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  { tekniskNavn: 'dagpengerForFisker', operasjon: 'ADDERE', fraOgMedAar: 2022 },
  { tekniskNavn: 'dagpengerForNaeringsdrivende', operasjon: 'ADDERE', fraOgMedAar: 2022 },
  { tekniskNavn: 'dagpengerForNaeringsdrivendeOgFisker', operasjon: 'ADDERE', tilOgMedAar: 2022 },
  { tekniskNavn: 'ektefelletilleggTilPensjon', operasjon: 'ADDERE' },
  { tekniskNavn: 'ektefelletilleggTilUfoeretrygd', operasjon: 'ADDERE' },
  { tekniskNavn: 'engangsutbetalingFraIPSIPA', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  { tekniskNavn: 'etterlattepensjonFraFolketrygden', operasjon: 'ADDERE' },
  { tekniskNavn: 'foederaad', operasjon: 'ADDERE', fraOgMedAar: 2022 },
  { tekniskNavn: 'fortsettelsesforsikring', operasjon: 'ADDERE', fraOgMedAar: 2019, tilOgMedAar: 2021 },
  { tekniskNavn: 'godtgjoerelseEtterSaeravtaleIUtenrikstjenesten', operasjon: 'ADDERE', fraOgMedAar: 2023 },
  {
    tekniskNavn: 'inntektFraLottEllerPartTilFiskerOgFangstmann',
    operasjon: 'ADDERE',
    fraOgMedAar: 2018,
    tilOgMedAar: 2021,
  },
  { tekniskNavn: 'introduksjonsstoenad', operasjon: 'ADDERE', fraOgMedAar: 2018 },
  { tekniskNavn: 'kvalifiseringsstoenad', operasjon: 'ADDERE' },
  { tekniskNavn: 'livrenterIArbeidsforhold', operasjon: 'ADDERE', fraOgMedAar: 2020 },
  { tekniskNavn: 'livsvarigAvtalefestetPensjonIOffentligSektor', operasjon: 'ADDERE', fraOgMedAar: 2025 },
  {
    tekniskNavn: 'loennsinntektMedTrygdeavgiftspliktOmfattetAvLoennstrekkordningen',
    operasjon: 'ADDERE',
    merknad: 'Svalbard (lønnstrekkordningen).',
  },
  {
    tekniskNavn: 'loennsinntektTilBarn',
    operasjon: 'ADDERE',
    fraOgMedAar: 2018,
    tilOgMedAar: 2024,
    merknad: 'Lønn til barn under 13 år skattlegges hos forelderen og står i forelderens skattegrunnlag.',
  },
  {
    tekniskNavn: 'loennsinntektUtenTrygdeavgiftspliktOgMedTrekkplikt',
    operasjon: 'ADDERE',
    fraOgMedAar: 2022,
    tilOgMedAar: 2024,
  },
  {
    tekniskNavn: 'loennsinntektUtenTrygdeavgiftspliktOmfattetAvLoennstrekkordningen',
    operasjon: 'ADDERE',
    merknad: 'Svalbard (lønnstrekkordningen).',
  },
  { tekniskNavn: 'nettoLoennsinntektFraArbeidINorge', operasjon: 'ADDERE', fraOgMedAar: 2022 },
  { tekniskNavn: 'omstillingsstoenad', operasjon: 'ADDERE', fraOgMedAar: 2024 },
  { tekniskNavn: 'overgangsstoenadTilEnsligForelder', operasjon: 'ADDERE' },
  { tekniskNavn: 'overskuddAvUtgiftsgodtgjoerelseVedSmusstillegg', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  { tekniskNavn: 'pensjonFraUtlandetSkattepliktigINorge', operasjon: 'ADDERE', fraOgMedAar: 2018 },
  {
    tekniskNavn: 'pensjonsinntektIEOESTilsvarendeAlderspensjonEllerAFP',
    operasjon: 'ADDERE',
    fraOgMedAar: 2018,
  },
  {
    tekniskNavn: 'pensjonsinntektOmfattetAvLoennstrekkordningen',
    operasjon: 'ADDERE',
    merknad: 'Svalbard (lønnstrekkordningen).',
  },
  {
    tekniskNavn: 'personinntektFraKompensasjonsytelseUtbetaltAvNavInnenAnnenNaering',
    operasjon: 'ADDERE',
    fraOgMedAar: 2020,
    tilOgMedAar: 2023,
  },
  {
    tekniskNavn: 'personinntektFraKompensasjonsytelseUtbetaltAvNavInnenBarnepassIBarnepasserensHjem',
    operasjon: 'ADDERE',
    fraOgMedAar: 2020,
    tilOgMedAar: 2023,
  },
  {
    tekniskNavn: 'personinntektFraKompensasjonsytelseUtbetaltAvNavInnenFiskeOgFangst',
    operasjon: 'ADDERE',
    fraOgMedAar: 2020,
    tilOgMedAar: 2022,
  },
  { tekniskNavn: 'personinntektFraSDFInnenAnnenNaering', operasjon: 'ADDERE', fraOgMedAar: 2018 },
  {
    tekniskNavn: 'personinntektFraSDFInnenFiskeEllerBarnepassIBarnepasserensHjem',
    operasjon: 'ADDERE',
    fraOgMedAar: 2018,
  },
  {
    tekniskNavn: 'personinntektFraSkattefriLottMedTrygdeavgiftspliktForUtenlandskFisker',
    operasjon: 'ADDERE',
    fraOgMedAar: 2020,
  },
  {
    tekniskNavn: 'positivPersoninntektFraEnkeltpersonforetakPaaSvalbard',
    operasjon: 'ADDERE',
    merknad: 'Svalbard: beregnet personinntekt fra næring.',
  },
  { tekniskNavn: 'samledeUfoererenterOgLivrenter', operasjon: 'ADDERE', tilOgMedAar: 2022 },
  { tekniskNavn: 'samletAnnenPensjonMedTrekkpliktEksklusiveEktefelletillegg', operasjon: 'ADDERE' },
  {
    tekniskNavn: 'samletAnnenPensjonUtenTrekkplikt',
    operasjon: 'ADDERE',
    fraOgMedAar: 2018,
    tilOgMedAar: 2022,
  },
  { tekniskNavn: 'samletAvtalefestetPensjon', operasjon: 'ADDERE' },
  { tekniskNavn: 'samletBarnepensjonOgLivrente', operasjon: 'ADDERE', tilOgMedAar: 2024 },
  {
    tekniskNavn: 'samletInntektSomGirRettTilSaerskiltFradragForSjoefolk',
    operasjon: 'ADDERE',
    tilOgMedAar: 2022,
    merknad: 'Regnet med som egen lønnspost slik NAV gjør (navikt/bidrag-inntekt mapping_ligs.yaml).',
  },
  { tekniskNavn: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt', operasjon: 'ADDERE' },
  {
    tekniskNavn: 'samletLoennsinntektUtenTrygdeavgiftspliktOgMedTrekkplikt',
    operasjon: 'ADDERE',
    tilOgMedAar: 2022,
  },
  {
    tekniskNavn: 'samletLoennsinntektUtenTrygdeavgiftspliktOgUtenTrekkplikt',
    operasjon: 'ADDERE',
    fraOgMedAar: 2018,
    tilOgMedAar: 2021,
  },
  { tekniskNavn: 'samletOverskuddPaaUtgiftsgodtgjoerelse', operasjon: 'ADDERE' },
  {
    tekniskNavn: 'samletPensjonFraFolketrygden',
    operasjon: 'ADDERE',
    tilOgMedAar: 2022,
    merknad:
      'Fra 2022 heter posten alderspensjonFraFolketrygden; 2022 har begge navn (se dobbelttellingsvakten).',
  },
  {
    tekniskNavn: 'samletPersoninntektFraEnkeltpersonforetakInnenFamiliebarnehageEllerDagmammaIEgetHjem',
    operasjon: 'ADDERE',
  },
  { tekniskNavn: 'samletPersoninntektFraEnkeltpersonforetakInnenFiskeOgFangst', operasjon: 'ADDERE' },
  {
    tekniskNavn:
      'samletPersoninntektFraEnkeltpersonforetakInnenJordbrukReindriftSkiferproduksjonOgAnnenNaering',
    operasjon: 'ADDERE',
  },
  { tekniskNavn: 'samletUfoeretrygdFraFolketrygdenEksklusiveEktefelletillegg', operasjon: 'ADDERE' },
  { tekniskNavn: 'samletUfoereytelseFraAndreEnnFolketrygden', operasjon: 'ADDERE' },
  {
    tekniskNavn: 'samletUtgiftsgodtgjoerelseMedTrekkplikt',
    operasjon: 'ADDERE',
    fraOgMedAar: 2018,
    tilOgMedAar: 2020,
  },
  {
    tekniskNavn: 'skattefriLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt',
    operasjon: 'ADDERE',
    merknad:
      'Skattefri i Norge, men trygdeavgiftspliktig: personinntekt etter skatteloven § 12-2, som er grunnlaget for trygdeavgift.',
  },
  { tekniskNavn: 'skjermingstilleggTilAlderspensjon', operasjon: 'ADDERE', fraOgMedAar: 2022 },
  { tekniskNavn: 'slitertillegg', operasjon: 'ADDERE', fraOgMedAar: 2020 },
  {
    tekniskNavn: 'styrehonorarFraNorskSelskapTilSkattepliktigBosattIUtlandet',
    operasjon: 'ADDERE',
    fraOgMedAar: 2018,
  },
  { tekniskNavn: 'supplerendeStoenad', operasjon: 'ADDERE', fraOgMedAar: 2018 },
  { tekniskNavn: 'supplerendeStoenadTilUfoerFlyktning', operasjon: 'ADDERE', fraOgMedAar: 2021 },
  { tekniskNavn: 'ufoeretrygdFoerAlderspensjon', operasjon: 'ADDERE', fraOgMedAar: 2018, tilOgMedAar: 2024 },
  {
    tekniskNavn: 'ufoeretrygdOmfattetAvLoennstrekkordningen',
    operasjon: 'ADDERE',
    merknad: 'Svalbard (lønnstrekkordningen).',
  },
  { tekniskNavn: 'ufoereytelseFraIPAOgIPS', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  { tekniskNavn: 'ufoereytelseFraUtlandet', operasjon: 'ADDERE', fraOgMedAar: 2018 },
  { tekniskNavn: 'ungdomsprogramytelse', operasjon: 'ADDERE', fraOgMedAar: 2025 },
  {
    tekniskNavn: 'utbetalingFraAvtaleOmSkattefavorisertIndividuellSparingTilPensjonTegnetFomNov2017',
    operasjon: 'ADDERE',
    fraOgMedAar: 2018,
  },
  // Skatteetaten's names in 2017 (and 2018) for posts counted above from 2018 or 2019.
  { tekniskNavn: 'samletAnnenPensjonFoerAlderspensjon', operasjon: 'ADDERE', tilOgMedAar: 2017 },
  { tekniskNavn: 'samletAnnenPensjonMedTrekkfritak', operasjon: 'ADDERE', tilOgMedAar: 2017 },
  {
    tekniskNavn: 'samletLoennsinntektTilBarnUnderTrettenAar',
    operasjon: 'ADDERE',
    tilOgMedAar: 2017,
    merknad: 'Lønn til barn under 13 år skattlegges hos forelderen (navnet i 2017).',
  },
  { tekniskNavn: 'samletLottinntekt', operasjon: 'ADDERE', tilOgMedAar: 2017 },
  {
    tekniskNavn: 'samletPensjonFraEOeSStatSomTilsvarerNorskAlderspensjonEllerAvtalefestetPensjon',
    operasjon: 'ADDERE',
    tilOgMedAar: 2017,
  },
  {
    tekniskNavn: 'samletPersoninntektFraDeltakerlignetSelskapInnenAnnenNaering',
    operasjon: 'ADDERE',
    tilOgMedAar: 2017,
  },
  {
    tekniskNavn: 'samletPersoninntektFraDeltakerlignetSelskapInnenFiskeEllerFamiliebarnehage',
    operasjon: 'ADDERE',
    tilOgMedAar: 2017,
  },
  { tekniskNavn: 'samletSupplerendeStoenad', operasjon: 'ADDERE', tilOgMedAar: 2017 },
  { tekniskNavn: 'samletUfoeretrygdFoerAlderspensjon', operasjon: 'ADDERE', tilOgMedAar: 2017 },
];

/**
 * Skattepliktig kapitalinntekt, gross (Udir 2018), and other taxable income that is not personinntekt:
 * interest, dividends, gains, rental surplus, insurance yield, taxable maintenance from a former spouse.
 */
export const KAPITALINNTEKT_POSTER: readonly PostIGruppe[] = [
  {
    tekniskNavn: 'andelIFellesTilleggIAlminneligInntektFraSDF',
    operasjon: 'ADDERE',
    fraOgMedAar: 2022,
    merknad: 'Utdeling fra selskap med deltakerfastsetting, skattlagt som kapitalinntekt.',
  },
  {
    tekniskNavn: 'andelIFellesTilleggIAlminneligInntektFraSDFInnenAnnenNaering',
    operasjon: 'ADDERE',
    tilOgMedAar: 2021,
    merknad: 'Utdeling fra selskap med deltakerfastsetting, skattlagt som kapitalinntekt.',
  },
  {
    tekniskNavn: 'andelIFellesTilleggIAlminneligInntektFraSDFInnenBarnepassIBarnepasserensHjem',
    operasjon: 'ADDERE',
    tilOgMedAar: 2021,
    merknad: 'Utdeling fra selskap med deltakerfastsetting, skattlagt som kapitalinntekt.',
  },
  {
    tekniskNavn: 'annenSkattepliktigKapitalinntektFraAnnetFinansprodukt',
    operasjon: 'ADDERE',
    fraOgMedAar: 2019,
  },
  {
    tekniskNavn: 'annenSkattepliktigKapitalinntektFraVirtuellValuta',
    operasjon: 'ADDERE',
    fraOgMedAar: 2019,
    tilOgMedAar: 2022,
  },
  { tekniskNavn: 'dagpengerVedSykehusoppholdMvFraBarneforsikring', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  { tekniskNavn: 'gevinstOgAnnenInntektFraVirtuellEiendel', operasjon: 'ADDERE', fraOgMedAar: 2022 },
  { tekniskNavn: 'gevinstValutalaan', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  { tekniskNavn: 'gevinstVedRealisasjonAvAksje', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  {
    tekniskNavn: 'gevinstVedRealisasjonAvAksjeOgVerdipapirfondAksjedel',
    operasjon: 'ADDERE',
    fraOgMedAar: 2018,
    tilOgMedAar: 2022,
  },
  { tekniskNavn: 'gevinstVedRealisasjonAvAksjesparekonto', operasjon: 'ADDERE' },
  {
    tekniskNavn: 'gevinstVedRealisasjonAvAndelIAksjedelIVerdipapirfond',
    operasjon: 'ADDERE',
    fraOgMedAar: 2019,
  },
  {
    tekniskNavn: 'gevinstVedRealisasjonAvAndelIRentedelIVerdipapirfond',
    operasjon: 'ADDERE',
    fraOgMedAar: 2019,
  },
  { tekniskNavn: 'gevinstVedRealisasjonAvAnnetFinansprodukt', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  { tekniskNavn: 'gevinstVedRealisasjonAvFastEiendomMv', operasjon: 'ADDERE', fraOgMedAar: 2018 },
  { tekniskNavn: 'gevinstVedRealisasjonAvFastEiendomMvIUtlandet', operasjon: 'ADDERE', tilOgMedAar: 2022 },
  {
    tekniskNavn: 'gevinstVedRealisasjonAvObligasjonVerdipapirfondRentedelMv',
    operasjon: 'ADDERE',
    fraOgMedAar: 2018,
    tilOgMedAar: 2021,
  },
  {
    tekniskNavn: 'gevinstVedRealisasjonAvObligasjonerSertifikaterMv',
    operasjon: 'ADDERE',
    fraOgMedAar: 2019,
  },
  {
    tekniskNavn: 'gevinstVedRealisasjonAvOgUttakFraAksjedelIFondskonto',
    operasjon: 'ADDERE',
    fraOgMedAar: 2019,
  },
  {
    tekniskNavn: 'gevinstVedRealisasjonAvOgUttakFraRentedelIFondskonto',
    operasjon: 'ADDERE',
    fraOgMedAar: 2019,
  },
  {
    tekniskNavn: 'gevinstVedRealisasjonAvVerdipapirfondsandelIKombifondKnyttetTilAksjedel',
    operasjon: 'ADDERE',
    tilOgMedAar: 2022,
  },
  {
    tekniskNavn: 'gevinstVedRealisasjonAvVirtuellValuta',
    operasjon: 'ADDERE',
    fraOgMedAar: 2019,
    tilOgMedAar: 2021,
  },
  { tekniskNavn: 'gevinstVedSalgAvAndelINOKUS', operasjon: 'ADDERE', fraOgMedAar: 2018, tilOgMedAar: 2024 },
  { tekniskNavn: 'gevinstVedSalgAvAndelISDF', operasjon: 'ADDERE' },
  { tekniskNavn: 'inntektFraGevinstOgTapskonto', operasjon: 'ADDERE' },
  {
    tekniskNavn: 'inntektVedUtleieAvFritidseiendomSomSkattepliktigeHarBrukt',
    operasjon: 'ADDERE',
    fraOgMedAar: 2018,
    tilOgMedAar: 2021,
  },
  { tekniskNavn: 'inntektsfoeringAvNegativSaldo', operasjon: 'ADDERE', tilOgMedAar: 2024 },
  { tekniskNavn: 'kapitalinntektFraSkogbruk', operasjon: 'ADDERE' },
  {
    tekniskNavn: 'latentEllerRealisertGevinstPaaAksjeAndelMvVedUtflytting',
    operasjon: 'ADDERE',
    fraOgMedAar: 2022,
    tilOgMedAar: 2024,
  },
  {
    tekniskNavn: 'latentEllerRealisertGevinstPaaAnnetFinansproduktMvVedUtflytting',
    operasjon: 'ADDERE',
    fraOgMedAar: 2022,
    tilOgMedAar: 2024,
  },
  {
    tekniskNavn: 'latentEllerRealisertGevinstPaaOpsjonerIArbeidsforholdVedUtflytting',
    operasjon: 'ADDERE',
    fraOgMedAar: 2024,
    tilOgMedAar: 2024,
  },
  {
    tekniskNavn: 'latentGevinstPaaAksjeAndelMvVedUtflyttingMedUtsattBetalingAvSkatt',
    operasjon: 'ADDERE',
    fraOgMedAar: 2024,
  },
  {
    tekniskNavn: 'latentGevinstPaaAksjeAndelMvVedUtflyttingUtenUtsattBetalingAvSkatt',
    operasjon: 'ADDERE',
    fraOgMedAar: 2024,
  },
  {
    tekniskNavn: 'latentGevinstPaaAnnetFinansproduktMvVedUtflyttingMedUtsattBetalingAvSkatt',
    operasjon: 'ADDERE',
    fraOgMedAar: 2024,
  },
  {
    tekniskNavn: 'latentGevinstPaaAnnetFinansproduktMvVedUtflyttingUtenUtsattBetalingAvSkatt',
    operasjon: 'ADDERE',
    fraOgMedAar: 2024,
  },
  {
    tekniskNavn: 'latentGevinstPaaOpsjonIArbeidsforholdVedUtflyttingMedUtsattBetalingAvSkatt',
    operasjon: 'ADDERE',
    fraOgMedAar: 2024,
  },
  {
    tekniskNavn: 'latentGevinstPaaOpsjonIArbeidsforholdVedUtflyttingUtenUtsattBetalingAvSkatt',
    operasjon: 'ADDERE',
    fraOgMedAar: 2024,
  },
  {
    tekniskNavn: 'livrenterUtenforArbeidsforhold',
    operasjon: 'ADDERE',
    fraOgMedAar: 2019,
    merknad: 'Livrente utenfor arbeidsforhold er ikke personinntekt, men skattepliktig inntekt.',
  },
  { tekniskNavn: 'mottattFesteavgift', operasjon: 'ADDERE', fraOgMedAar: 2020 },
  {
    tekniskNavn: 'nettoinntektVedUtleieAvFastEiendomMv',
    operasjon: 'ADDERE',
    fraOgMedAar: 2022,
    merknad:
      'Overskudd av utleie er selve inntekten; kostnader ved utleien er ikke fradrag mot andre inntekter.',
  },
  { tekniskNavn: 'oevrigInntekt', operasjon: 'ADDERE' },
  { tekniskNavn: 'opptjenteRenterFraPrivatUtestaaendeFordring', operasjon: 'ADDERE', fraOgMedAar: 2018 },
  { tekniskNavn: 'opptjenteRenterFraUtestaaendeFordring', operasjon: 'ADDERE', fraOgMedAar: 2021 },
  { tekniskNavn: 'renteinntektAvAnnetFinansprodukt', operasjon: 'ADDERE', fraOgMedAar: 2020 },
  { tekniskNavn: 'renteinntektAvLivsforsikring', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  { tekniskNavn: 'renteinntektAvObligasjon', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  {
    tekniskNavn: 'renteinntektAvObligasjonVerdipapirfondRentedelMv',
    operasjon: 'ADDERE',
    fraOgMedAar: 2018,
    tilOgMedAar: 2022,
  },
  {
    tekniskNavn: 'renteinntektAvObligasjonVerdipapirfondRentedelMvIUtlandet',
    operasjon: 'ADDERE',
    fraOgMedAar: 2018,
    tilOgMedAar: 2021,
  },
  { tekniskNavn: 'renteinntektAvSkadeforsikring', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  { tekniskNavn: 'renteinntektAvVerdipapirfondsandel', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  { tekniskNavn: 'renteinntektMedEkstrabeskatningForLaanTilSelskap', operasjon: 'ADDERE', fraOgMedAar: 2018 },
  { tekniskNavn: 'returAvPremieFraIndividuellPensjonssparing', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  { tekniskNavn: 'returprovisjonKnyttetTilAksjesparekonto', operasjon: 'ADDERE', fraOgMedAar: 2020 },
  { tekniskNavn: 'returprovisjonKnyttetTilFondskonto', operasjon: 'ADDERE', fraOgMedAar: 2020 },
  { tekniskNavn: 'returprovisjonKnyttetTilVerdipapirfond', operasjon: 'ADDERE', fraOgMedAar: 2020 },
  {
    tekniskNavn: 'samledeAndreOpptjenteRenter',
    operasjon: 'ADDERE',
    fraOgMedAar: 2020,
    tilOgMedAar: 2021,
    merknad:
      'Fra 2020; i 2018 og 2019 teller samletAnnenRenteinntekt (samme opplysning, ikke regnet to ganger).',
  },
  { tekniskNavn: 'samledeOpptjenteRenterIInnenlandskeBanker', operasjon: 'ADDERE' },
  {
    tekniskNavn: 'samledeOpptjenteRenterIUtenlandskeBanker',
    operasjon: 'ADDERE',
    fraOgMedAar: 2018,
    tilOgMedAar: 2022,
  },
  { tekniskNavn: 'samletAndelAvInntektIBoligselskapEllerBoligsameie', operasjon: 'ADDERE' },
  {
    tekniskNavn: 'samletAnnenRenteinntekt',
    operasjon: 'ADDERE',
    tilOgMedAar: 2019,
    merknad: 'Til og med 2019; fra 2020 heter posten samledeAndreOpptjenteRenter.',
  },
  { tekniskNavn: 'samletAvkastningAvKapitalforsikringsavtale', operasjon: 'ADDERE' },
  {
    tekniskNavn: 'samletSkattepliktigOverskuddFraUtleieAvFastEiendom',
    operasjon: 'ADDERE',
    tilOgMedAar: 2022,
    merknad:
      'Overskudd av utleie er selve inntekten; kostnader ved utleien er ikke fradrag mot andre inntekter.',
  },
  {
    tekniskNavn: 'samletSkattepliktigOverskuddFraUtleieAvFastEiendomIUtlandet',
    operasjon: 'ADDERE',
    tilOgMedAar: 2021,
  },
  { tekniskNavn: 'skattepliktigAvkastningEllerKundeutbytte', operasjon: 'ADDERE' },
  { tekniskNavn: 'skattepliktigInntektVedSalgAvOverskuddsstroem', operasjon: 'ADDERE', fraOgMedAar: 2024 },
  { tekniskNavn: 'skattepliktigTilfeldigInntektFraSpillLotteriMv', operasjon: 'ADDERE', fraOgMedAar: 2023 },
  {
    tekniskNavn: 'skattepliktigUtbytteFraAksjeINOKUSIkkeRegistrertIVerdipapirsentralen',
    operasjon: 'ADDERE',
    tilOgMedAar: 2021,
  },
  {
    tekniskNavn: 'skattepliktigUtbytteFraAksjeIkkeRegistrertIVerdipapirsentralen',
    operasjon: 'ADDERE',
    tilOgMedAar: 2021,
  },
  {
    tekniskNavn: 'skattepliktigUtbytteFraAksjeOgVerdipapirfondAksjedel',
    operasjon: 'ADDERE',
    fraOgMedAar: 2019,
    tilOgMedAar: 2021,
  },
  {
    tekniskNavn: 'ufoererenterOgLivrenterUtenforArbeidsforhold',
    operasjon: 'ADDERE',
    fraOgMedAar: 2022,
    merknad: 'Livrente utenfor arbeidsforhold er ikke personinntekt, men skattepliktig inntekt.',
  },
  { tekniskNavn: 'utbetalingFraSkadeforsikring', operasjon: 'ADDERE', fraOgMedAar: 2018 },
  { tekniskNavn: 'utbytteFraAksje', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  {
    tekniskNavn: 'utbytteFraAksjesparekonto',
    operasjon: 'ADDERE',
    tilOgMedAar: 2019,
    merknad:
      'Til og med 2019 (i 2019 uten kategori i Skatteetatens liste, i 2017–2018 «inntekt»); utbytte i aksjesparekonto skattlegges løpende (det har en oppjusteringspost). Dobbelttellingsvakten varsler om det også står i utbytteFraAksje.',
  },
  { tekniskNavn: 'utbytteFraVerdipapirfond', operasjon: 'ADDERE', fraOgMedAar: 2019 },
  // Skatteetaten's names in 2017 and 2018 for posts counted above from 2018 or 2019; gains are capital
  // income here as above, and dividends on VPS-registered shares and on fund units were posts of their own.
  { tekniskNavn: 'samletOpptjenteRenterIUtlandskeBanker', operasjon: 'ADDERE', tilOgMedAar: 2017 },
  {
    tekniskNavn: 'samletRenteinntektPaaLaanTilSelskapSomSkalEkstrabeskattes',
    operasjon: 'ADDERE',
    tilOgMedAar: 2017,
  },
  {
    tekniskNavn: 'samletSkattepliktigGevinstVedSalgAvAndelerIKNANSNOKUS',
    operasjon: 'ADDERE',
    tilOgMedAar: 2017,
  },
  { tekniskNavn: 'samletSkattepliktigGevinstVedSalgAvFastEiendomMv', operasjon: 'ADDERE', tilOgMedAar: 2017 },
  {
    tekniskNavn: 'samletSkattepliktigOverskuddAvUtleieAvFritidseiendom',
    operasjon: 'ADDERE',
    tilOgMedAar: 2017,
  },
  { tekniskNavn: 'skattepliktigAksjegevinst', operasjon: 'ADDERE', tilOgMedAar: 2018 },
  {
    tekniskNavn: 'gevinstVedRealisasjonAvVerdipapirfondsandelKnyttetTilAksjedel',
    operasjon: 'ADDERE',
    tilOgMedAar: 2018,
  },
  {
    tekniskNavn: 'samletGevinstVedRealisasjonAvVerdipapirfondsandelKnyttetTilRentedel',
    operasjon: 'ADDERE',
    tilOgMedAar: 2018,
  },
  {
    tekniskNavn: 'samletSkattepliktigGevinstVedRealisasjonAvObligasjonEllerVerdipapirfondsandel',
    operasjon: 'ADDERE',
    tilOgMedAar: 2018,
  },
  {
    tekniskNavn: 'samletGevinstVedRealisasjonAvAndreFinansprodukter',
    operasjon: 'ADDERE',
    tilOgMedAar: 2018,
  },
  {
    tekniskNavn: 'skattepliktigUtbytteFraAksjerRegistrertIVerdipapirsentralen',
    operasjon: 'ADDERE',
    tilOgMedAar: 2018,
  },
  { tekniskNavn: 'skattepliktigUtbytteFraVerdipapirfondsandel', operasjon: 'ADDERE', tilOgMedAar: 2018 },
  {
    tekniskNavn: 'skattepliktigUtbytteFraVerdipapirfondsandelTilBarn',
    operasjon: 'ADDERE',
    tilOgMedAar: 2018,
    merknad:
      'Inntekt av formue som tilhører barn under 17 år skattlegges hos foreldrene og står i deres skattegrunnlag.',
  },
];

const OPPJUSTERING =
  'Oppjustering (× 1,6/1,72) av utbytte og gevinster er et teknisk tillegg i skatteberegningen, ikke en inntekt husholdningen har fått; utbyttet eller gevinsten selv er med.';

/**
 * Income posts Skatteetaten lists without a kategori (or with «-»), which the classification covers as well
 * as those with kategori `inntekt` or `oppjusteringAvEierinntekter`.
 */
export const UKATEGORISERTE_INNTEKTSPOSTER: readonly string[] = [
  'inntektsreduksjonVedAvkastningAvEngangserstatning',
  'kompensasjonsytelseUtbetaltAvNavInnenFiskeOgFangst',
  'naeringsinntektFraKompensasjonsytelseUtbetaltAvNavInnenAnnenNaering',
  'naeringsinntektFraKompensasjonsytelseUtbetaltAvNavInnenBarnepassIBarnepasserensHjem',
  'naeringsinntektFraKompensasjonsytelseUtbetaltAvNavInnenFiskeOgFangst',
  'samledeOpptjenteRenterIUtlandet',
  'samletAnnenRenteinntekt',
  'utbytteFraAksjesparekonto',
];

/** Income posts of the catalogue that are deliberately not counted, with the reason, per year. */
export const IKKE_MEDREGNET: ReadonlyArray<{
  tekniskNavn: string;
  fraOgMedAar: number;
  tilOgMedAar: number;
  grunn: string;
}> = [
  {
    tekniskNavn: 'alminneligInntektFraEnkeltpersonforetakPaaSvalbard',
    fraOgMedAar: 2023,
    tilOgMedAar: 2025,
    grunn:
      'Næringsinntekt på Svalbard: personinntekten telles gjennom positivPersoninntektFraEnkeltpersonforetakPaaSvalbard.',
  },
  {
    tekniskNavn: 'alminneligInntektFraSelskapMedDeltakerfastsettingPaaSvalbard',
    fraOgMedAar: 2023,
    tilOgMedAar: 2025,
    grunn:
      'Alminnelig inntekt fra SDF på Svalbard; skattegrunnlaget skiller ikke ut personinntekten. Åpent spørsmål, vurderes manuelt.',
  },
  {
    tekniskNavn: 'loennsinntektPaaSvalbardOver12G',
    fraOgMedAar: 2018,
    tilOgMedAar: 2022,
    grunn:
      'Den delen av lønnen på Svalbard som overstiger 12 G (grunnlag for høyere sats); lønnen er alt med i Svalbard-lønnspostene.',
  },
  {
    tekniskNavn: 'overskuddAvEnkeltpersonforetakInnenAnnenNaeringUtenTrygdeavgiftsplikt',
    fraOgMedAar: 2018,
    tilOgMedAar: 2024,
    grunn:
      'Næringsoverskudd uten trygdeavgiftsplikt har ingen beregnet personinntekt. Åpent spørsmål, vurderes manuelt.',
  },
  {
    tekniskNavn: 'overskuddAvEnkeltpersonforetakInnenJordbrukGartneriPelsdyrMv',
    fraOgMedAar: 2018,
    tilOgMedAar: 2025,
    grunn:
      'Næringsoverskudd: personinntekten (skatteloven §§ 12-10 flg.) telles gjennom personinntektspostene; å telle overskuddet i tillegg ville telle samme inntekt to ganger.',
  },
  {
    tekniskNavn: 'overskuddAvEnkeltpersonforetakInnenReindrift',
    fraOgMedAar: 2018,
    tilOgMedAar: 2025,
    grunn: 'Næringsoverskudd: personinntekten telles gjennom personinntektspostene.',
  },
  {
    tekniskNavn: 'overskuddAvEnkeltpersonforetakInnenSkiferproduksjon',
    fraOgMedAar: 2018,
    tilOgMedAar: 2025,
    grunn: 'Næringsoverskudd: personinntekten telles gjennom personinntektspostene.',
  },
  {
    tekniskNavn: 'overskuddAvEnkeltpersonforetakInnenSkogbruk',
    fraOgMedAar: 2017,
    tilOgMedAar: 2025,
    grunn:
      'Næringsoverskudd: personinntekten telles gjennom personinntektspostene; kapitalinntekt fra skog telles gjennom kapitalinntektFraSkogbruk.',
  },
  {
    tekniskNavn: 'overskuddAvSDF',
    fraOgMedAar: 2022,
    tilOgMedAar: 2025,
    grunn:
      'Overskudd fra SDF: personinntekten (arbeidsgodtgjørelse) telles gjennom personinntektFraSDF-postene.',
  },
  {
    tekniskNavn: 'overskuddFraNaeringsinntekt',
    fraOgMedAar: 2017,
    tilOgMedAar: 2022,
    grunn:
      'Samlepost for næringsoverskudd uten visningstekst; personinntekten fra næring telles gjennom personinntektspostene.',
  },
  {
    tekniskNavn: 'pensjonFraUtlandetSkattefriINorge',
    fraOgMedAar: 2018,
    tilOgMedAar: 2024,
    grunn:
      'Skattefri i Norge og ikke trygdeavgiftspliktig: verken personinntekt etter skatteloven kapittel 12 eller skattepliktig kapitalinntekt.',
  },
  {
    tekniskNavn: 'pensjonsinntektFritattForSkattEtterSkatteavtale',
    fraOgMedAar: 2018,
    tilOgMedAar: 2025,
    grunn:
      'Fritatt for skatt etter skatteavtale: verken personinntekt etter skatteloven kapittel 12 eller skattepliktig kapitalinntekt.',
  },
  {
    tekniskNavn: 'saerskiltInntektsfradragIBarnsInntekt',
    fraOgMedAar: 2019,
    tilOgMedAar: 2024,
    grunn: 'Et fradrag i barnets inntekt, ikke en inntekt.',
  },
  {
    tekniskNavn: 'samletOverskuddAvEnkeltpersonforetakInnenAnnenNaering',
    fraOgMedAar: 2017,
    tilOgMedAar: 2025,
    grunn:
      'Næringsoverskudd: personinntekten telles gjennom samletPersoninntektFraEnkeltpersonforetak-postene.',
  },
  {
    tekniskNavn: 'samletOverskuddAvEnkeltpersonforetakInnenFamiliebarnehageEllerDagmammaIEgetHjem',
    fraOgMedAar: 2017,
    tilOgMedAar: 2025,
    grunn:
      'Næringsoverskudd: personinntekten telles gjennom samletPersoninntektFraEnkeltpersonforetak-postene.',
  },
  {
    tekniskNavn: 'samletOverskuddAvEnkeltpersonforetakInnenFiskeOgFangst',
    fraOgMedAar: 2017,
    tilOgMedAar: 2025,
    grunn:
      'Næringsoverskudd: personinntekten telles gjennom samletPersoninntektFraEnkeltpersonforetak-postene.',
  },
  {
    tekniskNavn: 'samletOverskuddAvSDFInnenAnnenNaering',
    fraOgMedAar: 2018,
    tilOgMedAar: 2021,
    grunn: 'Overskudd fra SDF: personinntekten telles gjennom personinntektFraSDF-postene.',
  },
  {
    tekniskNavn: 'samletOverskuddAvSDFInnenFiskeEllerFamiliebarnehage',
    fraOgMedAar: 2018,
    tilOgMedAar: 2021,
    grunn: 'Overskudd fra SDF: personinntekten telles gjennom personinntektFraSDF-postene.',
  },
  {
    tekniskNavn: 'samledeOpptjenteRenterIUtlandet',
    fraOgMedAar: 2018,
    tilOgMedAar: 2020,
    grunn:
      'Uten kategori og visningstekst hos Skatteetaten: en sum av renter i utlandet, som telles gjennom samledeOpptjenteRenterIUtenlandskeBanker og renteinntektAvObligasjonVerdipapirfondRentedelMvIUtlandet.',
  },
  {
    tekniskNavn: 'samletAnnenRenteinntekt',
    fraOgMedAar: 2020,
    tilOgMedAar: 2020,
    grunn:
      'I 2020 uten kategori; samme opplysning står som samledeAndreOpptjenteRenter, som er den som telles fra 2020.',
  },
  {
    tekniskNavn: 'inntektsreduksjonVedAvkastningAvEngangserstatning',
    fraOgMedAar: 2017,
    tilOgMedAar: 2021,
    grunn: 'En reduksjon i inntekten (uten kategori), ikke en inntekt.',
  },
  {
    tekniskNavn: 'kompensasjonsytelseUtbetaltAvNavInnenFiskeOgFangst',
    fraOgMedAar: 2020,
    tilOgMedAar: 2022,
    grunn:
      'Næringsinntekt av kompensasjon fra NAV (uten kategori); personinntekten telles gjennom personinntektFraKompensasjonsytelse-postene.',
  },
  {
    tekniskNavn: 'naeringsinntektFraKompensasjonsytelseUtbetaltAvNavInnenAnnenNaering',
    fraOgMedAar: 2020,
    tilOgMedAar: 2023,
    grunn:
      'Næringsinntekt av kompensasjon fra NAV (uten kategori); personinntekten telles gjennom personinntektFraKompensasjonsytelse-postene.',
  },
  {
    tekniskNavn: 'naeringsinntektFraKompensasjonsytelseUtbetaltAvNavInnenBarnepassIBarnepasserensHjem',
    fraOgMedAar: 2020,
    tilOgMedAar: 2023,
    grunn:
      'Næringsinntekt av kompensasjon fra NAV (uten kategori); personinntekten telles gjennom personinntektFraKompensasjonsytelse-postene.',
  },
  {
    tekniskNavn: 'naeringsinntektFraKompensasjonsytelseUtbetaltAvNavInnenFiskeOgFangst',
    fraOgMedAar: 2020,
    tilOgMedAar: 2022,
    grunn:
      'Næringsinntekt av kompensasjon fra NAV (uten kategori); personinntekten telles gjennom personinntektFraKompensasjonsytelse-postene.',
  },
  {
    tekniskNavn: 'samletBarnepensjonOgLivrenteTilBarn',
    fraOgMedAar: 2018,
    tilOgMedAar: 2022,
    grunn:
      'Barnepensjon og livrente til barn som er 16 år eller yngre: «Som personinntekt regnes likevel ikke barnepensjon til barn som ikke er fylt 17 år» (skatteloven § 12-2 bokstav b), og ytelsen er barnets, ikke kapitalinntekt for husholdningen.',
  },
  {
    tekniskNavn: 'skattepliktigEtterloennOgEtterpensjon',
    fraOgMedAar: 2021,
    tilOgMedAar: 2022,
    grunn:
      'Etterlønn og etterpensjon etter skatteloven § 5-40 første ledd er ikke personinntekt (§ 12-2 bokstav b) og ikke kapitalinntekt.',
  },
  {
    tekniskNavn: 'underholdsbidragFraTidligereEktefelle',
    fraOgMedAar: 2019,
    tilOgMedAar: 2020,
    grunn:
      'Underholdsbidrag fra tidligere ektefelle er skattepliktig (til og med 2019), men verken personinntekt etter skatteloven § 12-2 eller kapitalinntekt.',
  },
  {
    tekniskNavn: 'skjermingsfradrag',
    fraOgMedAar: 2018,
    tilOgMedAar: 2025,
    grunn: 'Et fradrag (skjermingsfradrag); kapitalinntekten regnes brutto, uten fradrag (Udir 2018).',
  },
  {
    tekniskNavn: 'samledeAndreOpptjenteRenter',
    fraOgMedAar: 2018,
    tilOgMedAar: 2019,
    grunn: 'I 2018 og 2019 står samme opplysning også som samletAnnenRenteinntekt, som er den som telles.',
  },
  {
    tekniskNavn: 'oppjustertTilleggTilAndelIFellesTapVedSalgAvAndelISDF',
    fraOgMedAar: 2017,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilAndelIFellesTilleggIAlminneligInntektFraSDF',
    fraOgMedAar: 2024,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilAndelIFellesTilleggIAlminneligInntektFraSDFInnenAnnenNaering',
    fraOgMedAar: 2017,
    tilOgMedAar: 2022,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn:
      'oppjustertTilleggTilAndelIFellesTilleggIAlminneligInntektFraSDFInnenBarnepassIBarnepasserensHjem',
    fraOgMedAar: 2019,
    tilOgMedAar: 2022,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilGevinstVedRealisasjonAvAksje',
    fraOgMedAar: 2019,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilGevinstVedRealisasjonAvAksjeOgVerdipapirfondAksjedel',
    fraOgMedAar: 2018,
    tilOgMedAar: 2022,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilGevinstVedRealisasjonAvAksjesparekonto',
    fraOgMedAar: 2017,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilGevinstVedRealisasjonAvAndelIAksjedelIVerdipapirfond',
    fraOgMedAar: 2019,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilGevinstVedRealisasjonAvOgUttakFraAksjedelIFondskonto',
    fraOgMedAar: 2019,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn:
      'oppjustertTilleggTilGevinstVedRealisasjonAvVerdipapirfondsandelIKombifondKnyttetTilAksjedel',
    fraOgMedAar: 2019,
    tilOgMedAar: 2022,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilGevinstVedSalgAvAndelINOKUS',
    fraOgMedAar: 2017,
    tilOgMedAar: 2024,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilGevinstVedSalgAvAndelISDF',
    fraOgMedAar: 2017,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilLatentEllerRealisertGevinstPaaAksjeAndelMvVedUtflytting',
    fraOgMedAar: 2022,
    tilOgMedAar: 2024,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilLatentEllerRealisertTapPaaAksjeAndelMvVedUtflytting',
    fraOgMedAar: 2022,
    tilOgMedAar: 2024,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilLatentGevinstPaaAksjeAndelMvVedUtflyttingMedUtsattBetalingAvSkatt',
    fraOgMedAar: 2024,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilLatentGevinstPaaAksjeAndelMvVedUtflyttingUtenUtsattBetalingAvSkatt',
    fraOgMedAar: 2024,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilLatentTapPaaAksjeAndelMvVedUtflyttingMedUtsattBetalingAvSkatt',
    fraOgMedAar: 2024,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilLatentTapPaaAksjeAndelMvVedUtflyttingUtenUtsattBetalingAvSkatt',
    fraOgMedAar: 2024,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilRenteinntektMedEkstrabeskatningForLaanTilSelskap',
    fraOgMedAar: 2024,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilSkattepliktigUtbytteFraAksjeINOKUSIkkeRegistrertIVerdipapirsentralen',
    fraOgMedAar: 2017,
    tilOgMedAar: 2021,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilSkattepliktigUtbytteFraAksjeIkkeRegistrertIVerdipapirsentralen',
    fraOgMedAar: 2017,
    tilOgMedAar: 2021,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilSkattepliktigUtbytteFraAksjeOgVerdipapirfondAksjedel',
    fraOgMedAar: 2019,
    tilOgMedAar: 2021,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilTapVedRealisajonAvOgUttakFraAksjedelIFondskonto',
    fraOgMedAar: 2019,
    tilOgMedAar: 2021,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilTapVedRealisasjonAvAksje',
    fraOgMedAar: 2017,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilTapVedRealisasjonAvAksjeOgVerdipapirfondAksjedel',
    fraOgMedAar: 2018,
    tilOgMedAar: 2021,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilTapVedRealisasjonAvAksjesparekonto',
    fraOgMedAar: 2017,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilTapVedRealisasjonAvAndelIAksjedelIVerdipapirfond',
    fraOgMedAar: 2019,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilTapVedRealisasjonAvOgUttakFraAksjedelIFondskonto',
    fraOgMedAar: 2022,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilTapVedRealisasjonAvVerdipapirfondsandelIKombifondKnyttetTilAksjedel',
    fraOgMedAar: 2017,
    tilOgMedAar: 2021,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilTapVedSalgAvAndelINOKUS',
    fraOgMedAar: 2017,
    tilOgMedAar: 2024,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilUtbytteFraAksje',
    fraOgMedAar: 2019,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilUtbytteFraAksjesparekonto',
    fraOgMedAar: 2017,
    tilOgMedAar: 2019,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilUtbytteFraVerdipapirfond',
    fraOgMedAar: 2019,
    tilOgMedAar: 2025,
    grunn: OPPJUSTERING,
  },
  // Skatteetaten's names in 2017 and 2018 for posts left out above from 2018 or 2019, for the same reasons.
  {
    tekniskNavn: 'samletBarnepensjonOgLivrenteTilBarnUnderSyttenAar',
    fraOgMedAar: 2017,
    tilOgMedAar: 2017,
    grunn:
      'Barnepensjon og livrente til barn som er 16 år eller yngre: «Som personinntekt regnes likevel ikke barnepensjon til barn som ikke er fylt 17 år» (skatteloven § 12-2 bokstav b), og ytelsen er barnets, ikke kapitalinntekt for husholdningen.',
  },
  {
    tekniskNavn: 'samletOverskuddAvDeltakerlignetSelskapInnenAnnenNaering',
    fraOgMedAar: 2017,
    tilOgMedAar: 2017,
    grunn: 'Overskudd fra SDF: personinntekten telles gjennom personinntektFraSDF-postene.',
  },
  {
    tekniskNavn: 'samletOverskuddAvDeltakerlignetSelskapInnenFiskeEllerFamiliebarnehage',
    fraOgMedAar: 2017,
    tilOgMedAar: 2017,
    grunn: 'Overskudd fra SDF: personinntekten telles gjennom personinntektFraSDF-postene.',
  },
  {
    tekniskNavn: 'samletOverskuddAvEnkeltpersonforetakInnenJordbrukGartneriOgPelsdyr',
    fraOgMedAar: 2017,
    tilOgMedAar: 2017,
    grunn:
      'Næringsoverskudd: personinntekten (skatteloven §§ 12-10 flg.) telles gjennom personinntektspostene; å telle overskuddet i tillegg ville telle samme inntekt to ganger.',
  },
  {
    tekniskNavn: 'samletOverskuddAvEnkeltpersonforetakInnenReindrift',
    fraOgMedAar: 2017,
    tilOgMedAar: 2017,
    grunn: 'Næringsoverskudd: personinntekten telles gjennom personinntektspostene.',
  },
  {
    tekniskNavn: 'samletOverskuddAvEnkeltpersonforetakInnenSkiferproduksjon',
    fraOgMedAar: 2017,
    tilOgMedAar: 2017,
    grunn: 'Næringsoverskudd: personinntekten telles gjennom personinntektspostene.',
  },
  {
    tekniskNavn: 'samletSkattefriPensjonFraUtlandet',
    fraOgMedAar: 2017,
    tilOgMedAar: 2017,
    grunn:
      'Skattefri i Norge og ikke trygdeavgiftspliktig: verken personinntekt etter skatteloven kapittel 12 eller skattepliktig kapitalinntekt.',
  },
  {
    tekniskNavn: 'samletSkjermingsfradrag',
    fraOgMedAar: 2017,
    tilOgMedAar: 2017,
    grunn: 'Et fradrag (skjermingsfradrag); kapitalinntekten regnes brutto, uten fradrag (Udir 2018).',
  },
  {
    tekniskNavn: 'samledeUnderholdsbidrag',
    fraOgMedAar: 2017,
    tilOgMedAar: 2018,
    grunn:
      'Underholdsbidrag fra tidligere ektefelle er skattepliktig (til og med 2019), men verken personinntekt etter skatteloven § 12-2 eller kapitalinntekt.',
  },
  {
    tekniskNavn: 'samletAnnenInntektForForskudd',
    fraOgMedAar: 2018,
    tilOgMedAar: 2018,
    grunn:
      'Post uten visningstekst i 2018 (annen inntekt til forskuddsutskrivingen); art ukjent. Åpent spørsmål, vurderes manuelt.',
  },
  {
    tekniskNavn:
      'oppjustertTilleggTilAndelIFellesTilleggIAlminneligInntektFraSDFInnenBarnepassIBarnepasserensHjem',
    fraOgMedAar: 2017,
    tilOgMedAar: 2018,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn:
      'oppjustertTilleggTilGevinstVedRealisasjonAvVerdipapirfondsandelIKombifondKnyttetTilAksjedel',
    fraOgMedAar: 2017,
    tilOgMedAar: 2018,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilGevinstVedRealisasjonAvVerdipapirfondsandelKnyttetTilAksjedel',
    fraOgMedAar: 2017,
    tilOgMedAar: 2018,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilSkattepliktigAksjegevinst',
    fraOgMedAar: 2017,
    tilOgMedAar: 2018,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilSkattepliktigUtbytteFraAksjerRegistrertIVerdipapirsentralen',
    fraOgMedAar: 2017,
    tilOgMedAar: 2018,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilSkattepliktigUtbytteFraVerdipapirfondsandel',
    fraOgMedAar: 2017,
    tilOgMedAar: 2018,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilSkattepliktigUtbytteFraVerdipapirfondsandelTilBarn',
    fraOgMedAar: 2017,
    tilOgMedAar: 2018,
    grunn: OPPJUSTERING,
  },
  {
    tekniskNavn: 'oppjustertTilleggTilTapVedRealisasjonAvVerdipapirfondsandelKnyttetTilAksjedel',
    fraOgMedAar: 2017,
    tilOgMedAar: 2018,
    grunn: OPPJUSTERING,
  },
];

/** The post definition of BARNEHAGE_SFO: two income groups over the household, no deductions. */
export const POSTDEFINISJON: Postdefinisjon = {
  beregningstype: 'BARNEHAGE_SFO',
  fraOgMedAar: 2017,
  tilOgMedAar: 2025,
  kilde: {
    tittel:
      'Forskrift om foreldrebetaling i barnehager (FOR-2005-12-16-1478) § 3d tredje ledd, tilføyd ved FOR-2020-02-28-199, med merknaden til § 3b; skatteloven § 12-2; Udirs tolkning «skattepliktige kapitalinntekter» (2018, brutto). Forskriften lest i Lovdatas åpne data (NLOD 2.0) gjennom speilet sstraume97/norwegian-laws',
    url: 'https://lovdata.no/dokument/SF/forskrift/2005-12-16-1478',
    hjemmel: 'forskrift om foreldrebetaling i barnehager § 3d tredje ledd',
    sitat:
      'Med husholdningens inntekter menes i forskriften her husholdningens samlede personinntekt etter skatteloven kapittel 12 og skattepliktig kapitalinntekt.',
    konfidens: 'A',
  },
  inntekt: [
    {
      tekniskNavn: 'personinntekt',
      visningstekst: 'Personinntekt (skatteloven kapittel 12)',
      operasjon: 'ADDERE',
      persontyper: HUSHOLDNINGEN,
      hjemmel: HJEMMEL_INNTEKT,
      poster: PERSONINNTEKT_POSTER,
    },
    {
      tekniskNavn: 'kapitalinntekt',
      visningstekst: 'Skattepliktig kapitalinntekt, brutto',
      operasjon: 'ADDERE',
      persontyper: HUSHOLDNINGEN,
      hjemmel: HJEMMEL_INNTEKT,
      poster: KAPITALINNTEKT_POSTER,
    },
    {
      tekniskNavn: 'annenDokumentertInntekt',
      visningstekst: 'Annen dokumentert inntekt',
      operasjon: 'ADDERE',
      persontyper: HUSHOLDNINGEN,
      hjemmel: 'forskrift om foreldrebetaling i barnehager § 3e fjerde ledd',
      poster: [
        {
          tekniskNavn: 'kommune.annenDokumentertInntekt',
          operasjon: 'ADDERE',
          merknad:
            'Inntekt saksbehandleren har dokumentert på annen måte: når skatteopplysninger mangler (§ 3e fjerde ledd), eller ved varig nedgang i inntekten (§ 3b og § 3c).',
        },
      ],
    },
  ],
  fradrag: [],
  visning: { grupper: ['INNTEKT'] },
};

/**
 * Pairs of posts that may be two names for the same income in the years both exist (Skatteetaten renamed
 * and split posts around 2019–2022). Both are counted, as NAV does; when one person has both, the result
 * warns so the case worker can check that the income is not counted twice.
 */
export const MULIG_DOBBELTTELLING: ReadonlyArray<{ samlepost: string; delposter: readonly string[] }> = [
  { samlepost: 'samletPensjonFraFolketrygden', delposter: ['alderspensjonFraFolketrygden'] },
  {
    samlepost: 'samletLoennsinntektUtenTrygdeavgiftspliktOgMedTrekkplikt',
    delposter: ['loennsinntektUtenTrygdeavgiftspliktOgMedTrekkplikt'],
  },
  {
    samlepost: 'dagpengerForNaeringsdrivendeOgFisker',
    delposter: ['dagpengerForNaeringsdrivende', 'dagpengerForFisker'],
  },
  {
    samlepost: 'samledeUfoererenterOgLivrenter',
    delposter: [
      'ufoererenterOgLivrenterUtenforArbeidsforhold',
      'livrenterUtenforArbeidsforhold',
      'livrenterIArbeidsforhold',
    ],
  },
  {
    samlepost: 'samletBarnepensjonOgLivrente',
    delposter: [
      'barnepensjonFraFolketrygden',
      'barnepensjonFraAndreEnnFolketrygden',
      'barnepensjonFraIPAOgIPS',
    ],
  },
  {
    samlepost: 'samletSkattepliktigOverskuddFraUtleieAvFastEiendom',
    delposter: ['nettoinntektVedUtleieAvFastEiendomMv'],
  },
  {
    samlepost: 'gevinstVedRealisasjonAvAksjeOgVerdipapirfondAksjedel',
    delposter: ['gevinstVedRealisasjonAvAksje', 'gevinstVedRealisasjonAvAndelIAksjedelIVerdipapirfond'],
  },
  {
    // 2018 lists the sum beside the posts of the settlement form (3.1.8, 3.1.9).
    samlepost: 'gevinstVedRealisasjonAvAksjeOgVerdipapirfondAksjedel',
    delposter: ['skattepliktigAksjegevinst', 'gevinstVedRealisasjonAvVerdipapirfondsandelKnyttetTilAksjedel'],
  },
  {
    samlepost: 'gevinstVedRealisasjonAvObligasjonVerdipapirfondRentedelMv',
    delposter: [
      'gevinstVedRealisasjonAvObligasjonerSertifikaterMv',
      'gevinstVedRealisasjonAvAndelIRentedelIVerdipapirfond',
    ],
  },
  {
    samlepost: 'gevinstVedRealisasjonAvObligasjonVerdipapirfondRentedelMv',
    delposter: [
      'samletSkattepliktigGevinstVedRealisasjonAvObligasjonEllerVerdipapirfondsandel',
      'samletGevinstVedRealisasjonAvVerdipapirfondsandelKnyttetTilRentedel',
    ],
  },
  {
    samlepost: 'renteinntektAvObligasjonVerdipapirfondRentedelMv',
    delposter: ['renteinntektAvObligasjon', 'renteinntektAvVerdipapirfondsandel'],
  },
  { samlepost: 'utbytteFraAksje', delposter: ['utbytteFraAksjesparekonto'] },
  {
    samlepost: 'annenSkattepliktigKapitalinntektFraVirtuellValuta',
    delposter: ['gevinstOgAnnenInntektFraVirtuellEiendel'],
  },
];

/** Every post the definition counts in an income year. */
export function postnavnForAar(inntektsaar: number): Set<string> {
  const def = definisjonForAar(POSTDEFINISJON, inntektsaar);
  return new Set(def.inntekt.flatMap((g) => g.poster.map((p) => p.tekniskNavn)));
}
