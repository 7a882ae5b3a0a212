import { Beloep, type Sats } from '@inntektsgrunnlag/money';
import type { Kildetype } from './kilde.js';

/**
 * What a line does to the running figure. ADDERE/SUBTRAHERE as in Skatteetaten's and KS's post
 * definitions; the others explain a rule step (a rate applied, a cap, a floor, a rounding) or give
 * the result of a block.
 */
export const OPERASJONER = [
  'ADDERE',
  'SUBTRAHERE',
  'MULTIPLISERE',
  'DIVIDERE',
  'MINIMUM',
  'MAKSIMUM',
  'AVRUNDE',
  'RESULTAT',
  'INFO',
] as const;
export type Operasjon = (typeof OPERASJONER)[number];

/** One line of an explanation; lines nest (a group and its posts, a rule and its steps). */
export interface Beregningslinje {
  tekst: string;
  operasjon: Operasjon;
  kilde: Kildetype;
  beloep?: Beloep;
  /** The rate a MULTIPLISERE line applies. */
  sats?: Sats;
  /** The legal reference behind the step, e.g. "egenandelsforskriften § 3 annet ledd". */
  hjemmel?: string;
  /** A remark for the reader: an assumption, a municipal setting, a warning. */
  merknad?: string;
  linjer?: Beregningslinje[];
}

/** JSON form of a line: amounts as numbers in kroner with at most two decimals. */
export interface BeregningslinjeJson {
  tekst: string;
  operasjon: Operasjon;
  kilde: Kildetype;
  beloep?: number;
  /** The exact amount, when it has more than two decimals (the `beloep` is then rounded half-even to øre for display). */
  eksaktBeloep?: string;
  sats?: string;
  hjemmel?: string;
  merknad?: string;
  linjer?: BeregningslinjeJson[];
}

/** The sign of each operation as the plain-text explanation shows it (also used by the PDF renderer). */
export const OPERASJONSSYMBOL: Readonly<Record<Operasjon, string>> = {
  ADDERE: '+',
  SUBTRAHERE: '\u2212',
  MULTIPLISERE: '\u00d7',
  DIVIDERE: '\u00f7',
  MINIMUM: 'min',
  MAKSIMUM: 'maks',
  AVRUNDE: '\u2248',
  RESULTAT: '=',
  INFO: '',
};

/** An amount for display: exact when it has at most two decimals, otherwise rounded half-even to øre. */
function visningsbeloep(b: Beloep): { vist: Beloep; eksakt?: string } {
  if (b.isWhole('OERE')) return { vist: b };
  return { vist: b.round('OERE', 'HALF_EVEN'), eksakt: b.toJSON() };
}

/**
 * The last amount with a fraction of an øre that was turned into JSON, with its display form. Such an
 * amount (6 % of an income over the payment months) is one object shown on a line of every child of a
 * case, so the next line usually shows the very same object; an amount is immutable, so its rounding
 * (in the decimal, the dearest step of a line) is reused when the object is the same.
 */
let sisteEksakt: Beloep | null = null;
let sisteVist = 0;
let sisteEksaktTekst = '';

/**
 * The JSON form of a line. Every case turns some sixty lines into JSON, so this writes the fields
 * straight onto one object in their fixed order (the same order and the same values as
 * {@link visningsbeloep} gives) without intermediate objects or closures.
 */
export function linjeTilJson(linje: Beregningslinje): BeregningslinjeJson {
  const json: BeregningslinjeJson = { tekst: linje.tekst, operasjon: linje.operasjon, kilde: linje.kilde };
  const beloep = linje.beloep;
  if (beloep) {
    if (beloep.isWhole('OERE')) {
      json.beloep = beloep.toJsonNumber();
    } else {
      if (beloep !== sisteEksakt) {
        sisteVist = beloep.round('OERE', 'HALF_EVEN').toJsonNumber();
        sisteEksaktTekst = beloep.toJSON();
        sisteEksakt = beloep;
      }
      json.beloep = sisteVist;
      json.eksaktBeloep = sisteEksaktTekst;
    }
  }
  if (linje.sats) json.sats = linje.sats.toString();
  if (linje.hjemmel) json.hjemmel = linje.hjemmel;
  if (linje.merknad) json.merknad = linje.merknad;
  const under = linje.linjer;
  if (under !== undefined && under.length > 0) json.linjer = linjerTilJson(under);
  return json;
}

/** The JSON form of a list of lines, in order. */
function linjerTilJson(linjer: ReadonlyArray<Beregningslinje>): BeregningslinjeJson[] {
  const ut: BeregningslinjeJson[] = new Array(linjer.length);
  for (let i = 0; i < linjer.length; i++) ut[i] = linjeTilJson(linjer[i] as Beregningslinje);
  return ut;
}

/**
 * The explanation of a calculation: a titled tree of lines, each with its amount, operation, source
 * and legal reference. Renders as JSON (for the API) and as plain text (for a person to read).
 */
export class Beregningstabell {
  constructor(
    readonly tittel: string,
    readonly linjer: ReadonlyArray<Beregningslinje>,
  ) {}

  toJSON(): { tittel: string; linjer: BeregningslinjeJson[] } {
    return { tittel: this.tittel, linjer: linjerTilJson(this.linjer) };
  }

  /** Plain text: one line per step, indented by depth, amounts right-aligned, then the reference. */
  tilTekst(bredde = 100): string {
    const rader: Array<{ venstre: string; beloep: string; hjemmel?: string; merknad?: string }> = [];
    const gaa = (linjer: ReadonlyArray<Beregningslinje>, dybde: number) => {
      for (const l of linjer) {
        const symbol = OPERASJONSSYMBOL[l.operasjon];
        const sats = l.sats ? ` ${l.sats.formatProsent()}` : '';
        const venstre = `${'  '.repeat(dybde)}${symbol ? `${symbol} ` : ''}${l.tekst}${sats}`;
        const beloep = l.beloep ? visningsbeloep(l.beloep).vist.format({ medValuta: false }) : '';
        rader.push({
          venstre,
          beloep,
          ...(l.hjemmel ? { hjemmel: l.hjemmel } : {}),
          ...(l.merknad ? { merknad: l.merknad } : {}),
        });
        if (l.linjer?.length) gaa(l.linjer, dybde + 1);
      }
    };
    gaa(this.linjer, 0);
    const beloepBredde = Math.max(0, ...rader.map((r) => r.beloep.length));
    const tekstBredde = Math.max(20, bredde - beloepBredde - 2);
    const ut = [this.tittel, '='.repeat(Math.min(bredde, this.tittel.length))];
    for (const r of rader) {
      const venstre = r.venstre.length > tekstBredde ? `${r.venstre.slice(0, tekstBredde - 1)}…` : r.venstre;
      ut.push(`${venstre.padEnd(tekstBredde)}  ${r.beloep.padStart(beloepBredde)}`.trimEnd());
      const innrykk = ' '.repeat(r.venstre.length - r.venstre.trimStart().length + 4);
      if (r.hjemmel) ut.push(`${innrykk}[${r.hjemmel}]`);
      if (r.merknad) ut.push(`${innrykk}Merk: ${r.merknad}`);
    }
    return ut.join('\n');
  }
}

/** The sum of the signed amounts of ADDERE and SUBTRAHERE lines. */
export function summerLinjer(linjer: ReadonlyArray<Beregningslinje>): Beloep {
  return Beloep.sum(
    linjer.map((l) =>
      !l.beloep
        ? Beloep.NULL
        : l.operasjon === 'SUBTRAHERE'
          ? l.beloep.negated()
          : l.operasjon === 'ADDERE'
            ? l.beloep
            : Beloep.NULL,
    ),
  );
}
