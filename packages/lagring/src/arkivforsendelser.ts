import type { Sql } from './database.js';

/** Where a sending to the archive stands (migration 0007). */
export type Arkivforsendelsesstatus = 'SENDES' | 'SENDT' | 'MOTTATT' | 'JOURNALFOERT' | 'FEILET';

/** Why a sending failed: the archive's error answer, or Fiks IO not taking the message (SENDING). */
export interface Arkivforsendelsesfeil {
  type: 'UGYLDIG_FORESPOERSEL' | 'SERVERFEIL' | 'IKKE_FUNNET' | 'SENDING';
  melding: string;
  feilId?: string;
}

export interface NyArkivforsendelse {
  /** A UUID: also the journalpost's external key in the message. */
  id: string;
  aktoer: { type: string; id: string };
  rolleId: string;
  beregningstype: string;
  inntektsaar: number;
  saksreferanse?: string | null;
  journalposttype: 'U' | 'N' | 'X';
  saksmappe: Record<string, unknown>;
  mottakerKonto: string;
  /** The encrypted package, kept for resending. */
  pakke: Uint8Array;
}

export interface Arkivforsendelse {
  id: string;
  opprettet: string;
  endret: string;
  aktoer: { type: string; id: string };
  rolleId: string;
  beregningstype: string;
  inntektsaar: number;
  saksreferanse: string | null;
  journalposttype: 'U' | 'N' | 'X';
  saksmappe: Record<string, unknown>;
  mottakerKonto: string;
  status: Arkivforsendelsesstatus;
  antallSendinger: number;
  sistSendt: string | null;
  /** The archive's receipt (its ids), once journaled. */
  kvittering: Record<string, unknown> | null;
  feil: Arkivforsendelsesfeil | null;
  /** Whether the package is still kept (it is removed once journaled). */
  harPakke: boolean;
}

interface Rad {
  id: string;
  opprettet: Date | string;
  endret: Date | string;
  aktoer_type: string;
  aktoer_id: string;
  rolle_id: string;
  beregningstype: string;
  inntektsaar: number;
  saksreferanse: string | null;
  journalposttype: 'U' | 'N' | 'X';
  saksmappe: Record<string, unknown> | string;
  mottaker_konto: string;
  status: Arkivforsendelsesstatus;
  antall_sendinger: number;
  sist_sendt: Date | string | null;
  kvittering: Record<string, unknown> | string | null;
  feil: Arkivforsendelsesfeil | string | null;
  har_pakke: boolean;
}

const iso = (d: Date | string) => new Date(d).toISOString();
/** node-postgres parses jsonb; PGlite does too, but a text fallback costs nothing. */
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

const KOLONNER = `id, opprettet, endret, aktoer_type, aktoer_id, rolle_id, beregningstype, inntektsaar,
  saksreferanse, journalposttype, saksmappe, mottaker_konto, status, antall_sendinger, sist_sendt,
  kvittering, feil, pakke IS NOT NULL AS har_pakke`;

function fraRad(r: Rad): Arkivforsendelse {
  return {
    id: r.id,
    opprettet: iso(r.opprettet),
    endret: iso(r.endret),
    aktoer: { type: r.aktoer_type, id: r.aktoer_id },
    rolleId: r.rolle_id,
    beregningstype: r.beregningstype,
    inntektsaar: Number(r.inntektsaar),
    saksreferanse: r.saksreferanse,
    journalposttype: r.journalposttype,
    saksmappe: json(r.saksmappe),
    mottakerKonto: r.mottaker_konto,
    status: r.status,
    antallSendinger: Number(r.antall_sendinger),
    sistSendt: r.sist_sendt === null ? null : iso(r.sist_sendt),
    kvittering: r.kvittering === null ? null : json(r.kvittering),
    feil: r.feil === null ? null : json(r.feil),
    harPakke: r.har_pakke,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The sendings to the archive and the Fiks IO messages of each. Status changes are single conditional
 * UPDATEs, so two instances handling answers at once cannot undo each other: a receipt always wins (the
 * archive has journaled), and neither «mottatt» nor an error answer moves a journaled sending back, nor
 * does an answer to an older message of a sending that has been sent again since.
 */
export class Arkivforsendelselager {
  constructor(private readonly sql: Sql) {}

  async opprett(f: NyArkivforsendelse, naa: Date): Promise<Arkivforsendelse> {
    const [r] = await this.sql.query<Rad>(
      `INSERT INTO arkivforsendelser (id, opprettet, endret, aktoer_type, aktoer_id, rolle_id, beregningstype,
         inntektsaar, saksreferanse, journalposttype, saksmappe, mottaker_konto, status, pakke)
       VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, 'SENDES', $12)
       RETURNING ${KOLONNER}`,
      [
        f.id,
        naa.toISOString(),
        f.aktoer.type,
        f.aktoer.id,
        f.rolleId,
        f.beregningstype,
        f.inntektsaar,
        f.saksreferanse ?? null,
        f.journalposttype,
        JSON.stringify(f.saksmappe),
        f.mottakerKonto,
        Buffer.from(f.pakke),
      ],
    );
    return fraRad(r as Rad);
  }

  async hent(id: string): Promise<Arkivforsendelse | null> {
    if (!UUID.test(id)) return null;
    const [r] = await this.sql.query<Rad>(`SELECT ${KOLONNER} FROM arkivforsendelser WHERE id = $1`, [id]);
    return r ? fraRad(r) : null;
  }

  /** The kept package (null once journaled). */
  async pakke(id: string): Promise<Uint8Array | null> {
    if (!UUID.test(id)) return null;
    const [r] = await this.sql.query<{ pakke: Uint8Array | null }>(
      'SELECT pakke FROM arkivforsendelser WHERE id = $1',
      [id],
    );
    return r?.pakke ? new Uint8Array(r.pakke) : null;
  }

  /**
   * Whose data the sending carries: the persons of the audit entry of its first sending (korrelasjonsid =
   * the sending's id). Read from the audit log rather than kept here, so the identifiers are stored once.
   */
  async identifikatorer(id: string): Promise<string[]> {
    if (!UUID.test(id)) return [];
    const [r] = await this.sql.query<{ identifikatorer: string[] }>(
      'SELECT identifikatorer FROM revisjonslogg WHERE korrelasjonsid = $1 ORDER BY id LIMIT 1',
      [id],
    );
    return r?.identifikatorer ?? [];
  }

  /** Fiks IO took a message of the sending: SENDT (unless the archive has journaled meanwhile). */
  async registrerSendt(id: string, meldingId: string, naa: Date): Promise<Arkivforsendelse | null> {
    const t = naa.toISOString();
    await this.sql.query(
      'INSERT INTO arkivmeldinger (melding_id, forsendelse_id, sendt) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [meldingId, id, t],
    );
    const [r] = await this.sql.query<Rad>(
      `UPDATE arkivforsendelser
          SET status = CASE WHEN status = 'JOURNALFOERT' THEN status ELSE 'SENDT' END,
              feil = CASE WHEN status = 'JOURNALFOERT' THEN feil ELSE NULL END,
              antall_sendinger = antall_sendinger + 1, sist_sendt = $2, endret = $2
        WHERE id = $1 RETURNING ${KOLONNER}`,
      [id, t],
    );
    return r ? fraRad(r) : null;
  }

  /** Fiks IO did not take the message: FEILET (SENDING), unless journaled already. */
  async registrerSendefeil(id: string, melding: string, naa: Date): Promise<Arkivforsendelse | null> {
    const [r] = await this.sql.query<Rad>(
      `UPDATE arkivforsendelser SET status = 'FEILET', feil = $2::jsonb, endret = $3
        WHERE id = $1 AND status <> 'JOURNALFOERT' RETURNING ${KOLONNER}`,
      [id, JSON.stringify({ type: 'SENDING', melding } satisfies Arkivforsendelsesfeil), naa.toISOString()],
    );
    return r ? fraRad(r) : this.hent(id);
  }

  /** The sending a Fiks IO message belongs to. */
  async forsendelseForMelding(meldingId: string): Promise<string | null> {
    if (!UUID.test(meldingId)) return null;
    const [r] = await this.sql.query<{ forsendelse_id: string }>(
      'SELECT forsendelse_id FROM arkivmeldinger WHERE melding_id = $1',
      [meldingId],
    );
    return r?.forsendelse_id ?? null;
  }

  /**
   * Records an answer from the archive to message `svarPaa` of sending `id` (null: the message is not
   * known, e.g. the receipt was matched by the external key). JOURNALFOERT with the receipt's ids, and the
   * package removed; MOTTATT or FEILET only for an answer to the sending's latest message, and never
   * after JOURNALFOERT. Returns the sending as it stands, or null when there is none.
   */
  async registrerSvar(
    id: string,
    svar:
      | { type: 'MOTTATT'; svarPaa: string | null }
      | { type: 'KVITTERING'; svarPaa: string | null; kvittering: Record<string, unknown> }
      | { type: 'FEIL'; svarPaa: string | null; feil: Arkivforsendelsesfeil },
    naa: Date,
  ): Promise<Arkivforsendelse | null> {
    if (!UUID.test(id)) return null;
    const t = naa.toISOString();
    const sisteMelding = `($2::uuid IS NULL OR $2::uuid = (SELECT melding_id FROM arkivmeldinger
        WHERE forsendelse_id = arkivforsendelser.id ORDER BY sendt DESC, melding_id DESC LIMIT 1))`;
    let rader: Rad[];
    if (svar.type === 'KVITTERING') {
      rader = await this.sql.query<Rad>(
        // A receipt wins whichever message it answers: the archive has journaled.
        `UPDATE arkivforsendelser SET status = 'JOURNALFOERT', kvittering = $2::jsonb, feil = NULL, pakke = NULL, endret = $3
          WHERE id = $1 RETURNING ${KOLONNER}`,
        [id, JSON.stringify(svar.kvittering), t],
      );
    } else if (svar.type === 'MOTTATT') {
      rader = await this.sql.query<Rad>(
        `UPDATE arkivforsendelser SET status = 'MOTTATT', endret = $3
          WHERE id = $1 AND status = 'SENDT' AND ${sisteMelding} RETURNING ${KOLONNER}`,
        [id, svar.svarPaa, t],
      );
    } else {
      rader = await this.sql.query<Rad>(
        `UPDATE arkivforsendelser SET status = 'FEILET', feil = $3::jsonb, endret = $4
          WHERE id = $1 AND status <> 'JOURNALFOERT' AND ${sisteMelding} RETURNING ${KOLONNER}`,
        [id, svar.svarPaa, JSON.stringify(svar.feil), t],
      );
    }
    const [r] = rader;
    return r ? fraRad(r) : this.hent(id);
  }
}
