import { createHash } from 'node:crypto';

/** What happened to a lookup attempt. */
export const UTFALL = ['TILLATT', 'AVVIST', 'FEILET'] as const;
export type Utfall = (typeof UTFALL)[number];

/** Who made the attempt; UKJENT when authentication failed (an unknown key is never recorded). */
export type Revisjonsaktoertype = 'BRUKER' | 'KLIENT' | 'UKJENT';

/** The content of an audit entry: everything the hash covers except the chain fields. */
export interface Revisjonsinnhold {
  /** ISO 8601 in UTC with milliseconds (`Date.toISOString()`). */
  tidspunkt: string;
  aktoerType: Revisjonsaktoertype;
  aktoerId: string;
  aktoerNavn: string;
  rolleId: string | null;
  tjenesteomraade: string | null;
  beregningstype: string | null;
  formaal: string | null;
  saksreferanse: string | null;
  identifikatorer: string[];
  inntektsaar: number | null;
  utfall: Utfall;
  aarsakskode: string | null;
  korrelasjonsid: string | null;
}

/** A stored audit entry: its position in the chain, the previous entry's hash, and its own. */
export interface Revisjonspost extends Revisjonsinnhold {
  id: number;
  forrigeHash: string;
  hash: string;
}

/** The "previous hash" of the very first entry. */
export const START_HASH = '0'.repeat(64);

const VERSJON = 'inntektsgrunnlag.revisjonslogg.v1';

/**
 * The canonical serialisation the hash is taken over: a JSON array in a fixed field order (so key
 * order, whitespace or the database's formatting cannot change it), led by a version tag so a later
 * format can coexist with this one.
 */
export function kanoniskForm(p: Omit<Revisjonspost, 'hash'>): string {
  return JSON.stringify([
    VERSJON,
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
  ]);
}

/** SHA-256 (hex) of the canonical form. */
export function beregnHash(p: Omit<Revisjonspost, 'hash'>): string {
  return createHash('sha256').update(kanoniskForm(p), 'utf8').digest('hex');
}

/** The entry that follows `forrige` in the chain, with its hash. */
export function nestePost(forrige: { id: number; hash: string }, innhold: Revisjonsinnhold): Revisjonspost {
  const utenHash = { ...innhold, id: forrige.id + 1, forrigeHash: forrige.hash };
  return { ...utenHash, hash: beregnHash(utenHash) };
}

export type Kjedefeil = 'POST_MANGLER' | 'FORRIGE_HASH_STEMMER_IKKE' | 'HASH_STEMMER_IKKE';

export type Kjederesultat =
  | {
      ok: true;
      /** Entries checked. */
      antall: number;
      /** The head of the chain (the last entry, or the anchor when none remain): export it to detect truncation. */
      hode: { id: number; hash: string };
    }
  | {
      ok: false;
      /** The first broken entry. */
      id: number;
      feil: Kjedefeil;
      melding: string;
      /** Entries checked and found in order before it. */
      antall: number;
    };

/**
 * Checks a chain entry by entry, in id order, from a starting point (the start of the log, or the
 * anchor of the last pruning). Each entry must follow the previous one by id, name its hash, and
 * hash to what it stores. Feed it in batches; it stops at the first break.
 */
export class Kjedekontroll {
  private forrige: { id: number; hash: string };
  private antall = 0;
  private brudd: Extract<Kjederesultat, { ok: false }> | null = null;

  constructor(start: { id: number; hash: string } = { id: 0, hash: START_HASH }) {
    this.forrige = start;
  }

  /** Checks the next entry; false once the chain is broken. */
  kontroller(p: Revisjonspost): boolean {
    if (this.brudd) return false;
    const forventetId = this.forrige.id + 1;
    if (p.id !== forventetId) {
      return this.bryt(
        p.id,
        'POST_MANGLER',
        p.id > forventetId
          ? `post ${forventetId}${p.id - 1 > forventetId ? `–${p.id - 1}` : ''} mangler foran post ${p.id} (slettet uten registrert beskjæring)`
          : `post ${p.id} står i feil rekkefølge (forventet ${forventetId})`,
      );
    }
    if (p.forrigeHash !== this.forrige.hash) {
      return this.bryt(
        p.id,
        'FORRIGE_HASH_STEMMER_IKKE',
        this.forrige.id === 0
          ? `post ${p.id} peker ikke på kjedens start`
          : `post ${p.id} peker på en annen hash enn post ${this.forrige.id} har: post ${this.forrige.id} er endret (og hashen regnet om), eller kjeden er skjøtet`,
      );
    }
    const hash = beregnHash(p);
    if (hash !== p.hash) {
      return this.bryt(
        p.id,
        'HASH_STEMMER_IKKE',
        `innholdet i post ${p.id} er endret etter at posten ble skrevet`,
      );
    }
    this.forrige = { id: p.id, hash: p.hash };
    this.antall++;
    return true;
  }

  resultat(): Kjederesultat {
    return this.brudd ?? { ok: true, antall: this.antall, hode: this.forrige };
  }

  private bryt(id: number, feil: Kjedefeil, melding: string): false {
    this.brudd = { ok: false, id, feil, melding, antall: this.antall };
    return false;
  }
}
