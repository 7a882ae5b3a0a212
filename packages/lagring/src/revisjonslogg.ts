import { randomUUID } from 'node:crypto';
import { valider } from '@inntektsgrunnlag/beregning';
import { z } from 'zod';
import { type Database, LaasTidsavbrudd, type Sql } from './database.js';
import {
  Kjedekontroll,
  type Kjederesultat,
  nestePost,
  type Revisjonsinnhold,
  type Revisjonspost,
  START_HASH,
  UTFALL,
} from './kjede.js';

/** PostgreSQL text cannot hold NUL, and no other control character belongs in these fields. */
const utenKontrolltegn = (s: string) => ![...s].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127);
const tekst = (maks: number) =>
  z.string().max(maks, `høyst ${maks} tegn`).refine(utenKontrolltegn, 'kan ikke inneholde kontrolltegn');
const valgfriTekst = (maks: number) => tekst(maks).min(1, 'kan ikke være tom').nullish();

/** The time as given by the caller: a Date or an ISO 8601 timestamp with time zone. */
const tidspunktSkjema = z
  .union([z.date(), z.iso.datetime({ offset: true, error: 'må være et ISO 8601-tidspunkt med tidssone' })])
  .transform((t, ctx) => {
    const d = t instanceof Date ? t : new Date(t);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'er ikke et gyldig tidspunkt' });
      return z.NEVER;
    }
    return d.toISOString();
  });

/**
 * One lookup attempt to record. The time is passed in (the caller's clock); the purpose and the
 * case reference are optional and recorded as given. Only the reason code is recorded, never the
 * message, the posts or any amount.
 */
export const nyRevisjonspostSkjema = z
  .object({
    tidspunkt: tidspunktSkjema,
    // Not strict: an Aktoer from tilgang can be passed as it is; its roles are not recorded (rolleId is).
    aktoer: z.object({
      type: z.enum(['BRUKER', 'KLIENT', 'UKJENT']),
      id: tekst(200).min(1),
      visningsnavn: tekst(200).min(1),
    }),
    rolleId: valgfriTekst(63),
    tjenesteomraade: valgfriTekst(63),
    beregningstype: valgfriTekst(63),
    formaal: valgfriTekst(300),
    saksreferanse: valgfriTekst(100),
    identifikatorer: z
      .array(z.string().regex(/^\d{11}$/, 'må være 11 sifre'))
      .max(20, 'høyst 20 personer')
      .refine((l) => new Set(l).size === l.length, 'samme person står to ganger'),
    inntektsaar: z.number().int().min(1900).max(2200).nullish(),
    utfall: z.enum(UTFALL),
    aarsakskode: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{1,62}$/, 'må være en kode med store bokstaver, sifre og _')
      .nullish(),
    korrelasjonsid: valgfriTekst(100),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.utfall !== 'TILLATT' && !p.aarsakskode) {
      ctx.addIssue({
        code: 'custom',
        path: ['aarsakskode'],
        message: `må oppgis når utfallet er ${p.utfall}`,
      });
    }
  });

export type NyRevisjonspost = z.input<typeof nyRevisjonspostSkjema>;

/** The stored content of a checked entry (exported for the fast path's equivalence test). */
export function tilInnhold(p: z.output<typeof nyRevisjonspostSkjema>): Revisjonsinnhold {
  return {
    tidspunkt: p.tidspunkt,
    aktoerType: p.aktoer.type,
    aktoerId: p.aktoer.id,
    aktoerNavn: p.aktoer.visningsnavn,
    rolleId: p.rolleId ?? null,
    tjenesteomraade: p.tjenesteomraade ?? null,
    beregningstype: p.beregningstype ?? null,
    formaal: p.formaal ?? null,
    saksreferanse: p.saksreferanse ?? null,
    identifikatorer: [...p.identifikatorer],
    inntektsaar: p.inntektsaar ?? null,
    utfall: p.utfall,
    aarsakskode: p.aarsakskode ?? null,
    korrelasjonsid: p.korrelasjonsid ?? null,
  };
}

/** `utenKontrolltegn` by UTF-16 unit, without the array (a surrogate is never below 32 or 127). */
function harKontrolltegn(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
}
/** Exactly what `Date.prototype.toISOString` gives for years 0000–9999. */
const ISO_FRA_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const IDENTIFIKATOR = /^\d{11}$/;
const AARSAKSKODE = /^[A-Z][A-Z0-9_]{1,62}$/;
const AKTOERTYPER: ReadonlySet<unknown> = new Set(['BRUKER', 'KLIENT', 'UKJENT']);
const UTFALLENE: ReadonlySet<unknown> = new Set(UTFALL);
const FELT: ReadonlySet<string> = new Set([
  'tidspunkt',
  'aktoer',
  'rolleId',
  'tjenesteomraade',
  'beregningstype',
  'formaal',
  'saksreferanse',
  'identifikatorer',
  'inntektsaar',
  'utfall',
  'aarsakskode',
  'korrelasjonsid',
]);

/**
 * zod measures a string's length in code points; a code point is one or two UTF-16 units, so only a
 * string longer than `maks` in units needs counting (and `min` here is at most 1: any unit is a code point).
 */
const erTekst = (v: unknown, min: number, maks: number): v is string =>
  typeof v === 'string' &&
  v.length >= min &&
  (v.length <= maks || [...v].length <= maks) &&
  !harKontrolltegn(v);
const valgfri = (v: unknown, maks: number): string | null | false =>
  v === undefined || v === null ? null : erTekst(v, 1, maks) ? v : false;

/**
 * The audit entry as `tilInnhold(valider(nyRevisjonspostSkjema, ny))` gives it, without zod, for the
 * entries every lookup writes; undefined for anything it is not sure of, which then goes through the
 * schema (so a refused entry gets the schema's own messages). zod was about a twentieth of a lookup on
 * the embedded source (docs/benchmarks.md (c)). It never accepts what the schema refuses and gives the
 * same content; it leaves to the schema only timestamps written otherwise than `toISOString` writes
 * them (revisjonslogg.test.ts checks both with fast-check).
 */
export function revisjonsinnholdUtenZod(ny: unknown): Revisjonsinnhold | undefined {
  if (typeof ny !== 'object' || ny === null || Array.isArray(ny)) return undefined;
  const p = ny as Record<string, unknown>;
  for (const k of Object.keys(p)) if (!FELT.has(k)) return undefined;
  let tidspunkt: string;
  if (p.tidspunkt instanceof Date) {
    if (Number.isNaN(p.tidspunkt.getTime())) return undefined;
    tidspunkt = p.tidspunkt.toISOString();
  } else if (typeof p.tidspunkt === 'string' && ISO_FRA_DATE.test(p.tidspunkt)) {
    // The round trip rules out dates that do not exist (2023-02-29), which the schema refuses too.
    const d = new Date(p.tidspunkt);
    if (Number.isNaN(d.getTime()) || d.toISOString() !== p.tidspunkt) return undefined;
    tidspunkt = p.tidspunkt;
  } else return undefined;
  const a = p.aktoer;
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return undefined;
  const { type, id, visningsnavn } = a as Record<string, unknown>;
  if (!AKTOERTYPER.has(type) || !erTekst(id, 1, 200) || !erTekst(visningsnavn, 1, 200)) return undefined;
  const rolleId = valgfri(p.rolleId, 63);
  const tjenesteomraade = valgfri(p.tjenesteomraade, 63);
  const beregningstype = valgfri(p.beregningstype, 63);
  const formaal = valgfri(p.formaal, 300);
  const saksreferanse = valgfri(p.saksreferanse, 100);
  const korrelasjonsid = valgfri(p.korrelasjonsid, 100);
  if (
    rolleId === false ||
    tjenesteomraade === false ||
    beregningstype === false ||
    formaal === false ||
    saksreferanse === false ||
    korrelasjonsid === false
  ) {
    return undefined;
  }
  const ider = p.identifikatorer;
  if (!Array.isArray(ider) || ider.length > 20) return undefined;
  for (const i of ider) if (typeof i !== 'string' || !IDENTIFIKATOR.test(i)) return undefined;
  if (new Set(ider).size !== ider.length) return undefined;
  const aar = p.inntektsaar;
  if (
    aar !== undefined &&
    aar !== null &&
    !(Number.isInteger(aar) && (aar as number) >= 1900 && (aar as number) <= 2200)
  ) {
    return undefined;
  }
  if (!UTFALLENE.has(p.utfall)) return undefined;
  const kode = p.aarsakskode;
  if (kode !== undefined && kode !== null && !(typeof kode === 'string' && AARSAKSKODE.test(kode))) {
    return undefined;
  }
  if (p.utfall !== 'TILLATT' && !kode) return undefined;
  return {
    tidspunkt,
    aktoerType: type as Revisjonsinnhold['aktoerType'],
    aktoerId: id,
    aktoerNavn: visningsnavn,
    rolleId,
    tjenesteomraade,
    beregningstype,
    formaal,
    saksreferanse,
    identifikatorer: [...(ider as string[])],
    inntektsaar: (aar as number | null | undefined) ?? null,
    utfall: p.utfall as Revisjonsinnhold['utfall'],
    aarsakskode: (kode as string | null | undefined) ?? null,
    korrelasjonsid,
  };
}

interface Rad {
  id: number | string;
  tidspunkt: Date | string;
  aktoer_type: Revisjonspost['aktoerType'];
  aktoer_id: string;
  aktoer_navn: string;
  rolle_id: string | null;
  tjenesteomraade: string | null;
  beregningstype: string | null;
  formaal: string | null;
  saksreferanse: string | null;
  identifikatorer: string[];
  inntektsaar: number | null;
  utfall: Revisjonspost['utfall'];
  aarsakskode: string | null;
  korrelasjonsid: string | null;
  forrige_hash: string;
  hash: string;
}

/** A row as stored, back to an entry (bigint arrives as a string from node-postgres). */
function fraRad(r: Rad): Revisjonspost {
  return {
    id: Number(r.id),
    tidspunkt: (r.tidspunkt instanceof Date ? r.tidspunkt : new Date(r.tidspunkt)).toISOString(),
    aktoerType: r.aktoer_type,
    aktoerId: r.aktoer_id,
    aktoerNavn: r.aktoer_navn,
    rolleId: r.rolle_id,
    tjenesteomraade: r.tjenesteomraade,
    beregningstype: r.beregningstype,
    formaal: r.formaal,
    saksreferanse: r.saksreferanse,
    identifikatorer: r.identifikatorer,
    inntektsaar: r.inntektsaar === null ? null : Number(r.inntektsaar),
    utfall: r.utfall,
    aarsakskode: r.aarsakskode,
    korrelasjonsid: r.korrelasjonsid,
    forrigeHash: r.forrige_hash,
    hash: r.hash,
  };
}

/** A recorded pruning (see `beskjaer`). */
export interface Anker {
  tilOgMedId: number;
  tilOgMedHash: string;
  antall: number;
  grense: string;
  utfoert: string;
}

export interface Beskjaeringsresultat {
  slettet: number;
  /** The anchor recorded for this pruning, or null when nothing was old enough. */
  anker: Anker | null;
  grense: string;
}

export interface Listevalg {
  /** The last N entries (default 50, at most 10 000). */
  siste?: number;
  /** Only entries where this person was looked up (a citizen's right of access). */
  identifikator?: string;
}

/** A fixed key for the append lock; the second key is the schema, so schemas do not block each other. */
const SKRIVELAAS = 7_245_002;
const BATCH = 1000;

async function sisteAnker(sql: Sql): Promise<Anker | null> {
  const [a] = await sql.query<{
    til_og_med_id: number | string;
    til_og_med_hash: string;
    antall: number | string;
    grense: Date;
    utfoert: Date;
  }>('SELECT * FROM revisjonslogg_anker ORDER BY til_og_med_id DESC LIMIT 1');
  return a
    ? {
        tilOgMedId: Number(a.til_og_med_id),
        tilOgMedHash: a.til_og_med_hash,
        antall: Number(a.antall),
        grense: new Date(a.grense).toISOString(),
        utfoert: new Date(a.utfoert).toISOString(),
      }
    : null;
}

/** The head: the last entry, else the last anchor, else the start of the chain. */
async function hode(sql: Sql): Promise<{ id: number; hash: string }> {
  const [siste] = await sql.query<{ id: number | string; hash: string }>(
    'SELECT id, hash FROM revisjonslogg ORDER BY id DESC LIMIT 1',
  );
  if (siste) return { id: Number(siste.id), hash: siste.hash };
  const anker = await sisteAnker(sql);
  return anker ? { id: anker.tilOgMedId, hash: anker.tilOgMedHash } : { id: 0, hash: START_HASH };
}

/** The columns of an entry, in the order of {@link kolonneverdier}. */
const KOLONNER =
  'id, tidspunkt, aktoer_type, aktoer_id, aktoer_navn, rolle_id, tjenesteomraade, beregningstype, formaal, ' +
  'saksreferanse, identifikatorer, inntektsaar, utfall, aarsakskode, korrelasjonsid, forrige_hash, hash, noekkel';
export const ANTALL_KOLONNER = 18;

function kolonneverdier(p: Revisjonspost, noekkel: string): unknown[] {
  return [
    p.id,
    p.tidspunkt,
    p.aktoerType,
    p.aktoerId,
    p.aktoerNavn,
    p.rolleId,
    p.tjenesteomraade,
    p.beregningstype,
    p.formaal,
    p.saksreferanse,
    p.identifikatorer,
    p.inntektsaar,
    p.utfall,
    p.aarsakskode,
    p.korrelasjonsid,
    p.forrigeHash,
    p.hash,
    noekkel,
  ];
}

/** `INSERT … VALUES ($1, …, $17), ($18, …)` for `n` entries (made once per group size). */
const innsettinger = new Map<number, string>();
function innsetting(n: number): string {
  let tekst = innsettinger.get(n);
  if (!tekst) {
    const rader = Array.from(
      { length: n },
      (_, r) =>
        `(${Array.from({ length: ANTALL_KOLONNER }, (_, k) => `$${r * ANTALL_KOLONNER + k + 1}`).join(', ')})`,
    );
    tekst = `INSERT INTO revisjonslogg (${KOLONNER}) VALUES ${rader.join(', ')}`;
    if (innsettinger.size < 64) innsettinger.set(n, tekst);
  }
  return tekst;
}

/**
 * The most entries in one group commit: bounds the statement (18 parameters per entry; PostgreSQL
 * allows 65 535) and how long one transaction holds the append lock.
 */
export const MAKS_GRUPPE = 256;

/**
 * How long an entry may wait for others when its caller says more lookups are about to come
 * (`flereKommer`): long enough to gather a few behind it, short next to the queueing such a load
 * gives anyway. The entry is written sooner when a caller says none are coming, or when
 * {@link SAMLEMAAL} entries wait.
 */
export const SAMLEVINDU_MS = 5;
const SAMLEMAAL = 32;

/**
 * How long an append waits for the chain's lock (PostgreSQL's `lock_timeout`) before it gives up: a
 * holder that is stuck (a hung transaction, a paused process) must not stall every instance. Far above
 * any group commit's hold of the lock (milliseconds), well below a client's patience.
 */
export const LAASFRIST_MS = 5000;

/** One entry to append with its idempotency key (see migration 0005). */
interface Tillegg {
  innhold: Revisjonsinnhold;
  noekkel: string;
}

interface Ventende extends Tillegg {
  ok: (p: Revisjonspost) => void;
  nei: (e: unknown) => void;
}

export interface Skrivevalg {
  /**
   * The caller knows more lookups are waiting to run in this process (the API's queue): the entry
   * may wait up to {@link SAMLEVINDU_MS} for theirs, so they are appended in one transaction. On the
   * embedded database a lookup's work never waits for I/O, so without this hint no two entries would
   * ever be under way at once.
   */
  flereKommer?: boolean;
}

/**
 * The audit log: append-only (a trigger refuses UPDATE and DELETE), hash-chained, appends
 * serialised by a transaction-scoped advisory lock (on PostgreSQL across processes; PGlite has one
 * connection and serialises its transactions).
 *
 * Group commit: an entry that arrives while no append is under way is written at once, in a
 * transaction of its own. Entries that arrive while one is under way wait, and are then appended
 * together in the next transaction, in the order they arrived (up to {@link MAKS_GRUPPE}). Each
 * caller is answered only after the transaction holding its entry has committed, so a caller that
 * must not go on unaudited still cannot: if the commit fails, every caller in the group gets the error.
 */
export class Revisjonslogg {
  private readonly koe: Ventende[] = [];
  private skriver = false;
  private samletimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * The head of the chain after our last append, on the embedded database only: PGlite is owned by
   * this process, and every append goes through this writer, so the head cannot move under it (a
   * pruning keeps the head: the last entry stays, or becomes the anchor with the same id and hash).
   * Forgotten on any failure, and then read again. PostgreSQL reads the head under the lock.
   */
  private hodeBuffer: { id: number; hash: string } | null = null;

  constructor(
    private readonly db: Database,
    private readonly oppbevaringAar: number,
    /** How long an entry with `flereKommer` waits for others ({@link SAMLEVINDU_MS}; tests widen it). */
    private readonly samlevinduMs: number = SAMLEVINDU_MS,
    /** How long an append waits for the chain's lock ({@link LAASFRIST_MS}; tests shorten it). */
    private readonly laasfristMs: number = LAASFRIST_MS,
  ) {}

  /**
   * Appends one entry and returns it with its id and hash, once it is committed. Throws
   * Valideringsfeil for bad input (before anything is queued); any storage error propagates, so a
   * caller that must not run unaudited fails with it.
   */
  skriv(ny: NyRevisjonspost, valg: Skrivevalg = {}): Promise<Revisjonspost> {
    let innhold: Revisjonsinnhold;
    try {
      innhold =
        revisjonsinnholdUtenZod(ny) ?? tilInnhold(valider(nyRevisjonspostSkjema, ny, ['revisjonspost']));
    } catch (e) {
      return Promise.reject(e);
    }
    return new Promise<Revisjonspost>((ok, nei) => {
      this.koe.push({ innhold, noekkel: randomUUID(), ok, nei });
      if (this.skriver) return;
      if (valg.flereKommer === true && this.koe.length < SAMLEMAAL) {
        this.samletimer ??= setTimeout(() => void this.skrivKoe(), this.samlevinduMs);
      } else {
        void this.skrivKoe();
      }
    });
  }

  /** Writes the queue group by group until it is empty; one writer at a time. */
  private async skrivKoe(): Promise<void> {
    if (this.samletimer !== null) {
      clearTimeout(this.samletimer);
      this.samletimer = null;
    }
    if (this.skriver) return;
    this.skriver = true;
    try {
      while (this.koe.length > 0) {
        const gruppe = this.koe.splice(0, MAKS_GRUPPE);
        try {
          const poster = await this.leggTil(gruppe, false);
          for (const [i, g] of gruppe.entries()) g.ok(poster[i] as Revisjonspost);
        } catch (e) {
          if (gruppe.length === 1 || e instanceof LaasTidsavbrudd) {
            // Alone, or the lock is stuck: trying each entry again would only wait as long once more.
            for (const g of gruppe) g.nei(e);
            continue;
          }
          // The group failed: rolled back, or (the connection lost during COMMIT) committed or not,
          // nobody knows. Each entry is tried again alone, so one entry the database refuses does not
          // fail the lookups of the others; under the lock each key is looked up first, so an entry
          // that had committed is answered as written, never appended a second time.
          for (const g of gruppe) {
            try {
              const [p] = await this.leggTil([g], true);
              g.ok(p as Revisjonspost);
            } catch (f) {
              g.nei(f);
            }
          }
        }
      }
    } finally {
      this.skriver = false;
    }
  }

  /**
   * Appends the entries in one transaction, in order, continuing the chain from its head. With
   * `gjentak` (a retry of one entry after a failed group), an entry whose key is already in the log
   * is returned as stored instead.
   */
  private async leggTil(tillegg: readonly Tillegg[], gjentak: boolean): Promise<Revisjonspost[]> {
    const kjede = (forrige: { id: number; hash: string }) =>
      tillegg.map((t) => {
        const p = nestePost(forrige, t.innhold);
        forrige = p;
        return p;
      });
    const verdier = (poster: Revisjonspost[]) =>
      poster.flatMap((p, i) => kolonneverdier(p, (tillegg[i] as Tillegg).noekkel));
    const allerede = async (sql: Sql): Promise<Revisjonspost | null> => {
      if (!gjentak || tillegg.length !== 1) return null;
      const [r] = await sql.query<Rad>('SELECT * FROM revisjonslogg WHERE noekkel = $1', [
        (tillegg[0] as Tillegg).noekkel,
      ]);
      return r ? fraRad(r) : null;
    };
    if (this.db.modus !== 'PGLITE') {
      return this.db.transaksjon(async (tx) => {
        // The bound on waiting for the lock: SET LOCAL ends with this transaction.
        await tx.exec(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(this.laasfristMs))}`);
        await tx.query('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [SKRIVELAAS]);
        const skrevet = await allerede(tx);
        if (skrevet) return [skrevet];
        const poster = kjede(await hode(tx));
        await tx.query(innsetting(poster.length), verdier(poster));
        return poster;
      });
    }
    // PGlite: one connection in this process, so no other writer and no lock to take; one INSERT
    // statement is atomic on its own (all the entries, or none).
    try {
      const skrevet = await allerede(this.db);
      if (skrevet) return [skrevet];
      const poster = kjede(this.hodeBuffer ?? (await hode(this.db)));
      await this.db.query(innsetting(poster.length), verdier(poster));
      const siste = poster[poster.length - 1] as Revisjonspost;
      this.hodeBuffer = { id: siste.id, hash: siste.hash };
      return poster;
    } catch (e) {
      this.hodeBuffer = null;
      throw e;
    }
  }

  /** The last entries, oldest first; with `identifikator`, only lookups of that person. */
  async liste(valg: Listevalg = {}): Promise<Revisjonspost[]> {
    const { siste, identifikator } = valider(
      z
        .object({
          siste: z.number().int().min(1).max(10_000).default(50),
          identifikator: z
            .string()
            .regex(/^\d{11}$/, 'må være 11 sifre')
            .optional(),
        })
        .strict(),
      valg,
      [],
    );
    const rader = identifikator
      ? await this.db.query<Rad>(
          'SELECT * FROM revisjonslogg WHERE $1 = ANY (identifikatorer) ORDER BY id DESC LIMIT $2',
          [identifikator, siste],
        )
      : await this.db.query<Rad>('SELECT * FROM revisjonslogg ORDER BY id DESC LIMIT $1', [siste]);
    return rader.map(fraRad).reverse();
  }

  async hent(id: number): Promise<Revisjonspost | null> {
    const [r] = await this.db.query<Rad>('SELECT * FROM revisjonslogg WHERE id = $1', [id]);
    return r ? fraRad(r) : null;
  }

  /** The head of the chain (last id and hash): record it elsewhere now and then to detect a cut-off tail. */
  kjedehode(): Promise<{ id: number; hash: string }> {
    return hode(this.db);
  }

  /** The last recorded pruning, if any. */
  sisteBeskjaering(): Promise<Anker | null> {
    return sisteAnker(this.db);
  }

  /**
   * Recomputes the whole chain from the start (or from the last pruning's anchor) in batches, and
   * returns OK with the head, or the first broken entry and what is wrong with it.
   */
  async verifiserKjede(): Promise<Kjederesultat> {
    const anker = await sisteAnker(this.db);
    const kontroll = new Kjedekontroll(
      anker ? { id: anker.tilOgMedId, hash: anker.tilOgMedHash } : { id: 0, hash: START_HASH },
    );
    let etter = -1;
    for (;;) {
      const rader = await this.db.query<Rad>(
        'SELECT * FROM revisjonslogg WHERE id > $1 ORDER BY id LIMIT $2',
        [etter, BATCH],
      );
      for (const r of rader) if (!kontroll.kontroller(fraRad(r))) return kontroll.resultat();
      if (rader.length < BATCH) return kontroll.resultat();
      etter = Number((rader[rader.length - 1] as Rad).id);
    }
  }

  /**
   * Deletes entries older than the retention period (`oppbevaringAar` years before `naa`), keeping
   * the chain verifiable: it deletes only the oldest unbroken run of old entries and first records
   * an anchor with the last deleted entry's id and hash, which the trigger requires for any DELETE.
   */
  async beskjaer(p: { naa: Date | string; oppbevaringAar?: number }): Promise<Beskjaeringsresultat> {
    const { naa, oppbevaringAar } = valider(
      z.object({
        naa: tidspunktSkjema,
        oppbevaringAar: z.number().int().min(1).max(100).default(this.oppbevaringAar),
      }),
      p,
      [],
    );
    const n = new Date(naa);
    const grense = new Date(
      Date.UTC(n.getUTCFullYear() - oppbevaringAar, n.getUTCMonth(), n.getUTCDate()),
    ).toISOString();
    // The head survives a pruning, but it costs one read to be sure: the next append reads it again.
    this.hodeBuffer = null;
    return this.db.transaksjon(async (tx) => {
      if (this.db.modus !== 'PGLITE') {
        await tx.exec(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(this.laasfristMs))}`);
      }
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [SKRIVELAAS]);
      // The first entry that must be kept bounds the run; times are the callers' and need not be monotone.
      const [foersteNye] = await tx.query<{ id: number | string | null }>(
        'SELECT min(id) AS id FROM revisjonslogg WHERE tidspunkt >= $1',
        [grense],
      );
      const [siste] = await tx.query<{ id: number | string; hash: string }>(
        foersteNye?.id == null
          ? 'SELECT id, hash FROM revisjonslogg ORDER BY id DESC LIMIT 1'
          : 'SELECT id, hash FROM revisjonslogg WHERE id < $1 ORDER BY id DESC LIMIT 1',
        foersteNye?.id == null ? [] : [foersteNye.id],
      );
      if (!siste) return { slettet: 0, anker: null, grense };
      const [{ antall } = { antall: 0 }] = await tx.query<{ antall: number | string }>(
        'SELECT count(*) AS antall FROM revisjonslogg WHERE id <= $1',
        [siste.id],
      );
      const anker: Anker = {
        tilOgMedId: Number(siste.id),
        tilOgMedHash: siste.hash,
        antall: Number(antall),
        grense,
        utfoert: naa,
      };
      await tx.query(
        'INSERT INTO revisjonslogg_anker (til_og_med_id, til_og_med_hash, antall, grense, utfoert) VALUES ($1, $2, $3, $4, $5)',
        [anker.tilOgMedId, anker.tilOgMedHash, anker.antall, anker.grense, anker.utfoert],
      );
      await tx.query('DELETE FROM revisjonslogg WHERE id <= $1', [anker.tilOgMedId]);
      return { slettet: anker.antall, anker, grense };
    });
  }
}
