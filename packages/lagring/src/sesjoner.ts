import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from './database.js';

/** A random secret for a cookie, a CSRF token, a state or a nonce: 32 bytes, URL-safe. */
export function tilfeldigHemmelighet(): string {
  return randomBytes(32).toString('base64url');
}

/** Session ids and OIDC states are stored as SHA-256 hashes: a copy of the table opens no session. */
function hash(domene: string, verdi: string): string {
  return createHash('sha256').update(`inntektsgrunnlag.${domene}.v1\n${verdi}`, 'utf8').digest('hex');
}

export type Innloggingsmaate = 'OIDC' | 'DEMO';

export interface Sesjon {
  brukerId: string;
  /** Sent by the browser as X-CSRF-Token on every state-changing request. */
  csrfToken: string;
  innlogging: Innloggingsmaate;
  /** The ID token from the issuer (for the issuer's logout), or null. */
  idToken: string | null;
  opprettet: string;
  sistBrukt: string;
  /** Absolute end, whatever the activity. */
  utloeper: string;
}

interface Rad {
  id_hash: string;
  bruker_id: string;
  csrf_token: string;
  innlogging: Innloggingsmaate;
  id_token: string | null;
  opprettet: Date | string;
  sist_brukt: Date | string;
  utloeper: Date | string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

const tilSesjon = (r: Rad): Sesjon => ({
  brukerId: r.bruker_id,
  csrfToken: r.csrf_token,
  innlogging: r.innlogging,
  idToken: r.id_token,
  opprettet: iso(r.opprettet),
  sistBrukt: iso(r.sist_brukt),
  utloeper: iso(r.utloeper),
});

/** How long a session may live: idle (since last use) and absolute (since sign-in). */
export interface Sesjonslevetid {
  inaktivMs: number;
  absoluttMs: number;
}

/**
 * A session's last use is written at most this often, so a busy user does not cost a write per
 * request; the idle limit is therefore exact to within this margin.
 */
const SIST_BRUKT_OPPLOESNING_MS = 60_000;

/** Server-side sessions of signed-in users; the cookie carries only a random id. */
export class Sesjonslager {
  constructor(private readonly sql: Sql) {}

  /** Starts a session and returns the id for the cookie (shown only now) with the session. */
  async opprett(p: {
    brukerId: string;
    innlogging: Innloggingsmaate;
    idToken?: string | null;
    naa: Date;
    levetid: Sesjonslevetid;
  }): Promise<{ id: string; sesjon: Sesjon }> {
    const id = tilfeldigHemmelighet();
    const [r] = await this.sql.query<Rad>(
      `INSERT INTO sesjoner (id_hash, bruker_id, csrf_token, innlogging, id_token, opprettet, sist_brukt, utloeper)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING *`,
      [
        hash('sesjon', id),
        p.brukerId,
        tilfeldigHemmelighet(),
        p.innlogging,
        p.idToken ?? null,
        p.naa.toISOString(),
        new Date(p.naa.getTime() + p.levetid.absoluttMs).toISOString(),
      ],
    );
    return { id, sesjon: tilSesjon(r as Rad) };
  }

  /**
   * The live session with this id at `naa`, its last use moved to `naa`; null when unknown, idle too
   * long or past its end (an expired session is deleted on the spot).
   */
  async hent(id: string, naa: Date, levetid: Sesjonslevetid): Promise<Sesjon | null> {
    if (typeof id !== 'string' || id.length === 0 || id.length > 200) return null;
    const h = hash('sesjon', id);
    const [r] = await this.sql.query<Rad>('SELECT * FROM sesjoner WHERE id_hash = $1', [h]);
    if (!r) return null;
    const t = naa.getTime();
    const sistBrukt = new Date(r.sist_brukt).getTime();
    if (t >= new Date(r.utloeper).getTime() || t - sistBrukt >= levetid.inaktivMs) {
      await this.sql.query('DELETE FROM sesjoner WHERE id_hash = $1', [h]);
      return null;
    }
    if (t - sistBrukt >= SIST_BRUKT_OPPLOESNING_MS) {
      await this.sql.query('UPDATE sesjoner SET sist_brukt = $2 WHERE id_hash = $1', [h, naa.toISOString()]);
      return tilSesjon({ ...r, sist_brukt: naa });
    }
    return tilSesjon(r);
  }

  /** Ends the session (logout); the ended session, or null when there was none. */
  async avslutt(id: string): Promise<Sesjon | null> {
    if (typeof id !== 'string' || id.length === 0 || id.length > 200) return null;
    const [r] = await this.sql.query<Rad>('DELETE FROM sesjoner WHERE id_hash = $1 RETURNING *', [
      hash('sesjon', id),
    ]);
    return r ? tilSesjon(r) : null;
  }

  /** Ends every session of a user (deactivated, or signed out everywhere); how many. */
  async avsluttForBruker(brukerId: string): Promise<number> {
    return (await this.sql.query('DELETE FROM sesjoner WHERE bruker_id = $1 RETURNING id_hash', [brukerId]))
      .length;
  }

  async antallForBruker(brukerId: string): Promise<number> {
    const [r] = await this.sql.query<{ n: number | string }>(
      'SELECT count(*) AS n FROM sesjoner WHERE bruker_id = $1',
      [brukerId],
    );
    return Number(r?.n ?? 0);
  }

  /** Deletes sessions past their end or idle limit at `naa`, and stale sign-ins; how many sessions. */
  async rydd(naa: Date, levetid: Sesjonslevetid): Promise<number> {
    const rader = await this.sql.query(
      'DELETE FROM sesjoner WHERE utloeper <= $1 OR sist_brukt <= $2 RETURNING id_hash',
      [naa.toISOString(), new Date(naa.getTime() - levetid.inaktivMs).toISOString()],
    );
    await this.sql.query('DELETE FROM innloggingsforsoek WHERE utloeper <= $1', [naa.toISOString()]);
    return rader.length;
  }
}

export interface Innloggingsforsoek {
  nonce: string;
  kodeverifier: string;
}

/** OIDC sign-ins in progress: keyed by the state (hashed), each usable once, until it expires. */
export class Innloggingsforsoeklager {
  constructor(private readonly sql: Sql) {}

  async lagre(state: string, f: Innloggingsforsoek, utloeper: Date): Promise<void> {
    await this.sql.query(
      'INSERT INTO innloggingsforsoek (state_hash, nonce, kodeverifier, utloeper) VALUES ($1, $2, $3, $4)',
      [hash('oidc-state', state), f.nonce, f.kodeverifier, utloeper.toISOString()],
    );
  }

  /** Takes the sign-in with this state (deleting it: a state is used once); null when unknown or expired. */
  async hentOgSlett(state: string, naa: Date): Promise<Innloggingsforsoek | null> {
    if (typeof state !== 'string' || state.length === 0 || state.length > 200) return null;
    const [r] = await this.sql.query<{ nonce: string; kodeverifier: string; utloeper: Date | string }>(
      'DELETE FROM innloggingsforsoek WHERE state_hash = $1 RETURNING nonce, kodeverifier, utloeper',
      [hash('oidc-state', state)],
    );
    if (!r || new Date(r.utloeper).getTime() <= naa.getTime()) return null;
    return { nonce: r.nonce, kodeverifier: r.kodeverifier };
  }
}
