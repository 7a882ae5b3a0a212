import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { valider } from '@inntektsgrunnlag/beregning';
import { type Aktoer, ID_MOENSTER } from '@inntektsgrunnlag/tilgang';
import { z } from 'zod';
import type { Sql } from './database.js';
import { medKontroll } from './feil.js';
import type { Tilgangsbuffer } from './tilgangsbuffer.js';

/** A new API key: 32 random bytes (256 bits), so a fast hash is enough to store it safely. */
export function nyNoekkel(): string {
  return `ig_${randomBytes(32).toString('base64url')}`;
}

/** How a key is stored: SHA-256 (hex) of the key with a domain prefix. The key itself is never stored. */
export function hashNoekkel(noekkel: string): string {
  return createHash('sha256').update(`inntektsgrunnlag.api-noekkel.v1\n${noekkel}`, 'utf8').digest('hex');
}

export const nyKlientSkjema = z
  .object({
    id: z
      .string()
      .regex(ID_MOENSTER, 'må være små bokstaver a–z, sifre og bindestrek (1–63 tegn)')
      .optional(),
    navn: z.string().trim().min(1, 'kan ikke være tom').max(200),
    rolleId: z.string().min(1),
  })
  .strict();

export interface Klient {
  id: string;
  navn: string;
  rolleId: string;
  /** A demo client's key is public ("demo-…"); it is refused outside embedded mode. */
  demo: boolean;
  aktiv: boolean;
}

export type Autentisering =
  | { ok: true; klient: Klient; aktoer: Aktoer }
  | { ok: false; kode: 'AKTOER_UKJENT' | 'DEMONOEKKEL_AVVIST' };

interface Rad {
  id: string;
  navn: string;
  rolle_id: string;
  noekkel_hash: string;
  demo: boolean;
  aktiv: boolean;
}

const tilKlient = (r: Rad): Klient => ({
  id: r.id,
  navn: r.navn,
  rolleId: r.rolle_id,
  demo: r.demo,
  aktiv: r.aktiv,
});

/** Integration clients (case-management systems), each bound to one role, with a hashed API key. */
export class Klientlager {
  constructor(
    private readonly sql: Sql,
    /** Embedded (PGlite) mode: the only mode where demo keys are accepted. */
    private readonly innebygd: boolean,
    /** Keeps the client of a key between writes (every API request authenticates). */
    private readonly buffer?: Tilgangsbuffer,
  ) {}

  /** Creates a client and returns its key. The key is shown only now; only its hash is stored. */
  async opprett(raa: unknown): Promise<{ klient: Klient; noekkel: string }> {
    const noekkel = nyNoekkel();
    const klient = await this.settInn(raa, noekkel, false);
    return { klient, noekkel };
  }

  /** A demo client with a fixed, public key; only in embedded mode (the demo seed uses it). */
  async opprettDemo(raa: unknown, noekkel: string): Promise<Klient> {
    if (!this.innebygd) throw new Error('Demoklienter kan bare opprettes i innebygd modus (PGlite)');
    return this.settInn(raa, noekkel, true);
  }

  private async settInn(raa: unknown, noekkel: string, demo: boolean): Promise<Klient> {
    const k = valider(nyKlientSkjema, raa, ['klient']);
    const [r] = await medKontroll(
      () =>
        this.sql.query<Rad>(
          `INSERT INTO klienter (id, navn, rolle_id, noekkel_hash, demo) VALUES ($1, $2, $3, $4, $5)
           RETURNING *`,
          [k.id ?? randomUUID(), k.navn, k.rolleId, hashNoekkel(noekkel), demo],
        ),
      {
        fremmed: 'klient.rolleId',
        unik: 'klient',
        melding: { fremmed: `rollen «${k.rolleId}» finnes ikke`, unik: 'klienten finnes allerede' },
      },
    );
    return tilKlient(r as Rad);
  }

  /** Replaces the key (the old one stops working at once) and returns the new one. */
  async roterNoekkel(id: string): Promise<string | null> {
    const noekkel = nyNoekkel();
    const rader = await this.sql.query(
      'UPDATE klienter SET noekkel_hash = $2, demo = false WHERE id = $1 RETURNING id',
      [id, hashNoekkel(noekkel)],
    );
    return rader.length > 0 ? noekkel : null;
  }

  async settAktiv(id: string, aktiv: boolean): Promise<boolean> {
    return (
      (await this.sql.query('UPDATE klienter SET aktiv = $2 WHERE id = $1 RETURNING id', [id, aktiv]))
        .length > 0
    );
  }

  async hent(id: string): Promise<Klient | null> {
    const [r] = await this.sql.query<Rad>('SELECT * FROM klienter WHERE id = $1', [id]);
    return r ? tilKlient(r) : null;
  }

  async alle(): Promise<Klient[]> {
    return (await this.sql.query<Rad>('SELECT * FROM klienter ORDER BY id')).map(tilKlient);
  }

  async slett(id: string): Promise<boolean> {
    return (await this.sql.query('DELETE FROM klienter WHERE id = $1 RETURNING id', [id])).length > 0;
  }

  /**
   * The client holding an API key, as an actor with its one role. An unknown key gives
   * AKTOER_UKJENT; a demo key outside embedded mode gives DEMONOEKKEL_AVVIST, and so does one in
   * embedded mode when the caller says demo keys are not allowed (`demoTillatt: false`: the source is
   * not the synthetic population). A deactivated client is returned with `aktiv: false` (the access
   * decision refuses it with AKTOER_INAKTIV).
   */
  async autentiser(noekkel: string, valg: { demoTillatt?: boolean } = {}): Promise<Autentisering> {
    if (typeof noekkel !== 'string' || noekkel.length === 0 || noekkel.length > 200) {
      return { ok: false, kode: 'AKTOER_UKJENT' };
    }
    const hash = hashNoekkel(noekkel);
    // The lookup is by the hash of a high-entropy secret, which tells an attacker nothing about the
    // key; the stored hash is then compared in constant time all the same.
    const les = async () =>
      (await this.sql.query<Rad>('SELECT * FROM klienter WHERE noekkel_hash = $1', [hash]))[0];
    const r = this.buffer
      ? await this.buffer.hent(`klient:${hash}`, les, (rad) => rad !== undefined)
      : await les();
    if (!r || !timingSafeEqual(Buffer.from(r.noekkel_hash, 'hex'), Buffer.from(hash, 'hex'))) {
      return { ok: false, kode: 'AKTOER_UKJENT' };
    }
    if (r.demo && !(this.innebygd && (valg.demoTillatt ?? true)))
      return { ok: false, kode: 'DEMONOEKKEL_AVVIST' };
    const klient = tilKlient(r);
    return {
      ok: true,
      klient,
      aktoer: {
        type: 'KLIENT',
        id: klient.id,
        visningsnavn: klient.navn,
        aktiv: klient.aktiv,
        roller: [klient.rolleId],
      },
    };
  }
}
