import type { Database } from './database.js';

/**
 * The municipality's own rates (migration 0006): entries and their approvals, appended and never
 * changed. This store has no update and no delete, and the database refuses both (triggers). Whether
 * a value fits its table (coverage, form) is the rules' question (packages/regelverk, kommunesats.ts),
 * asked before anything is stored; this store keeps the two-person rule: no one approves their own
 * entry, and an entry is approved once.
 */

export interface Satsaktoer {
  id: string;
  navn: string;
}

export interface NyKommunesatsrad {
  /** A UUID the caller makes (the audit entry names it before the row is written). */
  id: string;
  tabell: string;
  gyldigFra: string;
  dekketTil: string;
  /** The value in the table's JSON form. */
  verdi: unknown;
  kilde: { tittel: string; url?: string; hjemmel?: string; sitat?: string };
  verifisert: string;
  innlagtAv: Satsaktoer;
  rolleId: string;
}

export interface Kommunesatsrad extends Omit<NyKommunesatsrad, 'rolleId'> {
  innlagtRolleId: string;
  /** ISO 8601 timestamp. */
  innlagt: string;
  godkjenning: { av: Satsaktoer; rolleId: string; tidspunkt: string } | null;
}

/** Why an approval was refused: the entry is unknown, already approved, or the approver's own. */
export class KommunesatsAvvist extends Error {
  override readonly name = 'KommunesatsAvvist';
  constructor(
    readonly kode: 'FINNES_IKKE' | 'ALLEREDE_GODKJENT' | 'EGEN_SATS',
    melding: string,
  ) {
    super(melding);
  }
}

interface Rad {
  id: string;
  tabell: string;
  gyldig_fra: string;
  dekket_til: string;
  verdi: unknown;
  kilde: Kommunesatsrad['kilde'] | string;
  verifisert: string;
  innlagt_av_id: string;
  innlagt_av_navn: string;
  rolle_id: string;
  innlagt: Date | string;
  godkjent_av_id: string | null;
  godkjent_av_navn: string | null;
  godkjent_rolle_id: string | null;
  godkjent: Date | string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

// Dates as text in the SQL: a `date` read into a JS Date would depend on the process's time zone.
const UTVALG = `SELECT s.id, s.tabell, to_char(s.gyldig_fra, 'YYYY-MM-DD') AS gyldig_fra,
  to_char(s.dekket_til, 'YYYY-MM-DD') AS dekket_til, s.verdi, s.kilde,
  to_char(s.verifisert, 'YYYY-MM-DD') AS verifisert, s.innlagt_av_id, s.innlagt_av_navn, s.rolle_id,
  s.innlagt, g.godkjent_av_id, g.godkjent_av_navn, g.rolle_id AS godkjent_rolle_id, g.godkjent
  FROM kommunesatser s LEFT JOIN kommunesatsgodkjenninger g ON g.kommunesats_id = s.id`;

function fraRad(r: Rad): Kommunesatsrad {
  return {
    id: r.id,
    tabell: r.tabell,
    gyldigFra: r.gyldig_fra,
    dekketTil: r.dekket_til,
    // jsonb arrives parsed from both drivers.
    verdi: r.verdi,
    kilde: typeof r.kilde === 'string' ? JSON.parse(r.kilde) : r.kilde,
    verifisert: r.verifisert,
    innlagtAv: { id: r.innlagt_av_id, navn: r.innlagt_av_navn },
    innlagtRolleId: r.rolle_id,
    innlagt: iso(r.innlagt),
    godkjenning:
      r.godkjent_av_id && r.godkjent
        ? {
            av: { id: r.godkjent_av_id, navn: r.godkjent_av_navn ?? r.godkjent_av_id },
            rolleId: r.godkjent_rolle_id ?? '',
            tidspunkt: iso(r.godkjent),
          }
        : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class Kommunesatslager {
  constructor(private readonly db: Database) {}

  /** Appends an entry (not yet in force). */
  async leggInn(ny: NyKommunesatsrad, naa: Date): Promise<Kommunesatsrad> {
    await this.db.query(
      `INSERT INTO kommunesatser (id, tabell, gyldig_fra, dekket_til, verdi, kilde, verifisert,
         innlagt_av_id, innlagt_av_navn, rolle_id, innlagt)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11)`,
      [
        ny.id,
        ny.tabell,
        ny.gyldigFra,
        ny.dekketTil,
        JSON.stringify(ny.verdi),
        JSON.stringify(ny.kilde),
        ny.verifisert,
        ny.innlagtAv.id,
        ny.innlagtAv.navn,
        ny.rolleId,
        naa.toISOString(),
      ],
    );
    return (await this.hent(ny.id)) as Kommunesatsrad;
  }

  /**
   * Appends the approval of an entry by another person. Refused (KommunesatsAvvist) when the entry is
   * unknown, already approved, or entered by the approver; the database refuses the last two as well,
   * so two approvals at once cannot both pass.
   */
  async godkjenn(id: string, av: Satsaktoer, rolleId: string, naa: Date): Promise<Kommunesatsrad> {
    return this.db.transaksjon(async (tx) => {
      const [rad] = UUID.test(id)
        ? await tx.query<Rad>(`${UTVALG} WHERE s.id = $1 FOR UPDATE OF s`, [id])
        : [];
      if (!rad) throw new KommunesatsAvvist('FINNES_IKKE', `Ingen sats har id ${id}.`);
      const sats = fraRad(rad);
      if (sats.godkjenning) {
        throw new KommunesatsAvvist(
          'ALLEREDE_GODKJENT',
          `Satsen er allerede godkjent av ${sats.godkjenning.av.navn} (${sats.godkjenning.tidspunkt}).`,
        );
      }
      if (sats.innlagtAv.id === av.id) {
        throw new KommunesatsAvvist(
          'EGEN_SATS',
          'Du la inn denne satsen selv: en annen satsforvalter må godkjenne den (to personer).',
        );
      }
      await tx.query(
        `INSERT INTO kommunesatsgodkjenninger (kommunesats_id, godkjent_av_id, godkjent_av_navn, rolle_id, godkjent)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, av.id, av.navn, rolleId, naa.toISOString()],
      );
      const [etter] = await tx.query<Rad>(`${UTVALG} WHERE s.id = $1`, [id]);
      return fraRad(etter as Rad);
    });
  }

  async hent(id: string): Promise<Kommunesatsrad | null> {
    if (!UUID.test(id)) return null;
    const [rad] = await this.db.query<Rad>(`${UTVALG} WHERE s.id = $1`, [id]);
    return rad ? fraRad(rad) : null;
  }

  /** Every entry, approved or not, by table and date, then in the order entered. */
  async alle(): Promise<Kommunesatsrad[]> {
    return (await this.db.query<Rad>(`${UTVALG} ORDER BY s.tabell, s.gyldig_fra, s.innlagt, s.id`)).map(
      fraRad,
    );
  }

  /** The approved entries: the ones the rules use. */
  async godkjente(): Promise<Kommunesatsrad[]> {
    return (
      await this.db.query<Rad>(
        `${UTVALG} WHERE g.kommunesats_id IS NOT NULL ORDER BY s.gyldig_fra, g.godkjent, s.id`,
      )
    ).map(fraRad);
  }
}
