import { PARTNERTYPER, type Persontype } from '@inntektsgrunnlag/person';
import type { Gruppedefinisjon, Postdefinisjon, PostIGruppe } from '@inntektsgrunnlag/skattegrunnlag';

/**
 * Which posts count for LANGTIDSOPPHOLD_INSTITUSJON, income year by income year (2017–2025), as data.
 *
 * The income concept is egenandelsforskriften (FOR-2011-12-16-1349) § 3 fjerde ledd:
 * @lovtekst FOR-2011-12-16-1349 § 3 fjerde ledd
 * «Som inntekt regnes årets inntekter på grunnlag av pensjon, andre løpende trygdeytelser,
 * arbeidsinntekt, næringsinntekt, leieinntekt, renter og annen avkastning av formue, etter fradrag av
 * skatt og gjeldsrenter. Avkastning av erstatning for fremtidige utgifter regnes ikke som inntekt.»
 *
 * Each post below was chosen from Skatteetaten's catalogue of the year
 * (packages/skattegrunnlag/data/poster-ÅÅÅÅ.tsv); names change between years, so a post carries the
 * years it exists. Only the resident's (SOEKER's) income and tax count: the partner's income is a
 * mellomregning for the forsørgerfradrag. Every catalogue post of kategori «inntekt» is either counted
 * here, or listed in {@link REALISASJON} (gains, kept outside), or in {@link IKKE_MEDREGNET} with the
 * reason (tested, so a new post in a new year cannot slip through unseen).
 */

type Post = PostIGruppe;
const pluss = (tekniskNavn: string, fra?: number, til?: number, merknad?: string): Post => ({
  tekniskNavn,
  operasjon: 'ADDERE',
  ...(fra !== undefined ? { fraOgMedAar: fra } : {}),
  ...(til !== undefined ? { tilOgMedAar: til } : {}),
  ...(merknad ? { merknad } : {}),
});
const minus = (tekniskNavn: string, fra?: number, til?: number, merknad?: string): Post => ({
  ...pluss(tekniskNavn, fra, til, merknad),
  operasjon: 'SUBTRAHERE',
});

const P3_FJERDE = 'egenandelsforskriften § 3 fjerde ledd';
const SOEKER: readonly Persontype[] = ['SOEKER'];
/** Spouse, registered partner or cohabitant living at home. */
export const PARTNERPERSONTYPER: readonly Persontype[] = [...PARTNERTYPER];

/** Pensions and other running benefits («pensjon, andre løpende trygdeytelser»). */
const PENSJON_OG_TRYGD: readonly Post[] = [
  pluss('samletPensjonFraFolketrygden', undefined, 2022, 'Alderspensjon fra folketrygden, navnet til 2022'),
  pluss('alderspensjonFraFolketrygden', 2022),
  pluss('alderspensjonFraIPAOgIPS', 2019),
  pluss('samletAvtalefestetPensjon'),
  pluss('livsvarigAvtalefestetPensjonIOffentligSektor', 2025),
  pluss('slitertillegg', 2020),
  pluss('skjermingstilleggTilAlderspensjon', 2022),
  pluss('samletAnnenPensjonMedTrekkpliktEksklusiveEktefelletillegg'),
  pluss('samletAnnenPensjonUtenTrekkplikt', 2018, 2022),
  pluss(
    'samletAnnenPensjonMedTrekkfritak',
    undefined,
    2017,
    'navnet i 2017 på andre pensjoner uten skattetrekk',
  ),
  pluss('ektefelletilleggTilPensjon'),
  pluss('ektefelletilleggTilUfoeretrygd'),
  pluss('etterlattepensjonFraFolketrygden'),
  pluss('barnepensjonFraFolketrygden', 2019),
  pluss('barnepensjonFraAndreEnnFolketrygden', 2019),
  pluss('barnepensjonFraIPAOgIPS', 2019),
  pluss('samletUfoeretrygdFraFolketrygdenEksklusiveEktefelletillegg'),
  pluss('samletUfoereytelseFraAndreEnnFolketrygden'),
  pluss('ufoeretrygdOmfattetAvLoennstrekkordningen'),
  pluss('ufoereytelseFraIPAOgIPS', 2019),
  pluss('ufoereytelseFraUtlandet', 2018),
  pluss('samledeUfoererenterOgLivrenter', undefined, 2022),
  pluss('ufoererenterOgLivrenterUtenforArbeidsforhold', 2022),
  pluss('livrenterIArbeidsforhold', 2020),
  pluss('livrenterUtenforArbeidsforhold', 2019),
  pluss('fortsettelsesforsikring', 2019, 2021),
  pluss('pensjonFraUtlandetSkattepliktigINorge', 2018),
  pluss('pensjonFraUtlandetSkattefriINorge', 2018, 2024, 'skattefri i Norge, men pensjon etter § 3'),
  pluss(
    'samletSkattefriPensjonFraUtlandet',
    undefined,
    2017,
    'navnet i 2017 på skattefri pensjon fra utlandet',
  ),
  pluss('pensjonsinntektFritattForSkattEtterSkatteavtale', 2018),
  pluss('pensjonsinntektIEOESTilsvarendeAlderspensjonEllerAFP', 2018),
  pluss('samletPensjonFraEOeSStatSomTilsvarerNorskAlderspensjonEllerAvtalefestetPensjon', undefined, 2017),
  pluss('pensjonsinntektOmfattetAvLoennstrekkordningen'),
  pluss('engangsutbetalingFraIPSIPA', 2019),
  pluss('utbetalingFraAvtaleOmSkattefavorisertIndividuellSparingTilPensjonTegnetFomNov2017', 2018),
  pluss('skattepliktigEtterloennOgEtterpensjon', 2021, 2022),
  pluss('supplerendeStoenad', 2018),
  pluss('samletSupplerendeStoenad', undefined, 2017, 'navnet i 2017 på supplerende stønad'),
  pluss('supplerendeStoenadTilUfoerFlyktning', 2021),
  pluss('arbeidsavklaringspenger'),
  pluss('dagpengerForNaeringsdrivendeOgFisker', undefined, 2022),
  pluss('dagpengerForNaeringsdrivende', 2022),
  pluss('dagpengerForFisker', 2022),
  pluss('introduksjonsstoenad', 2018),
  pluss('kvalifiseringsstoenad'),
  pluss('overgangsstoenadTilEnsligForelder'),
  pluss('omstillingsstoenad', 2024),
  pluss('ungdomsprogramytelse', 2025),
];

/**
 * The resident's pensions for § 5 tredje ledd, «50 prosent av beboerens brutto offentlige pensjoner etter
 * samordning og 50 prosent av beboerens brutto private pensjonsytelser». Both halves are 50 %, so the
 * product need not tell public from private (Skatteetaten's «Andre pensjoner» holds both tjenestepensjon
 * from SPK/KLP and from private schemes); what it must tell is a pension from a benefit:
 * - public pensions, as paid, which is after samordning: alderspensjon and its skjermingstillegg and
 *   ektefelletillegg, AFP, etterlattepensjon from folketrygden, public tjenestepensjon (in «Andre
 *   pensjoner»), and uføretrygd: the uførepensjon of 2011, when the regulation was written, renamed
 *   uføretrygd in 2015 and still samordnet with tjenestepensjon;
 * - private pensions: tjenestepensjon, IPA/IPS/EPK and other pension savings, livrenter and uførerenter,
 *   pension from abroad;
 * - not pensions: barnepensjon (the child's), supplerende stønad, arbeidsavklaringspenger, dagpenger,
 *   omstillingsstønad and the other stønader, which § 3 fjerde ledd counts as «andre løpende
 *   trygdeytelser», not as pension; and etterlønn og etterpensjon (2021–2022), a mix of wage and pension.
 */
const PENSJONSPOSTER_PARAGRAF5: ReadonlySet<string> = new Set([
  'samletPensjonFraFolketrygden',
  'alderspensjonFraFolketrygden',
  'alderspensjonFraIPAOgIPS',
  'samletAvtalefestetPensjon',
  'livsvarigAvtalefestetPensjonIOffentligSektor',
  'slitertillegg',
  'skjermingstilleggTilAlderspensjon',
  'samletAnnenPensjonMedTrekkpliktEksklusiveEktefelletillegg',
  'samletAnnenPensjonUtenTrekkplikt',
  // 2017's names of the same pensions (other pensions without tax deduction, pension from abroad free of
  // Norwegian tax, pension from an EEA state like alderspensjon or AFP).
  'samletAnnenPensjonMedTrekkfritak',
  'samletSkattefriPensjonFraUtlandet',
  'samletPensjonFraEOeSStatSomTilsvarerNorskAlderspensjonEllerAvtalefestetPensjon',
  'ektefelletilleggTilPensjon',
  'ektefelletilleggTilUfoeretrygd',
  'etterlattepensjonFraFolketrygden',
  'samletUfoeretrygdFraFolketrygdenEksklusiveEktefelletillegg',
  'samletUfoereytelseFraAndreEnnFolketrygden',
  'ufoeretrygdOmfattetAvLoennstrekkordningen',
  'ufoereytelseFraIPAOgIPS',
  'ufoereytelseFraUtlandet',
  'samledeUfoererenterOgLivrenter',
  'ufoererenterOgLivrenterUtenforArbeidsforhold',
  'livrenterIArbeidsforhold',
  'livrenterUtenforArbeidsforhold',
  'fortsettelsesforsikring',
  'pensjonFraUtlandetSkattepliktigINorge',
  'pensjonFraUtlandetSkattefriINorge',
  'pensjonsinntektFritattForSkattEtterSkatteavtale',
  'pensjonsinntektIEOESTilsvarendeAlderspensjonEllerAFP',
  'pensjonsinntektOmfattetAvLoennstrekkordningen',
  'engangsutbetalingFraIPSIPA',
  'utbetalingFraAvtaleOmSkattefavorisertIndividuellSparingTilPensjonTegnetFomNov2017',
]);
/** The resident's pensions for § 5 tredje ledd, with the years of each post as in the income. */
export const PENSJONER_PARAGRAF5: readonly Post[] = PENSJON_OG_TRYGD.filter((p) =>
  PENSJONSPOSTER_PARAGRAF5.has(p.tekniskNavn),
);

/**
 * The spouse's or child's «pensjon fra folketrygden» that reduces the forsørgerfradrag krone for krone
 * (§ 5 andre ledd): pensions paid by folketrygden only. A tjenestepensjon, AFP or private pension of the
 * spouse does not reduce it, nor does a stønad that is not a pension.
 */
const PENSJONSPOSTER_FOLKETRYGDEN: ReadonlySet<string> = new Set([
  'samletPensjonFraFolketrygden',
  'alderspensjonFraFolketrygden',
  'skjermingstilleggTilAlderspensjon',
  'ektefelletilleggTilPensjon',
  'ektefelletilleggTilUfoeretrygd',
  'etterlattepensjonFraFolketrygden',
  'barnepensjonFraFolketrygden',
  'samletUfoeretrygdFraFolketrygdenEksklusiveEktefelletillegg',
  'ufoeretrygdOmfattetAvLoennstrekkordningen',
]);
const PENSJON_FRA_FOLKETRYGDEN: readonly Post[] = PENSJON_OG_TRYGD.filter((p) =>
  PENSJONSPOSTER_FOLKETRYGDEN.has(p.tekniskNavn),
);

/** Work income («arbeidsinntekt»): wages (sick pay and the like are reported as wages), benefits in kind. */
const ARBEID: readonly Post[] = [
  pluss('samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt'),
  pluss('samletLoennsinntektUtenTrygdeavgiftspliktOgMedTrekkplikt', undefined, 2022),
  pluss('loennsinntektUtenTrygdeavgiftspliktOgMedTrekkplikt', 2022, 2024),
  pluss('samletLoennsinntektUtenTrygdeavgiftspliktOgUtenTrekkplikt', 2018, 2021),
  pluss('skattefriLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt'),
  pluss('loennsinntektMedTrygdeavgiftspliktOmfattetAvLoennstrekkordningen'),
  pluss('loennsinntektUtenTrygdeavgiftspliktOmfattetAvLoennstrekkordningen'),
  pluss('nettoLoennsinntektFraArbeidINorge', 2022),
  pluss('avkortetFordelVedElektroniskKommunikasjon', 2018),
  pluss('annenArbeidsinntekt'),
  pluss('arbeidsinntektFraKompensasjonsytelseUtbetaltAvNav', 2020, 2023),
  pluss('samletOverskuddPaaUtgiftsgodtgjoerelse'),
  pluss('samletUtgiftsgodtgjoerelseMedTrekkplikt', 2018, 2020),
  pluss('overskuddAvUtgiftsgodtgjoerelseVedSmusstillegg', 2019),
  pluss('godtgjoerelseEtterSaeravtaleIUtenrikstjenesten', 2023),
  pluss('styrehonorarFraNorskSelskapTilSkattepliktigBosattIUtlandet', 2018),
  pluss('inntektFraLottEllerPartTilFiskerOgFangstmann', 2018, 2021),
  pluss('samletLottinntekt', undefined, 2017, 'navnet i 2017 på inntekt fra fiske og fangst'),
  pluss('personinntektFraSkattefriLottMedTrygdeavgiftspliktForUtenlandskFisker', 2020),
];

/** Business income («næringsinntekt»): the year's surplus, less the year's deficit (not earlier years'). */
const NAERING: readonly Post[] = [
  pluss('samletOverskuddAvEnkeltpersonforetakInnenAnnenNaering'),
  pluss('overskuddAvEnkeltpersonforetakInnenAnnenNaeringUtenTrygdeavgiftsplikt', 2018, 2024),
  pluss('samletOverskuddAvEnkeltpersonforetakInnenFamiliebarnehageEllerDagmammaIEgetHjem'),
  pluss('samletOverskuddAvEnkeltpersonforetakInnenFiskeOgFangst'),
  pluss('overskuddAvEnkeltpersonforetakInnenJordbrukGartneriPelsdyrMv', 2018),
  pluss('samletOverskuddAvEnkeltpersonforetakInnenJordbrukGartneriOgPelsdyr', undefined, 2017),
  pluss('overskuddAvEnkeltpersonforetakInnenReindrift', 2018),
  pluss('samletOverskuddAvEnkeltpersonforetakInnenReindrift', undefined, 2017),
  pluss('overskuddAvEnkeltpersonforetakInnenSkiferproduksjon', 2018),
  pluss('samletOverskuddAvEnkeltpersonforetakInnenSkiferproduksjon', undefined, 2017),
  pluss('overskuddAvEnkeltpersonforetakInnenSkogbruk'),
  pluss('kapitalinntektFraSkogbruk'),
  pluss('samletOverskuddAvSDFInnenAnnenNaering', 2018, 2021),
  pluss('samletOverskuddAvSDFInnenFiskeEllerFamiliebarnehage', 2018, 2021),
  pluss('samletOverskuddAvDeltakerlignetSelskapInnenAnnenNaering', undefined, 2017),
  pluss('samletOverskuddAvDeltakerlignetSelskapInnenFiskeEllerFamiliebarnehage', undefined, 2017),
  pluss('overskuddAvSDF', 2022),
  pluss('alminneligInntektFraEnkeltpersonforetakPaaSvalbard', 2023),
  pluss('alminneligInntektFraSelskapMedDeltakerfastsettingPaaSvalbard', 2023),
  minus('samletUnderskuddINaeringsvirksomhet', undefined, undefined, 'årets underskudd'),
  minus('samletUnderskuddAvSDF', 2019, 2021),
  minus('underskuddFraSDF', 2022),
  minus('underskuddAvEnkeltpersonforetakPaaSvalbard'),
  minus('kapitalkostnadFraSkogbruk'),
];

/** Rental income («leieinntekt»), net of the year's rental deficit. */
const LEIE: readonly Post[] = [
  pluss('samletSkattepliktigOverskuddFraUtleieAvFastEiendom', undefined, 2022),
  pluss('nettoinntektVedUtleieAvFastEiendomMv', 2022),
  pluss('samletSkattepliktigOverskuddFraUtleieAvFastEiendomIUtlandet', undefined, 2021),
  pluss('inntektVedUtleieAvFritidseiendomSomSkattepliktigeHarBrukt', 2018, 2021),
  pluss('samletSkattepliktigOverskuddAvUtleieAvFritidseiendom', undefined, 2017),
  pluss('mottattFesteavgift', 2020),
  pluss('samletAndelAvInntektIBoligselskapEllerBoligsameie'),
  minus('samletFradragsberettigetUnderskuddVedUtleieAvFastEiendom', undefined, 2022),
  minus('underskuddVedUtleieMvAvFastEiendomUtenforNaering', 2022),
  minus('samletAndelAvFradragsberettigetFelleskostnadForBoligselskapEllerBoligsameie'),
];

/** Interest («renter»). */
const RENTER: readonly Post[] = [
  pluss('samledeOpptjenteRenterIInnenlandskeBanker'),
  pluss('samledeOpptjenteRenterIUtenlandskeBanker', 2018, 2022),
  pluss(
    'samletOpptjenteRenterIUtlandskeBanker',
    undefined,
    2017,
    'navnet i 2017 på renter i utenlandsk bank',
  ),
  pluss('samledeAndreOpptjenteRenter', 2018, 2021),
  // Kategori «inntekt» only in 2019; in 2020 it has no kategori (a summary beside the interest posts).
  pluss('samletAnnenRenteinntekt', undefined, 2019),
  pluss('renteinntektAvObligasjon', 2019),
  pluss('renteinntektAvVerdipapirfondsandel', 2019),
  pluss('renteinntektAvObligasjonVerdipapirfondRentedelMv', 2018, 2022),
  pluss('renteinntektAvObligasjonVerdipapirfondRentedelMvIUtlandet', 2018, 2021),
  pluss('renteinntektAvAnnetFinansprodukt', 2020),
  pluss('renteinntektAvLivsforsikring', 2019),
  pluss('opptjenteRenterFraPrivatUtestaaendeFordring', 2018),
  pluss('opptjenteRenterFraUtestaaendeFordring', 2021),
  pluss('renteinntektMedEkstrabeskatningForLaanTilSelskap', 2018, undefined, 'uten oppjusteringen'),
  pluss('samletRenteinntektPaaLaanTilSelskapSomSkalEkstrabeskattes', undefined, 2017, 'uten oppjusteringen'),
];

/**
 * Other return on capital («annen avkastning av formue»): dividends as paid, never their
 * oppjustering (a tax multiplier, not money received; the KS example counts utbytte 27 493 and leaves
 * the oppjustering 19 795 out).
 */
const AVKASTNING: readonly Post[] = [
  pluss('utbytteFraAksje', 2019),
  pluss('utbytteFraVerdipapirfond', 2019),
  pluss(
    'skattepliktigUtbytteFraAksjerRegistrertIVerdipapirsentralen',
    undefined,
    2018,
    'utbytte på aksjer i VPS, før 2019',
  ),
  pluss(
    'skattepliktigUtbytteFraVerdipapirfondsandel',
    undefined,
    2018,
    'utbytte fra verdipapirfond, før 2019',
  ),
  pluss('skattepliktigUtbytteFraAksjeOgVerdipapirfondAksjedel', 2019, 2021),
  pluss('skattepliktigUtbytteFraAksjeIkkeRegistrertIVerdipapirsentralen', undefined, 2021),
  pluss('skattepliktigUtbytteFraAksjeINOKUSIkkeRegistrertIVerdipapirsentralen', undefined, 2021),
  pluss('skattepliktigAvkastningEllerKundeutbytte'),
  pluss('andelIFellesTilleggIAlminneligInntektFraSDF', 2022),
  pluss('andelIFellesTilleggIAlminneligInntektFraSDFInnenAnnenNaering', undefined, 2021),
  pluss('andelIFellesTilleggIAlminneligInntektFraSDFInnenBarnepassIBarnepasserensHjem', undefined, 2021),
  pluss('returprovisjonKnyttetTilAksjesparekonto', 2020),
  pluss('returprovisjonKnyttetTilFondskonto', 2020),
  pluss('returprovisjonKnyttetTilVerdipapirfond', 2020),
  pluss('annenSkattepliktigKapitalinntektFraAnnetFinansprodukt', 2019),
  pluss('annenSkattepliktigKapitalinntektFraVirtuellValuta', 2019, 2022),
];

/** The resident's interest on debt («gjeldsrenter»). Each person's own share, as the tax settlement splits it. */
const GJELDSRENTER: readonly Post[] = [
  pluss('samledePaaloepteRenterPaaGjeldIInnenlandskeBanker', 2018),
  pluss('samledePaaloepteRenter', undefined, 2020),
  pluss('samledePaaloepteRenterPaaGjeldIUtlandet', undefined, 2021),
  pluss('samledeAndrePaaloepteRenter', 2018, 2022),
  pluss('paaloepteRenterFraPrivatGjeld', 2018, 2021),
  pluss('paaloepteRenterFraAnnenGjeld', 2021),
  pluss('paaloepteRenterFraInkassoselskap', 2020),
  pluss('betalteForsinkelsesrenter', 2022),
];

/**
 * Gains (+) and losses (−) on realisation of wealth or debt. Not income: «Gevinst og tap ved realisasjon
 * av formue eller gjeld skal holdes utenfor beregningen» (Sivilombudet 17.11.2025); I-47/98: «Som
 * inntekt regnes ikke gevinst ved salg av egen bolig eller lotterigevinst o.l.». Kept as a mellomregning
 * so the result shows them and the tax rule can ask for their tax effect.
 */
export const REALISASJON: readonly Post[] = [
  pluss('gevinstVedRealisasjonAvFastEiendomMv', 2018),
  pluss('samletSkattepliktigGevinstVedSalgAvFastEiendomMv', undefined, 2017),
  pluss('gevinstVedRealisasjonAvFastEiendomMvIUtlandet', undefined, 2022),
  pluss('gevinstVedRealisasjonAvAksje', 2019),
  pluss('skattepliktigAksjegevinst', undefined, 2018),
  pluss('gevinstVedRealisasjonAvVerdipapirfondsandelKnyttetTilAksjedel', undefined, 2018),
  pluss('samletGevinstVedRealisasjonAvVerdipapirfondsandelKnyttetTilRentedel', undefined, 2018),
  pluss('samletSkattepliktigGevinstVedRealisasjonAvObligasjonEllerVerdipapirfondsandel', undefined, 2018),
  pluss('samletGevinstVedRealisasjonAvAndreFinansprodukter', undefined, 2018),
  pluss('gevinstVedRealisasjonAvAksjeOgVerdipapirfondAksjedel', 2018, 2022),
  pluss('gevinstVedRealisasjonAvAksjesparekonto'),
  pluss('gevinstVedRealisasjonAvAndelIAksjedelIVerdipapirfond', 2019),
  pluss('gevinstVedRealisasjonAvAndelIRentedelIVerdipapirfond', 2019),
  pluss('gevinstVedRealisasjonAvVerdipapirfondsandelIKombifondKnyttetTilAksjedel', undefined, 2022),
  pluss('gevinstVedRealisasjonAvOgUttakFraAksjedelIFondskonto', 2019),
  pluss('gevinstVedRealisasjonAvOgUttakFraRentedelIFondskonto', 2019),
  pluss('gevinstVedRealisasjonAvObligasjonerSertifikaterMv', 2019),
  pluss('gevinstVedRealisasjonAvObligasjonVerdipapirfondRentedelMv', 2018, 2021),
  pluss('gevinstVedRealisasjonAvAnnetFinansprodukt', 2019),
  pluss('gevinstVedRealisasjonAvVirtuellValuta', 2019, 2021),
  pluss('gevinstOgAnnenInntektFraVirtuellEiendel', 2022),
  pluss('gevinstVedSalgAvAndelINOKUS', 2018, 2024),
  pluss('samletSkattepliktigGevinstVedSalgAvAndelerIKNANSNOKUS', undefined, 2017),
  pluss('gevinstVedSalgAvAndelISDF'),
  pluss('gevinstValutalaan', 2019),
  pluss('inntektFraGevinstOgTapskonto'),
  pluss('inntektsfoeringAvNegativSaldo', undefined, 2024, 'gevinst ved realisasjon av driftsmidler'),
  pluss('latentEllerRealisertGevinstPaaAksjeAndelMvVedUtflytting', 2022, 2024),
  pluss('latentEllerRealisertGevinstPaaAnnetFinansproduktMvVedUtflytting', 2022, 2024),
  pluss('latentEllerRealisertGevinstPaaOpsjonerIArbeidsforholdVedUtflytting', 2024, 2024),
  pluss('latentGevinstPaaAksjeAndelMvVedUtflyttingMedUtsattBetalingAvSkatt', 2024),
  pluss('latentGevinstPaaAksjeAndelMvVedUtflyttingUtenUtsattBetalingAvSkatt', 2024),
  pluss('latentGevinstPaaAnnetFinansproduktMvVedUtflyttingMedUtsattBetalingAvSkatt', 2024),
  pluss('latentGevinstPaaAnnetFinansproduktMvVedUtflyttingUtenUtsattBetalingAvSkatt', 2024),
  pluss('latentGevinstPaaOpsjonIArbeidsforholdVedUtflyttingMedUtsattBetalingAvSkatt', 2024),
  pluss('latentGevinstPaaOpsjonIArbeidsforholdVedUtflyttingUtenUtsattBetalingAvSkatt', 2024),
  minus('fradragsberettigetTapVedRealisasjonAvFastEiendom'),
  minus('fradragsberettigetTapVedRealisasjonAvFastEiendomIUtlandet', undefined, 2022),
  minus('tapVedRealisasjonAvAksje'),
  minus('tapVedRealisasjonAvAksjeOgVerdipapirfondAksjedel', 2018, 2021),
  minus('tapVedRealisasjonAvAksjesparekonto'),
  minus('tapVedRealisasjonAvVerdipapirfondsandelKnyttetTilAksjedel', undefined, 2018),
  minus('samletTapVedRealisasjonAvVerdipapirfondsandelKnyttetTilRentedel', undefined, 2018),
  minus('tapVedRealisasjonAvAndelIAksjedelIVerdipapirfond', 2019),
  minus('tapVedRealisasjonAvAndelIRentedelIVerdipapirfond', 2019),
  minus('tapVedRealisasjonAvVerdipapirfondsandelIKombifondKnyttetTilAksjedel', undefined, 2021),
  minus('tapVedRealisajonAvOgUttakFraAksjedelIFondskonto', 2019, 2021),
  minus('tapVedRealisasjonAvOgUttakFraAksjedelIFondskonto', 2022),
  minus('tapVedRealisasjonAvOgUttakFraRentedelIFondskonto', 2019),
  minus('tapVedRealisasjonAvObligasjoner'),
  minus('tapVedRealisasjonAvObligasjonVerdipapirfondRentedelMv', 2018, 2021),
  minus('tapVedRealisasjonAvAnnetFinansprodukt', 2018),
  minus('tapVedRealisasjonAvVirtuellValuta', 2019, 2021),
  minus('tapOgAnnenKostnadFraVirtuellEiendel', 2022),
  minus('tapVedSalgAvAndelINOKUS', undefined, 2024),
  minus('andelIFellesTapVedSalgAvAndelISDF'),
  minus('tapValutalaan', undefined, 2017, 'i 2018 heter tapet tapVedRealisasjonAvAnnetFinansprodukt'),
  minus('tapValutalaan', 2019, undefined, 'tapet i Sivilombudets sak 17.11.2025'),
  minus('inntektsfradragFraGevinstOgTapskonto', 2022),
  minus('fradragsberettigetTapPaaKapitalforsikringsavtale', 2019),
  minus('fradragsberettigetTapVedSvindel', 2023, undefined, 'tap av formue, ikke en utgift av inntekten'),
  minus('latentEllerRealisertTapPaaAksjeAndelMvVedUtflytting', 2022, 2024),
  minus('latentEllerRealisertTapPaaAnnetFinansproduktMvVedUtflytting', 2022, 2024),
  minus('latentEllerRealisertTapPaaOpsjonerIArbeidsforholdVedUtflytting', 2024, 2024),
  minus('latentTapPaaAksjeAndelMvVedUtflyttingMedUtsattBetalingAvSkatt', 2024),
  minus('latentTapPaaAksjeAndelMvVedUtflyttingUtenUtsattBetalingAvSkatt', 2024),
  minus('latentTapPaaAnnetFinansproduktMvVedUtflyttingMedUtsattBetalingAvSkatt', 2024),
  minus('latentTapPaaAnnetFinansproduktMvVedUtflyttingUtenUtsattBetalingAvSkatt', 2024),
  minus('latentTapPaaOpsjonIArbeidsforholdVedUtflyttingMedUtsattBetalingAvSkatt', 2024),
  minus('latentTapPaaOpsjonIArbeidsforholdVedUtflyttingUtenUtsattBetalingAvSkatt', 2024),
];

/** Why a post of kategori «inntekt» is not counted. */
export type IkkeMedregnetGrunn =
  /** The amount is already in a counted post (a personinntekt basis, a tax deduction shown as a post). */
  | 'OVERLAPP'
  /** Not income under § 3 fjerde ledd (lottery winnings, a child's income). The case worker is told. */
  | 'IKKE_INNTEKT'
  /** Unclear: the case worker must judge it and, if it counts, enter it as kommune.annenDokumentertInntekt. */
  | 'VURDER';

/** Catalogue posts of kategori «inntekt» (and one summary post) that are deliberately not counted. */
export const IKKE_MEDREGNET: Readonly<Record<string, { grunn: IkkeMedregnetGrunn; forklaring: string }>> = {
  skjermingsfradrag: {
    grunn: 'OVERLAPP',
    forklaring: 'skjermingsfradraget reduserer bare skatten på utbyttet; utbyttet telles fullt',
  },
  samletSkjermingsfradrag: {
    grunn: 'OVERLAPP',
    forklaring:
      'skjermingsfradraget reduserer bare skatten på utbyttet; utbyttet telles fullt (navnet i 2017)',
  },
  samletPersoninntektFraEnkeltpersonforetakInnenJordbrukReindriftSkiferproduksjonOgAnnenNaering: {
    grunn: 'OVERLAPP',
    forklaring: 'personinntekt er grunnlaget for trygdeavgift; næringsinntekten telles i overskuddspostene',
  },
  samletPersoninntektFraEnkeltpersonforetakInnenFiskeOgFangst: {
    grunn: 'OVERLAPP',
    forklaring: 'personinntekt er grunnlaget for trygdeavgift; næringsinntekten telles i overskuddspostene',
  },
  samletPersoninntektFraEnkeltpersonforetakInnenFamiliebarnehageEllerDagmammaIEgetHjem: {
    grunn: 'OVERLAPP',
    forklaring: 'personinntekt er grunnlaget for trygdeavgift; næringsinntekten telles i overskuddspostene',
  },
  positivPersoninntektFraEnkeltpersonforetakPaaSvalbard: {
    grunn: 'OVERLAPP',
    forklaring: 'personinntekt er grunnlaget for trygdeavgift; næringsinntekten telles i overskuddspostene',
  },
  personinntektFraSDFInnenAnnenNaering: {
    grunn: 'OVERLAPP',
    forklaring: 'arbeidsgodtgjørelsen er en del av andelen av overskuddet i selskapet, som telles',
  },
  personinntektFraSDFInnenFiskeEllerBarnepassIBarnepasserensHjem: {
    grunn: 'OVERLAPP',
    forklaring: 'arbeidsgodtgjørelsen er en del av andelen av overskuddet i selskapet, som telles',
  },
  samletPersoninntektFraDeltakerlignetSelskapInnenAnnenNaering: {
    grunn: 'OVERLAPP',
    forklaring:
      'arbeidsgodtgjørelsen er en del av andelen av overskuddet i selskapet, som telles (navnet i 2017)',
  },
  samletPersoninntektFraDeltakerlignetSelskapInnenFiskeEllerFamiliebarnehage: {
    grunn: 'OVERLAPP',
    forklaring:
      'arbeidsgodtgjørelsen er en del av andelen av overskuddet i selskapet, som telles (navnet i 2017)',
  },
  personinntektFraKompensasjonsytelseUtbetaltAvNavInnenAnnenNaering: {
    grunn: 'OVERLAPP',
    forklaring: 'personinntekt er grunnlaget for trygdeavgift, ikke en egen inntekt',
  },
  personinntektFraKompensasjonsytelseUtbetaltAvNavInnenBarnepassIBarnepasserensHjem: {
    grunn: 'OVERLAPP',
    forklaring: 'personinntekt er grunnlaget for trygdeavgift, ikke en egen inntekt',
  },
  personinntektFraKompensasjonsytelseUtbetaltAvNavInnenFiskeOgFangst: {
    grunn: 'OVERLAPP',
    forklaring: 'personinntekt er grunnlaget for trygdeavgift, ikke en egen inntekt',
  },
  saerskiltInntektsfradragIBarnsInntekt: {
    grunn: 'OVERLAPP',
    forklaring: 'et skattefradrag i barns inntekt, ikke inntekt for beboeren',
  },
  skattepliktigTilfeldigInntektFraSpillLotteriMv: {
    grunn: 'IKKE_INNTEKT',
    forklaring: 'lotterigevinst regnes ikke som inntekt (rundskriv I-47/98, gjengitt av Huseierne)',
  },
  loennsinntektTilBarn: {
    grunn: 'IKKE_INNTEKT',
    forklaring: 'barnets egen inntekt, skattlagt hos forelderen',
  },
  samletBarnepensjonOgLivrenteTilBarn: {
    grunn: 'IKKE_INNTEKT',
    forklaring: 'barnets egen pensjon, skattlagt hos forelderen',
  },
  samletLoennsinntektTilBarnUnderTrettenAar: {
    grunn: 'IKKE_INNTEKT',
    forklaring: 'barnets egen inntekt, skattlagt hos forelderen (navnet i 2017)',
  },
  samletBarnepensjonOgLivrenteTilBarnUnderSyttenAar: {
    grunn: 'IKKE_INNTEKT',
    forklaring: 'barnets egen pensjon, skattlagt hos forelderen (navnet i 2017)',
  },
  skattepliktigUtbytteFraVerdipapirfondsandelTilBarn: {
    grunn: 'IKKE_INNTEKT',
    forklaring: 'utbytte på barnets fondsandeler, skattlagt hos forelderen (2017–2018)',
  },
  dagpengerVedSykehusoppholdMvFraBarneforsikring: {
    grunn: 'IKKE_INNTEKT',
    forklaring: 'utbetaling fra barneforsikring, barnets ytelse',
  },
  renteinntektAvSkadeforsikring: {
    grunn: 'VURDER',
    forklaring:
      'renter av en erstatning: avkastning av erstatning for fremtidige utgifter regnes ikke som inntekt (§ 3 fjerde ledd annet punktum)',
  },
  utbetalingFraSkadeforsikring: {
    grunn: 'VURDER',
    forklaring: 'en erstatning er ikke inntekt, men erstatning for tapt inntekt kan være det',
  },
  inntektsreduksjonVedAvkastningAvEngangserstatning: {
    grunn: 'VURDER',
    forklaring:
      'avkastning av engangserstatning: avkastning av erstatning for fremtidige utgifter regnes ikke som inntekt, og den kan ligge i rentepostene',
  },
  samletAvkastningAvKapitalforsikringsavtale: {
    grunn: 'VURDER',
    forklaring: 'avkastning av kapitalforsikring ved utbetaling kan være gevinst ved realisasjon',
  },
  returAvPremieFraIndividuellPensjonssparing: {
    grunn: 'VURDER',
    forklaring: 'tilbakebetalt sparing, ikke løpende pensjon',
  },
  oevrigInntekt: { grunn: 'VURDER', forklaring: 'samlepost «andre inntekter»: art ukjent' },
  foederaad: { grunn: 'VURDER', forklaring: 'føderåd er en løpende ytelse, men ikke en trygdeytelse' },
  underholdsbidragFraTidligereEktefelle: {
    grunn: 'VURDER',
    forklaring: 'en løpende ytelse, men ingen av inntektsartene i § 3 fjerde ledd',
  },
  skattepliktigInntektVedSalgAvOverskuddsstroem: {
    grunn: 'VURDER',
    forklaring: 'salg av strøm fra egen bolig: ikke klart om det er næring eller avkastning',
  },
  samletBarnepensjonOgLivrente: {
    grunn: 'VURDER',
    forklaring: 'kan overlappe barnepensjons- og livrentepostene som telles',
  },
  annenPensjonFoerAlderspensjon: {
    grunn: 'VURDER',
    forklaring: 'kan overlappe pensjonspostene som telles (året beboeren gikk over til alderspensjon)',
  },
  ufoeretrygdFoerAlderspensjon: {
    grunn: 'VURDER',
    forklaring: 'kan overlappe uføretrygden som telles (året beboeren gikk over til alderspensjon)',
  },
  samletAnnenPensjonFoerAlderspensjon: {
    grunn: 'VURDER',
    forklaring:
      'kan overlappe pensjonspostene som telles (året beboeren gikk over til alderspensjon; navnet i 2017)',
  },
  samletUfoeretrygdFoerAlderspensjon: {
    grunn: 'VURDER',
    forklaring:
      'kan overlappe uføretrygden som telles (året beboeren gikk over til alderspensjon; navnet i 2017)',
  },
  samledeUnderholdsbidrag: {
    grunn: 'VURDER',
    forklaring: 'en løpende ytelse, men ingen av inntektsartene i § 3 fjerde ledd (2017–2018)',
  },
  utbytteFraAksjesparekonto: {
    grunn: 'VURDER',
    forklaring:
      'utbytte inne på aksjesparekontoen (kategori «inntekt» 2017–2018): avkastning av formue, men skattlagt først ved uttak',
  },
  samledeOpptjenteRenterIUtlandet: {
    grunn: 'VURDER',
    forklaring:
      'post uten visningstekst i 2018; trolig de samme rentene som «Renter på bankinnskudd i utenlandsk bank», som telles',
  },
  samletAnnenInntektForForskudd: {
    grunn: 'VURDER',
    forklaring: 'post uten visningstekst i 2018 (annen inntekt til forskuddsutskrivingen); art ukjent',
  },
  loennsinntektPaaSvalbardOver12G: {
    grunn: 'VURDER',
    forklaring: 'trolig en del av lønnspostene for Svalbard, som telles',
  },
  samletInntektSomGirRettTilSaerskiltFradragForSjoefolk: {
    grunn: 'VURDER',
    forklaring: 'grunnlaget for sjømannsfradraget; lønnen kan allerede være med i lønnspostene',
  },
  overskuddFraNaeringsinntekt: {
    grunn: 'VURDER',
    forklaring: 'post uten visningstekst; kan være en sum av overskuddspostene som telles',
  },
};

/**
 * Posts that name the same amount in two ways in some years (a rename where Skatteetaten's catalogue
 * lists both names for a year, or a total beside its parts). Both are counted, because a settlement
 * normally has only one of them; when a person has both, the result warns of double counting.
 */
export const MULIG_OVERLAPP: ReadonlyArray<{ poster: readonly [string, string]; forklaring: string }> = [
  {
    poster: ['samletPensjonFraFolketrygden', 'alderspensjonFraFolketrygden'],
    forklaring: 'nytt navn for alderspensjon fra folketrygden i 2022',
  },
  {
    poster: [
      'samletLoennsinntektUtenTrygdeavgiftspliktOgMedTrekkplikt',
      'loennsinntektUtenTrygdeavgiftspliktOgMedTrekkplikt',
    ],
    forklaring: 'nytt navn for lønn uten trygdeavgift i 2022',
  },
  {
    poster: ['samletSkattepliktigOverskuddFraUtleieAvFastEiendom', 'nettoinntektVedUtleieAvFastEiendomMv'],
    forklaring: 'nytt navn for utleie av fast eiendom i 2022',
  },
  {
    poster: [
      'samletFradragsberettigetUnderskuddVedUtleieAvFastEiendom',
      'underskuddVedUtleieMvAvFastEiendomUtenforNaering',
    ],
    forklaring: 'nytt navn for underskudd ved utleie i 2022',
  },
  {
    poster: ['samledeUfoererenterOgLivrenter', 'ufoererenterOgLivrenterUtenforArbeidsforhold'],
    forklaring: 'nytt navn for uførerenter og livrenter i 2022',
  },
  {
    poster: ['dagpengerForNaeringsdrivendeOgFisker', 'dagpengerForNaeringsdrivende'],
    forklaring: 'dagpenger for næringsdrivende ble delt i to poster i 2022',
  },
  {
    poster: ['dagpengerForNaeringsdrivendeOgFisker', 'dagpengerForFisker'],
    forklaring: 'dagpenger for næringsdrivende ble delt i to poster i 2022',
  },
  {
    poster: ['samletUtgiftsgodtgjoerelseMedTrekkplikt', 'samletOverskuddPaaUtgiftsgodtgjoerelse'],
    forklaring: 'to poster for overskudd av utgiftsgodtgjørelse til 2020',
  },
  {
    poster: ['samletAnnenRenteinntekt', 'samledeAndreOpptjenteRenter'],
    forklaring: 'to poster for «andre renteinntekter» i 2019',
  },
  {
    poster: ['renteinntektAvObligasjonVerdipapirfondRentedelMv', 'renteinntektAvObligasjon'],
    forklaring: 'samlepost for renter av obligasjoner og rentefond til 2022',
  },
  {
    poster: ['renteinntektAvObligasjonVerdipapirfondRentedelMv', 'renteinntektAvVerdipapirfondsandel'],
    forklaring: 'samlepost for renter av obligasjoner og rentefond til 2022',
  },
  {
    poster: ['skattepliktigUtbytteFraAksjeOgVerdipapirfondAksjedel', 'utbytteFraVerdipapirfond'],
    forklaring: 'to poster for utbytte fra verdipapirfond til 2021',
  },
  {
    poster: ['samledePaaloepteRenter', 'samledePaaloepteRenterPaaGjeldIInnenlandskeBanker'],
    forklaring: '«Gjeldsrenter» var en samlepost til 2020',
  },
  {
    poster: ['samledeAndrePaaloepteRenter', 'paaloepteRenterFraAnnenGjeld'],
    forklaring: 'nytt navn for renter av annen gjeld fra 2021',
  },
];

function gruppe(
  tekniskNavn: string,
  visningstekst: string,
  persontyper: readonly Persontype[],
  poster: readonly Post[],
  hjemmel?: string,
): Gruppedefinisjon {
  return {
    tekniskNavn,
    visningstekst,
    operasjon: 'ADDERE',
    persontyper,
    poster,
    ...(hjemmel ? { hjemmel } : {}),
  };
}

export const BEREGNET_SKATT = '/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt';
export const FORMUESSKATT_KOMMUNE = '/beregnetSkattFastland/skattOgAvgift/formuesskattTilKommune/beloep';
export const FORMUESSKATT_STAT = '/beregnetSkattFastland/skattOgAvgift/formuesskattTilStat/beloep';
export const SKATTEFRADRAG_FORMUESSKATT_UTLAND =
  '/beregnetSkattFastland/skattefradrag/skattefradragForFormuesskattBetaltIUtlandet';
export const SKATTEFRADRAG_INNTEKTSSKATT_UTLAND =
  '/beregnetSkattFastland/skattefradrag/skattefradragForInntektsskattBetaltIUtlandet';
export const SKATT_PAA_GEVINST = 'kommune.skattPaaRealisasjonsgevinst';
export const SKATTEFORDEL_AV_TAP = 'kommune.skattefordelAvRealisasjonstap';
export const TENKT_ETTERLATTEPENSJON = 'kommune.tenktEtterlattePensjon';
export const BOUTGIFTER = 'kommune.boutgifter';
export const SKJOENNSMESSIGE_FRADRAG = 'kommune.skjoennsmessigeFradrag';
export const ANNEN_DOKUMENTERT_INNTEKT = 'kommune.annenDokumentertInntekt';

/**
 * The tax deducted («skatt»): Beregnet skatt (the sum of tax and charges in the settlement, as KS Fiks
 * deducts it), adjusted so that it matches the income counted. Which of the adjustments apply depends
 * on the kommuneinnstillinger (see `skattepostene` in regler/skatt.ts); the group lists them all.
 */
const SKATT: readonly Post[] = [
  pluss(BEREGNET_SKATT),
  minus(FORMUESSKATT_KOMMUNE, undefined, undefined, 'formuesskatt trekkes ikke fra (kommuneinnstilling)'),
  minus(FORMUESSKATT_STAT, undefined, undefined, 'formuesskatt trekkes ikke fra (kommuneinnstilling)'),
  pluss(SKATTEFRADRAG_FORMUESSKATT_UTLAND),
  pluss(
    SKATTEFRADRAG_INNTEKTSSKATT_UTLAND,
    undefined,
    undefined,
    'skatt betalt i utlandet (kommuneinnstilling)',
  ),
  minus(
    SKATT_PAA_GEVINST,
    undefined,
    undefined,
    'gevinsten er ikke inntekt, så skatten på den trekkes ikke fra',
  ),
  pluss(SKATTEFORDEL_AV_TAP, undefined, undefined, 'tapet holdes utenfor, så skatten regnes som uten tapet'),
];

export const GRUPPE = {
  pensjon: 'pensjonOgTrygdeytelser',
  arbeid: 'arbeidsinntekt',
  naering: 'naeringsinntekt',
  leie: 'leieinntekt',
  renter: 'renteinntekt',
  avkastning: 'avkastningFormue',
  annen: 'annenDokumentertInntekt',
  skatt: 'skatt',
  gjeldsrenter: 'gjeldsrenter',
  forsoergerfradrag: 'forsorgerfradrag',
  boutgifter: 'boutgifter',
  skjoenn: 'skjoennsmessigeFradrag',
  tenktEtterlattePensjon: 'tenktEtterlattePensjon',
  partnerArbeidOgPensjon: 'mellomregningPaarorende',
  pensjonerParagraf5: 'pensjonerBeboer',
  pensjonsfradrag: 'halvpartenAvPensjonene',
  boutgifterPerMaaned: 'boutgifterPerMaaned',
  realisasjon: 'gevinstOgTapVedRealisasjon',
} as const;

export const POSTDEFINISJON: Postdefinisjon = {
  beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
  fraOgMedAar: 2017,
  tilOgMedAar: 2025,
  kilde: {
    tittel:
      'Egenandelsforskriften (FOR-2011-12-16-1349) § 3 fjerde ledd, ordlyden fra Lovdatas åpne data (NLOD 2.0), lovtekst/egenandelsforskriften.md; postene valgt fra Skatteetatens postlister for 2017–2025; gruppene som i KS Fiks «Skatte- og inntektsopplysninger (Ny)»',
    url: 'https://lovdata.no/dokument/SF/forskrift/2011-12-16-1349',
    hjemmel: P3_FJERDE,
    sitat:
      'Som inntekt regnes årets inntekter på grunnlag av pensjon, andre løpende trygdeytelser, arbeidsinntekt, næringsinntekt, leieinntekt, renter og annen avkastning av formue, etter fradrag av skatt og gjeldsrenter.',
    konfidens: 'A',
  },
  inntekt: [
    gruppe(GRUPPE.pensjon, 'Pensjon og andre løpende trygdeytelser', SOEKER, PENSJON_OG_TRYGD, P3_FJERDE),
    gruppe(GRUPPE.arbeid, 'Arbeidsinntekt', SOEKER, ARBEID, P3_FJERDE),
    gruppe(GRUPPE.naering, 'Næringsinntekt', SOEKER, NAERING, P3_FJERDE),
    gruppe(GRUPPE.leie, 'Leieinntekt', SOEKER, LEIE, P3_FJERDE),
    gruppe(GRUPPE.renter, 'Renteinntekt', SOEKER, RENTER, P3_FJERDE),
    gruppe(GRUPPE.avkastning, 'Avkastning av formue', SOEKER, AVKASTNING, P3_FJERDE),
    gruppe(
      GRUPPE.annen,
      'Annen dokumentert inntekt (lagt inn av kommunen)',
      SOEKER,
      [pluss(ANNEN_DOKUMENTERT_INNTEKT)],
      P3_FJERDE,
    ),
  ],
  fradrag: [
    gruppe(GRUPPE.skatt, 'Skatt', SOEKER, SKATT, P3_FJERDE),
    gruppe(GRUPPE.gjeldsrenter, 'Gjeldsrenter', SOEKER, GJELDSRENTER, P3_FJERDE),
    gruppe(
      GRUPPE.skjoenn,
      'Skjønnsmessige fradrag',
      SOEKER,
      [pluss(SKJOENNSMESSIGE_FRADRAG)],
      'egenandelsforskriften § 5 fjerde ledd',
    ),
  ],
  mellomregninger: [
    gruppe(GRUPPE.tenktEtterlattePensjon, 'Tenkt etterlattepensjon', PARTNERPERSONTYPER, [
      pluss(TENKT_ETTERLATTEPENSJON),
    ]),
    gruppe(
      GRUPPE.partnerArbeidOgPensjon,
      'Ektefelles eller samboers arbeidsinntekt og pensjon fra folketrygden',
      PARTNERPERSONTYPER,
      [...PENSJON_FRA_FOLKETRYGDEN, ...ARBEID, ...NAERING],
      'egenandelsforskriften § 5 andre ledd',
    ),
    gruppe(
      GRUPPE.pensjonerParagraf5,
      'Beboerens brutto pensjoner',
      SOEKER,
      PENSJONER_PARAGRAF5,
      'egenandelsforskriften § 5 tredje ledd',
    ),
    gruppe(GRUPPE.boutgifterPerMaaned, 'Boutgifter per måned', SOEKER, [pluss(BOUTGIFTER)]),
    gruppe(
      GRUPPE.realisasjon,
      'Gevinst og tap ved realisasjon (regnes ikke som inntekt)',
      SOEKER,
      REALISASJON,
    ),
  ],
  // KS Fiks shows all five display groups for this area; formue and gjeld are shown because the case
  // worker must check the return on wealth and the interest on debt against them.
  visning: { grupper: ['INNTEKT', 'FRADRAG', 'FORMUE', 'GJELD', 'ANNET'] },
};

/** Every post counted as income in some year (for the classification test). */
export const MEDREGNEDE_INNTEKTSPOSTER: ReadonlySet<string> = new Set(
  [PENSJON_OG_TRYGD, ARBEID, NAERING, LEIE, RENTER, AVKASTNING].flat().map((p) => p.tekniskNavn),
);
