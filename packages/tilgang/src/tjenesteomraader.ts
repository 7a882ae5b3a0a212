import type { Beregningstype } from '@inntektsgrunnlag/beregning';
import type { IsoDato, Kilde } from '@inntektsgrunnlag/regelverk';

/**
 * A provision behind an area: one that lets the municipality obtain tax data (TILGANG), or one whose
 * rules the area applies (REGLER). `verifisert` is the date the reference was checked against the
 * cited source, or null when it was not (then `merknad` says what is missing).
 */
export interface Lovhjemmel {
  formaal: 'TILGANG' | 'REGLER';
  /** The provision as a case worker would cite it, e.g. "helse- og omsorgstjenesteloven § 11-2". */
  hjemmel: string;
  kilde: Kilde;
  verifisert: IsoDato | null;
  merknad?: string;
}

/** Skatteetaten's rettighetspakker (path segment of the delingstjeneste) an area uses, per API. */
export interface Rettighetspakker {
  summertSkattegrunnlag: string;
  beregnetSkatt?: string;
  /** Only for areas where avregning may be granted. */
  avregning?: string;
}

/**
 * A service area ("tjenesteområde") of the municipality: what it may look up and why. Areas are
 * data; a new area is a new entry (with its beregningstyper and hjemler), not new code.
 */
export interface Tjenesteomraade {
  /** Stable id, e.g. "FORELDREBETALING". */
  id: string;
  /** The name KS Fiks uses for the area. */
  navn: string;
  /** Why data is processed in this area (for the audit log and the privacy documentation). */
  formaal: string;
  beregningstyper: readonly Beregningstype[];
  rettighetspakker: Rettighetspakker;
  /** Whether a role in this area may be granted avregning (skatt til gode, restskatt, innbetalt skatt). */
  avregningKanTildeles: boolean;
  lovhjemler: readonly Lovhjemmel[];
}

const IDAG: IsoDato = '2026-11-27';
/** The day the provisions below were checked against the law texts in `lovtekst/` (Lovdata's open data). */
const LEST_I_LOVDATA: IsoDato = '2026-12-07';

/** A source read in Lovdata's open data (NLOD 2.0), as kept in the repository's `lovtekst/`. */
function lovdata(tittel: string, sti: string, fil: string, sitat: string): Kilde {
  return {
    tittel: `${tittel}, Lovdatas åpne data (NLOD 2.0), lovtekst/${fil}`,
    url: `https://lovdata.no/dokument/${sti}`,
    sitat,
    konfidens: 'A',
  };
}

/**
 * Skatteetaten's duty of confidentiality gives way when the receiving authority needs the data for its
 * tasks under law, and the disclosure is proportionate:
 *
 * @lovtekst LOV-2016-05-27-14 § 3-3 første ledd
 * «Taushetsplikten er ikke til hinder for at opplysninger utleveres til andre offentlige myndigheter dersom
 * dette er nødvendig for å utføre mottakerorganets oppgaver etter lov, eller for å hindre at virksomhet blir
 * utøvd på en uforsvarlig måte.»
 *
 * @lovtekst LOV-2016-05-27-14 § 3-3 andre ledd
 * «Utleveringen må ikke være uforholdsmessig ut fra de ulempene den medfører i form av inngrep i personvernet
 * og fare for at opplysninger av konkurransemessig betydning kommer på avveie.»
 */
const SKATTEFORVALTNINGSLOVEN_3_3: Lovhjemmel = {
  formaal: 'TILGANG',
  hjemmel: 'skatteforvaltningsloven (LOV-2016-05-27-14) § 3-3 første og andre ledd',
  kilde: lovdata(
    'Lov om skatteforvaltning (LOV-2016-05-27-14) § 3-3',
    'NL/lov/2016-05-27-14',
    'skatteforvaltningsloven-3-3.md',
    'Taushetsplikten er ikke til hinder for at opplysninger utleveres til andre offentlige myndigheter dersom dette er nødvendig for å utføre mottakerorganets oppgaver etter lov, eller for å hindre at virksomhet blir utøvd på en uforsvarlig måte.',
  ),
  verifisert: LEST_I_LOVDATA,
  merknad:
    'Utleveringen bygger i tillegg på kommunens avtale med Skatteetaten (rettighetspakken). Skatteforvaltningsforskriften § 3-3-1 andre ledd bokstav a lar opplysninger «uansett» utleveres til myndigheter som trenger dem i arbeid med «tilskudd eller bidrag av offentlige midler».',
};

/**
 * The municipality's right to charge for health and care services at all:
 *
 * @lovtekst LOV-2011-06-24-30 § 11-2 første ledd
 * «For hjelp fra kommunens helse- og omsorgstjeneste, herunder privat virksomhet som driver etter avtale med
 * kommunen, kan kommunen kreve vederlag av pasient og bruker når dette følger av lov eller forskrift.»
 *
 * @lovtekst LOV-2011-06-24-30 § 11-2 andre ledd
 * «Departementet kan i forskrift gi nærmere bestemmelser om vederlag for helse- og omsorgstjenester»
 */
const HOL_11_2: Lovhjemmel = {
  formaal: 'REGLER',
  hjemmel: 'helse- og omsorgstjenesteloven (LOV-2011-06-24-30) § 11-2 første og andre ledd',
  kilde: lovdata(
    'Lov om kommunale helse- og omsorgstjenester m.m. (LOV-2011-06-24-30) § 11-2',
    'NL/lov/2011-06-24-30',
    'helse-og-omsorgstjenesteloven-11-2.md',
    'For hjelp fra kommunens helse- og omsorgstjeneste, herunder privat virksomhet som driver etter avtale med kommunen, kan kommunen kreve vederlag av pasient og bruker når dette følger av lov eller forskrift.',
  ),
  verifisert: LEST_I_LOVDATA,
};

const EGENANDELSFORSKRIFTEN =
  'Forskrift om egenandel for kommunale helse- og omsorgstjenester (FOR-2011-12-16-1349)';

/**
 * BARNEHAGE: the regulation lets the municipality fetch the household's tax data itself:
 *
 * @lovtekst FOR-2005-12-16-1478 § 3e andre ledd
 * «Kommunen kan, uten hinder av taushetsplikt, innhente grunnlaget for siste fastsetting av formues- og
 * inntektsskatt for husholdningen fra skattemyndighetene for å dokumentere husholdningens inntekt for det
 * siste året, jf. skatteforvaltningsforskriften § 3-3-1 andre ledd bokstav a.»
 *
 * The provision it points to:
 *
 * @lovtekst FOR-2016-11-23-1360 § 3-3-1 andre ledd bokstav a
 * «til offentlige myndigheter som kan ha bruk for dem i sitt arbeid med skatt, tollavgift, andre avgifter,
 * trygder, tilskudd eller bidrag av offentlige midler»
 *
 * SFO has the same rule in nynorsk since 1.8.2024:
 *
 * @lovtekst FOR-2024-06-03-900 § 2-5 første ledd
 * «Kommunen kan, utan hinder av teieplikta, innhente grunnlaget for siste fastsetjing av formues- og
 * inntektsskatt for hushaldet frå skattestyresmaktene for å dokumentere inntektene til hushaldet det siste
 * året, jf. skatteforvaltningsforskriften § 3-3-1 andre ledd bokstav a .»
 *
 * The barnehage regulation is given under barnehageloven § 20 (§ 15 until 2021, renumbered by LOV-2020-06-19-91):
 *
 * @lovtekst LOV-2005-06-17-64 § 20 første ledd
 * «Departementet kan gi forskrift om foreldrebetaling i barnehagen, blant annet om søskenmoderasjon,
 * inntektsgradering og maksimalgrense.»
 *
 * and SFO's rules under opplæringslova § 4-5:
 *
 * @lovtekst LOV-2023-06-09-30 § 4-5 første ledd
 * «Kommunen kan krevje at foreldra dekkjer kostnadene til skolefritidsordninga.»
 *
 * PRAKTISK_BISTAND: egenandelsforskriften kapittel 2 lets the municipality set its own rates, up to
 * selvkost (§ 9), with the income-graded cap of § 10:
 *
 * @lovtekst FOR-2011-12-16-1349 § 8 første ledd
 * «Kommunen kan selv fastsette regler for betaling av egenandel og betalingssatser for praktisk bistand og
 * opplæring etter helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav b, herunder for
 * brukerstyrt personlig assistanse, som ikke er til personlig stell og egenomsorg.»
 *
 * @lovtekst FOR-2011-12-16-1349 § 9 første ledd
 * «Egenandelen skal ikke overstige kommunens egne utgifter til angjeldende tjeneste (selvkost).»
 *
 * @lovtekst FOR-2011-12-16-1349 § 10 første ledd
 * «Når kommunen bestemmer den maksimale egenandelen en person skal betale pr. år for tjenester som nevnt i § 8
 * skal betalingen beregnes på grunnlag av husstandens samlede skattbare nettoinntekt før særfradrag.»
 *
 * LANGTIDSOPPHOLD: egenandelsforskriften kapittel 1:
 *
 * @lovtekst FOR-2011-12-16-1349 § 1 første ledd
 * «Kommunen kan kreve egenandel for opphold i institusjon som nevnt i helse- og omsorgstjenesteloven § 3-2
 * første ledd nr. 6 bokstav c når kommunen helt eller delvis dekker utgiftene til opphold i slik institusjon,
 * eller har stillet garanti for oppholdet.»
 */
/** The three areas the product serves (KS Fiks's tjenesteområder for skatte- og inntektsopplysninger). */
export const TJENESTEOMRAADER: readonly Tjenesteomraade[] = [
  {
    id: 'FORELDREBETALING',
    navn: 'Foreldrebetaling SFO/barnehage',
    formaal:
      'Vedtak om redusert foreldrebetaling og gratis kjernetid i barnehage og skolefritidsordning etter husholdningens inntekt',
    beregningstyper: ['BARNEHAGE_SFO'],
    rettighetspakker: { summertSkattegrunnlag: 'kommuneforeldrebetaling' },
    avregningKanTildeles: false,
    lovhjemler: [
      {
        formaal: 'TILGANG',
        hjemmel:
          'forskrift om foreldrebetaling i barnehager (FOR-2005-12-16-1478) § 3e andre ledd, jf. skatteforvaltningsforskriften (FOR-2016-11-23-1360) § 3-3-1 andre ledd bokstav a',
        kilde: lovdata(
          'Forskrift om foreldrebetaling i barnehager (FOR-2005-12-16-1478) § 3e',
          'SF/forskrift/2005-12-16-1478',
          'foreldrebetaling-barnehage.md',
          'Kommunen kan, uten hinder av taushetsplikt, innhente grunnlaget for siste fastsetting av formues- og inntektsskatt for husholdningen fra skattemyndighetene for å dokumentere husholdningens inntekt for det siste året, jf. skatteforvaltningsforskriften § 3-3-1 andre ledd bokstav a.',
        ),
        verifisert: LEST_I_LOVDATA,
      },
      {
        formaal: 'TILGANG',
        hjemmel:
          'opplæringsforskrifta (FOR-2024-06-03-900) § 2-5 første ledd, jf. skatteforvaltningsforskriften (FOR-2016-11-23-1360) § 3-3-1 andre ledd bokstav a',
        kilde: lovdata(
          'Forskrift om grunnskoleopplæringa og den vidaregåande opplæringa (FOR-2024-06-03-900) § 2-5',
          'SF/forskrift/2024-06-03-900',
          'opplaeringsforskrifta-kap2.md',
          'Kommunen kan, utan hinder av teieplikta, innhente grunnlaget for siste fastsetjing av formues- og inntektsskatt for hushaldet frå skattestyresmaktene for å dokumentere inntektene til hushaldet det siste året, jf. skatteforvaltningsforskriften § 3-3-1 andre ledd bokstav a .',
        ),
        verifisert: LEST_I_LOVDATA,
        merknad:
          'SFO fra 1.8.2024. Før det: forskrift til opplæringslova (FOR-2006-06-23-724) kapittel 1B, som ikke er lest på dette punktet.',
      },
      SKATTEFORVALTNINGSLOVEN_3_3,
      {
        formaal: 'REGLER',
        hjemmel:
          'forskrift om foreldrebetaling i barnehager (FOR-2005-12-16-1478) §§ 1–3f, gitt med hjemmel i barnehageloven (LOV-2005-06-17-64) § 20 første ledd',
        kilde: lovdata(
          'Lov om barnehager (LOV-2005-06-17-64) § 20',
          'NL/lov/2005-06-17-64',
          'barnehageloven-20.md',
          'Departementet kan gi forskrift om foreldrebetaling i barnehagen, blant annet om søskenmoderasjon, inntektsgradering og maksimalgrense.',
        ),
        verifisert: LEST_I_LOVDATA,
        merknad:
          'Forskriften ble gitt med hjemmel i barnehageloven § 15 (2005); paragrafen ble § 20 ved lov 19. juni 2020 nr. 91 (i kraft 1.1.2021). Lov 20. juni 2025 nr. 100 (i kraft 1.8.2026) gir § 20 et andre punktum om at kommunen kan gi forskrift om lavere foreldrebetaling, og et andre ledd om kostpenger; første punktum er uendret.',
      },
      {
        formaal: 'REGLER',
        hjemmel:
          'opplæringslova (LOV-2023-06-09-30) § 4-5 første og femte ledd, og opplæringsforskrifta (FOR-2024-06-03-900) §§ 2-2 til 2-5',
        kilde: lovdata(
          'Lov om grunnskoleopplæringa og den vidaregåande opplæringa (LOV-2023-06-09-30) § 4-5',
          'NL/lov/2023-06-09-30',
          'opplaeringslova-4-5.md',
          'Kommunen kan krevje at foreldra dekkjer kostnadene til skolefritidsordninga.',
        ),
        verifisert: LEST_I_LOVDATA,
        merknad:
          'Fra 1.8.2024. Før det: forskrift til opplæringslova (FOR-2006-06-23-724) §§ 1B-1 til 1B-4. Fra 1.8.2026 gir opplæringslova § 4-5 andre ledd (lov 13. februar 2026 nr. 6) retten til 12 timer gratis SFO per uke på 1.–3. trinn.',
      },
    ],
  },
  {
    id: 'PRAKTISK_BISTAND',
    navn: 'Helse og omsorg: Praktisk bistand',
    formaal:
      'Vedtak om egenandel for praktisk bistand og opplæring (hjemmehjelp, brukerstyrt personlig assistanse) etter husstandens inntekt',
    beregningstyper: ['PRAKTISK_BISTAND'],
    rettighetspakker: {
      summertSkattegrunnlag: 'kommunepersonligassistanse',
      beregnetSkatt: 'kommunePraktiskBistand',
    },
    avregningKanTildeles: false,
    lovhjemler: [
      {
        ...SKATTEFORVALTNINGSLOVEN_3_3,
        merknad: `${SKATTEFORVALTNINGSLOVEN_3_3.merknad} Skatteetatens juridiske vurdering for tjenesten er omtalt av KS, men ikke lest.`,
      },
      HOL_11_2,
      {
        formaal: 'REGLER',
        hjemmel:
          'egenandelsforskriften (FOR-2011-12-16-1349) kapittel 2: § 8 første ledd, § 9 første ledd og § 10 første og andre ledd',
        kilde: lovdata(
          EGENANDELSFORSKRIFTEN,
          'SF/forskrift/2011-12-16-1349',
          'egenandelsforskriften.md',
          'Kommunen kan selv fastsette regler for betaling av egenandel og betalingssatser for praktisk bistand og opplæring etter helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav b, herunder for brukerstyrt personlig assistanse, som ikke er til personlig stell og egenomsorg.',
        ),
        verifisert: LEST_I_LOVDATA,
      },
    ],
  },
  {
    id: 'LANGTIDSOPPHOLD',
    navn: 'Helse og omsorg: Langtidsopphold institusjon',
    formaal: 'Vedtak om vederlag (egenandel) for langtidsopphold i institusjon etter beboerens inntekt',
    beregningstyper: ['LANGTIDSOPPHOLD_INSTITUSJON'],
    rettighetspakker: {
      summertSkattegrunnlag: 'kommunelangtidsoppholdinstitusjon',
      beregnetSkatt: 'kommuneLangtidsoppholdInstitusjon',
      avregning: 'kommunelangtidsoppholdinstitusjon',
    },
    avregningKanTildeles: true,
    lovhjemler: [
      {
        formaal: 'TILGANG',
        hjemmel: 'skatteforvaltningsloven § 3-3, etter Skatteetatens juridiske vurdering for tjenesten',
        kilde: {
          tittel: 'KS, «Beregning av egenandel for langtidsopphold på institusjon»',
          url: 'https://www.ks.no/fagomrader/digitalisering/felleslosninger/deling-av-opplysninger-fra-skatteetaten/egenbetaling-eller-vederlag-sykehjem/',
          sitat:
            'Skatteetatens vurdering er at denne beskrivelsen og vurderingene av de ulike lovbestemmelsene i notatet gir Skatteetaten godt grunnlag for å gi unntak fra taushetsplikten.',
          konfidens: 'B',
        },
        verifisert: IDAG,
        merknad: 'Notatet (PDF) som KS viser til, er ikke lest.',
      },
      HOL_11_2,
      {
        formaal: 'REGLER',
        hjemmel: 'egenandelsforskriften (FOR-2011-12-16-1349) kapittel 1: § 1 første ledd og §§ 3, 5 og 6',
        kilde: lovdata(
          EGENANDELSFORSKRIFTEN,
          'SF/forskrift/2011-12-16-1349',
          'egenandelsforskriften.md',
          'Kommunen kan kreve egenandel for opphold i institusjon som nevnt i helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav c når kommunen helt eller delvis dekker utgiftene til opphold i slik institusjon, eller har stillet garanti for oppholdet.',
        ),
        verifisert: LEST_I_LOVDATA,
      },
      {
        formaal: 'TILGANG',
        hjemmel: 'Avregning API: rettighetspakken kommunelangtidsoppholdinstitusjon',
        kilde: {
          tittel:
            'Skatteetaten, API-dokumentasjon for Avregning (docs/api/avregning.md), via prosjektets research',
          url: 'https://skatteetaten.github.io/api-dokumentasjon/',
          konfidens: 'B',
        },
        verifisert: null,
        merknad:
          'Fra prosjektets research (shared/regelverk/kilder-og-ks-fiks.md § 2); API-dokumentasjonen er ikke lest her. Avregning (skatt til gode, restskatt, innbetalt skatt) er bare tilgjengelig for langtidsopphold, og bare for roller som er gitt avregning.',
      },
    ],
  },
];

export class UkjentTjenesteomraadeError extends Error {
  override readonly name = 'UkjentTjenesteomraadeError';
}

/** The area with the given id. */
export function tjenesteomraade(
  id: string,
  omraader: readonly Tjenesteomraade[] = TJENESTEOMRAADER,
): Tjenesteomraade {
  const o = omraader.find((x) => x.id === id);
  if (!o) {
    throw new UkjentTjenesteomraadeError(
      `Tjenesteområdet «${id}» finnes ikke; kjente: ${omraader.map((x) => x.id).join(', ')}`,
    );
  }
  return o;
}

/** The area a beregningstype belongs to, or undefined when no area covers it. */
export function tjenesteomraadeFor(
  beregningstype: string,
  omraader: readonly Tjenesteomraade[] = TJENESTEOMRAADER,
): Tjenesteomraade | undefined {
  return omraader.find((o) => (o.beregningstyper as readonly string[]).includes(beregningstype));
}
