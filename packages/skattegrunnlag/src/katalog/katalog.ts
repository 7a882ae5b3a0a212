import { EKSTRAPOSTER } from './ekstraposter.js';
import { RAA_KATALOGER } from './generert/index.js';
import { SKATTEBEREGNINGSPOSTER } from './skatteberegningsposter.js';
import type { RaaKatalog } from './typer.js';

/** The display groups of visningsposter, in display order (as KS Fiks shows them). */
export const VISNINGSGRUPPER = ['INNTEKT', 'FRADRAG', 'FORMUE', 'GJELD', 'ANNET'] as const;
export type Visningsgruppe = (typeof VISNINGSGRUPPER)[number];

/** Where a post's amount comes from. */
export const POSTKILDER = ['SKATTEETATEN', 'NAV', 'KOMMUNE', 'MANUELL_INPUT'] as const;
export type Postkilde = (typeof POSTKILDER)[number];

/**
 * Which API or form a post comes from: Summert skattegrunnlag (SSG), Beregnet skatt and Avregning
 * (JSON-pointer names, as KS Fiks uses them), or an extra post entered by the case worker.
 */
export type Postart = 'SUMMERT_SKATTEGRUNNLAG' | 'BEREGNET_SKATT' | 'AVREGNING' | 'EKSTRAPOST';

export interface Postinfo {
  tekniskNavn: string;
  visningstekst: string;
  visningsgruppe: Visningsgruppe;
  kilde: Postkilde;
  art: Postart;
  /** Skatteetaten's kategori for SSG posts ("inntekt", "inntektsfradrag", "formue", …, "-"). */
  kategori?: string;
  /** A help text for the reader (what the post is, how to fill it in). */
  infotekst?: string;
  /** Whether the case worker may give the post a text of their own ("Fradrag 1"). */
  kanEndreVisningstekst?: boolean;
}

/** The income years the built-in catalogues cover. */
export const KATALOGAAR: readonly number[] = RAA_KATALOGER.map((k) => k.inntektsaar);

export class UkjentInntektsaarError extends Error {
  override readonly name = 'UkjentInntektsaarError';
  constructor(readonly inntektsaar: number) {
    super(
      `Inntektsåret ${inntektsaar} er ikke dekket: postkatalogen finnes for ${KATALOGAAR[0]}–${KATALOGAAR[KATALOGAAR.length - 1]}`,
    );
  }
}

/**
 * Display group of an SSG post from Skatteetaten's kategori, as KS Fiks groups the posts in its
 * published answer (ks-no/ks-no.github.io content/Tjenester/register/skatteoginntektsopplysninger_ny.md,
 * commit 1418c016, 2024-08-13; see docs/skattegrunnlag.md). Summary posts (kategori "-") are shown
 * under ANNET, except the wealth and debt totals, which belong with their kind. Two families are shown
 * under ANNET whatever their kategori, because they are figures of the tax computation rather than
 * income, costs or wealth the person has:
 * - minstefradrag (a standard deduction the tax rules compute; KS shows `minstefradragIInntekt`, kategori
 *   inntektsfradrag, under ANNET; the rest of the family follows it by our inference);
 * - `verdiFoerVerdsettingsrabatt…` (a value before the valuation discount, not the wealth: in the KS
 *   example bruttoformue 1 135 929 = innskudd 108 147 + 80 % of verdiFoerVerdsettingsrabattForAksje
 *   1 284 727; KS shows it under ANNET, the rest of the family follows it by our inference).
 */
export function visningsgruppeForSsg(tekniskNavn: string, kategori: string | null): Visningsgruppe {
  if (/^(sum)?[mM]instefradrag/.test(tekniskNavn) || tekniskNavn.startsWith('verdiFoerVerdsettingsrabatt')) {
    return 'ANNET';
  }
  switch (kategori) {
    case 'inntekt':
    case 'oppjusteringAvEierinntekter':
      return 'INNTEKT';
    case 'inntektsfradrag':
      return 'FRADRAG';
    case 'formue':
      return 'FORMUE';
    case 'formuesfradrag':
    case 'verdsettingsrabattSomGirGjeldsreduksjon':
      return 'GJELD';
    default:
      if (tekniskNavn === 'bruttoformue' || tekniskNavn === 'nettoformue') return 'FORMUE';
      if (tekniskNavn === 'samletGjeld') return 'GJELD';
      return 'ANNET';
  }
}

/** The posts known for one income year: Skatteetaten's SSG list, the JSON-pointer posts, the extra posts. */
export class Postkatalog {
  private readonly poster: ReadonlyMap<string, Postinfo>;

  constructor(
    readonly inntektsaar: number,
    readonly kilde: string,
    raa: RaaKatalog['poster'],
  ) {
    const poster = new Map<string, Postinfo>();
    for (const [tekniskNavn, kategori, visningstekst] of raa) {
      poster.set(tekniskNavn, {
        tekniskNavn,
        visningstekst: visningstekst ?? tekniskNavn,
        visningsgruppe: visningsgruppeForSsg(tekniskNavn, kategori),
        kilde: 'SKATTEETATEN',
        art: 'SUMMERT_SKATTEGRUNNLAG',
        ...(kategori ? { kategori } : {}),
      });
    }
    for (const p of [...SKATTEBEREGNINGSPOSTER, ...EKSTRAPOSTER]) {
      if (p.fraOgMedAar !== undefined && inntektsaar < p.fraOgMedAar) continue;
      if (p.tilOgMedAar !== undefined && inntektsaar > p.tilOgMedAar) continue;
      const { fraOgMedAar: _f, tilOgMedAar: _t, ...info } = p;
      poster.set(p.tekniskNavn, info);
    }
    this.poster = poster;
  }

  finn(tekniskNavn: string): Postinfo | undefined {
    return this.poster.get(tekniskNavn);
  }

  har(tekniskNavn: string): boolean {
    return this.poster.has(tekniskNavn);
  }

  alle(): Postinfo[] {
    return [...this.poster.values()];
  }

  /** The posts of the SSG list only (what Skatteetaten's TSV for the year lists). */
  ssgPoster(): Postinfo[] {
    return this.alle().filter((p) => p.art === 'SUMMERT_SKATTEGRUNNLAG');
  }
}

const KATALOGER = new Map<number, Postkatalog>(
  RAA_KATALOGER.map((r) => [r.inntektsaar, new Postkatalog(r.inntektsaar, r.kilde, r.poster)]),
);

/** The catalogue of an income year; throws {@link UkjentInntektsaarError} outside the covered years. */
export function katalogFor(inntektsaar: number): Postkatalog {
  const k = KATALOGER.get(inntektsaar);
  if (!k) throw new UkjentInntektsaarError(inntektsaar);
  return k;
}

/** A post as the case worker or a source names it, when it is not in the year's catalogue. */
export function ukjentPostinfo(tekniskNavn: string): Postinfo {
  return {
    tekniskNavn,
    visningstekst: `Ukjent post (${tekniskNavn})`,
    visningsgruppe: 'ANNET',
    kilde: kildeForUkjentPost(tekniskNavn),
    art: tekniskNavn.startsWith('/') ? 'BEREGNET_SKATT' : 'SUMMERT_SKATTEGRUNNLAG',
  };
}

function kildeForUkjentPost(tekniskNavn: string): Postkilde {
  if (tekniskNavn.startsWith('nav.')) return 'NAV';
  if (tekniskNavn.startsWith('kommune.')) return 'KOMMUNE';
  if (tekniskNavn.startsWith('manuell.')) return 'MANUELL_INPUT';
  return 'SKATTEETATEN';
}
