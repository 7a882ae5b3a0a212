/** The cookies of a request (RFC 6265 § 5.4), by name; the first of a name wins. */
export function lesCookies(header: string | undefined): Map<string, string> {
  const ut = new Map<string, string>();
  if (!header) return ut;
  for (const del of header.split(';')) {
    const i = del.indexOf('=');
    if (i <= 0) continue;
    const navn = del.slice(0, i).trim();
    let verdi = del.slice(i + 1).trim();
    if (verdi.startsWith('"') && verdi.endsWith('"') && verdi.length >= 2) verdi = verdi.slice(1, -1);
    if (!ut.has(navn)) ut.set(navn, verdi);
  }
  return ut;
}

export interface Cookievalg {
  sikker: boolean;
  /** Seconds; 0 deletes the cookie; absent: a browser-session cookie. */
  maksAlder?: number;
}

/**
 * A Set-Cookie value: always HttpOnly, SameSite=Lax and Path=/, Secure unless turned off (only for
 * http://localhost in embedded mode). Values are our own base64url strings, so need no quoting.
 */
export function settCookie(navn: string, verdi: string, valg: Cookievalg): string {
  if (!/^[\w-]*$/.test(verdi)) throw new Error('cookieverdien må være base64url');
  return [
    `${navn}=${verdi}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    ...(valg.sikker ? ['Secure'] : []),
    ...(valg.maksAlder !== undefined ? [`Max-Age=${valg.maksAlder}`] : []),
  ].join('; ');
}

/**
 * The cookie's name: with Secure, the `__Host-` prefix, which browsers accept only from a secure
 * origin with Path=/ and no Domain, so no sibling site can plant or overwrite it.
 */
export const cookienavn = (grunnavn: string, sikker: boolean) => (sikker ? `__Host-${grunnavn}` : grunnavn);
