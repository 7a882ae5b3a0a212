// For the tests only: a browser's walk through the sign-in, with the cookies carried by hand.
import type { Server } from 'node:http';
import request from 'supertest';

/** `name=value` of a Set-Cookie header with this name (or null). */
export function cookie(settCookie: string[] | string | undefined, navn: string): string | null {
  const liste = Array.isArray(settCookie) ? settCookie : settCookie ? [settCookie] : [];
  const c = liste.find((x) => x.startsWith(`${navn}=`));
  return c ? (c.split(';')[0] as string) : null;
}

export interface Innloggingsflyt {
  /** The /auth/login answer (redirect to the issuer). */
  login: request.Response;
  /** The issuer's authorize URL the browser was sent to. */
  autorisasjonsUrl: URL;
  /** The /auth/callback answer. */
  callback: request.Response;
  /** `__Host-ig_sesjon=…` (or `ig_sesjon=…`) when a session was made, else null. */
  sesjon: string | null;
}

/**
 * GET /auth/login → the issuer's /authorize (automatic consent) → GET /auth/callback, as a browser
 * would; `medInnloggingscookie: false` drops the state cookie (another browser's callback).
 */
export async function loggInn(
  server: Server,
  valg: { sikker?: boolean; medInnloggingscookie?: boolean; endreCallback?: (u: URL) => void } = {},
): Promise<Innloggingsflyt> {
  const prefiks = valg.sikker === false ? '' : '__Host-';
  const login = await request(server).get('/auth/login');
  if (login.status !== 302) throw new Error(`/auth/login svarte ${login.status}`);
  const autorisasjonsUrl = new URL(login.headers.location as string);
  const tilstand = cookie(login.headers['set-cookie'], `${prefiks}ig_innlogging`);
  const svar = await fetch(autorisasjonsUrl, { redirect: 'manual' });
  const tilbake = new URL(svar.headers.get('location') ?? 'http://ingen/');
  valg.endreCallback?.(tilbake);
  let cb = request(server).get(`${tilbake.pathname}${tilbake.search}`);
  if (tilstand && valg.medInnloggingscookie !== false) cb = cb.set('Cookie', tilstand);
  const callback = await cb;
  return {
    login,
    autorisasjonsUrl,
    callback,
    sesjon: cookie(callback.headers['set-cookie'], `${prefiks}ig_sesjon`),
  };
}
