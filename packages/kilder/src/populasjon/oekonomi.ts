import { katalogFor } from '@inntektsgrunnlag/skattegrunnlag';
import type { Prng } from './prng.js';
import type { AvregningJson, BeregnetSkattJson, SsgJson } from './typer.js';

/**
 * A person's economy, and the yearly figures Skatteetaten would have for it.
 *
 * The figures are SYNTHETIC: plausible in size and internally consistent (the sum posts add up, the tax
 * grows with the income), but the deductions and taxes below are rough approximations of the tax rules,
 * not a tax calculation. They exist so that every area has varied, realistic-looking input; never use
 * them to check a tax rule. Post names are checked against the year's catalogue (`katalogFor`), so a
 * post Skatteetaten renamed is followed here too.
 */
export interface Oekonomi {
  /** Yearly amounts at the 2019 level, grown by `vekst` per year. */
  loenn: number;
  pensjonFolketrygd: number;
  annenPensjon: number;
  ufoeretrygd: number;
  /** Given as a share of the year's average G (so an income "under 2 G" stays under 2 G every year). */
  aapAndelAvG: number;
  kvalifiseringsstoenadAndelAvG: number;
  overgangsstoenadAndelAvG: number;
  naering: number;
  ekom: boolean;
  innskudd: number;
  aksjeverdi: number;
  /** Dividend as a share of the shares' value. */
  utbytteAndel: number;
  /** Sells shares now and then: a gain or a loss in some years. */
  handlerAksjer: boolean;
  gjeld: number;
  bolig: number;
  fagforening: boolean;
  /** Number of children under 12 (foreldrefradrag). */
  barnUnder12: number;
  vekst: number;
  kommune: string;
}

export function tomOekonomi(kommune: string): Oekonomi {
  return {
    loenn: 0,
    pensjonFolketrygd: 0,
    annenPensjon: 0,
    ufoeretrygd: 0,
    aapAndelAvG: 0,
    kvalifiseringsstoenadAndelAvG: 0,
    overgangsstoenadAndelAvG: 0,
    naering: 0,
    ekom: false,
    innskudd: 0,
    aksjeverdi: 0,
    utbytteAndel: 0,
    handlerAksjer: false,
    gjeld: 0,
    bolig: 0,
    fagforening: false,
    barnUnder12: 0,
    vekst: 0.03,
    kommune,
  };
}

// Rough yearly conditions, only to make the synthetic figures move like real ones between years.
const INNSKUDDSRENTE: Record<number, number> = {
  2019: 0.01,
  2020: 0.005,
  2021: 0.003,
  2022: 0.01,
  2023: 0.03,
  2024: 0.035,
  2025: 0.033,
};
const UTLAANSRENTE: Record<number, number> = {
  2019: 0.03,
  2020: 0.025,
  2021: 0.022,
  2022: 0.03,
  2023: 0.05,
  2024: 0.055,
  2025: 0.053,
};
/** The upward adjustment of dividends and gains on shares (oppjusteringsfaktor − 1), roughly as in the tax rules. */
const OPPJUSTERING: Record<number, number> = {
  2019: 0.44,
  2020: 0.44,
  2021: 0.6,
  2022: 0.6,
  2023: 0.72,
  2024: 0.72,
  2025: 0.72,
};
const MINSTEFRADRAG_TAK: Record<number, number> = {
  2019: 104_450,
  2020: 104_450,
  2021: 106_750,
  2022: 109_950,
  2023: 104_450,
  2024: 104_450,
  2025: 92_000,
};
const PERSONFRADRAG: Record<number, number> = {
  2019: 56_550,
  2020: 51_750,
  2021: 51_750,
  2022: 58_250,
  2023: 79_600,
  2024: 88_250,
  2025: 108_550,
};

function fra<T>(tabell: Record<number, T>, aar: number): T {
  const v = tabell[aar];
  if (v === undefined) throw new RangeError(`ingen syntetisk parameter for ${aar}`);
  return v;
}

/** The first of the candidate post names that the year's catalogue has (posts are renamed over the years). */
export function postnavn(aar: number, ...kandidater: string[]): string {
  const katalog = katalogFor(aar);
  const navn = kandidater.find((k) => katalog.har(k));
  if (!navn) throw new Error(`ingen av postene ${kandidater.join(', ')} finnes i postlisten for ${aar}`);
  return navn;
}

function kategoriFor(aar: number, tekniskNavn: string): string {
  return katalogFor(aar).finn(tekniskNavn)?.kategori ?? '-';
}

export interface Aarstall {
  grunnlag: Array<{ tekniskNavn: string; beloep: number; kategori: string }>;
  alminneligInntekt: number;
  sumInntekter: number;
  nettoformue: number;
  personinntektLoenn: number;
  personinntektPensjon: number;
  personinntektNaering: number;
}

/** The year's posts (Summert skattegrunnlag) of an economy. */
export function aarstall(o: Oekonomi, aar: number, gjennomsnittligG: number, prng: Prng): Aarstall {
  const f = (1 + o.vekst) ** (aar - 2019);
  const v = (b: number) => (b > 0 ? prng.rundt(b * f, 0.04) : 0);
  const g = (andel: number) => (andel > 0 ? Math.round(andel * gjennomsnittligG) : 0);

  const loenn = v(o.loenn);
  const ekom = o.ekom && loenn > 0 ? 4392 : 0;
  const pensjon = v(o.pensjonFolketrygd);
  const annenPensjon = v(o.annenPensjon);
  const ufoere = v(o.ufoeretrygd);
  const aap = g(o.aapAndelAvG);
  const kvalifisering = g(o.kvalifiseringsstoenadAndelAvG);
  const overgang = g(o.overgangsstoenadAndelAvG);
  const naering = v(o.naering);
  const innskudd = v(o.innskudd);
  const renter = Math.round(innskudd * fra(INNSKUDDSRENTE, aar));
  const aksjeverdi = v(o.aksjeverdi);
  const utbytte = Math.round(aksjeverdi * o.utbytteAndel);
  const opp = fra(OPPJUSTERING, aar);
  let gevinst = 0;
  let tap = 0;
  if (o.handlerAksjer) {
    const r = prng.neste();
    if (r < 0.45) gevinst = prng.heltall(8_000, 450_000);
    else if (r < 0.8) tap = prng.heltall(5_000, 250_000);
  }
  const gjeld = Math.round(o.gjeld * 0.97 ** (aar - 2019));
  const gjeldsrenter = Math.round(gjeld * fra(UTLAANSRENTE, aar));
  const bolig = v(o.bolig);

  const arbeid = loenn + ekom + aap + ufoere + kvalifisering + overgang;
  const minstefradrag =
    Math.min(fra(MINSTEFRADRAG_TAK, aar), Math.round(arbeid * 0.46)) +
    Math.min(Math.round(fra(MINSTEFRADRAG_TAK, aar) * 0.8), Math.round((pensjon + annenPensjon) * 0.4));
  const fagforening = o.fagforening && loenn > 0 ? Math.min(7_700, prng.heltall(4_000, 7_700)) : 0;
  const foreldrefradrag =
    o.barnUnder12 > 0 && loenn + naering > 0 ? 25_000 + 15_000 * (o.barnUnder12 - 1) : 0;

  const oppUtbytte = Math.round(utbytte * opp);
  const oppGevinst = Math.round(gevinst * opp);
  const oppTap = Math.round(tap * opp);
  const sumInntekter =
    arbeid + pensjon + annenPensjon + naering + renter + utbytte + oppUtbytte + gevinst + oppGevinst;
  const sumFradrag = minstefradrag + gjeldsrenter + fagforening + foreldrefradrag + tap + oppTap;
  const alminnelig = sumInntekter - sumFradrag;
  const rabattertAksjeverdi = Math.round(aksjeverdi * 0.8);
  const bruttoformue = innskudd + rabattertAksjeverdi + bolig;
  const nettoformue = Math.max(0, bruttoformue - gjeld);

  const poster: Array<[string, number]> = [
    [postnavn(aar, 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt'), loenn],
    [postnavn(aar, 'avkortetFordelVedElektroniskKommunikasjon'), ekom],
    [postnavn(aar, 'alderspensjonFraFolketrygden', 'samletPensjonFraFolketrygden'), pensjon],
    [postnavn(aar, 'samletAnnenPensjonMedTrekkpliktEksklusiveEktefelletillegg'), annenPensjon],
    [postnavn(aar, 'samletUfoeretrygdFraFolketrygdenEksklusiveEktefelletillegg'), ufoere],
    [postnavn(aar, 'arbeidsavklaringspenger'), aap],
    [postnavn(aar, 'kvalifiseringsstoenad'), kvalifisering],
    [postnavn(aar, 'overgangsstoenadTilEnsligForelder'), overgang],
    [postnavn(aar, 'samletOverskuddAvEnkeltpersonforetakInnenAnnenNaering'), naering],
    [
      postnavn(
        aar,
        'samletPersoninntektFraEnkeltpersonforetakInnenJordbrukReindriftSkiferproduksjonOgAnnenNaering',
      ),
      naering,
    ],
    [postnavn(aar, 'samledeOpptjenteRenterIInnenlandskeBanker'), renter],
    [postnavn(aar, 'utbytteFraAksje'), utbytte],
    [postnavn(aar, 'oppjustertTilleggTilUtbytteFraAksje'), oppUtbytte],
    [postnavn(aar, 'gevinstVedRealisasjonAvAksje'), gevinst],
    [postnavn(aar, 'oppjustertTilleggTilGevinstVedRealisasjonAvAksje'), oppGevinst],
    [postnavn(aar, 'minstefradragIInntekt'), minstefradrag],
    [postnavn(aar, 'samledePaaloepteRenterPaaGjeldIInnenlandskeBanker'), gjeldsrenter],
    [postnavn(aar, 'fradragForFagforeningskontingent'), fagforening],
    [postnavn(aar, 'utgifterTilPassOgStellAvHjemmevaerendeBarn'), foreldrefradrag],
    [postnavn(aar, 'tapVedRealisasjonAvAksje'), tap],
    [postnavn(aar, 'oppjustertTilleggTilTapVedRealisasjonAvAksje'), oppTap],
    [postnavn(aar, 'innskudd', 'samletInnskuddIInnenlandskeBanker'), innskudd],
    [postnavn(aar, 'verdiFoerVerdsettingsrabattForAksje'), aksjeverdi],
    [postnavn(aar, 'formuesverdiForPrimaerbolig'), bolig],
    [postnavn(aar, 'gjeldIInnenlandskeBanker'), gjeld],
    [postnavn(aar, 'bruttoformue'), bruttoformue],
    [postnavn(aar, 'samletGjeld'), gjeld],
    [postnavn(aar, 'nettoformue'), nettoformue],
    [postnavn(aar, 'sumInntekterIAlminneligInntektFoerFordelingsfradrag'), sumInntekter],
    [postnavn(aar, 'sumFradragIAlminneligInntekt'), sumFradrag],
    [postnavn(aar, 'alminneligInntektFoerSaerfradrag'), alminnelig],
  ];
  return {
    // Skatteetaten leaves out posts without an amount; a sum post of 0 is left out too.
    grunnlag: poster
      .filter(([, beloep]) => beloep !== 0)
      .map(([tekniskNavn, beloep]) => ({ tekniskNavn, beloep, kategori: kategoriFor(aar, tekniskNavn) })),
    alminneligInntekt: alminnelig,
    sumInntekter,
    nettoformue,
    personinntektLoenn: loenn + ekom + aap + kvalifisering + overgang + ufoere,
    personinntektPensjon: pensjon + annenPensjon,
    personinntektNaering: naering,
  };
}

function skatt(grunnlag: number, sats: number): { grunnlag: number; beloep: number } {
  return { grunnlag, beloep: Math.max(0, Math.round(grunnlag * sats)) };
}

/** A rough trinnskatt: a few steps over thresholds, only so the tax grows faster than the income. */
function trinnskatt(personinntekt: number): number {
  const trinn: Array<[number, number]> = [
    [208_050, 0.017],
    [292_850, 0.04],
    [670_000, 0.136],
    [937_900, 0.166],
    [1_350_000, 0.176],
  ];
  let sum = 0;
  trinn.forEach(([fraBeloep, sats], i) => {
    const til = trinn[i + 1]?.[0] ?? Number.POSITIVE_INFINITY;
    // Each rate applies to the part of the income inside its bracket.
    if (personinntekt > fraBeloep) sum += (Math.min(personinntekt, til) - fraBeloep) * sats;
  });
  return Math.round(sum);
}

/**
 * Beregnet skatt V2 for the year, with the fields the field table says exist from that year
 * (several only from income year 2021; «kun beløp» / «kun grunnlag» before).
 */
export function beregnetSkattJson(
  identifikator: string,
  aar: number,
  t: Aarstall,
  kommune: string,
  dato: string,
  tidspunkt: string,
): { json: BeregnetSkattJson; beregnetSkatt: number } {
  const alminnelig = Math.max(0, t.alminneligInntekt - fra(PERSONFRADRAG, aar));
  const paaAlminnelig = skatt(alminnelig, 0.22);
  const trygdeLoenn = skatt(t.personinntektLoenn, 0.079);
  const trygdePensjon = skatt(t.personinntektPensjon, 0.051);
  const trygdeNaering = skatt(t.personinntektNaering, 0.11);
  const personinntekt = t.personinntektLoenn + t.personinntektPensjon + t.personinntektNaering;
  const trinn = { grunnlag: personinntekt, beloep: trinnskatt(personinntekt) };
  const formuesgrunnlag = Math.max(0, t.nettoformue - 1_700_000);
  const formueKommune = skatt(formuesgrunnlag, 0.007);
  const formueStat = skatt(formuesgrunnlag, 0.003);
  const beregnetSkatt =
    paaAlminnelig.beloep +
    trygdeLoenn.beloep +
    trygdePensjon.beloep +
    trygdeNaering.beloep +
    trinn.beloep +
    formueKommune.beloep +
    formueStat.beloep;
  const fra2021 = aar >= 2021;
  const skattOgAvgift: Record<string, unknown> = {
    formuesskattTilStat: fra2021 ? formueStat : { beloep: formueStat.beloep },
    skattPaaAlminneligInntekt: paaAlminnelig,
    trygdeavgiftAvLoennsinntekt: fra2021 ? trygdeLoenn : { grunnlag: trygdeLoenn.grunnlag },
  };
  if (t.personinntektNaering > 0) {
    skattOgAvgift.trygdeavgiftAvNaeringsinntekt = fra2021
      ? trygdeNaering
      : { grunnlag: trygdeNaering.grunnlag };
  }
  if (fra2021) {
    skattOgAvgift.formuesskattTilKommune = formueKommune;
    skattOgAvgift.trinnskatt = trinn;
    if (t.personinntektPensjon > 0) skattOgAvgift.trygdeavgiftAvPensjonsinntekt = trygdePensjon;
    skattOgAvgift.sumTrygdeavgift = {
      grunnlag: personinntekt,
      beloep: trygdeLoenn.beloep + trygdePensjon.beloep + trygdeNaering.beloep,
    };
  }
  const json: BeregnetSkattJson = {
    personidentifikator: identifikator,
    inntektsaar: aar,
    skjermet: false,
    anvendtTolvdelVedArbeidsoppholdINorge: 12,
    ...(fra2021 ? { anvendtTolvdelForTrinnskatt: 12 } : {}),
    skatteoppgjoersdato: dato,
    ajourholdstidspunkt: tidspunkt,
    beregnetSkattFastland: {
      skatteklasse: '1',
      ...(fra2021
        ? { beregnetSkatt, beregnetSkattFoerSkattefradrag: beregnetSkatt, sumSkattefradrag: 0 }
        : {}),
      skatteregnskapskommune: kommune,
      informasjonTilSkattelister: {
        nettoinntekt: t.alminneligInntekt,
        nettoformue: t.nettoformue,
        beregnetSkatt,
        ...(fra2021 ? { kommune } : {}),
      },
      skattOgAvgift: skattOgAvgift as NonNullable<
        BeregnetSkattJson['beregnetSkattFastland']
      >['skattOgAvgift'],
      skattefradrag: {},
    },
  };
  return { json, beregnetSkatt };
}

/** Avregning: what was withheld during the year against the tax, and the difference. */
export function avregningJson(
  identifikator: string,
  aar: number,
  beregnetSkatt: number,
  dato: string,
  tidspunkt: string,
  prng: Prng,
): AvregningJson {
  const forskudd = Math.max(0, prng.rundt(beregnetSkatt, 0.08));
  const differanse = forskudd - beregnetSkatt;
  return {
    personidentifikator: identifikator,
    inntektsaar: String(aar),
    skjermet: false,
    skatteoppgjoersdato: dato,
    ajourholdstidspunkt: tidspunkt,
    fastland: {
      restskatt: Math.max(0, -differanse),
      avregnetForskuddstrekk: forskudd,
      beloepTilgode: Math.max(0, differanse),
    },
  };
}

/** The summary of a year as an SSG response. */
export function ssgJson(
  identifikator: string,
  aar: number,
  t: Aarstall,
  stadie: 'oppgjoer' | 'utkast',
  dato: string | undefined,
  tidspunkt: string,
): SsgJson {
  return {
    personidentifikator: identifikator,
    inntektsaar: String(aar),
    grunnlag: t.grunnlag,
    skjermet: false,
    ...(dato ? { skatteoppgjoersdato: dato } : {}),
    stadie,
    ajourholdstidspunkt: tidspunkt,
  };
}
