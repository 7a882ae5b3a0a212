import { timingSafeEqual } from 'node:crypto';
import { type Bruker, tilfeldigHemmelighet } from '@inntektsgrunnlag/lagring';
import { type Request, type Response, Router } from 'express';
import type { JWTPayload } from 'jose';
import { HttpFeil, PROBLEMTYPE } from '../problem.js';
import { def } from '../ruter/felles.js';
import { lesCookies, settCookie } from '../sesjon/cookie.js';
import { INNLOGGINGSCOOKIE, type Innlogging } from '../sesjon/innlogging.js';
import { nyKodeverifier, OidcFeil, type OidcKonfig } from './klient.js';

/** A sign-in must be finished within this time. */
const FORSOEK_SEKUNDER = 600;

/**
 * Why a sign-in ended without a session; the browser lands on `/?innloggingsfeil=<kode>` and the
 * web app explains. Listed in docs/innlogging.md.
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

/**
 * The SCIM-provisioned user a signed-in person is: by fødselsnummer (claim `pid` or the configured
 * one) when the token carries it, else by the claim matched against SCIM externalId (`sub` by default).
 */
export async function finnBruker(
  i: Innlogging,
  konfig: OidcKonfig,
  claims: JWTPayload,
): Promise<{ ok: true; bruker: Bruker } | { ok: false; kode: 'BRUKER_UKJENT' | 'BRUKER_TVETYDIG' }> {
  const lagring = i.k.konfig.lagring;
  const fnr = claims[konfig.foedselsnummerClaim ?? 'pid'];
  if (typeof fnr === 'string' && /^\d{11}$/.test(fnr)) {
    // Only a user of the configured source system: another system's user with this number is not
    // this sign-in's to take. The number is unique per source system only: two matches pick no one.
    const treff = await lagring.brukere.finnAlleMedFoedselsnummer(fnr, konfig.kildesystem);
    if (treff.length > 1) return { ok: false, kode: 'BRUKER_TVETYDIG' };
    if (treff[0]) return { ok: true, bruker: treff[0] };
  }
  const ekstern = claims[konfig.eksternIdClaim ?? 'sub'];
  if (typeof ekstern === 'string' && ekstern.length > 0 && ekstern.length <= 200) {
    const ider = await lagring.scim.finnBrukereMedEksternId(ekstern, konfig.kildesystem ?? null);
    if (ider.length > 1) return { ok: false, kode: 'BRUKER_TVETYDIG' };
    const b = ider[0] ? await lagring.brukere.hent(ider[0]) : null;
    if (b) return { ok: true, bruker: b };
  }
  return { ok: false, kode: 'BRUKER_UKJENT' };
}

const likt = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** GET /auth/login and GET /auth/callback: OIDC sign-in (authorization code with PKCE, state, nonce). */
export function oidcRuter(i: Innlogging): Router {
  const r = Router();
  const lagring = i.k.konfig.lagring;
  const logger = i.k.logger;

  const ikkeSattOpp = () =>
    new HttpFeil(
      404,
      PROBLEMTYPE.ikkeFunnet,
      'Finnes ikke',
      'Innlogging med OIDC er ikke satt opp (OIDC_ISSUER).',
    );

  const mislykket = (res: Response, kode: Innloggingsfeil, detalj?: string) => {
    logger.warn(
      { requestId: res.locals.requestId, kode, ...(detalj ? { detalj } : {}) },
      'innlogging mislyktes',
    );
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, `/?innloggingsfeil=${kode}`);
  };

  def(r, 'get', '/auth/login', async (_req, res) => {
    const klient = i.oidc;
    if (!klient) throw ikkeSattOpp();
    const state = tilfeldigHemmelighet();
    const nonce = tilfeldigHemmelighet();
    const kodeverifier = nyKodeverifier();
    let url: string;
    try {
      url = await klient.autorisasjonsUrl({ state, nonce, kodeverifier });
    } catch (e) {
      if (e instanceof OidcFeil) return mislykket(res, e.kode, e.message);
      throw e;
    }
    await lagring.innloggingsforsoek.lagre(
      state,
      { nonce, kodeverifier },
      new Date(i.k.klokke().getTime() + FORSOEK_SEKUNDER * 1000),
    );
    // The state is also bound to this browser: a callback with a state started elsewhere is refused
    // (login CSRF). SameSite=Lax lets the cookie come along on the issuer's top-level redirect back.
    res.append(
      'Set-Cookie',
      settCookie(i.cookie(INNLOGGINGSCOOKIE), state, { sikker: i.sikker, maksAlder: FORSOEK_SEKUNDER }),
    );
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, url);
  });

  def(r, 'get', '/auth/callback', async (req: Request, res) => {
    const klient = i.oidc;
    if (!klient) throw ikkeSattOpp();
    const fraCookie = lesCookies(req.get('Cookie')).get(i.cookie(INNLOGGINGSCOOKIE));
    i.slettCookie(res, INNLOGGINGSCOOKIE);
    const { state, code, error } = req.query;
    // Used or not, the state is spent now.
    const forsoek =
      typeof state === 'string' && state.length <= 200
        ? await lagring.innloggingsforsoek.hentOgSlett(state, i.k.klokke())
        : null;
    if (error !== undefined) {
      const kode = typeof error === 'string' && /^[\w.-]{1,64}$/.test(error) ? error : 'ukjent';
      return mislykket(res, 'AVBRUTT', `utstederen svarte ${kode}`);
    }
    if (
      typeof state !== 'string' ||
      !fraCookie ||
      !likt(state, fraCookie) ||
      !forsoek ||
      typeof code !== 'string' ||
      code.length > 2000
    ) {
      return mislykket(res, 'UGYLDIG_TILSTAND');
    }
    let claims: JWTPayload;
    let idToken: string;
    try {
      ({ claims, idToken } = await klient.innloes({
        kode: code,
        kodeverifier: forsoek.kodeverifier,
        nonce: forsoek.nonce,
      }));
    } catch (e) {
      if (e instanceof OidcFeil) return mislykket(res, e.kode, e.message);
      throw e;
    }
    const funnet = await finnBruker(i, klient.konfig, claims);
    if (!funnet.ok) return mislykket(res, funnet.kode);
    if (!funnet.bruker.aktiv) return mislykket(res, 'BRUKER_INAKTIV');
    await i.startSesjon(req, res, { bruker: funnet.bruker, innlogging: 'OIDC', idToken });
    logger.info({ requestId: res.locals.requestId, bruker: funnet.bruker.id }, 'innlogget');
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, '/');
  });

  return r;
}
