import { Beloep, Sats } from '@inntektsgrunnlag/money';
import {
  type EnhverTabell,
  type IsoDato,
  type Kilde,
  kronebeloepSkjema,
  tabell,
} from '@inntektsgrunnlag/regelverk';
import { z } from 'zod';

/**
 * The national values behind redusert foreldrebetaling, as dated tables. Every value was checked on
 * 2026-12-07: the rules against the law texts kept in `lovtekst/` (Lovdata's open data, NLOD 2.0, read
 * through the mirror sstraume97/norwegian-laws), the amounts Stortinget sets in its budget decisions
 * (maksimalpris, zone prices, the kjernetid income limit) against the sources quoted in
 * docs/research/foreldrebetaling-satser.md and ../shared/regelverk/satser-og-lovtekst-2026.md. A value
 * from the law's own text has a Lovdata URL, its verbatim `sitat` and konfidens A; a value from a budget
 * text or a municipal page says so in `tittel`, and its `hjemmel` is the paragraph that leaves the amount
 * to Stortinget. A proposal is never a value. Nothing is extrapolated: a table ends where the sources end.
 */

const VERIFISERT: IsoDato = '2026-12-07';

function verdi<T>(gyldigFra: IsoDato, v: T, kilde: Kilde) {
  return { gyldigFra, verdi: v, kilde, verifisert: VERIFISERT };
}

const kr = (n: number) => Beloep.kroner(n);

const SPEIL = 'lest i Lovdatas åpne data (NLOD 2.0) gjennom speilet sstraume97/norwegian-laws';

/** Lovdata's address of a regulation or law, by its id ("forskrift/2005-12-16-1478"). */
const LOVDATA = {
  foreldrebetaling: 'https://lovdata.no/dokument/SF/forskrift/2005-12-16-1478',
  opplaeringsforskrifta: 'https://lovdata.no/dokument/SF/forskrift/2024-06-03-900',
  forskriftTilOpplaeringslova: 'https://lovdata.no/dokument/SF/forskrift/2006-06-23-724',
  opplaeringslova: 'https://lovdata.no/dokument/NL/lov/2023-06-09-30',
} as const;

/** A value whose rule is in the law's own text: the quote is verbatim (`…` marks an omission). */
function lovtekst(tittel: string, url: string, hjemmel: string, sitat: string): Kilde {
  return { tittel: `${tittel}; ${SPEIL}`, url, hjemmel, sitat, konfidens: 'A' };
}

const FORSKRIFT = 'forskrift om foreldrebetaling i barnehager';

// ---------------------------------------------------------------------------------------------------
// § 1 Maksimalgrense (the amount: Stortingets budsjettvedtak)

/**
 * Maksimalpris per month for a full-time place (41 hours or more), by zone: the ordinary price, the
 * lower price in sentralitetssone 5–6 (from 1 August 2024), and the innsatssone (tiltakssonen) in
 * Finnmark and Nord-Troms (free from 1 August 2023). A zone without its own value in a period pays the
 * ordinary price.
 */
export interface Maksimalpris {
  ordinaer: Beloep;
  sentralitet56?: Beloep;
  innsatssone?: Beloep;
}

/** «Maksimalgrensen blir fastsatt i Stortingets årlige budsjettvedtak.» (§ 1 andre ledd) */
const HJEMMEL_MAKSPRIS_TABELL = `${FORSKRIFT} § 1 andre ledd`;
const IKKE_LOVTEKST = 'ikke lovtekst: beløpet står i Stortingets budsjettvedtak';

export const MAKSIMALPRIS = tabell<Maksimalpris>({
  navn: 'foreldrebetaling.maksimalpris',
  beskrivelse: 'Maksimalpris for en heltidsplass i barnehage per måned',
  verdier: [
    verdi(
      '2018-01-01',
      { ordinaer: kr(2910) },
      {
        tittel: `Makspris 2018: TV2 (KDs tabell) og barnehagesider (Egenes, Steinberget); ${IKKE_LOVTEKST}`,
        url: 'https://www.tv2.no/a/14339447/',
        hjemmel: HJEMMEL_MAKSPRIS_TABELL,
        sitat: 'Maksprisen for 2018 er 2 910 kroner per måned, og totalt 32 010 kroner per år',
        konfidens: 'B',
      },
    ),
    verdi(
      '2019-01-01',
      { ordinaer: kr(2990) },
      {
        tittel: `NRK 2019 og Kvænangen kommune (32 490 = 5 × 2 910 + 6 × 2 990); ${IKKE_LOVTEKST}`,
        url: 'https://www.nrk.no/mr/ap-strid-om-gratis-barnehage-1.14446778',
        hjemmel: HJEMMEL_MAKSPRIS_TABELL,
        sitat:
          'Maksprisen for en barnehageplass i 2019 er 2.990 kroner per måned fra 1. januar, og 3.040 kroner per måned fra 1. august.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2019-08-01',
      { ordinaer: kr(3040) },
      {
        tittel: `NRK 2019; Fyresdal kommune (inntektsgrense 557 333 = 3 040 × 11 / 0,06); ${IKKE_LOVTEKST}`,
        url: 'https://www.nrk.no/mr/ap-strid-om-gratis-barnehage-1.14446778',
        hjemmel: HJEMMEL_MAKSPRIS_TABELL,
        sitat:
          'Maksprisen for en barnehageplass i 2019 er 2.990 kroner per måned fra 1. januar, og 3.040 kroner per måned fra 1. august.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2020-01-01',
      { ordinaer: kr(3135) },
      {
        tittel: `Lundåsen barnehage, TV2 (KDs tabell) og Skiptvet kommune (grense 574 750); ${IKKE_LOVTEKST}`,
        url: 'https://www.lundasen-barnehage.no/index.php/237-offentlig-del/1383-okning-i-foreldrebetaling',
        hjemmel: HJEMMEL_MAKSPRIS_TABELL,
        sitat:
          'Vedtak på nasjonalt hold om økning i makspris i barnehager fra 01.01.20, makspris for helplass er 3135,-',
        konfidens: 'B',
      },
    ),
    verdi(
      '2021-01-01',
      { ordinaer: kr(3230) },
      {
        tittel: `Sande kommune (skjema SAN036), Trulserudenga barnehage og TV2; ${IKKE_LOVTEKST}`,
        url: 'https://skjema.sande-mr.kommune.no/skjema/SAN036/',
        hjemmel: HJEMMEL_MAKSPRIS_TABELL,
        sitat: 'Maksprisen vert fastsett til kroner 3 230 per måned frå og med 1. januar 2021.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2022-01-01',
      { ordinaer: kr(3315) },
      {
        tittel: `Nes kommune og TV2; ${IKKE_LOVTEKST}`,
        url: 'https://testweb.nes.kommune.no/aktuelt/redusert-foreldrebetaling-i-barnehagene/',
        hjemmel: HJEMMEL_MAKSPRIS_TABELL,
        sitat:
          'Maksprisen går nå ned fra kroner 3 315 per måned, til kroner 3 050 per måned fra 1. august 2022.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2022-08-01',
      { ordinaer: kr(3050) },
      {
        tittel: `Nes kommune og TV2 (budsjettavtalen 2022); ${IKKE_LOVTEKST}`,
        url: 'https://testweb.nes.kommune.no/aktuelt/redusert-foreldrebetaling-i-barnehagene/',
        hjemmel: HJEMMEL_MAKSPRIS_TABELL,
        sitat:
          'Maksprisen går nå ned fra kroner 3 315 per måned, til kroner 3 050 per måned fra 1. august 2022.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2023-01-01',
      { ordinaer: kr(3000) },
      {
        tittel: `Regjeringen: «Billigare barnehage over heile landet» (statsbudsjettet 2023, forslag), bekreftet av kommunale sider; ${IKKE_LOVTEKST}`,
        url: 'https://www.regjeringen.no/no/aktuelt/barnehager/id2930586/',
        hjemmel: HJEMMEL_MAKSPRIS_TABELL,
        sitat: 'Den nye maksimalprisen blir 3 000 kroner per månad frå 1. januar 2023.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2023-08-01',
      { ordinaer: kr(3000), innsatssone: Beloep.NULL },
      {
        tittel: `NRK 2023: gratis barnehage i tiltakssonen i Finnmark og Nord-Troms; regjeringen (statsbudsjettet 2023); ${IKKE_LOVTEKST}`,
        url: 'https://www.nrk.no/tromsogfinnmark/gratis-barnehage-i-nord-troms-og-finnmark-fra-1.-august-1.16501305',
        hjemmel: HJEMMEL_MAKSPRIS_TABELL,
        sitat: 'Fra 1. august er barnehagen gratis for alle som bor i tiltakssonen i Finnmark og Troms.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2024-08-01',
      { ordinaer: kr(2000), sentralitet56: kr(1500), innsatssone: Beloep.NULL },
      {
        tittel: `Regjeringen: «Historisk billig barnehage» (statsbudsjettet 2024, forslag), bekreftet av barnehagesider (Amanda barnehage); ${IKKE_LOVTEKST}`,
        url: 'https://www.regjeringen.no/no/aktuelt/historisk-billig-barnehage/id2997094/',
        hjemmel: HJEMMEL_MAKSPRIS_TABELL,
        sitat:
          'Regjeringa vil kutte maksprisen i barnehage til historisk låge 2000 kroner i månaden, og til 1500 kroner i dei 189 mest spreiddbygde kommunane.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2025-01-01',
      { ordinaer: kr(2000), sentralitet56: kr(1500), innsatssone: Beloep.NULL },
      {
        tittel: `Finansavisen 2.8.2025 (ordinær pris 2 000 fram til 1.8.2025); sonepris 1 500 er bare underforstått (regjeringen id3174270: revidert budsjett 2025 «satt ned» sonen til 700); ${IKKE_LOVTEKST}`,
        url: 'https://www.finansavisen.no/politikk/2025/08/02/8282727/undersokelse-flertall-vil-ha-gratis-barnehage',
        hjemmel: HJEMMEL_MAKSPRIS_TABELL,
        sitat:
          'Fredag 1. august ble maksprisen for barnehageplass redusert fra 2000 kroner til 1200 kroner i måneden.',
        konfidens: 'C',
      },
    ),
    verdi(
      '2025-08-01',
      { ordinaer: kr(1200), sentralitet56: kr(700), innsatssone: Beloep.NULL },
      {
        tittel: `Regjeringen oktober 2026 (id3174270, lest som kopi) om revidert budsjett 2025; dato fra Finansavisen, Dagsavisen og Tusenbein barnehage; ${IKKE_LOVTEKST}`,
        url: 'https://www.regjeringen.no/no/aktuelt/regjeringa-vidareforer-den-historiske-lage-maksprisen-i-barnehage/id3174270/',
        hjemmel: HJEMMEL_MAKSPRIS_TABELL,
        sitat:
          'i revidert budsjett blei han satt ned til 1 200 kroner per månad nasjonalt og 700 kroner per månad i sentralitetssone 5 og 6',
        konfidens: 'B',
      },
    ),
    verdi(
      '2026-01-01',
      { ordinaer: kr(1200), sentralitet56: kr(700), innsatssone: Beloep.NULL },
      {
        tittel: `Meld. St. 1 (2025–2026) Nasjonalbudsjettet 2026 (forslag, lest som kopi); regjeringen id3174270 (oktober 2026): maksprisen «fryst» og innsatssonen «framleis heilt gratis»; ${IKKE_LOVTEKST}`,
        hjemmel: HJEMMEL_MAKSPRIS_TABELL,
        sitat:
          'Husholdninger skal maksimalt betale 1 200 kroner per måned for en barnehageplass. I de minst sentrale kommunene (sone 5 og 6) videreføres makspris på 700 kroner per måned. Barnehager i innsatssonen i Finnmark og Nord-Troms er gratis.',
        konfidens: 'B',
      },
    ),
  ],
  // Budget year 2026; no change on 1 August 2026 was found. The 2027 price (1 200/700) is only a proposal.
  dekketTil: '2026-12-31',
  verdiSkjema: z
    .object({
      ordinaer: kronebeloepSkjema,
      sentralitet56: kronebeloepSkjema.optional(),
      innsatssone: kronebeloepSkjema.optional(),
    })
    .strict(),
  visVerdi: (m) => ({
    ordinaer: m.ordinaer.toJsonNumber(),
    ...(m.sentralitet56 ? { sentralitet56: m.sentralitet56.toJsonNumber() } : {}),
    ...(m.innsatssone ? { innsatssone: m.innsatssone.toJsonNumber() } : {}),
  }),
});

// ---------------------------------------------------------------------------------------------------
// § 3a Søskenmoderasjon (§ 3 before 28 February 2020)

export interface Soeskenmoderasjon {
  /** The least reduction for child number 2. */
  barn2: Sats;
  /** The least reduction for child number 3 and later (100 % = free). */
  barn3Pluss: Sats;
}

/** A reduction rate as a decimal string from "0" to "1" ("0.3" is 30 %), as the results show it. */
const andelSkjema = z
  .string()
  .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'må være en andel fra "0" til "1", som "0.3"')
  .transform((a) => Sats.av(a));

export const SOESKENMODERASJON = tabell<Soeskenmoderasjon>({
  navn: 'foreldrebetaling.soeskenmoderasjon',
  beskrivelse: 'Minste søskenmoderasjon i barnehage (barn nr. 2 og barn nr. 3 eller flere)',
  verdier: [
    verdi(
      '2018-01-01',
      { barn2: Sats.prosent(30), barn3Pluss: Sats.prosent(50) },
      {
        tittel:
          'Forskrift om foreldrebetaling i barnehager § 3 i teksten før 28.2.2020 (Udirs gjengivelse; den teksten er ikke i Lovdatas historikk): minst 30 % for barn nr. 2 og 50 % for barn nr. 3 og flere, samme minimum som § 3a videreførte',
        url: 'https://udir.no/regelverkstolkninger/barnehage/forskrift-om-foreldrebetaling-i-barnehager/-3.-moderasjonsordninger',
        hjemmel: `${FORSKRIFT} § 3`,
        konfidens: 'B',
      },
    ),
    verdi(
      '2020-02-28',
      { barn2: Sats.prosent(30), barn3Pluss: Sats.prosent(50) },
      lovtekst(
        'Forskrift om foreldrebetaling i barnehager (FOR-2005-12-16-1478) § 3a første ledd, tilføyd ved FOR-2020-02-28-199',
        LOVDATA.foreldrebetaling,
        `${FORSKRIFT} § 3a første ledd`,
        'Kommunen skal gi foreldre minimum 30 prosent reduksjon i foreldrebetaling for barn nummer 2 og minimum 50 prosent reduksjon i foreldrebetaling for barn nummer 3 eller flere barn',
      ),
    ),
    verdi(
      '2023-08-01',
      { barn2: Sats.prosent(30), barn3Pluss: Sats.prosent(100) },
      lovtekst(
        'Forskrift om foreldrebetaling i barnehager (FOR-2005-12-16-1478) § 3a første ledd, endret ved FOR-2023-05-16-710 (i kraft 1.8.2023)',
        LOVDATA.foreldrebetaling,
        `${FORSKRIFT} § 3a første ledd`,
        'Kommunen skal gi foreldre minimum 30 prosent reduksjon i foreldrebetaling for barn nummer 2 og 100 prosent reduksjon i foreldrebetaling for barn nummer 3 eller flere barn',
      ),
    ),
  ],
  // The text is unchanged in the Lovdata pull of July 2026; regjeringen id3174270 (October 2026):
  // «framleis søskenmoderasjon … og gratis barnehage for det tredje barnet».
  dekketTil: '2026-12-31',
  verdiSkjema: z.object({ barn2: andelSkjema, barn3Pluss: andelSkjema }).strict(),
  visVerdi: (s) => ({ barn2: s.barn2.toString(), barn3Pluss: s.barn3Pluss.toString() }),
});

// ---------------------------------------------------------------------------------------------------
// § 3c Gratis kjernetid (§ 3 syvende ledd from 1 August 2019 to 27 February 2020)

export interface Kjernetid {
  /** Free from 1 August of the calendar year the child turns this age. */
  fraAlder: number;
  timerPerUke: number;
}

export const GRATIS_KJERNETID = tabell<Kjernetid>({
  navn: 'foreldrebetaling.gratisKjernetid',
  beskrivelse: 'Gratis kjernetid i barnehage: timer per uke og alderen barnet får den fra',
  verdier: [
    verdi(
      '2016-08-01',
      { fraAlder: 3, timerPerUke: 20 },
      {
        tittel:
          'Udir: endringer i § 3 (forskrift 29. april 2016 nr. 437, i kraft 1. august 2016); Frøland kommune («tre-, fire- og femåringer (barn født i 2011, 2012 og 2013)»). Teksten før 2019 er ikke i Lovdatas historikk',
        url: 'https://udir.no/regelverkstolkninger/barnehage/forskrift-om-foreldrebetaling-i-barnehager/-3.-moderasjonsordninger',
        hjemmel: `${FORSKRIFT} § 3`,
        konfidens: 'B',
      },
    ),
    verdi(
      '2019-08-01',
      { fraAlder: 2, timerPerUke: 20 },
      lovtekst(
        'Forskrift om foreldrebetaling i barnehager (FOR-2005-12-16-1478) § 3 syvende ledd slik FOR-2019-04-05-457 lød fra 1.8.2019 (endringshistorikken)',
        LOVDATA.foreldrebetaling,
        `${FORSKRIFT} § 3`,
        'Kommunen skal gi fritak for foreldrebetaling for 20 timer per uke til alle to-, tre-, fire- og femåringer i husholdninger med en samlet personinntekt, etter skatteloven kapittel 12, og skattepliktig kapitalinntekt under en inntektsgrense fastsatt av Stortinget.',
      ),
    ),
    verdi(
      '2020-02-28',
      { fraAlder: 2, timerPerUke: 20 },
      lovtekst(
        'Forskrift om foreldrebetaling i barnehager (FOR-2005-12-16-1478) § 3c, tilføyd ved FOR-2020-02-28-199',
        LOVDATA.foreldrebetaling,
        `${FORSKRIFT} § 3c første ledd`,
        'Kommunen skal gi fritak for foreldrebetaling for 20 timer per uke til alle barn fra og med 1. august i det kalenderåret de fyller to år og fram til skolestart, dersom:',
      ),
    ),
  ],
  // The text is unchanged in the Lovdata pull of July 2026; Prop. 1 S (2026–2027) still describes the
  // scheme as 20 hours for children aged 2–5 (read as a copy).
  dekketTil: '2026-12-31',
  verdiSkjema: z
    .object({ fraAlder: z.number().int().min(1).max(6), timerPerUke: z.number().int().min(1).max(60) })
    .strict(),
  visVerdi: (k) => ({ fraAlder: k.fraAlder, timerPerUke: k.timerPerUke }),
});

const HJEMMEL_GRENSE_FOER_2020 = `${FORSKRIFT} § 3`;
const HJEMMEL_GRENSE = `${FORSKRIFT} § 3c første ledd`;
const GRENSE_IKKE_LOVTEKST =
  'ikke lovtekst: grensen står i Stortingets budsjettvedtak («inntektsgrensen fastsatt av Stortinget»)';

/**
 * The income limit for gratis kjernetid («lavere enn inntektsgrensen fastsatt av Stortinget»), from
 * 1 August each year. The limit from 1 August 2025 rests on one municipal page (confidence C); the
 * limit from 1 August 2026 was not found (searched again on 2026-12-07: Udir, Stortinget's budget
 * decisions, regjeringen.no, municipal pages), so the table ends on 31 July 2026; a case that needs the
 * limit after that date is refused until the municipality adds the value (docs/drift.md, «Nye satser»).
 * 718 780 from 1 August 2027 is only a proposal.
 */
export const KJERNETID_INNTEKTSGRENSE = tabell<Beloep>({
  navn: 'foreldrebetaling.kjernetidInntektsgrense',
  beskrivelse: 'Inntektsgrense for gratis kjernetid i barnehage (husholdningens inntekt per år)',
  verdier: [
    verdi('2017-08-01', kr(450_000), {
      tittel: `Gjennestad barnehage; samskipnaden.no (RNB 2017, Stortingsvedtak 1120); ${GRENSE_IKKE_LOVTEKST}`,
      url: 'http://gjennestadbarnehage.no/Innhold/Nyhet/90238',
      hjemmel: HJEMMEL_GRENSE_FOER_2020,
      sitat: 'økes fra 428 000 til 450 000 kroner',
      konfidens: 'B',
    }),
    verdi('2018-08-01', kr(533_500), {
      tittel: `Gjennestad barnehage; Overhalla kommune; ${GRENSE_IKKE_LOVTEKST}`,
      url: 'http://gjennestadbarnehage.no/Innhold/Nyhet/101629',
      hjemmel: HJEMMEL_GRENSE_FOER_2020,
      sitat: 'Fra og med 1. august 2018 … lavere enn 533 500 kroner per år.',
      konfidens: 'B',
    }),
    verdi('2019-08-01', kr(548_500), {
      tittel: `Hægebostad kommune; Vinje og Bygland kommune; ${GRENSE_IKKE_LOVTEKST}`,
      url: 'https://www.haegebostad.kommune.no/gratis-kjernetid-i-barnehagen.6258834-510941.html',
      hjemmel: HJEMMEL_GRENSE_FOER_2020,
      sitat: 'lavere enn kr 548.500,- pr. år. (pr. august 2019)',
      konfidens: 'B',
    }),
    verdi('2020-08-01', kr(566_100), {
      tittel: `Skiptvet kommune (barnehageåret 2020/2021); Vang kommune; ${GRENSE_IKKE_LOVTEKST}`,
      url: 'https://www.skiptvet.kommune.no/redusert-foreldrebetaling-for-barnehageaaret-20202021.6313479-514549.html',
      hjemmel: HJEMMEL_GRENSE,
      sitat: 'Dersom husstandens inntekt er under kr. 566.100, og barnet fyller 2, 3, 4 eller 5 år i 2020 …',
      konfidens: 'B',
    }),
    verdi('2021-08-01', kr(583_650), {
      tittel: `Bykle kommune; Vang kommune; ${GRENSE_IKKE_LOVTEKST}`,
      url: 'https://www.bykle.kommune.no/redusert-foreldrebetaling-og-gratis-kjernetid.5854212-376801.html',
      hjemmel: HJEMMEL_GRENSE,
      sitat: 'Frå 1. august 2021 er inntekstgrensa … for gratis kjernetid i barnehagen 583 650 kroner.',
      konfidens: 'B',
    }),
    verdi('2022-08-01', kr(598_825), {
      tittel: `Hemnes kommune og Oppdal kommune (barnehageåret 2022/2023); ${GRENSE_IKKE_LOVTEKST}`,
      hjemmel: HJEMMEL_GRENSE,
      sitat: 'gjelder fra 1.august 2022',
      konfidens: 'B',
    }),
    verdi('2023-08-01', kr(615_590), {
      tittel: `Skaun kommune; Vestby og Tønsberg kommune; ${GRENSE_IKKE_LOVTEKST}`,
      url: 'http://www.skaun.kommune.no/redusert-foreldrebetaling.6540700-579216.html',
      hjemmel: HJEMMEL_GRENSE,
      sitat:
        'samlet bruttoinntekt lavere enn 615 590 kroner i året, får dere også automatisk gratis kjernetid',
      konfidens: 'B',
    }),
    verdi('2024-08-01', kr(642_700), {
      tittel: `Stord kommune (barnehageåret 2024/2025); Holmestrand kommune; ${GRENSE_IKKE_LOVTEKST}`,
      url: 'https://www.stord.kommune.no/endring-i-foreldrebetaling-for-barnehageaaret-2024-2025.6664138-593659.html',
      hjemmel: HJEMMEL_GRENSE,
      sitat:
        'Inntektsgrensa for gratis kjernetid for barn i barnehage som er 2-6 år vil vera 642 700 per år.',
      // Two municipal pages agree (Holmestrand: «Husholdninger med lavere inntekt enn 642 700 kroner med
      // to-, tre-, fire- eller femåringer har rett på 20 timer gratis kjernetid per uke.»).
      konfidens: 'B',
    }),
    verdi('2025-08-01', kr(669_050), {
      tittel: `Ålesund kommune, «Pris og betaling for barnehageplass» (lest 2026-12-07); én kommunal kilde; ${GRENSE_IKKE_LOVTEKST}`,
      url: 'https://alesund.kommune.no/barnehage-og-skole/barnehage/pris-og-betaling-for-barnehageplass',
      hjemmel: HJEMMEL_GRENSE,
      sitat:
        'Har barn i barnehage som er 2 år eller eldre og har husholdningsinntekt under kr. 642 700 (fra 01.08.2025 inntektsgrense er kr. 669 050 per år)',
      // One municipal page states it (a third party's copy of Oslo's figure agrees); no Stortinget or
      // Udir text: docs/research/foreldrebetaling-satser.md.
      konfidens: 'C',
    }),
  ],
  // The limit from 1 August 2026 was not found in any source (searched 2026-12-07): the table ends the
  // day before, and the municipality adds it in the product or by operator file (docs/drift.md).
  dekketTil: '2026-07-31',
  verdiSkjema: kronebeloepSkjema,
  visVerdi: (b) => b.toJsonNumber(),
});

// ---------------------------------------------------------------------------------------------------
// SFO: forskrift til opplæringslova kap. 1B (2020–2024), opplæringsforskrifta kap. 2 (from 1 August
// 2024), opplæringslova § 4-5 andre ledd (from 1 August 2026)

const trinnSkjema = z.array(z.number().int().min(1).max(7));

/** The grades (årstrinn) for which the 6 % rule applies to SFO. An empty list: no national rule yet. */
export const SFO_SEKS_PROSENT_TRINN = tabell<readonly number[]>({
  navn: 'foreldrebetaling.sfoSeksProsentTrinn',
  beskrivelse: 'Årstrinn med redusert foreldrebetaling i SFO (6 % av husholdningens inntekt)',
  verdier: [
    verdi('2018-01-01', [], {
      tittel:
        'Ingen nasjonal inntektsmoderasjon i SFO før kapittel 1B i forskrift til opplæringslova kom ved FOR-2020-07-02-1492, i kraft 1.8.2020 («Nytt kapittel 1B skal lyde»); endringshistorikken lest i Lovdatas åpne data gjennom speilet sstraume97/norwegian-laws',
      hjemmel: 'forskrift til opplæringslova § 1B-1',
      konfidens: 'A',
    }),
    verdi(
      '2020-08-01',
      [1, 2],
      lovtekst(
        'Forskrift til opplæringslova (FOR-2006-06-23-724) § 1B-1 første ledd slik FOR-2020-07-02-1492 lød fra 1.8.2020 (endringshistorikken)',
        LOVDATA.forskriftTilOpplaeringslova,
        'forskrift til opplæringslova § 1B-1 første ledd',
        'Kommunen skal etter søknad gi reduksjon i foreldrebetalinga for skolefritidsordninga på 1. og 2. årstrinn slik at den per elev utgjer maksimalt seks prosent av inntektene til hushaldet',
      ),
    ),
    verdi(
      '2021-08-01',
      [1, 2, 3, 4],
      lovtekst(
        'Forskrift til opplæringslova (FOR-2006-06-23-724) § 1B-1 første ledd slik FOR-2021-06-20-2116 lød fra 1.8.2021 (endringshistorikken)',
        LOVDATA.forskriftTilOpplaeringslova,
        'forskrift til opplæringslova § 1B-1 første ledd',
        'Kommunen skal etter søknad gi reduksjon i foreldrebetalinga for skolefritidsordninga på 1.–4. årstrinn slik at den per elev utgjer maksimalt seks prosent av inntektene til hushaldet',
      ),
    ),
    verdi(
      '2024-08-01',
      [1, 2, 3, 4],
      lovtekst(
        'Opplæringsforskrifta (FOR-2024-06-03-900) § 2-4 første ledd, i kraft 1.8.2024',
        LOVDATA.opplaeringsforskrifta,
        'opplæringsforskrifta § 2-4 første ledd',
        'Kommunen skal etter søknad redusere foreldrebetalinga for skolefritidsordninga på 1. til 4. trinn slik at ho per elev utgjer maksimalt seks prosent av inntektene til hushaldet',
      ),
    ),
  ],
  // Unchanged in the Lovdata pull of July 2026 (FOR-2026-03-20-443 changes only § 2-2).
  dekketTil: '2026-12-31',
  verdiSkjema: trinnSkjema,
  visVerdi: (t) => [...t],
});

/** Free SFO hours per week and the grades that get them. */
export interface SfoGratistimer {
  timerPerUke: number;
  trinn: readonly number[];
}

export const SFO_GRATISTIMER = tabell<SfoGratistimer>({
  navn: 'foreldrebetaling.sfoGratistimer',
  beskrivelse: 'Gratis timer i SFO per uke og årstrinnene som får dem',
  verdier: [
    verdi(
      '2018-01-01',
      { timerPerUke: 12, trinn: [] },
      {
        tittel:
          'Ingen nasjonale gratistimer i SFO før § 1B-4 i forskrift til opplæringslova kom ved FOR-2022-06-13-1014, i kraft 1.8.2022 («Ny § 1B-4 skal lyde»); endringshistorikken lest i Lovdatas åpne data gjennom speilet sstraume97/norwegian-laws',
        hjemmel: 'forskrift til opplæringslova § 1B-4',
        konfidens: 'A',
      },
    ),
    verdi(
      '2022-08-01',
      { timerPerUke: 12, trinn: [1] },
      lovtekst(
        'Forskrift til opplæringslova (FOR-2006-06-23-724) § 1B-4 første ledd slik FOR-2022-06-13-1014 lød fra 1.8.2022 (endringshistorikken)',
        LOVDATA.forskriftTilOpplaeringslova,
        'forskrift til opplæringslova § 1B-4 første ledd',
        'Kommunen skal gi fritak frå foreldrebetaling for 12 timar per veke for elevar på 1. årstrinn som har plass i skolefritidsordninga.',
      ),
    ),
    verdi(
      '2023-08-01',
      { timerPerUke: 12, trinn: [1, 2] },
      lovtekst(
        'Forskrift til opplæringslova (FOR-2006-06-23-724) § 1B-4 første ledd slik FOR-2023-05-26-752 lød fra 1.8.2023 (endringshistorikken)',
        LOVDATA.forskriftTilOpplaeringslova,
        'forskrift til opplæringslova § 1B-4 første ledd',
        'Kommunen skal gi fritak frå foreldrebetaling for 12 timar per veke for elevar på 1. og 2. årstrinn som har plass i skolefritidsordninga.',
      ),
    ),
    verdi(
      '2024-08-01',
      { timerPerUke: 12, trinn: [1, 2, 3] },
      lovtekst(
        'Opplæringsforskrifta (FOR-2024-06-03-900) § 2-2 første ledd, i kraft 1.8.2024 (samme dag som § 1B-4 etter FOR-2024-05-13-762)',
        LOVDATA.opplaeringsforskrifta,
        'opplæringsforskrifta § 2-2 første ledd',
        'Kommunen skal gi tolv timar gratis skolefritidsordning per veke for elevar på 1. til 3. trinn som har plass i ordninga.',
      ),
    ),
    verdi(
      '2026-08-01',
      { timerPerUke: 12, trinn: [1, 2, 3] },
      lovtekst(
        'Opplæringslova (LOV-2023-06-09-30) § 4-5 andre ledd slik LOV-2026-02-13-6 lyder fra 1.8.2026 (res. 13 feb 2026 nr. 197), med ny § 2-2 i opplæringsforskrifta ved FOR-2026-03-20-443 fra samme dag',
        LOVDATA.opplaeringslova,
        'opplæringslova § 4-5 andre ledd',
        'Elevar på 1. til 3. trinn har rett til 12 timar gratis skolefritidsordning per veke.',
      ),
    ),
  ],
  // Prop. 1 S (2026–2027): «Det er innført rett til 12 timar gratis SFO på 1.–3. trinn» (read as a copy).
  dekketTil: '2026-12-31',
  verdiSkjema: z.object({ timerPerUke: z.number().int().min(1).max(60), trinn: trinnSkjema }).strict(),
  visVerdi: (g) => ({ timerPerUke: g.timerPerUke, trinn: [...g.trinn] }),
});

/** The grades on which a pupil with særlege behov has free SFO (kost excepted). */
export const SFO_SAERLEGE_BEHOV_TRINN = tabell<readonly number[]>({
  navn: 'foreldrebetaling.sfoGratisSaerlegeBehovTrinn',
  beskrivelse: 'Årstrinn der elever med særlege behov har gratis SFO',
  verdier: [
    verdi('2018-01-01', [], {
      tittel:
        'Ingen nasjonal regel om gratis SFO for elever med særskilde behov før § 1B-3 i forskrift til opplæringslova kom ved FOR-2020-07-02-1492, i kraft 1.8.2020; endringshistorikken lest i Lovdatas åpne data gjennom speilet sstraume97/norwegian-laws',
      hjemmel: 'forskrift til opplæringslova § 1B-3',
      konfidens: 'A',
    }),
    verdi(
      '2020-08-01',
      [5, 6, 7],
      lovtekst(
        'Forskrift til opplæringslova (FOR-2006-06-23-724) § 1B-3 slik FOR-2020-07-02-1492 lød fra 1.8.2020 (endringshistorikken)',
        LOVDATA.forskriftTilOpplaeringslova,
        'forskrift til opplæringslova § 1B-3 første ledd',
        'Tilbodet på 5.–7. årstrinn skal vere gratis. Kommunen kan likevel krevje betaling for kost.',
      ),
    ),
    verdi(
      '2024-08-01',
      [5, 6, 7],
      lovtekst(
        'Opplæringsforskrifta (FOR-2024-06-03-900) § 2-3 første ledd, i kraft 1.8.2024',
        LOVDATA.opplaeringsforskrifta,
        'opplæringsforskrifta § 2-3 første ledd',
        'Kommunen skal gi tilbod om gratis skolefritidsordning for elevar med særlege behov på 5. til 7. trinn.',
      ),
    ),
  ],
  dekketTil: '2026-12-31',
  verdiSkjema: trinnSkjema,
  visVerdi: (t) => [...t],
});

/** Every table of the area, for the registry, the coverage test and operator files. */
export const TABELLER: readonly EnhverTabell[] = [
  MAKSIMALPRIS,
  SOESKENMODERASJON,
  GRATIS_KJERNETID,
  KJERNETID_INNTEKTSGRENSE,
  SFO_SEKS_PROSENT_TRINN,
  SFO_GRATISTIMER,
  SFO_SAERLEGE_BEHOV_TRINN,
];
