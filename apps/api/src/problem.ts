import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { API_NAVN, KildeFeil, KildeNede, PersonIkkeFunnet, Tidsavbrudd } from '@inntektsgrunnlag/kilder';
import { erTilkoblingsfeil, LaasTidsavbrudd, LagringFeil } from '@inntektsgrunnlag/lagring';
import { UgyldigBeloepError } from '@inntektsgrunnlag/money';
import { GrunnlagIkkeHentet, RevisjonFeilet } from '@inntektsgrunnlag/oppslag';
import { UgyldigDatoError, UtenforDekning } from '@inntektsgrunnlag/regelverk';
import { PostdefinisjonError, UkjentInntektsaarError } from '@inntektsgrunnlag/skattegrunnlag';
import { Tilgangsfeil } from '@inntektsgrunnlag/tilgang';

/** One bad field: a dotted path into the request ("personer.0.identifikator"), or a header name. */
export interface Feltfeil {
  felt: string;
  melding: string;
}

/** An RFC 9457 problem, with Norwegian title and detail and our extension members. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Every bad field (400), or every person the source failed for (404, 502, 504). */
  errors?: Feltfeil[];
  /** The refusal's reason code (403, 401), e.g. FEIL_TJENESTEOMRAADE. */
  kode?: string;
  /** Skatteetaten's correlation id, for support. */
  korrelasjonsid?: string;
  /** The source that is down (503 kilde-nede), e.g. AVREGNING. */
  kilde?: string;
  /** The X-Request-Id of the request, for support. */
  requestId?: string;
}

/** Problem types: URNs, so no address is invented; each is described in docs/api.md. */
export const PROBLEMTYPE = {
  ugyldig: 'urn:inntektsgrunnlag:problem:ugyldig-foresporsel',
  ikkeAutentisert: 'urn:inntektsgrunnlag:problem:ikke-autentisert',
  ingenTilgang: 'urn:inntektsgrunnlag:problem:ingen-tilgang',
  ikkeFunnet: 'urn:inntektsgrunnlag:problem:ikke-funnet',
  ingenSkatteopplysninger: 'urn:inntektsgrunnlag:problem:ingen-skatteopplysninger',
  forStor: 'urn:inntektsgrunnlag:problem:for-stor',
  utenforDekning: 'urn:inntektsgrunnlag:problem:utenfor-dekning',
  forMange: 'urn:inntektsgrunnlag:problem:for-mange-foresporsler',
  kildeFeil: 'urn:inntektsgrunnlag:problem:kilde-feil',
  kildeTidsavbrudd: 'urn:inntektsgrunnlag:problem:kilde-tidsavbrudd',
  kildeNede: 'urn:inntektsgrunnlag:problem:kilde-nede',
  utilgjengelig: 'urn:inntektsgrunnlag:problem:utilgjengelig',
  konflikt: 'urn:inntektsgrunnlag:problem:konflikt',
  arkivFeil: 'urn:inntektsgrunnlag:problem:arkiv-feil',
  intern: 'urn:inntektsgrunnlag:problem:intern-feil',
} as const;

/** Seconds a client should wait before trying again after a transient failure. */
export const VENT_SEKUNDER = 30;

/**
 * Seconds to wait when the database is unreachable or its lock was busy: the pool reconnects on the
 * next statement, so the instance is back within a second of the database.
 */
export const VENT_SEKUNDER_DATABASE = 5;

/** An error and what caused it, a few levels down. */
function aarsaker(e: unknown): unknown[] {
  const ut: unknown[] = [];
  for (let f: unknown = e, i = 0; f && i < 5; f = (f as { cause?: unknown }).cause, i++) ut.push(f);
  return ut;
}

/** Whether an error (or what caused it) is the database being unreachable or its lock stuck. */
export function erDatabasenNede(e: unknown): boolean {
  return aarsaker(e).some((f) => erTilkoblingsfeil(f) || f instanceof LaasTidsavbrudd);
}

/** An error with its HTTP answer already decided (routing, content type, authentication, rate limit). */
export class HttpFeil extends Error {
  override readonly name = 'HttpFeil';
  constructor(
    readonly status: number,
    readonly type: string,
    readonly tittel: string,
    detalj: string,
    readonly ekstra: { errors?: Feltfeil[]; kode?: string; headers?: Record<string, string> } = {},
  ) {
    super(detalj);
  }
}

export function ugyldig(felt: string, melding: string): HttpFeil {
  return new HttpFeil(400, PROBLEMTYPE.ugyldig, 'Ugyldig forespørsel', `${felt}: ${melding}`, {
    errors: [{ felt, melding }],
  });
}

export const WWW_AUTHENTICATE = 'Bearer realm="inntektsgrunnlag"';

export function ikkeAutentisert(detalj: string, ugyldigNoekkel: boolean, kode?: string): HttpFeil {
  return new HttpFeil(401, PROBLEMTYPE.ikkeAutentisert, 'Ikke autentisert', detalj, {
    ...(kode ? { kode } : {}),
    headers: {
      'WWW-Authenticate': ugyldigNoekkel ? `${WWW_AUTHENTICATE}, error="invalid_token"` : WWW_AUTHENTICATE,
    },
  });
}

export function ingenTilgang(kode: string, detalj: string): HttpFeil {
  return new HttpFeil(403, PROBLEMTYPE.ingenTilgang, 'Ingen tilgang', detalj, { kode });
}

export interface Svar {
  problem: Problem;
  headers: Record<string, string>;
  /** True for an error we did not expect: a bug, logged with its stack. */
  uventet: boolean;
}

/** Where each identifikator stands in the request, to name the field of a person the source failed for. */
export type Personfelt = ReadonlyMap<string, string>;

const UTEN_DATA = new Set([
  'IngenSkatteopplysninger',
  'IngenDataForAar',
  'PersonIkkeFunnet',
  'DataFinnesIkkeLenger',
]);

function kildeproblem(feil: readonly KildeFeil[], personfelt: Personfelt | undefined): Omit<Svar, 'uventet'> {
  const errors = feil.map((f) => ({
    felt: (f.identifikator && personfelt?.get(f.identifikator)) || 'personer',
    melding: f.message,
  }));
  const korrelasjonsid = feil.find((f) => f.korrelasjonsid)?.korrelasjonsid;
  const detalj =
    feil.length === 1
      ? (feil[0] as KildeFeil).message
      : `Opplysningene kunne ikke hentes for ${feil.length} personer; se errors.`;
  const felles = { detail: detalj, errors, ...(korrelasjonsid ? { korrelasjonsid } : {}) };
  if (feil.length > 0 && feil.every((f) => UTEN_DATA.has(f.name))) {
    const ingenPerson = feil.every((f) => f instanceof PersonIkkeFunnet);
    return {
      problem: {
        type: PROBLEMTYPE.ingenSkatteopplysninger,
        title: ingenPerson ? 'Fant ikke personen' : 'Fant ingen skatteopplysninger',
        status: 404,
        ...felles,
      },
      headers: {},
    };
  }
  const nede = feil.filter((f): f is KildeNede => f instanceof KildeNede);
  if (nede.length > 0) {
    // The source's breaker is open: said at once, naming the source (kode KILDE_NEDE_<API>), with
    // the wait until it is probed again, so a client or the web app shows it instead of spinning.
    const foerste = nede[0] as KildeNede;
    return {
      problem: {
        type: PROBLEMTYPE.kildeNede,
        title: `${API_NAVN[foerste.api]} er nede`,
        status: 503,
        kode: `KILDE_NEDE_${foerste.api}`,
        kilde: foerste.api,
        ...felles,
      },
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(foerste.pauseMs / 1000))) },
    };
  }
  if (feil.some((f) => f instanceof Tidsavbrudd)) {
    return {
      problem: {
        type: PROBLEMTYPE.kildeTidsavbrudd,
        title: 'Kilden svarte ikke i tide',
        status: 504,
        ...felles,
      },
      headers: { 'Retry-After': String(VENT_SEKUNDER) },
    };
  }
  const forbigaaende = feil.some((f) => f.forbigaaende);
  return {
    problem: {
      type: PROBLEMTYPE.kildeFeil,
      title: forbigaaende ? 'Kilden er ikke tilgjengelig' : 'Kilden avviste eller svarte feil på oppslaget',
      status: 502,
      ...felles,
    },
    // Only a transient failure gets better by waiting; a refused or malformed answer needs the operator.
    headers: forbigaaende ? { 'Retry-After': String(VENT_SEKUNDER) } : {},
  };
}

/**
 * The HTTP answer to any error: bad input is 400 with every field, a refusal 401/403 with its code,
 * missing tax data 404, a date outside the rates 422, a failing source 502/504, storage or audit
 * trouble 503, and only what we did not foresee 500, without any detail of it.
 */
export function problemFra(e: unknown, personfelt?: Personfelt): Svar {
  const svar = (problem: Problem, headers: Record<string, string> = {}): Svar => ({
    problem,
    headers,
    uventet: false,
  });
  if (e instanceof HttpFeil) {
    return svar(
      {
        type: e.type,
        title: e.tittel,
        status: e.status,
        detail: e.message,
        ...(e.ekstra.errors ? { errors: e.ekstra.errors } : {}),
        ...(e.ekstra.kode ? { kode: e.ekstra.kode } : {}),
      },
      e.ekstra.headers,
    );
  }
  if (e instanceof Valideringsfeil) {
    return svar({
      type: PROBLEMTYPE.ugyldig,
      title: 'Ugyldig forespørsel',
      status: 400,
      detail:
        e.feil.length === 1
          ? `${e.feil[0]?.felt || '(hele forespørselen)'}: ${e.feil[0]?.melding}`
          : `Forespørselen har ${e.feil.length} feil; se errors.`,
      errors: e.feil.map((f) => ({ felt: f.felt, melding: f.melding })),
    });
  }
  if (
    e instanceof UkjentInntektsaarError ||
    e instanceof PostdefinisjonError ||
    e instanceof UgyldigDatoError ||
    e instanceof UgyldigBeloepError
  ) {
    return svar({
      type: PROBLEMTYPE.ugyldig,
      title: 'Ugyldig forespørsel',
      status: 400,
      detail: e.message,
      errors: [{ felt: '', melding: e.message }],
    });
  }
  if (e instanceof Tilgangsfeil) {
    // A missing or wrong credential is 401; a known actor without the right is 403.
    if (e.kode === 'AKTOER_UKJENT' || e.kode === 'DEMONOEKKEL_AVVIST') {
      return problemFra(ikkeAutentisert(e.message, true, e.kode));
    }
    return problemFra(ingenTilgang(e.kode, e.message));
  }
  if (e instanceof GrunnlagIkkeHentet) return { ...kildeproblem(e.feil, personfelt), uventet: false };
  if (e instanceof KildeFeil) return { ...kildeproblem([e], personfelt), uventet: false };
  if (e instanceof UtenforDekning) {
    return svar({
      type: PROBLEMTYPE.utenforDekning,
      title: 'Datoen er utenfor satsene',
      status: 422,
      detail: e.message,
      errors: [{ felt: 'beregningsdato', melding: e.message }],
    });
  }
  if ((e instanceof RevisjonFeilet || e instanceof LagringFeil) && erDatabasenNede(e)) {
    const laas = aarsaker(e).some((f) => f instanceof LaasTidsavbrudd);
    return svar(
      {
        type: PROBLEMTYPE.utilgjengelig,
        title: 'Databasen er midlertidig utilgjengelig',
        status: 503,
        detail: laas
          ? `Revisjonsloggen var opptatt for lenge (en annen prosess holdt låsen). Ingen opplysninger er utlevert. Prøv igjen om ${VENT_SEKUNDER_DATABASE} sekunder; vedvarer det, kontakt driften.`
          : `Databasen svarer ikke akkurat nå. Ingen opplysninger er utlevert. Prøv igjen om ${VENT_SEKUNDER_DATABASE} sekunder; vedvarer det, kontakt driften.`,
      },
      { 'Retry-After': String(VENT_SEKUNDER_DATABASE) },
    );
  }
  if (e instanceof RevisjonFeilet || e instanceof LagringFeil) {
    return svar(
      {
        type: PROBLEMTYPE.utilgjengelig,
        title: 'Tjenesten er midlertidig utilgjengelig',
        status: 503,
        detail:
          e instanceof RevisjonFeilet
            ? e.message
            : 'Databasen svarer ikke. Ingen opplysninger er utlevert. Prøv igjen senere, eller kontakt driften.',
      },
      { 'Retry-After': String(VENT_SEKUNDER) },
    );
  }
  return {
    problem: {
      type: PROBLEMTYPE.intern,
      title: 'Intern feil',
      status: 500,
      detail: 'En uventet feil oppstod. Oppgi forespørsels-id-en (requestId) til driften.',
    },
    headers: {},
    uventet: true,
  };
}
