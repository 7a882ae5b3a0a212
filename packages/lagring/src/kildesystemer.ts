import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { valider } from '@inntektsgrunnlag/beregning';
import { ID_MOENSTER } from '@inntektsgrunnlag/tilgang';
import { z } from 'zod';
import type { Sql } from './database.js';
import { medKontroll } from './feil.js';

/** A new SCIM token: 32 random bytes (256 bits), so a fast hash is enough to store it safely. */
export function nyttScimToken(): string {
  return `scim_${randomBytes(32).toString('base64url')}`;
}

/** How a SCIM token is stored: SHA-256 (hex) with a domain prefix of its own (never an API key's hash). */
export function hashScimToken(token: string): string {
  return createHash('sha256').update(`inntektsgrunnlag.scim-token.v1\n${token}`, 'utf8').digest('hex');
}

/** The longest a token may live: a year, so a forgotten token does not stay valid for ever. */
export const MAKS_TOKENLEVETID_DAGER = 366;

const tidspunktSkjema = z.union([z.date(), z.iso.datetime({ offset: true })]).transform((d) => new Date(d));

export const nyttKildesystemSkjema = z
  .object({
    id: z.string().regex(ID_MOENSTER, 'må være små bokstaver a–z, sifre og bindestrek (1–63 tegn)'),
    navn: z.string().trim().min(1, 'kan ikke være tom').max(200),
    /** Days the token is valid from `naa`. */
    levetidDager: z.number().int().min(1).max(MAKS_TOKENLEVETID_DAGER).default(180),
    naa: tidspunktSkjema,
  })
  .strict();

export interface Kildesystem {
  id: string;
  navn: string;
  /** ISO time the current token stops working. */
  tokenUtloeper: string;
  aktiv: boolean;
  opprettet: string;
}

/** Why a SCIM token was refused (the API answers 401 to all of them, without saying which). */
export type Kildesystemavvisning = 'TOKEN_UKJENT' | 'TOKEN_UTLOEPT' | 'KILDESYSTEM_INAKTIVT';

export type Kildesystemautentisering =
  | { ok: true; kildesystem: Kildesystem }
  | { ok: false; kode: Kildesystemavvisning };

interface Rad {
  id: string;
  navn: string;
  token_hash: string;
  token_utloeper: Date | string;
  aktiv: boolean;
  opprettet: Date | string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

const tilKildesystem = (r: Rad): Kildesystem => ({
  id: r.id,
  navn: r.navn,
  tokenUtloeper: iso(r.token_utloeper),
  aktiv: r.aktiv,
  opprettet: iso(r.opprettet),
});

const utloeper = (naa: Date, dager: number) => new Date(naa.getTime() + dager * 86_400_000);

/**
 * SCIM source systems (an identity management system such as Entra ID): each provisions its own
 * users and groups and authenticates with its own bearer token, stored only as a hash, with an expiry.
 * Every method takes the time (`naa`): storage reads no clock.
 */
export class Kildesystemlager {
  constructor(private readonly sql: Sql) {}

  /** Creates a source system and returns its token. The token is shown only now. */
  async opprett(raa: unknown): Promise<{ kildesystem: Kildesystem; token: string }> {
    const k = valider(nyttKildesystemSkjema, raa, ['kildesystem']);
    const token = nyttScimToken();
    const [r] = await medKontroll(
      () =>
        this.sql.query<Rad>(
          `INSERT INTO kildesystemer (id, navn, token_hash, token_utloeper, opprettet)
           VALUES ($1, $2, $3, $4, $5) RETURNING *`,
          [
            k.id,
            k.navn,
            hashScimToken(token),
            utloeper(k.naa, k.levetidDager).toISOString(),
            k.naa.toISOString(),
          ],
        ),
      { unik: 'kildesystem.id', melding: { unik: `kildesystemet «${k.id}» finnes allerede` } },
    );
    return { kildesystem: tilKildesystem(r as Rad), token };
  }

  /** Replaces the token (the old one stops working at once); null when the source system is unknown. */
  async roterToken(
    id: string,
    p: { naa: Date | string; levetidDager?: number },
  ): Promise<{ kildesystem: Kildesystem; token: string } | null> {
    const { naa, levetidDager } = valider(
      z.object({ naa: tidspunktSkjema, levetidDager: nyttKildesystemSkjema.shape.levetidDager }).strict(),
      p,
      [],
    );
    const token = nyttScimToken();
    const [r] = await this.sql.query<Rad>(
      'UPDATE kildesystemer SET token_hash = $2, token_utloeper = $3 WHERE id = $1 RETURNING *',
      [id, hashScimToken(token), utloeper(naa, levetidDager).toISOString()],
    );
    return r ? { kildesystem: tilKildesystem(r), token } : null;
  }

  async settAktiv(id: string, aktiv: boolean): Promise<boolean> {
    return (
      (await this.sql.query('UPDATE kildesystemer SET aktiv = $2 WHERE id = $1 RETURNING id', [id, aktiv]))
        .length > 0
    );
  }

  async hent(id: string): Promise<Kildesystem | null> {
    const [r] = await this.sql.query<Rad>('SELECT * FROM kildesystemer WHERE id = $1', [id]);
    return r ? tilKildesystem(r) : null;
  }

  async alle(): Promise<Kildesystem[]> {
    return (await this.sql.query<Rad>('SELECT * FROM kildesystemer ORDER BY id')).map(tilKildesystem);
  }

  /**
   * Deletes the source system. Its users and groups stay (they may hold sessions and audit entries);
   * they can no longer be changed over SCIM until a source system with the same id is created again.
   */
  async slett(id: string): Promise<boolean> {
    return (await this.sql.query('DELETE FROM kildesystemer WHERE id = $1 RETURNING id', [id])).length > 0;
  }

  /** The source system holding a token, if the token is known, unexpired at `naa` and the system active. */
  async autentiser(token: string, naa: Date): Promise<Kildesystemautentisering> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 200) {
      return { ok: false, kode: 'TOKEN_UKJENT' };
    }
    const hash = hashScimToken(token);
    const [r] = await this.sql.query<Rad>('SELECT * FROM kildesystemer WHERE token_hash = $1', [hash]);
    // The lookup is by the hash of a high-entropy secret; the comparison is constant-time all the same.
    if (!r || !timingSafeEqual(Buffer.from(r.token_hash, 'hex'), Buffer.from(hash, 'hex'))) {
      return { ok: false, kode: 'TOKEN_UKJENT' };
    }
    if (new Date(r.token_utloeper).getTime() <= naa.getTime()) return { ok: false, kode: 'TOKEN_UTLOEPT' };
    if (!r.aktiv) return { ok: false, kode: 'KILDESYSTEM_INAKTIVT' };
    return { ok: true, kildesystem: tilKildesystem(r) };
  }
}
