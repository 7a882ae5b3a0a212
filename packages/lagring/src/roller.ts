import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { type Rolle, TJENESTEOMRAADER, type Tjenesteomraade, validerRolle } from '@inntektsgrunnlag/tilgang';
import type { Sql } from './database.js';
import { medKontroll } from './feil.js';
import type { Tilgangsbuffer } from './tilgangsbuffer.js';

interface Rad {
  id: string;
  navn: string;
  tjenesteomraade: string;
  avregning: boolean;
}

const tilRolle = (r: Rad): Rolle => ({
  id: r.id,
  navn: r.navn,
  tjenesteomraade: r.tjenesteomraade,
  avregning: r.avregning,
});

/** Roles: each bound to one tjenesteområde, validated against the known areas when saved. */
export class Rollelager {
  constructor(
    private readonly sql: Sql,
    private readonly omraader: readonly Tjenesteomraade[] = TJENESTEOMRAADER,
    /** Keeps `alle()` between writes (every lookup reads the roles). */
    private readonly buffer?: Tilgangsbuffer,
  ) {}

  /** Creates or updates a role (by id). Throws Valideringsfeil for a bad role. */
  async lagre(raa: unknown, valg: { demo?: boolean } = {}): Promise<Rolle> {
    const rolle = validerRolle(raa, this.omraader);
    await this.sql.query(
      `INSERT INTO roller (id, navn, tjenesteomraade, avregning, demo) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET navn = EXCLUDED.navn, tjenesteomraade = EXCLUDED.tjenesteomraade,
         avregning = EXCLUDED.avregning`,
      [rolle.id, rolle.navn, rolle.tjenesteomraade, rolle.avregning, valg.demo ?? false],
    );
    return rolle;
  }

  async hent(id: string): Promise<Rolle | null> {
    const [r] = await this.sql.query<Rad>('SELECT * FROM roller WHERE id = $1', [id]);
    return r ? tilRolle(r) : null;
  }

  async alle(): Promise<Rolle[]> {
    const les = async () => (await this.sql.query<Rad>('SELECT * FROM roller ORDER BY id')).map(tilRolle);
    if (!this.buffer) return les();
    // Copies, so a caller that changes what it got cannot change what the next caller gets.
    return (await this.buffer.hent('roller', les)).map((r) => ({ ...r }));
  }

  /** Deletes a role; users and groups lose it. Refused while an integration client is bound to it. */
  async slett(id: string): Promise<boolean> {
    const rader = await medKontroll(
      () => this.sql.query('DELETE FROM roller WHERE id = $1 RETURNING id', [id]),
      {
        fremmed: 'id',
        melding: { fremmed: 'rollen brukes av en integrasjonsklient; slett eller flytt klienten først' },
      },
    );
    return rader.length > 0;
  }

  /** Throws Valideringsfeil naming `felt` when the role does not exist. */
  async krev(id: string, felt = 'rolleId'): Promise<Rolle> {
    const r = await this.hent(id);
    if (!r) throw new Valideringsfeil([{ felt, melding: `rollen «${id}» finnes ikke` }]);
    return r;
  }
}
