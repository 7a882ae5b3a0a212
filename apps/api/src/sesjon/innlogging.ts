import { timingSafeEqual } from 'node:crypto';
import type { Bruker, Sesjon, Sesjonslevetid } from '@inntektsgrunnlag/lagring';
import { TJENESTEOMRAADER } from '@inntektsgrunnlag/tilgang';
import type { Request, Response } from 'express';
import type { ApiKontekst } from '../kontekst.js';
import type { Autentiserer } from '../mellomvare/autentisering.js';
import { OidcKlient, type OidcKonfig } from '../oidc/klient.js';
import { ingenTilgang } from '../problem.js';
import { cookienavn, lesCookies, settCookie } from './cookie.js';

/** Sign-in settings (docs/innlogging.md). */
export interface Innloggingskonfig {
  /** The Secure flag on the cookies. Default true; false only for http://localhost in embedded mode. */
  sikkerCookie?: boolean;
  /** A session ends after this many minutes without a request. Default 30. */
  inaktivMinutter?: number;
  /** A session ends this many hours after sign-in, whatever the activity. Default 8. */
  maksTimer?: number;
  /** OIDC sign-in; required outside embedded mode for anyone to sign in. */
  oidc?: OidcKonfig | null;
}

export const STANDARD_INAKTIV_MINUTTER = 30;
export const STANDARD_MAKS_TIMER = 8;

export const SESJONSCOOKIE = 'ig_sesjon';
export const INNLOGGINGSCOOKIE = 'ig_innlogging';
export const CSRF_HODE = 'X-CSRF-Token';

const SIKRE_METODER = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A live session of an active user, as found from the request's cookie. */
export interface AktivSesjon {
  id: string;
  sesjon: Sesjon;
  bruker: Bruker;
}

/** The app's sign-in state: settings, the OIDC client, and session lookup (once per request). */
export class Innlogging {
  readonly sikker: boolean;
  readonly levetid: Sesjonslevetid;
  readonly oidc: OidcKlient | null;
  private readonly perForespoersel = new WeakMap<Request, Promise<AktivSesjon | null>>();

  constructor(readonly k: ApiKontekst) {
    const konfig: Innloggingskonfig = k.konfig.innlogging ?? {};
    this.sikker = konfig.sikkerCookie ?? true;
    if (!this.sikker && !k.konfig.lagring.innebygd) {
      throw new Error('Sesjonscookien kan bare være uten Secure i innebygd modus (http://localhost)');
    }
    this.levetid = {
      inaktivMs: (konfig.inaktivMinutter ?? STANDARD_INAKTIV_MINUTTER) * 60_000,
      absoluttMs: (konfig.maksTimer ?? STANDARD_MAKS_TIMER) * 3_600_000,
    };
    this.oidc = konfig.oidc ? new OidcKlient(konfig.oidc, k.klokke) : null;
  }

  /**
   * INNEBYGD only in the demo set-up: the embedded database on the synthetic population, the one rule
   * for every demo credential (API keys, KS integrations, the password-less sign-in). The embedded
   * database with a real source is production as far as credentials go.
   */
  get modus(): 'INNEBYGD' | 'PRODUKSJON' {
    return this.k.konfig.lagring.innebygd && this.k.konfig.kilder.syntetisk ? 'INNEBYGD' : 'PRODUKSJON';
  }

  cookie(grunnavn: string): string {
    return cookienavn(grunnavn, this.sikker);
  }

  /** The raw session id from the request's cookie, if any. */
  sesjonsId(req: Request): string | undefined {
    return lesCookies(req.get('Cookie')).get(this.cookie(SESJONSCOOKIE)) || undefined;
  }

  /** The request's live session of an active user (looked up once per request), or null. */
  sesjon(req: Request): Promise<AktivSesjon | null> {
    let p = this.perForespoersel.get(req);
    if (!p) {
      p = this.finnSesjon(req);
      this.perForespoersel.set(req, p);
    }
    return p;
  }

  private async finnSesjon(req: Request): Promise<AktivSesjon | null> {
    const id = this.sesjonsId(req);
    if (!id) return null;
    const lagring = this.k.konfig.lagring;
    const sesjon = await lagring.sesjoner.hent(id, this.k.klokke(), this.levetid);
    if (!sesjon) return null;
    const bruker = await lagring.brukere.hent(sesjon.brukerId);
    if (!bruker?.aktiv) {
      // Deactivated since sign-in: the session ends here.
      await lagring.sesjoner.avslutt(id);
      return null;
    }
    return { id, sesjon, bruker };
  }

  /** Starts a session for the user: a new random id (never one the browser brought), and its cookie. */
  async startSesjon(
    req: Request,
    res: Response,
    p: { bruker: Bruker; innlogging: 'OIDC' | 'DEMO'; idToken?: string },
  ) {
    const gammel = this.sesjonsId(req);
    if (gammel) await this.k.konfig.lagring.sesjoner.avslutt(gammel);
    // Abandoned sessions and sign-ins are swept here, at each sign-in, rather than by a timer.
    await this.k.konfig.lagring.sesjoner.rydd(this.k.klokke(), this.levetid);
    const ny = await this.k.konfig.lagring.sesjoner.opprett({
      brukerId: p.bruker.id,
      innlogging: p.innlogging,
      idToken: p.idToken ?? null,
      naa: this.k.klokke(),
      levetid: this.levetid,
    });
    res.append('Set-Cookie', settCookie(this.cookie(SESJONSCOOKIE), ny.id, { sikker: this.sikker }));
    const aktiv: AktivSesjon = { id: ny.id, sesjon: ny.sesjon, bruker: p.bruker };
    this.perForespoersel.set(req, Promise.resolve(aktiv));
    return aktiv;
  }

  slettCookie(res: Response, grunnavn: string): void {
    res.append('Set-Cookie', settCookie(this.cookie(grunnavn), '', { sikker: this.sikker, maksAlder: 0 }));
  }

  /**
   * The session authenticator for `identiser`: a request with a live session acts as its user, with
   * the roles read from storage now (held directly or through groups), so a change of membership
   * counts from the next request. A state-changing request with a session must carry the session's
   * CSRF token in X-CSRF-Token (else 403 CSRF_UGYLDIG). A request with Authorization is an API
   * client's: the session cookie is not looked at, and no CSRF token is needed.
   */
  autentiserer(): Autentiserer {
    return async (req) => {
      if (req.get('Authorization') !== undefined) return null;
      const s = await this.sesjon(req);
      if (!s) return null;
      if (!SIKRE_METODER.has(req.method)) kontrollerCsrf(req.get(CSRF_HODE), s.sesjon.csrfToken);
      const aktoer = await this.k.konfig.lagring.brukere.aktoer(s.bruker.id);
      return aktoer ? { ok: true, aktoer } : null;
    };
  }

  /**
   * For the routes that act on the cookie's session themselves (logout ends it, a demo sign-in
   * replaces it): a live session needs its CSRF token here too. The authenticator checks it only
   * when it looks at the cookie, and it does not when the request has Authorization; these routes
   * use the cookie whatever else the request carries. No live session: nothing to protect.
   */
  async kontrollerSesjonensCsrf(req: Request): Promise<void> {
    const s = await this.sesjon(req);
    if (s) kontrollerCsrf(req.get(CSRF_HODE), s.sesjon.csrfToken);
  }

  /** The body of GET /api/v1/sesjon (and of a demo sign-in). */
  async sesjonssvar(s: AktivSesjon | null) {
    const felles = {
      modus: this.modus,
      ...(this.oidc ? { innloggingUrl: '/auth/login' } : {}),
    };
    if (!s) return { innlogget: false, ...felles, roller: [] };
    return {
      innlogget: true,
      ...felles,
      bruker: { id: s.bruker.id, visningsnavn: s.bruker.visningsnavn },
      roller: await this.roller(s.bruker.id),
      csrfToken: s.sesjon.csrfToken,
    };
  }

  /** A user's roles as the web app shows them: with the area's beregningstyper. */
  async roller(brukerId: string) {
    const lagring = this.k.konfig.lagring;
    const ider = new Set(await lagring.brukere.effektiveRoller(brukerId));
    return (await lagring.roller.alle())
      .filter((r) => ider.has(r.id))
      .map((r) => ({
        id: r.id,
        navn: r.navn,
        tjenesteomraade: r.tjenesteomraade,
        beregningstyper: [
          ...(TJENESTEOMRAADER.find((o) => o.id === r.tjenesteomraade)?.beregningstyper ?? []),
        ],
        avregning: r.avregning,
      }));
  }
}

/** X-CSRF-Token must equal the session's token (compared in constant time). */
export function kontrollerCsrf(gitt: string | undefined, forventet: string): void {
  const a = Buffer.from(gitt ?? '', 'utf8');
  const b = Buffer.from(forventet, 'utf8');
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw ingenTilgang(
      'CSRF_UGYLDIG',
      `Forespørsler som endrer noe, må ha ${CSRF_HODE} med sesjonens token (fra GET /api/v1/sesjon).`,
    );
  }
}
