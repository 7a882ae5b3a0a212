import {
  createHmac,
  randomBytes,
  randomUUID,
  type ScryptOptions,
  scrypt as scryptCallback,
  timingSafeEqual,
} from 'node:crypto';
import { Valideringsfeil, valider } from '@inntektsgrunnlag/beregning';
import { rolleIdSkjema } from '@inntektsgrunnlag/tilgang';
import { z } from 'zod';
import type { Sql } from './database.js';
import { medKontroll } from './feil.js';

/**
 * KS Fiks integrations: what a case-management system built for KS authenticates with on the
 * KS-compatible routes, next to its Maskinporten token (ks-no.github.io, «Integrasjoner», 2026-10-10:
 * «Alle kall fra en Fiks-integrasjon har tre HTTP-headere»: Authorization, IntegrasjonId,
 * IntegrasjonPassord). An integration has a UUID as its id (as KS issues them), the organisation that
 * must be the token's `consumer` («autorisert organisasjon»), the roles it may call in, and a password
 * kept only as a slow hash.
 */

/**
 * scrypt's parameters for new passwords: OWASP's Password Storage Cheat Sheet (2023) recommends scrypt
 * with N = 2^17, r = 8, p = 1, or one of its equal-cost alternatives; we use N = 2^15, r = 8, p = 3
 * (the same work in 32 MiB instead of 128 MiB, so four verifications at once fit on a small host).
 * The parameters are stored with each hash, so they can be raised later without breaking old ones.
 */
export const KS_PASSORDPARAMETRE = { log2N: 15, r: 8, p: 3, noekkellengde: 32, saltlengde: 16 } as const;

/** What scrypt may use at most: twice what the parameters need (128 · N · r bytes). */
const MAKS_MINNE = 2 * 128 * 2 ** 17 * 8;

function scrypt(passord: string, salt: Buffer, lengde: number, valg: ScryptOptions): Promise<Buffer> {
  return new Promise((ok, feil) => {
    scryptCallback(passord, salt, lengde, valg, (e, noekkel) => (e ? feil(e) : ok(noekkel)));
  });
}

/** A new password: 32 random bytes (256 bits), base64url (43 characters). */
export function nyttKsPassord(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a password: `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (salt and hash base64url). */
export async function hashKsPassord(
  passord: string,
  parametre: { log2N: number; r: number; p: number } = KS_PASSORDPARAMETRE,
): Promise<string> {
  const salt = randomBytes(KS_PASSORDPARAMETRE.saltlengde);
  const hash = await scrypt(passord, salt, KS_PASSORDPARAMETRE.noekkellengde, {
    N: 2 ** parametre.log2N,
    r: parametre.r,
    p: parametre.p,
    maxmem: MAKS_MINNE,
  });
  return [
    'scrypt',
    parametre.log2N,
    parametre.r,
    parametre.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

const LAGRET = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{32,})$/;

/** Whether a password matches its stored hash; the hashes are compared in constant time. */
export async function sjekkKsPassord(passord: string, lagret: string): Promise<boolean> {
  const m = LAGRET.exec(lagret);
  if (!m) return false;
  const [log2N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const salt = Buffer.from(m[4] as string, 'base64url');
  const forventet = Buffer.from(m[5] as string, 'base64url');
  // Bounds, so a stored text cannot make a verification take unbounded memory or time.
  if (log2N < 10 || log2N > 17 || r < 1 || r > 16 || p < 1 || p > 16) return false;
  const hash = await scrypt(passord, salt, forventet.length, { N: 2 ** log2N, r, p, maxmem: MAKS_MINNE });
  return timingSafeEqual(hash, forventet);
}

/**
 * Whether nine digits are an organisation number: the last is the modulus-11 control digit of the
 * first eight with the weights 3 2 7 6 5 4 3 2 (Brønnøysundregistrene's rule for organisasjonsnummer).
 */
export function erOrganisasjonsnummer(tekst: string): boolean {
  if (!/^\d{9}$/.test(tekst)) return false;
  const vekter = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = vekter.reduce((s, v, i) => s + v * Number(tekst[i]), 0);
  const rest = sum % 11;
  const kontroll = rest === 0 ? 0 : 11 - rest;
  return kontroll !== 10 && kontroll === Number(tekst[8]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID in its canonical lower-case form (RFC 9562 § 4: UUIDs are compared case-insensitively), or null. */
export function normaliserUuid(tekst: unknown): string | null {
  return typeof tekst === 'string' && UUID.test(tekst) ? tekst.toLowerCase() : null;
}

const uuidSkjema = z
  .string()
  .regex(UUID, 'må være en UUID (som 0f6c2b1e-4a8d-4c1e-9b7a-3d2e1f0a9b8c)')
  .transform((s) => s.toLowerCase());

const organisasjonsnummerSkjema = z
  .string()
  .trim()
  .refine(erOrganisasjonsnummer, 'må være et organisasjonsnummer: ni sifre med gyldig kontrollsiffer')
  .describe('Den autoriserte organisasjonen: organisasjonsnummeret tokenets consumer må ha');

/** A role id on a KS path may be a UUID in any case (as KS issues them); stored ids are lower case. */
const ksRolleIdSkjema = z.preprocess(
  (v) => (typeof v === 'string' ? (normaliserUuid(v) ?? v) : v),
  rolleIdSkjema,
);

export const nyKsIntegrasjonSkjema = z
  .object({
    id: uuidSkjema.optional().describe('Integrasjonens id (en UUID); utelatt: en ny tilfeldig'),
    navn: z.string().trim().min(1, 'kan ikke være tom').max(200),
    organisasjonsnummer: organisasjonsnummerSkjema,
    roller: z
      .array(ksRolleIdSkjema)
      .min(1, 'oppgi minst én rolle')
      .max(50)
      .refine((l) => new Set(l).size === l.length, 'samme rolle står to ganger'),
  })
  .strict();

export const endreKsIntegrasjonSkjema = nyKsIntegrasjonSkjema
  .omit({ id: true })
  .partial()
  .strict()
  .refine((e) => Object.keys(e).length > 0, 'oppgi minst ett felt å endre');

export interface KsIntegrasjon {
  /** A UUID, lower case. */
  id: string;
  navn: string;
  /** The organisation that must be the `consumer` of the caller's token. */
  organisasjonsnummer: string;
  /** The roles the integration may call in, sorted. */
  roller: string[];
  /** A demo integration's password is public; it is refused outside the demo set-up. */
  demo: boolean;
  /** False after `trekkTilbake`: every call is refused. */
  aktiv: boolean;
  opprettet: string;
  passordEndret: string;
}

/** Why an integration was refused; the API answers KS's 401 to each without saying which. */
export type KsIntegrasjonsavvisning = 'UKJENT' | 'TILBAKETRUKKET' | 'FEIL_PASSORD' | 'DEMO_AVVIST';

export type KsIntegrasjonsautentisering =
  | { ok: true; integrasjon: KsIntegrasjon }
  | { ok: false; grunn: KsIntegrasjonsavvisning };

interface Rad {
  id: string;
  navn: string;
  organisasjonsnummer: string;
  passord_hash: string;
  demo: boolean;
  aktiv: boolean;
  opprettet: Date | string;
  passord_endret: Date | string;
  roller: string[] | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

const tilIntegrasjon = (r: Rad): KsIntegrasjon => ({
  id: r.id,
  navn: r.navn,
  organisasjonsnummer: r.organisasjonsnummer,
  roller: [...(r.roller ?? [])].sort(),
  demo: r.demo,
  aktiv: r.aktiv,
  opprettet: iso(r.opprettet),
  passordEndret: iso(r.passord_endret),
});

const MED_ROLLER = `SELECT i.*, coalesce(
    (SELECT array_agg(r.rolle_id ORDER BY r.rolle_id) FROM ks_integrasjon_roller r WHERE r.integrasjon_id = i.id),
    '{}') AS roller
  FROM ks_integrasjoner i`;

const tidspunktSkjema = z.union([z.date(), z.iso.datetime({ offset: true })]).transform((d) => new Date(d));

/** How long a verified password is remembered in this process (see `autentiser`). */
const HUSK_MS = 10 * 60_000;
const HUSK_MAKS = 1000;

/** KS Fiks integrations and their hashed passwords. */
export class KsIntegrasjonslager {
  /**
   * Verified passwords, so that a busy integration does not pay a slow hash per request: per id, the
   * stored hash the password was verified against and an HMAC of the password under a key that lives
   * only in this process. Never written anywhere; a rotated password (a new stored hash, from any
   * process) or a revoked integration (read on every call) counts at once.
   */
  private readonly verifisert = new Map<string, { lagret: string; kontroll: Buffer; utloeper: number }>();
  private readonly hmacNoekkel = randomBytes(32);

  constructor(
    private readonly sql: Sql & { transaksjon<T>(fn: (tx: Sql) => Promise<T>): Promise<T> },
    /** Embedded (PGlite) mode: demo integrations may be created only here. */
    private readonly innebygd: boolean,
  ) {}

  /** Creates an integration and returns its password, shown only now; only its hash is stored. */
  async opprett(raa: unknown, valg: { naa: Date }): Promise<{ integrasjon: KsIntegrasjon; passord: string }> {
    // Bad input is refused before the (slow) hash is made.
    valider(nyKsIntegrasjonSkjema, raa, ['integrasjon']);
    const passord = nyttKsPassord();
    const integrasjon = await this.settInn(raa, await hashKsPassord(passord), false, valg.naa);
    return { integrasjon, passord };
  }

  /**
   * A demo integration with a fixed, public password, given as its stored hash (made once with
   * `hashKsPassord`); only in embedded mode (the demo seed uses it).
   */
  async opprettDemo(raa: unknown, passordHash: string, valg: { naa: Date }): Promise<KsIntegrasjon> {
    if (!this.innebygd) throw new Error('Demointegrasjoner kan bare opprettes i innebygd modus (PGlite)');
    if (!LAGRET.test(passordHash)) throw new Error('passordHash må være et lagret scrypt-passord');
    return this.settInn(raa, passordHash, true, valg.naa);
  }

  private async settInn(raa: unknown, hash: string, demo: boolean, naa: Date): Promise<KsIntegrasjon> {
    const n = valider(nyKsIntegrasjonSkjema, raa, ['integrasjon']);
    const tid = valider(tidspunktSkjema, naa, ['naa']);
    const id = n.id ?? randomUUID();
    await this.sql.transaksjon(async (tx) => {
      await medKontroll(
        () =>
          tx.query(
            `INSERT INTO ks_integrasjoner (id, navn, organisasjonsnummer, passord_hash, demo, opprettet, passord_endret)
             VALUES ($1, $2, $3, $4, $5, $6, $6)`,
            [id, n.navn, n.organisasjonsnummer, hash, demo, tid],
          ),
        { unik: 'integrasjon.id', melding: { unik: `integrasjonen ${id} finnes allerede` } },
      );
      await this.settRoller(tx, id, n.roller);
    });
    return (await this.hent(id)) as KsIntegrasjon;
  }

  private async settRoller(tx: Sql, id: string, roller: readonly string[]): Promise<void> {
    await tx.query('DELETE FROM ks_integrasjon_roller WHERE integrasjon_id = $1', [id]);
    for (const [i, rolle] of roller.entries()) {
      await medKontroll(
        () =>
          tx.query('INSERT INTO ks_integrasjon_roller (integrasjon_id, rolle_id) VALUES ($1, $2)', [
            id,
            rolle,
          ]),
        { fremmed: `integrasjon.roller.${i}`, melding: { fremmed: `rollen «${rolle}» finnes ikke` } },
      );
    }
  }

  /** Changes the name, the authorised organisation or the roles (the password stays). */
  async endre(id: string, raa: unknown): Promise<KsIntegrasjon | null> {
    const uuid = normaliserUuid(id);
    if (!uuid) return null;
    const e = valider(endreKsIntegrasjonSkjema, raa, ['integrasjon']);
    const funnet = await this.sql.transaksjon(async (tx) => {
      const rader = await tx.query(
        `UPDATE ks_integrasjoner SET navn = coalesce($2, navn),
           organisasjonsnummer = coalesce($3, organisasjonsnummer)
         WHERE id = $1 RETURNING id`,
        [uuid, e.navn ?? null, e.organisasjonsnummer ?? null],
      );
      if (rader.length === 0) return false;
      if (e.roller) await this.settRoller(tx, uuid, e.roller);
      return true;
    });
    return funnet ? this.hent(uuid) : null;
  }

  /**
   * Replaces the password (the old one stops working at once, in every process) and returns the new
   * one. A demo integration rotated this way stops being a demo integration.
   */
  async roterPassord(
    id: string,
    valg: { naa: Date },
  ): Promise<{ integrasjon: KsIntegrasjon; passord: string } | null> {
    const uuid = normaliserUuid(id);
    if (!uuid) return null;
    const tid = valider(tidspunktSkjema, valg.naa, ['naa']);
    const passord = nyttKsPassord();
    const rader = await this.sql.query(
      'UPDATE ks_integrasjoner SET passord_hash = $2, passord_endret = $3, demo = false WHERE id = $1 RETURNING id',
      [uuid, await hashKsPassord(passord), tid],
    );
    this.verifisert.delete(uuid);
    if (rader.length === 0) return null;
    return { integrasjon: (await this.hent(uuid)) as KsIntegrasjon, passord };
  }

  /** Revokes the integration: every later call with it is refused (as KS: «stopper alle kall med en gang»). */
  async trekkTilbake(id: string): Promise<boolean> {
    const uuid = normaliserUuid(id);
    if (!uuid) return false;
    this.verifisert.delete(uuid);
    return (
      (await this.sql.query('UPDATE ks_integrasjoner SET aktiv = false WHERE id = $1 RETURNING id', [uuid]))
        .length > 0
    );
  }

  async hent(id: string): Promise<KsIntegrasjon | null> {
    const uuid = normaliserUuid(id);
    if (!uuid) return null;
    const [r] = await this.sql.query<Rad>(`${MED_ROLLER} WHERE i.id = $1`, [uuid]);
    return r ? tilIntegrasjon(r) : null;
  }

  async alle(): Promise<KsIntegrasjon[]> {
    return (await this.sql.query<Rad>(`${MED_ROLLER} ORDER BY i.navn, i.id`)).map(tilIntegrasjon);
  }

  /**
   * The integration an id and password belong to. `demoTillatt`: whether demo integrations may be
   * used (the embedded demo set-up on the synthetic population only). A revoked or unknown
   * integration, a wrong password and a demo integration outside the demo set-up are refused, each
   * with its reason (for the log; the API does not tell the caller which).
   */
  async autentiser(
    id: string,
    passord: string,
    valg: { demoTillatt: boolean },
  ): Promise<KsIntegrasjonsautentisering> {
    const uuid = normaliserUuid(id);
    if (!uuid || typeof passord !== 'string' || passord.length === 0 || passord.length > 200) {
      return { ok: false, grunn: uuid ? 'FEIL_PASSORD' : 'UKJENT' };
    }
    const [r] = await this.sql.query<Rad>(`${MED_ROLLER} WHERE i.id = $1`, [uuid]);
    if (!r) return { ok: false, grunn: 'UKJENT' };
    if (!r.aktiv) return { ok: false, grunn: 'TILBAKETRUKKET' };
    if (r.demo && !valg.demoTillatt) return { ok: false, grunn: 'DEMO_AVVIST' };
    if (!(await this.passordStemmer(uuid, passord, r.passord_hash)))
      return { ok: false, grunn: 'FEIL_PASSORD' };
    return { ok: true, integrasjon: tilIntegrasjon(r) };
  }

  private async passordStemmer(id: string, passord: string, lagret: string): Promise<boolean> {
    const kontroll = createHmac('sha256', this.hmacNoekkel).update(passord, 'utf8').digest();
    const husket = this.verifisert.get(id);
    const naa = Date.now();
    if (husket && husket.lagret === lagret && husket.utloeper > naa) {
      return (
        timingSafeEqual(husket.kontroll, kontroll) || this.sjekkOgHusk(id, passord, lagret, kontroll, naa)
      );
    }
    return this.sjekkOgHusk(id, passord, lagret, kontroll, naa);
  }

  private async sjekkOgHusk(
    id: string,
    passord: string,
    lagret: string,
    kontroll: Buffer,
    naa: number,
  ): Promise<boolean> {
    if (!(await sjekkKsPassord(passord, lagret))) return false;
    if (this.verifisert.size >= HUSK_MAKS && !this.verifisert.has(id)) {
      const eldste = this.verifisert.keys().next().value;
      if (eldste !== undefined) this.verifisert.delete(eldste);
    }
    this.verifisert.delete(id);
    this.verifisert.set(id, { lagret, kontroll, utloeper: naa + HUSK_MS });
    return true;
  }
}

/** Throws a Valideringsfeil naming the field when an id is not a UUID (for the CLI and the API). */
export function krevUuid(id: string, felt = 'id'): string {
  const uuid = normaliserUuid(id);
  if (!uuid) throw new Valideringsfeil([{ felt, melding: 'må være en UUID' }]);
  return uuid;
}
