import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { LagringFeil, UkjenteMedlemmer, Unikhetsfeil, Versjonskonflikt } from '@inntektsgrunnlag/lagring';
import type { ErrorRequestHandler } from 'express';
import type { ApiKontekst } from '../kontekst.js';
import { feilTilLogg } from '../logg.js';
import { HttpFeil } from '../problem.js';
import { SCIM_JSON, URN } from './skjema.js';

/** SCIM's detail error keywords (RFC 7644 § 3.12, table 9). */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/** An error with its SCIM answer decided: status, scimType and a Norwegian detail (no personal data). */
export class ScimFeil extends Error {
  override readonly name = 'ScimFeil';
  constructor(
    readonly status: number,
    readonly scimType: ScimType | null,
    detalj: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detalj);
  }
}

export const ugyldigVerdi = (detalj: string) => new ScimFeil(400, 'invalidValue', detalj);
export const ugyldigSyntaks = (detalj: string) => new ScimFeil(400, 'invalidSyntax', detalj);
export const finnesIkke = (hva: string) => new ScimFeil(404, null, `${hva} finnes ikke`);

const UNIKT_FELT: Record<Unikhetsfeil['felt'], string> = {
  id: 'id',
  brukernavn: 'userName',
  eksternId: 'externalId',
  foedselsnummer: `${URN.ksPerson}:foedselsnummer`,
};

/** Any error as a SCIM error (or null when it is not one we answer as such). */
export function scimFeilFra(e: unknown): ScimFeil | null {
  if (e instanceof ScimFeil) return e;
  // Decided before the SCIM router (the rate limit's 429 with Retry-After, a refused content type,
  // an authentication or access refusal): the same status and headers, as a SCIM error.
  if (e instanceof HttpFeil) {
    return new ScimFeil(
      e.status,
      e.status === 400 ? 'invalidValue' : null,
      e.message,
      e.ekstra.headers ?? {},
    );
  }
  if (e instanceof Unikhetsfeil) {
    return new ScimFeil(409, 'uniqueness', `${UNIKT_FELT[e.felt]} er allerede i bruk av en annen ressurs`);
  }
  if (e instanceof UkjenteMedlemmer) {
    return ugyldigVerdi(
      `members: ${e.ider.length === 1 ? 'medlemmet' : 'medlemmene'} ${e.ider.map((i) => `«${i}»`).join(', ')} er ikke brukere fra dette kildesystemet`,
    );
  }
  if (e instanceof Versjonskonflikt) {
    return new ScimFeil(412, null, 'Ressursen er endret siden versjonen i If-Match; hent den på nytt');
  }
  if (e instanceof Valideringsfeil) {
    return ugyldigVerdi(e.feil.map((f) => (f.felt ? `${f.felt}: ${f.melding}` : f.melding)).join('; '));
  }
  if (e instanceof LagringFeil) {
    return new ScimFeil(503, null, 'Databasen svarer ikke. Prøv igjen senere.', { 'Retry-After': '30' });
  }
  const f = e as { type?: unknown; status?: unknown } | null;
  if (f && typeof f.type === 'string' && typeof f.status === 'number') {
    if (f.type === 'entity.too.large') return new ScimFeil(413, null, 'Forespørselen er for stor');
    if (f.status >= 400 && f.status < 500) return ugyldigSyntaks('Forespørselen er ikke gyldig JSON');
  }
  return null;
}

/** The SCIM error body (RFC 7644 § 3.12): status as a string, scimType where one applies. */
export function scimFeilkropp(status: number, scimType: ScimType | null, detalj: string) {
  return {
    schemas: [URN.feil],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail: detalj,
  };
}

/** Errors under /scim/v2 as SCIM errors (application/scim+json); the unforeseen as a bare 500, logged. */
export function scimFeilbehandler(k: ApiKontekst): ErrorRequestHandler {
  return (e, _req, res, _next) => {
    let feil = scimFeilFra(e);
    if (!feil) {
      k.logger.error(
        { requestId: res.locals.requestId, rute: res.locals.rute, feil: feilTilLogg(e) },
        'uventet feil i SCIM',
      );
      feil = new ScimFeil(500, null, 'En uventet feil oppstod. Oppgi X-Request-Id til driften.');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    for (const [n, v] of Object.entries(feil.headers)) res.setHeader(n, v);
    res
      .status(feil.status)
      .type(SCIM_JSON)
      .send(JSON.stringify(scimFeilkropp(feil.status, feil.scimType, feil.message)));
  };
}
