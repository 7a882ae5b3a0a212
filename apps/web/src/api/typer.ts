/**
 * The API's JSON as the web app reads it. These mirror the contract of `@inntektsgrunnlag/beregning`
 * (Beregningsresultat), `@inntektsgrunnlag/oppslag` (utfoert, grunnlagsreferanse) and the session
 * endpoints; they are declared here rather than imported so the browser bundle and its type check
 * never pull in server code.
 */

export type Beregningstype = 'BARNEHAGE_SFO' | 'PRAKTISK_BISTAND' | 'LANGTIDSOPPHOLD_INSTITUSJON';

export type Persontype =
  | 'SOEKER'
  | 'EKTEFELLE'
  | 'PARTNER'
  | 'SAMBOER'
  | 'BARN'
  | 'SOESKEN'
  | 'MOR'
  | 'FAR'
  | 'MEDMOR'
  | 'ANNET';

export interface Rolle {
  id: string;
  navn: string;
  tjenesteomraade: string;
  beregningstyper: Beregningstype[];
  avregning: boolean;
}

export interface Sesjon {
  innlogget: boolean;
  modus: 'INNEBYGD' | 'PRODUKSJON';
  bruker?: { id: string; visningsnavn: string };
  roller: Rolle[];
  csrfToken?: string;
  innloggingUrl?: string;
}

/** The answer to POST /api/v1/sesjon/logg-ut. */
export interface Utlogging {
  innlogget: false;
  /** The identity provider's end-session address, when the session came from OIDC and it has one. */
  utloggingUrl?: string;
}

/**
 * Why an OIDC sign-in ended without a session: the API sends the browser to `/?innloggingsfeil=<kode>`
 * (docs/innlogging.md). Anything else in that parameter is treated as unknown.
 */
export type Innloggingsfeil =
  | 'AVBRUTT'
  | 'UGYLDIG_TILSTAND'
  | 'UTSTEDER_UTILGJENGELIG'
  | 'TOKEN_AVVIST'
  | 'ID_TOKEN_UGYLDIG'
  | 'BRUKER_UKJENT'
  | 'BRUKER_TVETYDIG'
  | 'BRUKER_INAKTIV';

export interface Demobruker {
  id: string;
  visningsnavn: string;
  roller: Array<Pick<Rolle, 'id' | 'navn'> & Partial<Rolle>>;
}

export interface Ekstrapostvalg {
  tekniskNavn: string;
  visningstekst: string;
  infotekst: string | null;
  persontyper: Persontype[];
}

export interface Verdier {
  beregningstype: Beregningstype;
  inntektsaar: number;
  /** The income years the area can compute. */
  dekkedeInntektsaar: number[];
  tittel: string;
  avgiftsnoekkel: string;
  persontyper: Array<{ type: Persontype; tekst: string }>;
  ekstraposter: Ekstrapostvalg[];
}

export interface Navn {
  fornavn: string;
  mellomnavn?: string | null;
  etternavn: string;
}

export interface Navneoppslag {
  identifikator: string;
  navn: Navn | null;
  skjermet: boolean;
}

/** A person Folkeregisteret suggests for the household (POST /api/v1/husstand). */
export interface Husstandsforslag {
  identifikator: string;
  persontype: 'EKTEFELLE' | 'PARTNER' | 'BARN';
  relasjon: string;
  navn: Navn | null;
  foedselsdato: string | null;
  skjermet: boolean;
  /** PERSONER: a person of the request; VEDTAK_BARN: a child of the barnehage/SFO vedtak. */
  plassering: 'PERSONER' | 'VEDTAK_BARN';
}

export interface Husstandsoppslag {
  soeker: { identifikator: string; navn: Navn | null; skjermet: boolean; sivilstand: string | null };
  forslag: Husstandsforslag[];
  merknader: string[];
}

export type Operasjon =
  | 'ADDERE'
  | 'SUBTRAHERE'
  | 'MULTIPLISERE'
  | 'DIVIDERE'
  | 'MINIMUM'
  | 'MAKSIMUM'
  | 'AVRUNDE'
  | 'RESULTAT'
  | 'INFO';

export interface Beregningslinje {
  tekst: string;
  operasjon: Operasjon;
  kilde: string;
  beloep?: number;
  eksaktBeloep?: string;
  sats?: string;
  hjemmel?: string;
  merknad?: string;
  linjer?: Beregningslinje[];
}

export interface Grunnlagspost {
  tekniskNavn: string;
  visningstekst: string;
  identifikator: string;
  persontype: string;
  kilde: string;
  operasjon: 'ADDERE' | 'SUBTRAHERE';
  beloep: number;
}

export interface Grunnlagsgruppe {
  tekniskNavn: string;
  visningstekst: string;
  operasjon: 'ADDERE' | 'SUBTRAHERE';
  hjemmel?: string;
  beloep: number;
  poster: Grunnlagspost[];
}

export interface Grunnlagsblokk {
  beloep: number;
  grupper: Grunnlagsgruppe[];
  perPerson: Array<{ identifikator: string; beloep: number }>;
}

export interface Visningspost {
  tekniskNavn: string;
  visningstekst: string;
  infotekst?: string;
  ukjent?: boolean;
  beloep: number;
  personer: Array<{ identifikator: string; beloep: number }>;
}

export interface Advarsel {
  kode: string;
  melding: string;
  identifikator?: string;
}

export interface ResultatPerson {
  identifikator: string;
  type: Persontype;
  navn?: Navn;
  stadie?: 'OPPGJOER' | 'UTKAST';
  skatteoppgjoersdato?: string;
  skjermet: boolean;
  postkilde: 'FORESPOERSEL' | 'SKATTEETATEN';
}

export interface Beregningsresultat {
  beregningstype: Beregningstype;
  inntektsaar: number;
  beregningsdato: string;
  beregningsdatoKilde: 'FORESPOERSEL' | 'DAGENS_DATO';
  personer: ResultatPerson[];
  beregningsbeloep: number;
  inntekt: Grunnlagsblokk;
  fradrag: Grunnlagsblokk;
  mellomregninger: Grunnlagsgruppe[];
  avgiftsnoekkel: string;
  hovedtall: Array<{ tekst: string; beloep: number; hjemmel?: string }>;
  tabell: { tittel: string; linjer: Beregningslinje[] };
  visningsposter: Array<{ kategori: string; poster: Visningspost[] }>;
  advarsler: Advarsel[];
  utfoert: {
    tidspunkt: string;
    aktoer: { type: string; id: string; visningsnavn: string };
    rolleId: string;
    tjenesteomraade: string;
    avregning: boolean;
    revidert: boolean;
    grunnlag: 'HENTET' | 'FORESPOERSEL' | 'GJENBRUKT';
    grunnlagHentet?: string;
    /** The case the lookup was for, when the request named one. */
    saksreferanse?: string;
  };
  grunnlagsreferanse?: string;
  [noekkel: string]: unknown;
}

/** A manual post as the request carries it: the amount as text in kroner ("1234.50"). */
export interface EkstrapostInn {
  tekniskNavn: string;
  beloep: string;
}

export interface Beregningsforespoersel {
  beregningstype: Beregningstype;
  inntektsaar: number;
  beregningsdato?: string;
  personer: Array<{ identifikator: string; type: Persontype; ekstraposter?: EkstrapostInn[] }>;
  vedtak?: Record<string, unknown>;
  /** Recalculate on the basis of an earlier lookup (no new lookup): only manual posts and vedtak changed. */
  grunnlagsreferanse?: string;
  avregning?: 'KREVES' | 'OM_TILLATT' | 'NEI';
}

/** One bad field from an RFC 9457 problem (`errors[]`). */
export interface Feltfeil {
  felt: string;
  melding: string;
}

/** What journaling can do here (GET /api/v1/arkiv). */
export interface Arkivoppsett {
  fiksArkiv: boolean;
  journalposttyper: Array<'U' | 'X' | 'N'>;
  kvitteringsfristSekunder: number;
  arkivpakke: true;
}

/** The case worker's choice for the archive: the journalpost type and the case folder. */
export interface Arkivvalg {
  journalposttype: 'U' | 'X' | 'N';
  saksmappe:
    | { type: 'EKSISTERENDE'; saksaar: number; sakssekvensnummer: number }
    | { type: 'NY'; tittel?: string };
  partnavn?: string;
}

/** A sending to the archive and where it stands (GET /api/v1/arkiv/forsendelser/{id}). */
export interface Arkivforsendelse {
  id: string;
  status: 'SENDES' | 'SENDT' | 'MOTTATT' | 'JOURNALFOERT' | 'FEILET' | 'INGEN_KVITTERING';
  journalposttype: 'U' | 'X' | 'N';
  antallSendinger: number;
  sistSendt: string | null;
  kvitteringsfrist: string | null;
  journalpost: {
    id: string;
    journalpostnummer: number | null;
    saksnummer: string | null;
    systemID: string;
  } | null;
  feil: { type: string; melding: string } | null;
  kanSendesIgjen: boolean;
}

/** The decision letter's fields the case worker sets (POST /api/v1/vedtaksbrev, `vedtaksbrev`). */
export interface Vedtaksbrevfelt {
  spraak?: 'nb' | 'nn';
  vurderinger?: string;
  gjelderFra?: string;
}

export type Brevelement =
  | { type: 'avsnitt'; tekst: string }
  | { type: 'beloep'; rader: Array<{ tekst: string; beloep: string; merknad?: string }> }
  | { type: 'liste'; punkter: string[] }
  | { type: 'fakta'; rader: Array<{ etikett: string; verdi: string }> };

/** The letter's content as the API gives it for a preview (the same the PDF renders). */
export interface Vedtaksbrevinnhold {
  spraak: 'nb' | 'nn';
  beregningstype: string;
  tittel: string;
  vedtaksdato: string;
  vedtaksdatoTekst: string;
  avsender: { kommunenavn: string; enhet?: string; linjer: string[] };
  mottaker: { navn?: string; adresselinjer: string[] } | null;
  referanser: Array<{ etikett: string; verdi: string }>;
  deler: Array<{ id: string; overskrift: string; nivaa: 1 | 2; innhold: Brevelement[] }>;
  underskrift: { hilsen: string; navn: string; tittel: string; merknad: string };
  kopi: { etikett: string; mottakere: string[] } | null;
  bunntekst: string;
}

/** A value the municipality entered (GET/POST /api/v1/satser). */
export interface Kommunesats {
  id: string;
  tabell: string;
  gyldigFra: string;
  dekketTil: string;
  verdi: unknown;
  kilde: { tittel: string; url?: string };
  verifisert: string;
  innlagtAv: { id: string; navn: string };
  innlagt: string;
  godkjenning: { av: { id: string; navn: string }; tidspunkt: string } | null;
}

export interface Satsoppfoering extends Kommunesats {
  status: 'VENTER_PAA_GODKJENNING' | 'GJELDER' | 'IKKE_I_BRUK';
  merknad?: string;
  kanGodkjennes: boolean;
}

export interface Satstabell {
  navn: string;
  beskrivelse: string;
  verdiform: string;
  innebygdFra: string;
  innebygdTil: string;
  dekketTil: string;
  nesteGyldigFra: string;
  sisteVerdi: { gyldigFra: string; verdi: unknown; kilde: { tittel: string; url?: string } };
  satser: Satsoppfoering[];
}

export interface NyKommunesats {
  tabell: string;
  gyldigFra: string;
  dekketTil: string;
  verdi: unknown;
  kilde: { tittel: string; url?: string };
  verifisert: string;
}
