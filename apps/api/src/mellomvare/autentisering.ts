import { type Lagring, normaliserUuid } from '@inntektsgrunnlag/lagring';
import type { Autentisering } from '@inntektsgrunnlag/oppslag';
import { type Aktoer, avvisningsmelding, ID_MOENSTER } from '@inntektsgrunnlag/tilgang';
import type { Request, RequestHandler, Response } from 'express';
import { HttpFeil, ikkeAutentisert, ingenTilgang, PROBLEMTYPE, ugyldig } from '../problem.js';

/**
 * One way to find out who calls: resolves to an Autentisering when the request carries this kind of
 * credential (valid or not), or null when it carries none of this kind. The API key is one; a
 * session (sign-in) is another, added by putting one more in `ApiKonfig.autentiserere`.
 */
export type Autentiserer = (req: Request) => Promise<Autentisering | null>;

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;

/**
 * `Authorization: Bearer <API key>`: an integration client, bound to one role. An unknown key gives
 * AKTOER_UKJENT, a demo key outside the demo set-up (`demoTillatt`: the embedded database on the
 * synthetic population) DEMONOEKKEL_AVVIST (both refused as 401; a lookup attempt with them is still
 * audited by the use case). No Authorization header: null.
 */
export function apiNoekkelAutentiserer(lagring: Lagring, demoTillatt: boolean): Autentiserer {
  return async (req) => {
    const header = req.get('Authorization');
    if (header === undefined) return null;
    const m = BEARER.exec(header);
    if (!m) {
      throw ikkeAutentisert('Authorization må være «Bearer <API-nøkkel>».', false);
    }
    const svar = await lagring.klienter.autentiser(m[1] as string, { demoTillatt });
    return svar.ok
      ? { ok: true, aktoer: svar.aktoer }
      : { ok: false, kode: svar.kode, melding: avvisningsmelding(svar.kode) };
  };
}

/**
 * Runs the authenticators in order; the first that recognises a credential decides. Puts the
 * result in `res.locals.autentisering` (null when the request carries no credential).
 */
export function identifiser(autentiserere: readonly Autentiserer[]): RequestHandler {
  return async (req, res, next) => {
    let funnet: Autentisering | null = null;
    for (const a of autentiserere) {
      funnet = await a(req);
      if (funnet) break;
    }
    res.locals.autentisering = funnet;
    next();
  };
}

/** Who called, when anyone did (for the rate limit and the log). */
export function aktoerNoekkel(res: Response): string | undefined {
  const a = res.locals.autentisering as Autentisering | null | undefined;
  return a?.ok ? `${a.aktoer.type}:${a.aktoer.id}` : undefined;
}

/**
 * The credential of a request that needs one, as given: an invalid one is passed on, so the use
 * case audits the attempt. No credential at all is refused here at once (401): there is no actor to
 * record, and nothing was tried.
 */
export function autentiseringFor(res: Response): Autentisering {
  const a = res.locals.autentisering as Autentisering | null | undefined;
  if (!a) {
    throw ikkeAutentisert(
      res.req?.path.startsWith('/register/')
        ? 'Klarte ikke å validere access_token: oppgi «Authorization: Bearer <access token fra Maskinporten>», IntegrasjonId og IntegrasjonPassord (eller en API-nøkkel).'
        : 'Oppgi en API-nøkkel: «Authorization: Bearer <API-nøkkel>».',
      false,
    );
  }
  return a;
}

/** A known, active actor, for endpoints that fetch nothing (no audit): 401 or 403 otherwise. */
export function aktoerFor(res: Response): Aktoer {
  const a = autentiseringFor(res);
  if (!a.ok) throw ikkeAutentisert(a.melding, true, a.kode);
  if (!a.aktoer.aktiv) throw ingenTilgang('AKTOER_INAKTIV', avvisningsmelding('AKTOER_INAKTIV'));
  return a.aktoer;
}

/**
 * The role a native request is made in: the header X-Rolle-Id, or the actor's only role (an API key
 * is bound to one). A user holding several roles must name one (else ROLLE_IKKE_OPPGITT, from the use case).
 */
export function rolleFor(req: Request, a: Autentisering): string | null {
  const header = req.get('X-Rolle-Id')?.trim();
  if (header) {
    if (!ID_MOENSTER.test(header)) {
      throw ugyldig('X-Rolle-Id', 'må være en rolle-id: små bokstaver a–z, sifre og bindestrek (1–63 tegn)');
    }
    return header;
  }
  return a.ok && a.aktoer.roller.length === 1 ? (a.aktoer.roller[0] as string) : null;
}

/**
 * A KS path's {rolleId} as our role id: KS issues role ids as UUIDs, which are the same in any case
 * (RFC 9562 § 4), so a UUID is taken in lower case, as roles are stored; anything else as it is.
 */
export function ksRolleId(rolleId: string): string {
  return normaliserUuid(rolleId) ?? rolleId;
}

/** A KS path's {rolleId} must be a role the caller holds (KS Fiks: the role is part of the address). */
export function kontrollerKsRolle(rolleId: string, aktoer: Aktoer): void {
  const id = ksRolleId(rolleId);
  if (!ID_MOENSTER.test(id) || !aktoer.roller.includes(id)) {
    throw ingenTilgang('ROLLE_MANGLER', avvisningsmelding('ROLLE_MANGLER'));
  }
}

/** A path parameter or a query value that must be one of a list. */
export function enAv<T extends string>(verdi: unknown, lov: readonly T[], felt: string): T {
  if (typeof verdi === 'string' && (lov as readonly string[]).includes(verdi)) return verdi as T;
  throw new HttpFeil(
    400,
    PROBLEMTYPE.ugyldig,
    'Ugyldig forespørsel',
    `${felt}: må være en av ${lov.join(', ')}`,
    {
      errors: [{ felt, melding: `må være en av ${lov.join(', ')}` }],
    },
  );
}
