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
 * 2026-11-27 against the research notes of that day (docs/research/foreldrebetaling-satser.md and
 * ../shared/regelverk/foreldrebetaling.md), which quote the sources named here. Where a value rests on a
 * budget proposal or on one secondary source, the kilde says so and `konfidens` is B or C. Nothing is
 * extrapolated: a table ends where the sources end.
 */

const VERIFISERT: IsoDato = '2026-11-27';

function verdi<T>(gyldigFra: IsoDato, v: T, kilde: Kilde) {
  return { gyldigFra, verdi: v, kilde, verifisert: VERIFISERT };
}

const kr = (n: number) => Beloep.kroner(n);

// ---------------------------------------------------------------------------------------------------
// § 1 Maksimalgrense

/**
 * Maksimalpris per month for a full-time place (41 hours or more), by zone: the ordinary price, the
 * lower price in the least central municipalities (SSB sentralitet 5–6, from 1 August 2024), and the
 * tiltakssone/innsatssone in Finnmark and Nord-Troms (free from 1 August 2023). A zone without its own
 * value in a period pays the ordinary price.
 */
export interface Maksimalpris {
  ordinaer: Beloep;
  sentralitet56?: Beloep;
  innsatssone?: Beloep;
}

const HJEMMEL_MAKSPRIS = 'forskrift om foreldrebetaling i barnehager § 1; Stortingets budsjettvedtak';

export const MAKSIMALPRIS = tabell<Maksimalpris>({
  navn: 'foreldrebetaling.maksimalpris',
  beskrivelse: 'Maksimalpris for en heltidsplass i barnehage per måned',
  verdier: [
    verdi(
      '2018-01-01',
      { ordinaer: kr(2910) },
      {
        tittel: 'Makspris 2018: TV2 (KDs tabell) og barnehagesider (Egenes, Steinberget)',
        url: 'https://www.tv2.no/a/14339447/',
        hjemmel: HJEMMEL_MAKSPRIS,
        sitat: 'Maksprisen for 2018 er 2 910 kroner per måned, og totalt 32 010 kroner per år',
        konfidens: 'B',
      },
    ),
    verdi(
      '2019-01-01',
      { ordinaer: kr(2990) },
      {
        tittel: 'NRK 2019 og Kvænangen kommune (32 490 = 5 × 2 910 + 6 × 2 990)',
        url: 'https://www.nrk.no/mr/ap-strid-om-gratis-barnehage-1.14446778',
        hjemmel: HJEMMEL_MAKSPRIS,
        sitat:
          'Maksprisen for en barnehageplass i 2019 er 2.990 kroner per måned fra 1. januar, og 3.040 kroner per måned fra 1. august.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2019-08-01',
      { ordinaer: kr(3040) },
      {
        tittel: 'NRK 2019; Fyresdal kommune (inntektsgrense 557 333 = 3 040 × 11 / 0,06)',
        url: 'https://www.nrk.no/mr/ap-strid-om-gratis-barnehage-1.14446778',
        hjemmel: HJEMMEL_MAKSPRIS,
        sitat:
          'Maksprisen for en barnehageplass i 2019 er 2.990 kroner per måned fra 1. januar, og 3.040 kroner per måned fra 1. august.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2020-01-01',
      { ordinaer: kr(3135) },
      {
        tittel: 'Lundåsen barnehage, TV2 (KDs tabell) og Skiptvet kommune (grense 574 750)',
        url: 'https://www.lundasen-barnehage.no/index.php/237-offentlig-del/1383-okning-i-foreldrebetaling',
        hjemmel: HJEMMEL_MAKSPRIS,
        sitat:
          'Vedtak på nasjonalt hold om økning i makspris i barnehager fra 01.01.20, makspris for helplass er 3135,-',
        konfidens: 'B',
      },
    ),
    verdi(
      '2021-01-01',
      { ordinaer: kr(3230) },
      {
        tittel: 'Sande kommune (skjema SAN036), Trulserudenga barnehage og TV2',
        url: 'https://skjema.sande-mr.kommune.no/skjema/SAN036/',
        hjemmel: HJEMMEL_MAKSPRIS,
        sitat: 'Maksprisen vert fastsett til kroner 3 230 per måned frå og med 1. januar 2021.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2022-01-01',
      { ordinaer: kr(3315) },
      {
        tittel: 'Nes kommune og TV2',
        url: 'https://testweb.nes.kommune.no/aktuelt/redusert-foreldrebetaling-i-barnehagene/',
        hjemmel: HJEMMEL_MAKSPRIS,
        sitat:
          'Maksprisen går nå ned fra kroner 3 315 per måned, til kroner 3 050 per måned fra 1. august 2022.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2022-08-01',
      { ordinaer: kr(3050) },
      {
        tittel: 'Nes kommune og TV2 (budsjettavtalen 2022)',
        url: 'https://testweb.nes.kommune.no/aktuelt/redusert-foreldrebetaling-i-barnehagene/',
        hjemmel: HJEMMEL_MAKSPRIS,
        sitat:
          'Maksprisen går nå ned fra kroner 3 315 per måned, til kroner 3 050 per måned fra 1. august 2022.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2023-01-01',
      { ordinaer: kr(3000) },
      {
        tittel:
          'Regjeringen: «Billigare barnehage over heile landet» (statsbudsjettet 2023, forslag), bekreftet av kommunale sider',
        url: 'https://www.regjeringen.no/no/aktuelt/barnehager/id2930586/',
        hjemmel: HJEMMEL_MAKSPRIS,
        sitat: 'Den nye maksimalprisen blir 3 000 kroner per månad frå 1. januar 2023.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2023-08-01',
      { ordinaer: kr(3000), innsatssone: Beloep.NULL },
      {
        tittel:
          'NRK 2023: gratis barnehage i tiltakssonen i Finnmark og Nord-Troms; regjeringen (statsbudsjettet 2023)',
        url: 'https://www.nrk.no/tromsogfinnmark/gratis-barnehage-i-nord-troms-og-finnmark-fra-1.-august-1.16501305',
        hjemmel: HJEMMEL_MAKSPRIS,
        sitat: 'Fra 1. august er barnehagen gratis for alle som bor i tiltakssonen i Finnmark og Troms.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2024-08-01',
      { ordinaer: kr(2000), sentralitet56: kr(1500), innsatssone: Beloep.NULL },
      {
        tittel:
          'Regjeringen: «Historisk billig barnehage» (statsbudsjettet 2024, forslag), bekreftet av barnehagesider (Amanda barnehage)',
        url: 'https://www.regjeringen.no/no/aktuelt/historisk-billig-barnehage/id2997094/',
        hjemmel: HJEMMEL_MAKSPRIS,
        sitat:
          'Regjeringa vil kutte maksprisen i barnehage til historisk låge 2000 kroner i månaden, og til 1500 kroner i dei 189 mest spreiddbygde kommunane.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2025-01-01',
      { ordinaer: kr(2000), sentralitet56: kr(1500), innsatssone: Beloep.NULL },
      {
        tittel:
          'Finansavisen 2.8.2025 (ordinær pris 2 000 fram til 1.8.2025); sonepris 1 500 er bare underforstått (regjeringen id3174270: revidert budsjett 2025 «satt ned» sonen til 700)',
        url: 'https://www.finansavisen.no/politikk/2025/08/02/8282727/undersokelse-flertall-vil-ha-gratis-barnehage',
        hjemmel: HJEMMEL_MAKSPRIS,
        sitat:
          'Fredag 1. august ble maksprisen for barnehageplass redusert fra 2000 kroner til 1200 kroner i måneden.',
        konfidens: 'C',
      },
    ),
    verdi(
      '2025-08-01',
      { ordinaer: kr(1200), sentralitet56: kr(700), innsatssone: Beloep.NULL },
      {
        tittel:
          'Regjeringen oktober 2026 (id3174270, lest som kopi) om revidert budsjett 2025; dato fra Finansavisen, Dagsavisen og Tusenbein barnehage',
        url: 'https://www.regjeringen.no/no/aktuelt/regjeringa-vidareforer-den-historiske-lage-maksprisen-i-barnehage/id3174270/',
        hjemmel: HJEMMEL_MAKSPRIS,
        sitat:
          'i revidert budsjett blei han satt ned til 1 200 kroner per månad nasjonalt og 700 kroner per månad i sentralitetssone 5 og 6',
        konfidens: 'B',
      },
    ),
    verdi(
      '2026-01-01',
      { ordinaer: kr(1200), sentralitet56: kr(700), innsatssone: Beloep.NULL },
      {
        tittel:
          'Meld. St. 1 (2025–2026) Nasjonalbudsjettet 2026 (forslag, lest som kopi); regjeringen id3174270 (oktober 2026): maksprisen «fryst» og innsatssonen «framleis heilt gratis»',
        hjemmel: HJEMMEL_MAKSPRIS,
        sitat:
          'Husholdninger skal maksimalt betale 1 200 kroner per måned for en barnehageplass. I de minst sentrale kommunene (sone 5 og 6) videreføres makspris på 700 kroner per måned. Barnehager i innsatssonen i Finnmark og Nord-Troms er gratis.',
        konfidens: 'B',
      },
    ),
  ],
  // Budget year 2026. The 2027 price (1 200/700) is only a proposal.
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
// § 3a Søskenmoderasjon

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
        tittel: 'Forskrift om foreldrebetaling i barnehager § 3a (Udirs gjengivelse; før 2020 i § 3)',
        url: 'https://udir.no/regelverkstolkninger/barnehage/forskrift-om-foreldrebetaling-i-barnehager/-3.-moderasjonsordninger',
        hjemmel: 'forskrift om foreldrebetaling i barnehager § 3a',
        sitat:
          'Kommunen skal gi foreldre minimum 30 prosent reduksjon i foreldrebetaling for barn nummer 2 og minimum 50 prosent reduksjon i foreldrebetaling for barn nummer 3 eller flere barn',
        konfidens: 'A',
      },
    ),
    verdi(
      '2023-08-01',
      { barn2: Sats.prosent(30), barn3Pluss: Sats.prosent(100) },
      {
        tittel:
          'Regjeringen (statsbudsjettet 2023): gratis plass fra tredje barn; Luster og Bodø kommune. Endret ordlyd i § 3a er ikke sett',
        url: 'https://www.regjeringen.no/no/aktuelt/barnehager/id2930586/',
        hjemmel: 'forskrift om foreldrebetaling i barnehager § 3a',
        sitat:
          'gratis plass frå og med det tredje barnet for dei som har fleire barn i barnehagen på same tid',
        konfidens: 'B',
      },
    ),
  ],
  // Regjeringen id3174270 (October 2026): «framleis søskenmoderasjon … og gratis barnehage for det tredje barnet».
  dekketTil: '2026-12-31',
  verdiSkjema: z.object({ barn2: andelSkjema, barn3Pluss: andelSkjema }).strict(),
  visVerdi: (s) => ({ barn2: s.barn2.toString(), barn3Pluss: s.barn3Pluss.toString() }),
});

// ---------------------------------------------------------------------------------------------------
// § 3c Gratis kjernetid

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
          'Udir: endringer i § 3 (forskrift 29. april 2016 nr. 437, i kraft 1. august 2016); Frøland kommune (3–5 år)',
        url: 'https://udir.no/regelverkstolkninger/barnehage/forskrift-om-foreldrebetaling-i-barnehager/-3.-moderasjonsordninger',
        hjemmel: 'forskrift om foreldrebetaling i barnehager § 3',
        konfidens: 'B',
      },
    ),
    verdi(
      '2019-08-01',
      { fraAlder: 2, timerPerUke: 20 },
      {
        tittel:
          'Forskrift om foreldrebetaling i barnehager § 3c (Udirs gjengivelse); utvidet til 2-åringer ved forskrift 5. april 2019 nr. 457, i kraft 1. august 2019',
        url: 'https://www.udir.no/regelverkstolkninger/barnehage/forskrift-om-foreldrebetaling-i-barnehager/',
        hjemmel: 'forskrift om foreldrebetaling i barnehager § 3c',
        sitat:
          'Kommunen skal gi fritak for foreldrebetaling for 20 timer per uke til alle barn fra og med 1. august i det kalenderåret de fyller to år og fram til skolestart',
        konfidens: 'A',
      },
    ),
  ],
  // Prop. 1 S (2026–2027) still describes the scheme as 20 hours for children aged 2–5 (read as a copy).
  dekketTil: '2026-12-31',
  verdiSkjema: z
    .object({ fraAlder: z.number().int().min(1).max(6), timerPerUke: z.number().int().min(1).max(60) })
    .strict(),
  visVerdi: (k) => ({ fraAlder: k.fraAlder, timerPerUke: k.timerPerUke }),
});

/**
 * The income limit for gratis kjernetid («lavere enn inntektsgrensen fastsatt av Stortinget»), from
 * 1 August each year. The limits from 1 August 2025 and 1 August 2026 were not found, so the table ends
 * on 31 July 2025; a child in the age range after that date cannot be calculated until an operator adds
 * the value.
 */
export const KJERNETID_INNTEKTSGRENSE = tabell<Beloep>({
  navn: 'foreldrebetaling.kjernetidInntektsgrense',
  beskrivelse: 'Inntektsgrense for gratis kjernetid i barnehage (husholdningens inntekt per år)',
  verdier: [
    verdi('2017-08-01', kr(450_000), {
      tittel: 'Gjennestad barnehage; samskipnaden.no (RNB 2017, Stortingsvedtak 1120)',
      url: 'http://gjennestadbarnehage.no/Innhold/Nyhet/90238',
      hjemmel: 'forskrift om foreldrebetaling i barnehager § 3; Stortingets vedtak',
      sitat: 'økes fra 428 000 til 450 000 kroner',
      konfidens: 'B',
    }),
    verdi('2018-08-01', kr(533_500), {
      tittel: 'Gjennestad barnehage; Overhalla kommune',
      url: 'http://gjennestadbarnehage.no/Innhold/Nyhet/101629',
      hjemmel: 'forskrift om foreldrebetaling i barnehager § 3; Stortingets budsjettvedtak',
      sitat: 'Fra og med 1. august 2018 … lavere enn 533 500 kroner per år.',
      konfidens: 'B',
    }),
    verdi('2019-08-01', kr(548_500), {
      tittel: 'Hægebostad kommune; Vinje og Bygland kommune',
      url: 'https://www.haegebostad.kommune.no/gratis-kjernetid-i-barnehagen.6258834-510941.html',
      hjemmel: 'forskrift om foreldrebetaling i barnehager § 3c; Stortingets budsjettvedtak',
      sitat: 'lavere enn kr 548.500,- pr. år. (pr. august 2019)',
      konfidens: 'B',
    }),
    verdi('2020-08-01', kr(566_100), {
      tittel: 'Skiptvet kommune (barnehageåret 2020/2021); Vang kommune',
      url: 'https://www.skiptvet.kommune.no/redusert-foreldrebetaling-for-barnehageaaret-20202021.6313479-514549.html',
      hjemmel: 'forskrift om foreldrebetaling i barnehager § 3c; Stortingets budsjettvedtak',
      sitat: 'Dersom husstandens inntekt er under kr. 566.100, og barnet fyller 2, 3, 4 eller 5 år i 2020 …',
      konfidens: 'B',
    }),
    verdi('2021-08-01', kr(583_650), {
      tittel: 'Bykle kommune; Vang kommune',
      url: 'https://www.bykle.kommune.no/redusert-foreldrebetaling-og-gratis-kjernetid.5854212-376801.html',
      hjemmel: 'forskrift om foreldrebetaling i barnehager § 3c; Stortingets budsjettvedtak',
      sitat: 'Frå 1. august 2021 er inntekstgrensa … for gratis kjernetid i barnehagen 583 650 kroner.',
      konfidens: 'B',
    }),
    verdi('2022-08-01', kr(598_825), {
      tittel: 'Hemnes kommune og Oppdal kommune (barnehageåret 2022/2023)',
      hjemmel: 'forskrift om foreldrebetaling i barnehager § 3c; Stortingets budsjettvedtak',
      sitat: 'gjelder fra 1.august 2022',
      konfidens: 'B',
    }),
    verdi('2023-08-01', kr(615_590), {
      tittel: 'Skaun kommune; Vestby og Tønsberg kommune',
      url: 'http://www.skaun.kommune.no/redusert-foreldrebetaling.6540700-579216.html',
      hjemmel: 'forskrift om foreldrebetaling i barnehager § 3c; Stortingets budsjettvedtak',
      sitat:
        'samlet bruttoinntekt lavere enn 615 590 kroner i året, får dere også automatisk gratis kjernetid',
      konfidens: 'B',
    }),
    verdi('2024-08-01', kr(642_700), {
      tittel: 'Stord kommune (barnehageåret 2024/2025); én kilde',
      url: 'https://www.stord.kommune.no/endring-i-foreldrebetaling-for-barnehageaaret-2024-2025.6664138-593659.html',
      hjemmel: 'forskrift om foreldrebetaling i barnehager § 3c; Stortingets budsjettvedtak',
      sitat:
        'Inntektsgrensa for gratis kjernetid for barn i barnehage som er 2-6 år vil vera 642 700 per år.',
      konfidens: 'C',
    }),
  ],
  // The limit from 1 August 2025 was not found in any source: the table ends the day before.
  dekketTil: '2025-07-31',
  verdiSkjema: kronebeloepSkjema,
  visVerdi: (b) => b.toJsonNumber(),
});

// ---------------------------------------------------------------------------------------------------
// SFO: forskrift til opplæringslova kap. 1B (2020–2024), opplæringsforskrifta kap. 2 (from 1 August 2024)

const trinnSkjema = z.array(z.number().int().min(1).max(7));

/** The grades (årstrinn) for which the 6 % rule applies to SFO. An empty list: no national rule yet. */
export const SFO_SEKS_PROSENT_TRINN = tabell<readonly number[]>({
  navn: 'foreldrebetaling.sfoSeksProsentTrinn',
  beskrivelse: 'Årstrinn med redusert foreldrebetaling i SFO (6 % av husholdningens inntekt)',
  verdier: [
    verdi('2018-01-01', [], {
      tittel:
        'Ingen nasjonal inntektsmoderasjon i SFO før forskrift til opplæringslova kap. 1B (FOR-2020-07-02-1492) trådte i kraft 1. august 2020',
      url: 'https://lavangen.custompublish.com/soek-redusert-foreldrebetaling-for-sfo-skolefritidsordning.6325571-415595.html',
      hjemmel: 'forskrift til opplæringslova kap. 1B',
      konfidens: 'B',
    }),
    verdi('2020-08-01', [1, 2], {
      tittel: 'Forskrift til opplæringslova § 1B-1 (gjengitt av Lavangen og Luster kommune)',
      url: 'https://luster.custompublish.com/redusert-foreldrebetaling-sfo.6359619-547043.html',
      hjemmel: 'forskrift til opplæringslova § 1B-1',
      sitat:
        'Kommunen skal etter søknad gi reduksjon i foreldrebetalinga for skolefritidsordninga på 1. og 2. årstrinn slik at den per elev utgjer maksimalt seks prosent av inntektene til hushaldet',
      konfidens: 'B',
    }),
    verdi('2021-08-01', [1, 2, 3, 4], {
      tittel: 'Sogndal og Askøy kommune: ordningen utvidet til 3. og 4. trinn',
      url: 'https://www.sogndal.kommune.no/redusert-foreldrebetaling-i-sfo-gjeld-og-for-elevar-i-3-og-4-klasse.6419044-539743.html',
      hjemmel: 'forskrift til opplæringslova § 1B-1',
      sitat: '(for 3. og 4. trinn gjelder ordningen fra 1. august 2021)',
      konfidens: 'B',
    }),
    verdi('2024-08-01', [1, 2, 3, 4], {
      tittel:
        'Opplæringsforskrifta (FOR-2024-06-03-900) kap. 2: paragrafen med 6 %-regelen er ikke funnet; at ordningen videreføres, bygger på Udirs side om § 2-5 «behandling av søknader om redusert foreldrebetaling for skolefritidsordninga» (lenket i en Xala-blogg 18.8.2026). Trinnene 1–4 er ikke sett i den nye teksten',
      url: 'https://www.udir.no/regelverkstolkninger/opplaring/forskrift-om-grunnskoleopplaringa-og-den-vidaregaande-opplaringa-opplaringsforskrifta/forste-delen--grunnskoleopplaring/kapittel-2-leksehjelp-og-skolefritidsordning/-2-5-behandling-av-soknader-om-redusert-foreldrebetaling-for-skolefritidsordninga/',
      hjemmel: 'opplæringsforskrifta kap. 2 (paragraf ikke funnet)',
      konfidens: 'C',
    }),
  ],
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
        tittel: 'Ingen nasjonale gratistimer i SFO før § 1B-4 trådte i kraft 1. august 2022',
        url: 'https://www.osen.kommune.no/kampanjefelt/gratis-kjernetid-i-sfo-for-1-klassinger-skolearet-2022-2023.12649.aspx',
        hjemmel: 'forskrift til opplæringslova § 1B-4',
        konfidens: 'B',
      },
    ),
    verdi(
      '2022-08-01',
      { timerPerUke: 12, trinn: [1] },
      {
        tittel: 'Forskrift til opplæringslova § 1B-4 (gjengitt av Osen og Vik kommune)',
        url: 'https://www.osen.kommune.no/kampanjefelt/gratis-kjernetid-i-sfo-for-1-klassinger-skolearet-2022-2023.12649.aspx',
        hjemmel: 'forskrift til opplæringslova § 1B-4',
        sitat:
          'Kommunen skal gi fritak frå foreldrebetaling for 12 timar per veke for elevar på 1. årstrinn som har plass i skolefritidsordninga.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2023-08-01',
      { timerPerUke: 12, trinn: [1, 2] },
      {
        tittel: 'Vindafjord kommune; Bærum kommune',
        url: 'https://www.vindafjord.kommune.no/barn-og-skule/aktuelt-fra-oppvekst/gratis-kjernetid-i-sfo-ogsa-for-2-klasse-fra-hausten.495952.aspx',
        hjemmel: 'forskrift til opplæringslova § 1B-4',
        sitat:
          'endringer i forskrift til opplæringslova § 1B-4 … for elevar både på 1. og 2. årstrinn. Endringa trer i kraft 1. august 2023.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2024-08-01',
      { timerPerUke: 12, trinn: [1, 2, 3] },
      {
        tittel:
          'Stortinget, Innst. 78 L (2025–2026) om opplæringsforskrifta § 2-2; dato fra Bamble og Gran kommune',
        url: 'https://www.stortinget.no/no/Saker-og-publikasjoner/Publikasjoner/Innstillinger/Stortinget/2025-2026/inns-202526-078l?c=False&m=2',
        hjemmel: 'opplæringsforskrifta § 2-2',
        sitat:
          'Opplæringsforskriftens § 2-2 slår fast at kommunen skal tilby 12 timer gratis skolefritidsordning per uke for elever på 1. til 3. trinn som har plass i ordningen.',
        konfidens: 'B',
      },
    ),
    verdi(
      '2026-08-01',
      { timerPerUke: 12, trinn: [1, 2, 3] },
      {
        tittel:
          'Rett til 12 timer gratis SFO lovfestet i opplæringslova (Innst. 78 L (2025–2026); lovparagrafen er ikke funnet). Ikrafttredelse 1.8.2026 bygger på én sekundærkilde. Prop. 1 S (2026–2027): «Det er innført rett til 12 timar gratis SFO på 1.–3. trinn»',
        url: 'https://www.stortinget.no/no/Saker-og-publikasjoner/Publikasjoner/Innstillinger/Stortinget/2025-2026/inns-202526-078l?c=False&m=2',
        hjemmel: 'opplæringslova (paragraf ikke funnet); opplæringsforskrifta § 2-2',
        sitat: 'støtter lovproposisjonen som gir elevene rett til 12 timer gratis SFO hver uke',
        konfidens: 'C',
      },
    ),
  ],
  // Meld. St. 1 (2025–2026): «viderefører tolv timer gratis SFO for elever på første, andre og tredje trinn».
  dekketTil: '2026-12-31',
  verdiSkjema: z.object({ timerPerUke: z.number().int().min(1).max(60), trinn: trinnSkjema }).strict(),
  visVerdi: (g) => ({ timerPerUke: g.timerPerUke, trinn: [...g.trinn] }),
});

/** Every table of the area, for the registry, the coverage test and operator files. */
export const TABELLER: readonly EnhverTabell[] = [
  MAKSIMALPRIS,
  SOESKENMODERASJON,
  GRATIS_KJERNETID,
  KJERNETID_INNTEKTSGRENSE,
  SFO_SEKS_PROSENT_TRINN,
  SFO_GRATISTIMER,
];
