import { maskerIdentifikator } from '@inntektsgrunnlag/person';

/** The external APIs data comes from. */
export type Api =
  | 'SUMMERT_SKATTEGRUNNLAG'
  | 'BEREGNET_SKATT'
  | 'AVREGNING'
  | 'FOLKEREGISTERET'
  | 'MASKINPORTEN';

export const API_NAVN: Record<Api, string> = {
  SUMMERT_SKATTEGRUNNLAG: 'Summert skattegrunnlag',
  BEREGNET_SKATT: 'Beregnet skatt',
  AVREGNING: 'Avregning',
  FOLKEREGISTERET: 'Folkeregisteret',
  MASKINPORTEN: 'Maskinporten',
};

/** What was asked for, for the message: which API, whom (masked in the text), which year and stage. */
export interface Oppslagsbeskrivelse {
  api: Api;
  identifikator?: string;
  inntektsaar?: number;
  /** Skatteetaten's stage, lower case as in the path: oppgjoer, utkast, fastsatt. */
  stadie?: string;
}

/** What Skatteetaten said: HTTP status and its error body ({kode, melding, korrelasjonsid}). */
export interface Feilsvar {
  httpStatus?: number;
  kode?: string;
  melding?: string;
  korrelasjonsid?: string;
}

const STADIE_TEKST: Record<string, string> = {
  oppgjoer: 'skatteoppgjør',
  utkast: 'utkast til skattemelding',
  fastsatt: 'fastsatt skattemelding',
};

/** A text from outside (an error body) with any eleven-digit number masked, in case it names a person. */
export function vaskTekst(tekst: string): string {
  return tekst.replace(/\d{11}/g, (id) => maskerIdentifikator(id));
}

/** "048172***** for inntektsåret 2023" — never the full number. */
function hvemOgNaar(o: Oppslagsbeskrivelse): string {
  const deler: string[] = [];
  if (o.identifikator) deler.push(`for ${maskerIdentifikator(o.identifikator)}`);
  if (o.inntektsaar !== undefined) deler.push(`for inntektsåret ${o.inntektsaar}`);
  if (o.stadie) deler.push(`(${STADIE_TEKST[o.stadie] ?? o.stadie})`);
  return deler.join(' ');
}

/** " (SSG-008, korrelasjonsid 13a8…)": what support at Skatteetaten needs to find the call. */
function sporing(s: Feilsvar): string {
  const deler = [
    s.kode,
    s.httpStatus !== undefined && !s.kode ? `HTTP ${s.httpStatus}` : undefined,
    s.korrelasjonsid ? `korrelasjonsid ${s.korrelasjonsid}` : undefined,
  ].filter(Boolean);
  return deler.length ? ` (${deler.join(', ')})` : '';
}

/**
 * Any failure to get data from a source. The message is Norwegian, names the API, masks the person
 * and names the year; `kode` and `korrelasjonsid` are kept for support. Never carries a full
 * identifier in its message (the field `identifikator` is for the caller's own use, not for logs).
 */
export abstract class KildeFeil extends Error {
  /** Whether trying again later may help (unavailable, timeout) or not (no data, no access). */
  abstract readonly forbigaaende: boolean;
  readonly api: Api;
  readonly identifikator?: string;
  readonly inntektsaar?: number;
  readonly stadie?: string;
  readonly httpStatus?: number;
  /** Skatteetaten's error code, e.g. SSG-008. */
  readonly kode?: string;
  readonly korrelasjonsid?: string;

  constructor(melding: string, o: Oppslagsbeskrivelse, s: Feilsvar = {}) {
    // An answer that is an ordinary outcome (no data for the year, no such person) is made for many
    // lookups and becomes a warning or a 404, never a fault to trace: its stack would be captured for
    // nothing (2 % of an API lookup's CPU in docs/benchmarks.md). Faults keep theirs.
    const grense = Error.stackTraceLimit;
    if ((new.target as { utfall?: boolean }).utfall === true) Error.stackTraceLimit = 0;
    try {
      super(melding + sporing(s));
    } finally {
      Error.stackTraceLimit = grense;
    }
    this.api = o.api;
    if (o.identifikator !== undefined) this.identifikator = o.identifikator;
    if (o.inntektsaar !== undefined) this.inntektsaar = o.inntektsaar;
    if (o.stadie !== undefined) this.stadie = o.stadie;
    if (s.httpStatus !== undefined) this.httpStatus = s.httpStatus;
    if (s.kode !== undefined) this.kode = s.kode;
    if (s.korrelasjonsid !== undefined) this.korrelasjonsid = s.korrelasjonsid;
  }
}

/** SSG-007, BSA-009, AR-009, Folkeregisteret 404: no person with this number. */
export class PersonIkkeFunnet extends KildeFeil {
  /** An ordinary outcome of a lookup, not a fault: made without a stack trace (see KildeFeil). */
  static readonly utfall = true;
  override readonly name = 'PersonIkkeFunnet';
  readonly forbigaaende = false;
  constructor(o: Oppslagsbeskrivelse, s: Feilsvar = {}) {
    super(
      `${API_NAVN[o.api]}: ingen person med identifikatoren ${o.identifikator ? maskerIdentifikator(o.identifikator) : ''}. Kontroller nummeret.`,
      o,
      s,
    );
  }
}

/** SSG-008, BSA-007, AR-007: the person exists, but there is nothing for this income year (and stage). */
export class IngenDataForAar extends KildeFeil {
  /** An ordinary outcome of a lookup, not a fault: made without a stack trace (see KildeFeil). */
  static readonly utfall = true;
  override readonly name = 'IngenDataForAar';
  readonly forbigaaende = false;
  constructor(o: Oppslagsbeskrivelse, s: Feilsvar = {}) {
    super(`${API_NAVN[o.api]}: Skatteetaten har ingen opplysninger ${hvemOgNaar(o)}.`, o, s);
  }
}

/** SSG-011: the tax basis existed but has been removed. */
export class DataFinnesIkkeLenger extends KildeFeil {
  /** An ordinary outcome of a lookup, not a fault: made without a stack trace (see KildeFeil). */
  static readonly utfall = true;
  override readonly name = 'DataFinnesIkkeLenger';
  readonly forbigaaende = false;
  constructor(o: Oppslagsbeskrivelse, s: Feilsvar = {}) {
    super(`${API_NAVN[o.api]}: opplysningene ${hvemOgNaar(o)} finnes ikke lenger hos Skatteetaten.`, o, s);
  }
}

/** 401/403 (SSG-004, SSG-005, SSG-010, DAS-008, …) or a token Maskinporten refused. */
export class IkkeTilgang extends KildeFeil {
  override readonly name = 'IkkeTilgang';
  readonly forbigaaende = false;
  constructor(o: Oppslagsbeskrivelse, s: Feilsvar = {}, detalj?: string) {
    super(
      `${API_NAVN[o.api]}: virksomheten fikk ikke tilgang${o.identifikator || o.inntektsaar ? ` ${hvemOgNaar(o)}` : ''}. ` +
        `Kontroller Maskinporten-klienten, scopet og rettighetspakken${detalj ? ` (${vaskTekst(detalj)})` : ''}.`,
      o,
      s,
    );
  }
}

/**
 * No Folkeregisteret access is set up (KILDE_FOLKEREGISTER=ingen): names and address protection cannot
 * be checked. A lookup goes on without them and treats the person as protected in what it shows.
 */
export class FolkeregisterIkkeSattOpp extends KildeFeil {
  override readonly name = 'FolkeregisterIkkeSattOpp';
  readonly forbigaaende = false;
  constructor(o: Oppslagsbeskrivelse) {
    super(
      'Folkeregisteret er ikke satt opp (KILDE_FOLKEREGISTER=ingen): navn og adressebeskyttelse kan ikke kontrolleres.',
      o,
    );
  }
}

/** 400/404/406 other than the codes above: the product asked wrongly (a bug or a wrong base URL). */
export class UgyldigOppslag extends KildeFeil {
  override readonly name = 'UgyldigOppslag';
  readonly forbigaaende = false;
  constructor(o: Oppslagsbeskrivelse, s: Feilsvar = {}) {
    super(
      `${API_NAVN[o.api]} avviste oppslaget ${hvemOgNaar(o)}${s.melding ? `: ${vaskTekst(s.melding)}` : ''}. Kontroller adressen til tjenesten.`,
      o,
      s,
    );
  }
}

/** 5xx, 429 or a network failure that did not go away after the retries. */
export class KildeUtilgjengelig extends KildeFeil {
  override readonly name = 'KildeUtilgjengelig';
  readonly forbigaaende = true;
  constructor(o: Oppslagsbeskrivelse, forsoek: number, s: Feilsvar = {}, aarsak?: string) {
    super(
      `${API_NAVN[o.api]} er ikke tilgjengelig: oppslaget ${hvemOgNaar(o)} feilet ${forsoek} ${forsoek === 1 ? 'gang' : 'ganger'}` +
        `${aarsak ? ` (${aarsak})` : ''}. Prøv igjen senere.`,
      o,
      s,
    );
  }
}

/**
 * The API's circuit breaker is open: its last calls failed one after another, so this lookup was not
 * sent at all. Said at once instead of waiting out timeouts; the source is probed again after the pause.
 */
export class KildeNede extends KildeFeil {
  override readonly name = 'KildeNede';
  readonly forbigaaende = true;
  constructor(
    o: Oppslagsbeskrivelse,
    /** How long the breaker waits before it lets one call test the source again. */
    readonly pauseMs: number,
  ) {
    super(
      `${API_NAVN[o.api]} er nede: de siste kallene feilet, så oppslaget ${hvemOgNaar(o)} ble ikke sendt. ` +
        `Tjenesten prøves igjen om ${formaterMs(pauseMs)}; prøv igjen senere.`,
      o,
    );
  }
}

/** No answer within the deadline. */
export class Tidsavbrudd extends KildeFeil {
  override readonly name = 'Tidsavbrudd';
  readonly forbigaaende = true;
  constructor(
    o: Oppslagsbeskrivelse,
    readonly fristMs: number,
    forsoek: number,
  ) {
    super(
      `${API_NAVN[o.api]} svarte ikke innen fristen på ${formaterMs(fristMs)} ${hvemOgNaar(o)} (${forsoek} forsøk). Prøv igjen senere.`,
      o,
    );
  }
}

/** The answer did not have the documented form. */
export class UgyldigSvar extends KildeFeil {
  override readonly name = 'UgyldigSvar';
  readonly forbigaaende = false;
  constructor(o: Oppslagsbeskrivelse, detalj: string, s: Feilsvar = {}) {
    super(`${API_NAVN[o.api]} svarte med uventet innhold ${hvemOgNaar(o)}: ${detalj}`, o, s);
  }
}

function formaterMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1).replace('.', ',')} sekunder`;
}

/**
 * Maps an error answer from Skatteetaten to a typed error. The codes are Skatteetaten's
 * (docs/api/summertskattegrunnlag.md, avregning.md, beregnetskatt.md in Skatteetaten/api-dokumentasjon):
 * SSG-007/BSA-009/AR-009 «ikke treff på identifikator», SSG-008/BSA-007/AR-007 «ingen data for
 * inntektsåret», SSG-011 «finnes ikke lenger». Without a known code the HTTP status decides.
 */
export function feilFraSvar(o: Oppslagsbeskrivelse, s: Feilsvar): KildeFeil {
  switch (s.kode) {
    case 'SSG-007':
    case 'BSA-009':
    case 'AR-009':
      return new PersonIkkeFunnet(o, s);
    case 'SSG-008':
    case 'BSA-007':
    case 'AR-007':
      return new IngenDataForAar(o, s);
    case 'SSG-011':
      return new DataFinnesIkkeLenger(o, s);
  }
  const status = s.httpStatus ?? 0;
  if (status === 401 || status === 403) return new IkkeTilgang(o, s, s.melding);
  if (status === 410) return new DataFinnesIkkeLenger(o, s);
  if (status === 404 && o.api === 'FOLKEREGISTERET') return new PersonIkkeFunnet(o, s);
  if (status >= 500 || status === 429) return new KildeUtilgjengelig(o, 1, s);
  return new UgyldigOppslag(o, s);
}

/** Whether an HTTP status is worth retrying: server errors and "too many requests" only. */
export function erForbigaaendeStatus(status: number): boolean {
  return status >= 500 || status === 429;
}
