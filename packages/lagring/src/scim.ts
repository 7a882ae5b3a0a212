import { randomUUID } from 'node:crypto';
import type { Database, Sql } from './database.js';

/** One e-mail address of a user, as SCIM gives it (RFC 7643 § 4.1.2). */
export interface Epost {
  value: string;
  type?: string;
  primary?: boolean;
  display?: string;
}

/** A user's name parts, as SCIM gives them (RFC 7643 § 4.1.1). */
export interface Personnavn {
  formatted?: string;
  familyName?: string;
  givenName?: string;
  middleName?: string;
  honorificPrefix?: string;
  honorificSuffix?: string;
}

/** What a source system says about a user. */
export interface ScimBrukerdata {
  brukernavn: string;
  visningsnavn: string;
  navn: Personnavn | null;
  eksternId: string | null;
  aktiv: boolean;
  epost: Epost[];
  /** Validated by the caller; used to match an ID-porten sign-in (claim pid) to the user. */
  foedselsnummer: string | null;
}

export interface ScimBruker extends ScimBrukerdata {
  id: string;
  kildesystem: string;
  opprettet: string;
  endret: string;
  versjon: number;
  grupper: Array<{ id: string; visningsnavn: string }>;
}

export interface ScimGruppedata {
  visningsnavn: string;
  eksternId: string | null;
}

export interface ScimGruppe extends ScimGruppedata {
  id: string;
  kildesystem: string;
  opprettet: string;
  endret: string;
  versjon: number;
  /** Absent when the caller asked to leave the members out. */
  medlemmer?: Array<{ id: string; visningsnavn: string }>;
}

/** A value that must be unique is taken (SCIM: 409 uniqueness). Never carries the value itself. */
export class Unikhetsfeil extends Error {
  override readonly name = 'Unikhetsfeil';
  constructor(readonly felt: 'id' | 'brukernavn' | 'eksternId' | 'foedselsnummer') {
    super(`${felt} er allerede i bruk`);
  }
}

/** Members that are not users of the same source system. */
export class UkjenteMedlemmer extends Error {
  override readonly name = 'UkjenteMedlemmer';
  constructor(readonly ider: readonly string[]) {
    super(`ukjente medlemmer: ${ider.join(', ')}`);
  }
}

/** The resource changed since the version the caller named (If-Match; SCIM: 412). */
export class Versjonskonflikt extends Error {
  override readonly name = 'Versjonskonflikt';
  constructor() {
    super('ressursen er endret siden den versjonen som ble oppgitt');
  }
}

export type Brukerfilter = { felt: 'brukernavn' | 'eksternId' | 'visningsnavn'; verdi: string };
export type Gruppefilter = { felt: 'visningsnavn' | 'eksternId'; verdi: string };
export interface Side {
  /** 1-based, as SCIM's startIndex. */
  start: number;
  antall: number;
}

interface BrukerRad {
  id: string;
  visningsnavn: string;
  foedselsnummer: string | null;
  kildesystem: string;
  ekstern_id: string | null;
  aktiv: boolean;
  brukernavn: string;
  navn: Personnavn | string | null;
  epost: Epost[] | string;
  opprettet: Date | string;
  endret: Date | string;
  versjon: number;
}

interface GruppeRad {
  id: string;
  navn: string;
  kildesystem: string;
  ekstern_id: string | null;
  opprettet: Date | string;
  endret: Date | string;
  versjon: number;
}

const iso = (d: Date | string) => new Date(d).toISOString();
/** node-postgres parses jsonb; PGlite does too, but a text fallback costs nothing. */
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** Which unique index a duplicate hit (both engines report the constraint's name). */
function unikhetsfeil(e: unknown): Unikhetsfeil | null {
  const err = e as { code?: unknown; constraint?: unknown } | null;
  if (err?.code !== '23505') return null;
  const c = String(err.constraint ?? '');
  if (c.includes('brukernavn')) return new Unikhetsfeil('brukernavn');
  if (c.includes('ekstern_id')) return new Unikhetsfeil('eksternId');
  if (c.includes('foedselsnummer')) return new Unikhetsfeil('foedselsnummer');
  return new Unikhetsfeil('id');
}

async function medUnikhet<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw unikhetsfeil(e) ?? e;
  }
}

const BRUKERFELT: Record<Brukerfilter['felt'], string> = {
  // userName and displayName are case-insensitive in SCIM (caseExact false); externalId is case-exact.
  brukernavn: 'lower(brukernavn) = lower($2)',
  visningsnavn: 'lower(visningsnavn) = lower($2)',
  eksternId: 'ekstern_id = $2',
};
const GRUPPEFELT: Record<Gruppefilter['felt'], string> = {
  visningsnavn: 'lower(navn) = lower($2)',
  eksternId: 'ekstern_id = $2',
};

/**
 * The users and groups a SCIM source system provisions. Every operation is scoped to one source
 * system: a system sees and changes only what it owns. Times are passed in (no clock here).
 */
export class Scimkatalog {
  constructor(private readonly db: Database) {}

  private async brukerMedGrupper(sql: Sql, rader: BrukerRad[]): Promise<ScimBruker[]> {
    if (rader.length === 0) return [];
    const grupper = await sql.query<{ bruker_id: string; id: string; navn: string }>(
      `SELECT gm.bruker_id, g.id, g.navn FROM gruppemedlemmer gm JOIN grupper g ON g.id = gm.gruppe_id
       WHERE gm.bruker_id = ANY($1::text[]) ORDER BY g.navn, g.id`,
      [rader.map((r) => r.id)],
    );
    return rader.map((r) => ({
      id: r.id,
      kildesystem: r.kildesystem,
      brukernavn: r.brukernavn,
      visningsnavn: r.visningsnavn,
      navn: r.navn === null ? null : json<Personnavn>(r.navn),
      eksternId: r.ekstern_id,
      aktiv: r.aktiv,
      epost: json<Epost[]>(r.epost),
      foedselsnummer: r.foedselsnummer,
      opprettet: iso(r.opprettet),
      endret: iso(r.endret),
      versjon: Number(r.versjon),
      grupper: grupper.filter((g) => g.bruker_id === r.id).map((g) => ({ id: g.id, visningsnavn: g.navn })),
    }));
  }

  async opprettBruker(kildesystem: string, data: ScimBrukerdata, naa: Date): Promise<ScimBruker> {
    const rader = await medUnikhet(() =>
      this.db.query<BrukerRad>(
        `INSERT INTO brukere (id, visningsnavn, foedselsnummer, kildesystem, ekstern_id, aktiv, brukernavn,
           navn, epost, opprettet, endret, versjon)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $10, 1) RETURNING *`,
        [
          randomUUID(),
          data.visningsnavn,
          data.foedselsnummer,
          kildesystem,
          data.eksternId,
          data.aktiv,
          data.brukernavn,
          data.navn === null ? null : JSON.stringify(data.navn),
          JSON.stringify(data.epost),
          naa.toISOString(),
        ],
      ),
    );
    return (await this.brukerMedGrupper(this.db, rader))[0] as ScimBruker;
  }

  async hentBruker(kildesystem: string, id: string): Promise<ScimBruker | null> {
    const rader = await this.db.query<BrukerRad>('SELECT * FROM brukere WHERE kildesystem = $1 AND id = $2', [
      kildesystem,
      id,
    ]);
    return (await this.brukerMedGrupper(this.db, rader))[0] ?? null;
  }

  async listBrukere(
    kildesystem: string,
    filter: Brukerfilter | null,
    side: Side,
  ): Promise<{ totalt: number; brukere: ScimBruker[] }> {
    const hvor = `kildesystem = $1${filter ? ` AND ${BRUKERFELT[filter.felt]}` : ''}`;
    const p: unknown[] = filter ? [kildesystem, filter.verdi] : [kildesystem];
    const [{ n } = { n: 0 }] = await this.db.query<{ n: number | string }>(
      `SELECT count(*) AS n FROM brukere WHERE ${hvor}`,
      p,
    );
    const rader =
      side.antall === 0
        ? []
        : await this.db.query<BrukerRad>(
            `SELECT * FROM brukere WHERE ${hvor} ORDER BY opprettet, id OFFSET $${p.length + 1} LIMIT $${p.length + 2}`,
            [...p, side.start - 1, side.antall],
          );
    return { totalt: Number(n), brukere: await this.brukerMedGrupper(this.db, rader) };
  }

  /**
   * Replaces what the source system says about the user; null when it has no such user. With
   * `versjon`, refused (Versjonskonflikt) when the user has changed since. A user made inactive loses
   * every session at once.
   */
  async erstattBruker(
    kildesystem: string,
    id: string,
    data: ScimBrukerdata,
    naa: Date,
    versjon?: number,
  ): Promise<ScimBruker | null> {
    return this.db.transaksjon(async (tx) => {
      const [gammel] = await tx.query<{ versjon: number }>(
        'SELECT versjon FROM brukere WHERE kildesystem = $1 AND id = $2 FOR UPDATE',
        [kildesystem, id],
      );
      if (!gammel) return null;
      if (versjon !== undefined && Number(gammel.versjon) !== versjon) throw new Versjonskonflikt();
      const rader = await medUnikhet(() =>
        tx.query<BrukerRad>(
          `UPDATE brukere SET visningsnavn = $3, foedselsnummer = $4, ekstern_id = $5, aktiv = $6,
             brukernavn = $7, navn = $8::jsonb, epost = $9::jsonb, endret = $10, versjon = versjon + 1
           WHERE kildesystem = $1 AND id = $2 RETURNING *`,
          [
            kildesystem,
            id,
            data.visningsnavn,
            data.foedselsnummer,
            data.eksternId,
            data.aktiv,
            data.brukernavn,
            data.navn === null ? null : JSON.stringify(data.navn),
            JSON.stringify(data.epost),
            naa.toISOString(),
          ],
        ),
      );
      if (!data.aktiv) await tx.query('DELETE FROM sesjoner WHERE bruker_id = $1', [id]);
      return (await this.brukerMedGrupper(tx, rader))[0] ?? null;
    });
  }

  /** Deletes the user (its memberships, roles and sessions go with it); false when it has no such user. */
  async slettBruker(kildesystem: string, id: string): Promise<boolean> {
    return (
      (
        await this.db.query('DELETE FROM brukere WHERE kildesystem = $1 AND id = $2 RETURNING id', [
          kildesystem,
          id,
        ])
      ).length > 0
    );
  }

  /** Users with this externalId: in one source system, or in any when `kildesystem` is null. */
  async finnBrukereMedEksternId(eksternId: string, kildesystem: string | null): Promise<string[]> {
    const rader = await this.db.query<{ id: string }>(
      kildesystem === null
        ? 'SELECT id FROM brukere WHERE ekstern_id = $1 AND kildesystem IS NOT NULL ORDER BY id'
        : 'SELECT id FROM brukere WHERE ekstern_id = $1 AND kildesystem = $2 ORDER BY id',
      kildesystem === null ? [eksternId] : [eksternId, kildesystem],
    );
    return rader.map((r) => r.id);
  }

  private async gruppeMedMedlemmer(sql: Sql, r: GruppeRad, medMedlemmer: boolean): Promise<ScimGruppe> {
    const g: ScimGruppe = {
      id: r.id,
      kildesystem: r.kildesystem,
      visningsnavn: r.navn,
      eksternId: r.ekstern_id,
      opprettet: iso(r.opprettet),
      endret: iso(r.endret),
      versjon: Number(r.versjon),
    };
    if (medMedlemmer) {
      g.medlemmer = (
        await sql.query<{ id: string; visningsnavn: string }>(
          `SELECT b.id, b.visningsnavn FROM gruppemedlemmer gm JOIN brukere b ON b.id = gm.bruker_id
           WHERE gm.gruppe_id = $1 ORDER BY b.visningsnavn, b.id`,
          [r.id],
        )
      ).map((m) => ({ id: m.id, visningsnavn: m.visningsnavn }));
    }
    return g;
  }

  /** Sets the members to exactly `medlemmer` (users of the same source system). */
  private async settMedlemmer(tx: Sql, kildesystem: string, gruppeId: string, medlemmer: readonly string[]) {
    await this.kontrollerMedlemmer(tx, kildesystem, medlemmer);
    await tx.query('DELETE FROM gruppemedlemmer WHERE gruppe_id = $1 AND NOT (bruker_id = ANY($2::text[]))', [
      gruppeId,
      [...medlemmer],
    ]);
    await this.leggTil(tx, gruppeId, medlemmer);
  }

  private async leggTil(tx: Sql, gruppeId: string, medlemmer: readonly string[]) {
    if (medlemmer.length === 0) return;
    await tx.query(
      `INSERT INTO gruppemedlemmer (gruppe_id, bruker_id) SELECT $1, m FROM unnest($2::text[]) AS m
       ON CONFLICT DO NOTHING`,
      [gruppeId, [...new Set(medlemmer)]],
    );
  }

  private async kontrollerMedlemmer(tx: Sql, kildesystem: string, medlemmer: readonly string[]) {
    if (medlemmer.length === 0) return;
    const unike = [...new Set(medlemmer)];
    const finnes = new Set(
      (
        await tx.query<{ id: string }>(
          'SELECT id FROM brukere WHERE kildesystem = $1 AND id = ANY($2::text[])',
          [kildesystem, unike],
        )
      ).map((r) => r.id),
    );
    const ukjente = unike.filter((m) => !finnes.has(m));
    if (ukjente.length > 0) throw new UkjenteMedlemmer(ukjente);
  }

  async opprettGruppe(
    kildesystem: string,
    data: ScimGruppedata & { medlemmer: readonly string[] },
    naa: Date,
  ): Promise<ScimGruppe> {
    return this.db.transaksjon(async (tx) => {
      const [r] = await medUnikhet(() =>
        tx.query<GruppeRad>(
          `INSERT INTO grupper (id, navn, kildesystem, ekstern_id, opprettet, endret, versjon)
           VALUES ($1, $2, $3, $4, $5, $5, 1) RETURNING *`,
          [randomUUID(), data.visningsnavn, kildesystem, data.eksternId, naa.toISOString()],
        ),
      );
      const g = r as GruppeRad;
      await this.kontrollerMedlemmer(tx, kildesystem, data.medlemmer);
      await this.leggTil(tx, g.id, data.medlemmer);
      return this.gruppeMedMedlemmer(tx, g, true);
    });
  }

  async hentGruppe(kildesystem: string, id: string, medMedlemmer = true): Promise<ScimGruppe | null> {
    const [r] = await this.db.query<GruppeRad>('SELECT * FROM grupper WHERE kildesystem = $1 AND id = $2', [
      kildesystem,
      id,
    ]);
    return r ? this.gruppeMedMedlemmer(this.db, r, medMedlemmer) : null;
  }

  async listGrupper(
    kildesystem: string,
    filter: Gruppefilter | null,
    side: Side,
    medMedlemmer = true,
  ): Promise<{ totalt: number; grupper: ScimGruppe[] }> {
    const hvor = `kildesystem = $1${filter ? ` AND ${GRUPPEFELT[filter.felt]}` : ''}`;
    const p: unknown[] = filter ? [kildesystem, filter.verdi] : [kildesystem];
    const [{ n } = { n: 0 }] = await this.db.query<{ n: number | string }>(
      `SELECT count(*) AS n FROM grupper WHERE ${hvor}`,
      p,
    );
    const rader =
      side.antall === 0
        ? []
        : await this.db.query<GruppeRad>(
            `SELECT * FROM grupper WHERE ${hvor} ORDER BY opprettet, id OFFSET $${p.length + 1} LIMIT $${p.length + 2}`,
            [...p, side.start - 1, side.antall],
          );
    const grupper: ScimGruppe[] = [];
    for (const r of rader) grupper.push(await this.gruppeMedMedlemmer(this.db, r, medMedlemmer));
    return { totalt: Number(n), grupper };
  }

  /**
   * Changes a group in one transaction: its attributes (when `data` is given), and its members: all of
   * them replaced (`medlemmer`), or some added and removed. Null when the source system has no such
   * group; Versjonskonflikt when `versjon` is given and the group has changed since.
   */
  async endreGruppe(
    kildesystem: string,
    id: string,
    endring: {
      data?: ScimGruppedata;
      medlemmer?: readonly string[];
      leggTil?: readonly string[];
      fjern?: readonly string[];
      versjon?: number;
      medMedlemmer?: boolean;
    },
    naa: Date,
  ): Promise<ScimGruppe | null> {
    return this.db.transaksjon(async (tx) => {
      const [gammel] = await tx.query<{ versjon: number }>(
        'SELECT versjon FROM grupper WHERE kildesystem = $1 AND id = $2 FOR UPDATE',
        [kildesystem, id],
      );
      if (!gammel) return null;
      if (endring.versjon !== undefined && Number(gammel.versjon) !== endring.versjon)
        throw new Versjonskonflikt();
      if (endring.medlemmer) await this.settMedlemmer(tx, kildesystem, id, endring.medlemmer);
      if (endring.fjern && endring.fjern.length > 0) {
        await tx.query('DELETE FROM gruppemedlemmer WHERE gruppe_id = $1 AND bruker_id = ANY($2::text[])', [
          id,
          [...endring.fjern],
        ]);
      }
      if (endring.leggTil && endring.leggTil.length > 0) {
        await this.kontrollerMedlemmer(tx, kildesystem, endring.leggTil);
        await this.leggTil(tx, id, endring.leggTil);
      }
      const [r] = await medUnikhet(() =>
        endring.data
          ? tx.query<GruppeRad>(
              `UPDATE grupper SET navn = $3, ekstern_id = $4, endret = $5, versjon = versjon + 1
               WHERE kildesystem = $1 AND id = $2 RETURNING *`,
              [kildesystem, id, endring.data.visningsnavn, endring.data.eksternId, naa.toISOString()],
            )
          : tx.query<GruppeRad>(
              `UPDATE grupper SET endret = $3, versjon = versjon + 1 WHERE kildesystem = $1 AND id = $2 RETURNING *`,
              [kildesystem, id, naa.toISOString()],
            ),
      );
      return this.gruppeMedMedlemmer(tx, r as GruppeRad, endring.medMedlemmer ?? true);
    });
  }

  async slettGruppe(kildesystem: string, id: string): Promise<boolean> {
    return (
      (
        await this.db.query('DELETE FROM grupper WHERE kildesystem = $1 AND id = $2 RETURNING id', [
          kildesystem,
          id,
        ])
      ).length > 0
    );
  }
}
