import { randomUUID } from 'node:crypto';
import { valider } from '@inntektsgrunnlag/beregning';
import { identifikatorSkjema } from '@inntektsgrunnlag/person';
import { type Aktoer, ID_MOENSTER } from '@inntektsgrunnlag/tilgang';
import { z } from 'zod';
import type { Sql } from './database.js';
import { medKontroll } from './feil.js';
import type { Tilgangsbuffer } from './tilgangsbuffer.js';

const idSkjema = z.string().regex(ID_MOENSTER, 'må være små bokstaver a–z, sifre og bindestrek (1–63 tegn)');
const navnSkjema = z.string().trim().min(1, 'kan ikke være tom').max(200);
const eksternSkjema = z.string().min(1).max(200);

export const nyBrukerSkjema = z
  .object({
    id: idSkjema.optional(),
    visningsnavn: navnSkjema,
    /** For matching an OIDC login (ID-porten) to the user. */
    foedselsnummer: identifikatorSkjema.optional(),
    /** The SCIM source system and the user's externalId there (issue 13). */
    kildesystem: eksternSkjema.optional(),
    eksternId: eksternSkjema.optional(),
    aktiv: z.boolean().default(true),
  })
  .strict();

export interface Bruker {
  id: string;
  visningsnavn: string;
  foedselsnummer: string | null;
  kildesystem: string | null;
  eksternId: string | null;
  aktiv: boolean;
  demo: boolean;
}

interface BrukerRad {
  id: string;
  visningsnavn: string;
  foedselsnummer: string | null;
  kildesystem: string | null;
  ekstern_id: string | null;
  aktiv: boolean;
  demo: boolean;
}

const tilBruker = (r: BrukerRad): Bruker => ({
  id: r.id,
  visningsnavn: r.visningsnavn,
  foedselsnummer: r.foedselsnummer,
  kildesystem: r.kildesystem,
  eksternId: r.ekstern_id,
  aktiv: r.aktiv,
  demo: r.demo,
});

/** Users, the roles given to them directly, and the actor they act as. */
export class Brukerlager {
  constructor(
    private readonly sql: Sql,
    /** Keeps users and their effective roles between writes (a signed-in user's every request). */
    private readonly buffer?: Tilgangsbuffer,
  ) {}

  private bufret<T>(noekkel: string, les: () => Promise<T>): Promise<T> {
    return this.buffer ? this.buffer.hent(noekkel, les) : les();
  }

  async opprett(raa: unknown, valg: { demo?: boolean } = {}): Promise<Bruker> {
    const b = valider(nyBrukerSkjema, raa, ['bruker']);
    const id = b.id ?? randomUUID();
    const [r] = await medKontroll(
      () =>
        this.sql.query<BrukerRad>(
          `INSERT INTO brukere (id, visningsnavn, foedselsnummer, kildesystem, ekstern_id, aktiv, demo)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [
            id,
            b.visningsnavn,
            b.foedselsnummer ?? null,
            b.kildesystem ?? null,
            b.eksternId ?? null,
            b.aktiv,
            valg.demo ?? false,
          ],
        ),
      {
        unik: 'bruker',
        melding: { unik: 'en bruker med samme id, fødselsnummer eller eksterne id finnes allerede' },
      },
    );
    return tilBruker(r as BrukerRad);
  }

  async hent(id: string): Promise<Bruker | null> {
    const [r] = await this.bufret(`bruker:${id}`, () =>
      this.sql.query<BrukerRad>('SELECT * FROM brukere WHERE id = $1', [id]),
    );
    return r ? tilBruker(r) : null;
  }

  /**
   * The one user with this fødselsnummer (in `kildesystem` when given), or null when there is none or
   * more than one: the number is unique per source system only (migration 0005), and an ambiguous
   * match never picks one.
   */
  async finnMedFoedselsnummer(foedselsnummer: string, kildesystem?: string): Promise<Bruker | null> {
    const rader = await this.finnAlleMedFoedselsnummer(foedselsnummer, kildesystem);
    return rader.length === 1 ? (rader[0] as Bruker) : null;
  }

  /** Every user with this fødselsnummer, in `kildesystem` when given. */
  async finnAlleMedFoedselsnummer(foedselsnummer: string, kildesystem?: string): Promise<Bruker[]> {
    const rader = await this.sql.query<BrukerRad>(
      kildesystem === undefined
        ? 'SELECT * FROM brukere WHERE foedselsnummer = $1 ORDER BY id LIMIT 2'
        : 'SELECT * FROM brukere WHERE foedselsnummer = $1 AND kildesystem = $2 ORDER BY id LIMIT 2',
      kildesystem === undefined ? [foedselsnummer] : [foedselsnummer, kildesystem],
    );
    return rader.map(tilBruker);
  }

  async finnMedEksternId(kildesystem: string | null, eksternId: string): Promise<Bruker | null> {
    const [r] = await this.sql.query<BrukerRad>(
      "SELECT * FROM brukere WHERE coalesce(kildesystem, '') = coalesce($1, '') AND ekstern_id = $2",
      [kildesystem, eksternId],
    );
    return r ? tilBruker(r) : null;
  }

  async alle(): Promise<Bruker[]> {
    return (await this.sql.query<BrukerRad>('SELECT * FROM brukere ORDER BY id')).map(tilBruker);
  }

  async settAktiv(id: string, aktiv: boolean): Promise<boolean> {
    return (
      (await this.sql.query('UPDATE brukere SET aktiv = $2 WHERE id = $1 RETURNING id', [id, aktiv])).length >
      0
    );
  }

  async slett(id: string): Promise<boolean> {
    return (await this.sql.query('DELETE FROM brukere WHERE id = $1 RETURNING id', [id])).length > 0;
  }

  async tildelRolle(brukerId: string, rolleId: string): Promise<void> {
    await medKontroll(
      () =>
        this.sql.query(
          'INSERT INTO bruker_roller (bruker_id, rolle_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [brukerId, rolleId],
        ),
      {
        fremmed: 'bruker_roller',
        melding: { fremmed: `brukeren «${brukerId}» eller rollen «${rolleId}» finnes ikke` },
      },
    );
  }

  async fjernRolle(brukerId: string, rolleId: string): Promise<boolean> {
    return (
      (
        await this.sql.query(
          'DELETE FROM bruker_roller WHERE bruker_id = $1 AND rolle_id = $2 RETURNING rolle_id',
          [brukerId, rolleId],
        )
      ).length > 0
    );
  }

  /** Every role the user holds: given directly, or conferred by a group the user is a member of. */
  async effektiveRoller(brukerId: string): Promise<string[]> {
    const rader = await this.bufret(`roller:${brukerId}`, () =>
      this.sql.query<{ rolle_id: string }>(
        `SELECT rolle_id FROM bruker_roller WHERE bruker_id = $1
       UNION
       SELECT gr.rolle_id FROM gruppemedlemmer gm JOIN gruppe_roller gr ON gr.gruppe_id = gm.gruppe_id
       WHERE gm.bruker_id = $1
       ORDER BY rolle_id`,
        [brukerId],
      ),
    );
    return rader.map((r) => r.rolle_id);
  }

  /** The user as an actor for `vurderTilgang`, or null for an unknown user. */
  async aktoer(brukerId: string): Promise<Aktoer | null> {
    const b = await this.hent(brukerId);
    if (!b) return null;
    return {
      type: 'BRUKER',
      id: b.id,
      visningsnavn: b.visningsnavn,
      aktiv: b.aktiv,
      roller: await this.effektiveRoller(b.id),
    };
  }
}

export const nyGruppeSkjema = z
  .object({
    id: idSkjema.optional(),
    navn: navnSkjema,
    kildesystem: eksternSkjema.optional(),
    eksternId: eksternSkjema.optional(),
  })
  .strict();

export interface Gruppe {
  id: string;
  navn: string;
  kildesystem: string | null;
  eksternId: string | null;
  demo: boolean;
}

interface GruppeRad {
  id: string;
  navn: string;
  kildesystem: string | null;
  ekstern_id: string | null;
  demo: boolean;
}

const tilGruppe = (r: GruppeRad): Gruppe => ({
  id: r.id,
  navn: r.navn,
  kildesystem: r.kildesystem,
  eksternId: r.ekstern_id,
  demo: r.demo,
});

/** Groups, their members, and the roles a group confers on its members. */
export class Gruppelager {
  constructor(private readonly sql: Sql) {}

  async opprett(raa: unknown, valg: { demo?: boolean } = {}): Promise<Gruppe> {
    const g = valider(nyGruppeSkjema, raa, ['gruppe']);
    const [r] = await medKontroll(
      () =>
        this.sql.query<GruppeRad>(
          'INSERT INTO grupper (id, navn, kildesystem, ekstern_id, demo) VALUES ($1, $2, $3, $4, $5) RETURNING *',
          [g.id ?? randomUUID(), g.navn, g.kildesystem ?? null, g.eksternId ?? null, valg.demo ?? false],
        ),
      { unik: 'gruppe', melding: { unik: 'en gruppe med samme id eller eksterne id finnes allerede' } },
    );
    return tilGruppe(r as GruppeRad);
  }

  async hent(id: string): Promise<Gruppe | null> {
    const [r] = await this.sql.query<GruppeRad>('SELECT * FROM grupper WHERE id = $1', [id]);
    return r ? tilGruppe(r) : null;
  }

  async alle(): Promise<Gruppe[]> {
    return (await this.sql.query<GruppeRad>('SELECT * FROM grupper ORDER BY id')).map(tilGruppe);
  }

  async slett(id: string): Promise<boolean> {
    return (await this.sql.query('DELETE FROM grupper WHERE id = $1 RETURNING id', [id])).length > 0;
  }

  async leggTilMedlem(gruppeId: string, brukerId: string): Promise<void> {
    await medKontroll(
      () =>
        this.sql.query(
          'INSERT INTO gruppemedlemmer (gruppe_id, bruker_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [gruppeId, brukerId],
        ),
      {
        fremmed: 'gruppemedlem',
        melding: { fremmed: `gruppen «${gruppeId}» eller brukeren «${brukerId}» finnes ikke` },
      },
    );
  }

  async fjernMedlem(gruppeId: string, brukerId: string): Promise<boolean> {
    return (
      (
        await this.sql.query(
          'DELETE FROM gruppemedlemmer WHERE gruppe_id = $1 AND bruker_id = $2 RETURNING bruker_id',
          [gruppeId, brukerId],
        )
      ).length > 0
    );
  }

  async medlemmer(gruppeId: string): Promise<string[]> {
    return (
      await this.sql.query<{ bruker_id: string }>(
        'SELECT bruker_id FROM gruppemedlemmer WHERE gruppe_id = $1 ORDER BY bruker_id',
        [gruppeId],
      )
    ).map((r) => r.bruker_id);
  }

  /** The group confers the role on every member. */
  async tildelRolle(gruppeId: string, rolleId: string): Promise<void> {
    await medKontroll(
      () =>
        this.sql.query(
          'INSERT INTO gruppe_roller (gruppe_id, rolle_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [gruppeId, rolleId],
        ),
      {
        fremmed: 'gruppe_roller',
        melding: { fremmed: `gruppen «${gruppeId}» eller rollen «${rolleId}» finnes ikke` },
      },
    );
  }

  async fjernRolle(gruppeId: string, rolleId: string): Promise<boolean> {
    return (
      (
        await this.sql.query(
          'DELETE FROM gruppe_roller WHERE gruppe_id = $1 AND rolle_id = $2 RETURNING rolle_id',
          [gruppeId, rolleId],
        )
      ).length > 0
    );
  }

  async roller(gruppeId: string): Promise<string[]> {
    return (
      await this.sql.query<{ rolle_id: string }>(
        'SELECT rolle_id FROM gruppe_roller WHERE gruppe_id = $1 ORDER BY rolle_id',
        [gruppeId],
      )
    ).map((r) => r.rolle_id);
  }
}
