import type {
  avregningSkjema,
  beregnetSkattSkjema,
  summertSkattegrunnlagSkjema,
} from '@inntektsgrunnlag/skattegrunnlag';
import type { z } from 'zod';
import type { FregPersonJson } from '../folkeregisteret.js';

/** The wire forms (JSON as Skatteetaten sends it) the population is stored in. */
export type SsgJson = z.input<typeof summertSkattegrunnlagSkjema>;
export type BeregnetSkattJson = z.input<typeof beregnetSkattSkjema>;
export type AvregningJson = z.input<typeof avregningSkjema>;

/** What Skatteetaten has about a person for one income year. */
export interface SyntetiskAar {
  /** The tax settlement (stadie oppgjoer). */
  oppgjoer?: SsgJson;
  /** The draft tax return (stadie utkast), for persons whose settlement is not ready. */
  utkast?: SsgJson;
  beregnetSkatt?: BeregnetSkattJson;
  avregning?: AvregningJson;
  /** The year's basis existed and has been removed: SSG answers SSG-011 (410). */
  slettet?: boolean;
}

/** The kinds of persons in the population, for tests, demos and docs. */
export const KATEGORIER = {
  KS_EKSEMPEL: 'Personene i KS Fiks sitt publiserte eksempel (langtidsopphold 2023)',
  ENSLIG_PENSJONIST: 'Enslig pensjonist',
  PAR_HJEMMEBOENDE_EKTEFELLE: 'Par der den ene kan trenge sykehjemsplass og ektefellen bor hjemme',
  FAMILIE_FORELDER: 'Forelder i familie med barn i barnehage- eller skolealder',
  BARN: 'Barn (i Folkeregisteret med fødselsdato, uten skatteopplysninger)',
  LAV_INNTEKT: 'Inntekt under 2 G (arbeidsavklaringspenger, uføretrygd, stønader)',
  HOEY_INNTEKT: 'Inntekt langt over snittet, med utbytte og formue',
  SELVSTENDIG: 'Selvstendig næringsdrivende (enkeltpersonforetak)',
  KAPITAL: 'Gevinst og tap ved salg av aksjer, utbytte og gjeldsrenter',
  D_NUMMER: 'Utenlandsk arbeidstaker med D-nummer, skatteopplysninger bare for noen år',
  ADRESSEBESKYTTELSE:
    'Adressebeskyttelse (fortrolig eller strengt fortrolig): Skatteetaten skjermer opplysningene',
  NYLIG_INNFLYTTET: 'Flyttet til Norge i perioden: ingen skatteopplysninger for årene før',
  BARE_UTKAST: 'Skatteoppgjøret er ikke klart: bare utkast for siste år',
  SLETTET_AAR: 'Skattegrunnlaget for ett år finnes ikke lenger (SSG-011)',
  LOENNSMOTTAKER: 'Vanlig lønnsmottaker',
} as const;
export type Kategori = keyof typeof KATEGORIER;

/** A synthetic person: Folkeregisteret's document and Skatteetaten's data per income year. */
export interface SyntetiskPerson {
  identifikator: string;
  freg: FregPersonJson;
  aar: ReadonlyMap<number, SyntetiskAar>;
  kategori: Kategori;
  /** What is special about the person, in Norwegian, for demos and docs. */
  beskrivelse: string;
  /** The others in the household (spouse, children, parents), by identifier. */
  husstand: readonly string[];
}

/** The embedded population. */
export interface Populasjon {
  /** The seed it was generated from. */
  froe: number;
  personer: ReadonlyMap<string, SyntetiskPerson>;
}
