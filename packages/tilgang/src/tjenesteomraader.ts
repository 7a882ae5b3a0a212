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

const SKATTEFORVALTNINGSLOVEN_3_3: Lovhjemmel = {
  formaal: 'TILGANG',
  hjemmel:
    'skatteforvaltningsloven § 3-3 (unntak fra taushetsplikt: opplysninger til offentlige myndigheter)',
  kilde: {
    tittel: 'Skatteforvaltningshåndboken (Skattedirektoratet), kommentar til § 3-3',
    url: 'https://www.skatteetaten.no/nn/rettskilder/type/handboker/skatteforvaltningshandboken/gjeldende/kapittel-3-taushetsplikt/ID-3-3.001/ID-3-3.002/',
    sitat:
      'Skattemyndighetene kan gi ut opplysninger som er underlagt taushetsplikt etter § 3-1 til offentlige myndigheter når visse vilkår er oppfylt.',
    konfidens: 'B',
  },
  verifisert: IDAG,
  merknad:
    'Håndbokens omtale er lest; lovteksten og skatteforvaltningsforskriften til § 3-3 er ikke lest her. Utleveringen bygger i tillegg på kommunens avtale med Skatteetaten (rettighetspakken).',
};

const HOL_11_2: Lovhjemmel = {
  formaal: 'REGLER',
  hjemmel: 'helse- og omsorgstjenesteloven § 11-2',
  kilde: {
    tittel:
      'Helsedirektoratet, tolkningsuttalelse om egenandelsforskriften (egenandel for opphold i sykehjem), gjengitt av Statens helsetilsyn',
    url: 'https://www.helsetilsynet.no/regelverk/tolkningsuttalelser/helse-omsorgstjenester/spoersmal-om-egenandelsforskriften-egenandel-for-opphold-sykehjem-pasienter-som-motsetter-seg-oppholdet/',
    sitat:
      'For hjelp fra kommunens helse- og omsorgstjeneste, herunder privat virksomhet som driver etter avtale med kommunen, kan kommunen kreve vederlag av pasient og bruker når dette følger av lov eller forskrift.',
    konfidens: 'A',
  },
  verifisert: IDAG,
};

const EGENANDELSFORSKRIFTEN_HJEMMEL_KILDE: Kilde = {
  tittel:
    'Forskrift om egenandel for kommunale helse- og omsorgstjenester (FOR-2011-12-16-1349), Lovdata-utskrift publisert av Flakstad kommune',
  url: 'https://flakstad.kommune.no/_f/p1/ibed0986b-6c49-49df-aba5-e8040c557e8b/forskrift-om-egenandel-for-kommunale-helse-og-omsorgstjenester-lovdata.htm',
  konfidens: 'B',
};

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
        hjemmel: 'forskrift om foreldrebetaling i barnehager (FOR-2005-12-16-1478) § 3e',
        kilde: {
          tittel:
            'Kunnskapsdepartementet, høringsnotat om automatisert saksbehandling i forskrift om foreldrebetaling (barnehage og SFO), 2022',
          url: 'https://www.regjeringen.no/no/dokumenter/hoyring-endring-i-forskrift-om-foreldremoderasjon-barnehage-og-sfo-automatisert-saksbehandling/id2912735/',
          sitat:
            'kommunane har heimel til å innhente skatteopplysningar direkte frå skatteetaten i staden for at foreldra må levere det',
          konfidens: 'B',
        },
        verifisert: null,
        merknad:
          'Sitatet er fra prosjektets research (shared/regelverk/foreldrebetaling.md § 1.7); Lovdata-teksten til § 3e er ikke lest.',
      },
      SKATTEFORVALTNINGSLOVEN_3_3,
      {
        formaal: 'REGLER',
        hjemmel:
          'forskrift om foreldrebetaling i barnehager (FOR-2005-12-16-1478) §§ 1–3e, gitt med hjemmel i barnehageloven',
        kilde: {
          tittel: 'Forskrift om foreldrebetaling i barnehager (2005), gjengitt av skoledata.net',
          url: 'http://skoledata.net/Forskrifter/Bahage/fobhg10.htm',
          sitat:
            'Fastsatt ved kgl.res. 16. desember 2005 med hjemmel i Lov 17. juni 2005 nr. 64 om barnehager (Barnehageloven) § 15.',
          konfidens: 'C',
        },
        verifisert: IDAG,
        merknad:
          'Hjemmelen var barnehageloven § 15 i 2005; paragrafnummeret etter senere lovendringer er ikke verifisert.',
      },
      {
        formaal: 'REGLER',
        hjemmel:
          'opplæringslova (LOV-2023-06-09-30) § 4-5 og forskrift til opplæringslova (SFO: redusert foreldrebetaling og gratis timer)',
        kilde: {
          tittel: 'Utdanningsdirektoratet, rundskriv om skolefritidsordninga (via prosjektets research)',
          konfidens: 'B',
        },
        verifisert: null,
        merknad:
          'Etter gammel forskrift: §§ 1B-1, 1B-2 (saksbehandling, parallell til barnehage § 3e) og 1B-4. Paragrafnumrene i ny forskrift (2024) er ikke funnet.',
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
        hjemmel: 'egenandelsforskriften (FOR-2011-12-16-1349) kapittel 2',
        kilde: {
          ...EGENANDELSFORSKRIFTEN_HJEMMEL_KILDE,
          sitat:
            'Fastsatt av Helse- og omsorgsdepartementet 16. desember 2011 med hjemmel i lov 24. juni 2011 nr. 30 om kommunale helse- og omsorgstjenester m.m. (helse- og omsorgstjenesteloven) § 11-2.',
        },
        verifisert: IDAG,
        merknad: 'Paragrafnumrene i kapittel 2 (§§ 8–10) er ikke verifisert mot forskriftsteksten.',
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
        hjemmel: 'egenandelsforskriften (FOR-2011-12-16-1349) kapittel 1 (§ 1, § 3 langtidsopphold)',
        kilde: {
          ...EGENANDELSFORSKRIFTEN_HJEMMEL_KILDE,
          sitat:
            'Kommunen kan kreve egenandel for opphold i institusjon som nevnt i helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav c når kommunen helt eller delvis dekker utgiftene til opphold i slik institusjon, eller har stillet garanti for oppholdet.',
        },
        verifisert: IDAG,
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
