import type PDFDocument from 'pdfkit';
import type { Fontnavn } from './fonter.js';
import { brytLinjer } from './tekst.js';

/**
 * A small layout engine over PDFKit: a cursor that flows down the page, headings kept with what
 * follows, paragraphs, and tables whose rows are measured before they are drawn, so a row is never
 * split across pages and the header row is repeated on every page a table continues on.
 * All text is placed line by line without PDFKit's own wrapping (see tekst.ts), which also keeps
 * PDFKit from adding pages on its own.
 */

export const A4 = { bredde: 595.28, hoeyde: 841.89 } as const;
export const MARG = { venstre: 50, hoeyre: 50, topp: 50, bunn: 62 } as const;
export const INNHOLDSBREDDE = A4.bredde - MARG.venstre - MARG.hoeyre;

export const FARGE = {
  tekst: '#1a1a1a',
  svak: '#555b61',
  linje: '#c3c9cf',
  hode: '#e3e8ed',
  gruppe: '#f2f4f6',
  aksent: '#1f4e79',
  advarsel: '#8a4b00',
} as const;

export interface Stil {
  font: Fontnavn;
  stoerrelse: number;
  farge?: string;
}

/** A paragraph of a cell: text in one style. */
export interface Avsnitt {
  tekst: string;
  stil: Stil;
}

export interface Celle {
  avsnitt: Avsnitt[];
  /** Left indent in points inside the cell (depth in a tree). */
  innrykk?: number;
}

export interface Kolonne {
  tittel: string;
  bredde: number;
  hoeyre?: boolean;
}

export type Radtype = 'vanlig' | 'gruppe' | 'sum' | 'total';

export interface Rad {
  celler: Celle[];
  type?: Radtype;
  /** Keep this row on the same page as the next (a group heading with its first post). */
  holdMedNeste?: boolean;
}

export interface Overskrift {
  tekst: string;
  nivaa: 1 | 2 | 3;
}

export interface Tabell {
  /** For the layout log (tests) and the caption on continued pages. */
  id: string;
  /** A heading over the table, kept on the page of the header and first row. */
  overskrift?: Overskrift;
  tittel?: string;
  kolonner: Kolonne[];
  rader: Rad[];
  /** No header row (key/value lists). */
  utenHode?: boolean;
}

/** Where a table row ended up: what the tests check (never split, header on each page). */
export interface Plassering {
  tabell: string;
  /** Row index, -1 for the header row, -2 for the heading over the table. */
  rad: number;
  side: number;
  y: number;
  hoeyde: number;
  /** Set when a row taller than a whole page had to be split (the only exception). */
  del?: number;
}

interface Linje {
  tekst: string;
  stil: Stil;
  hoeyde: number;
}

interface MaaltRad {
  celler: Linje[][];
  hoeyde: number;
  rad: Rad;
}

const POLSTRING = { x: 3.5, y: 2.6 } as const;
const LINJEAVSTAND = 1.28;

export function linjehoeyde(stil: Stil): number {
  return stil.stoerrelse * LINJEAVSTAND;
}

export class Oppsett {
  y: number = MARG.topp;
  readonly logg: Plassering[] = [];

  constructor(readonly doc: InstanceType<typeof PDFDocument>) {}

  get side(): number {
    const r = this.doc.bufferedPageRange();
    return r.start + r.count;
  }

  get bunn(): number {
    return A4.hoeyde - MARG.bunn;
  }

  private get kroppshoeyde(): number {
    return this.bunn - MARG.topp;
  }

  nySide(): void {
    this.doc.addPage();
    this.y = MARG.topp;
  }

  /** Starts a new page unless `hoeyde` points still fit on this one. */
  plass(hoeyde: number): void {
    if (this.y + hoeyde > this.bunn && this.y > MARG.topp) this.nySide();
  }

  mellomrom(pt: number): void {
    this.y = Math.min(this.y + pt, this.bunn);
  }

  private bruk(stil: Stil): void {
    this.doc
      .font(stil.font)
      .fontSize(stil.stoerrelse)
      .fillColor(stil.farge ?? FARGE.tekst);
  }

  bredde(tekst: string, stil: Stil): number {
    this.doc.font(stil.font).fontSize(stil.stoerrelse);
    return this.doc.widthOfString(tekst);
  }

  linjer(tekst: string, stil: Stil, bredde: number): string[] {
    this.doc.font(stil.font).fontSize(stil.stoerrelse);
    return brytLinjer(tekst, bredde, (t) => this.doc.widthOfString(t));
  }

  /** One line at a given position, never wrapped. */
  skrivLinje(tekst: string, x: number, y: number, stil: Stil, hoeyre = false, bredde = 0): void {
    this.bruk(stil);
    const lh = linjehoeyde(stil);
    // PDFKit places the top of the font's ascent at y; centre the glyphs in our line height.
    const dy = (lh - stil.stoerrelse * 1.164) / 2;
    const xx = hoeyre ? x + bredde - this.doc.widthOfString(tekst) : x;
    this.doc.text(tekst, xx, y + dy, { lineBreak: false });
  }

  private overskriftsstil(nivaa: 1 | 2 | 3): Stil {
    return nivaa === 1
      ? { font: 'fet', stoerrelse: 12.5, farge: FARGE.aksent }
      : nivaa === 2
        ? { font: 'fet', stoerrelse: 10, farge: FARGE.tekst }
        : { font: 'fet', stoerrelse: 8.5, farge: FARGE.svak };
  }

  /** The height a heading takes, with the space above it. */
  private overskriftshoeyde(o: Overskrift): number {
    const stil = this.overskriftsstil(o.nivaa);
    const linjer = this.linjer(o.tekst, stil, INNHOLDSBREDDE).length;
    return (o.nivaa === 1 ? 10 : 6) + linjer * linjehoeyde(stil) + (o.nivaa === 1 ? 4 : 0) + 3;
  }

  private tegnOverskrift(o: Overskrift, tabell?: string): void {
    const stil = this.overskriftsstil(o.nivaa);
    if (this.y > MARG.topp) this.y += o.nivaa === 1 ? 10 : 6;
    for (const l of this.linjer(o.tekst, stil, INNHOLDSBREDDE)) {
      this.skrivLinje(l, MARG.venstre, this.y, stil);
      this.y += linjehoeyde(stil);
    }
    if (o.nivaa === 1) {
      this.doc
        .moveTo(MARG.venstre, this.y + 1)
        .lineTo(MARG.venstre + INNHOLDSBREDDE, this.y + 1)
        .lineWidth(0.6)
        .strokeColor(FARGE.aksent)
        .stroke();
      this.y += 4;
    }
    this.y += 3;
    if (tabell) this.logg.push({ tabell, rad: -2, side: this.side, y: this.y, hoeyde: 0 });
  }

  /**
   * A heading, moved to the next page unless `behovEtter` points of what follows fit under it.
   * A heading over a table goes in the table (`Tabell.overskrift`), which keeps it with the first row.
   */
  overskrift(tekst: string, nivaa: 1 | 2 | 3, behovEtter = 40): void {
    const o = { tekst, nivaa };
    this.plass(this.overskriftshoeyde(o) + behovEtter);
    this.tegnOverskrift(o);
  }

  /** Running text; lines flow onto the next page when needed. */
  avsnitt(tekst: string, stil: Stil, x = MARG.venstre, bredde = INNHOLDSBREDDE): void {
    const lh = linjehoeyde(stil);
    for (const l of this.linjer(tekst, stil, bredde)) {
      this.plass(lh);
      this.skrivLinje(l, x, this.y, stil);
      this.y += lh;
    }
  }

  private maalCelle(celle: Celle, bredde: number): Linje[] {
    const indre = Math.max(10, bredde - 2 * POLSTRING.x - (celle.innrykk ?? 0));
    return celle.avsnitt.flatMap((a) =>
      a.tekst === ''
        ? []
        : this.linjer(a.tekst, a.stil, indre).map((tekst) => ({
            tekst,
            stil: a.stil,
            hoeyde: linjehoeyde(a.stil),
          })),
    );
  }

  private maalRad(rad: Rad, kolonner: readonly Kolonne[]): MaaltRad {
    const celler = kolonner.map((k, i) => this.maalCelle(rad.celler[i] ?? { avsnitt: [] }, k.bredde));
    const innhold = Math.max(0, ...celler.map((c) => c.reduce((s, l) => s + l.hoeyde, 0)));
    return { celler, hoeyde: innhold + 2 * POLSTRING.y, rad };
  }

  private tegnRad(
    maalt: MaaltRad,
    kolonner: readonly Kolonne[],
    hoeyde: number,
    linjerPerCelle?: Linje[][],
  ): void {
    const { rad } = maalt;
    const type = rad.type ?? 'vanlig';
    const bakgrunn =
      type === 'gruppe'
        ? FARGE.gruppe
        : type === 'total'
          ? FARGE.hode
          : type === 'sum'
            ? undefined
            : undefined;
    if (bakgrunn) {
      this.doc.rect(MARG.venstre, this.y, INNHOLDSBREDDE, hoeyde).fillColor(bakgrunn).fill();
    }
    if (type === 'sum' || type === 'total') {
      this.doc
        .moveTo(MARG.venstre, this.y)
        .lineTo(MARG.venstre + INNHOLDSBREDDE, this.y)
        .lineWidth(0.7)
        .strokeColor(FARGE.svak)
        .stroke();
    }
    let x = MARG.venstre;
    kolonner.forEach((k, i) => {
      const celle = rad.celler[i] ?? { avsnitt: [] };
      const innrykk = celle.innrykk ?? 0;
      let y = this.y + POLSTRING.y;
      for (const l of (linjerPerCelle ?? maalt.celler)[i] ?? []) {
        this.skrivLinje(
          l.tekst,
          x + POLSTRING.x + innrykk,
          y,
          l.stil,
          k.hoeyre,
          k.bredde - 2 * POLSTRING.x - innrykk,
        );
        y += l.hoeyde;
      }
      x += k.bredde;
    });
    this.doc
      .moveTo(MARG.venstre, this.y + hoeyde)
      .lineTo(MARG.venstre + INNHOLDSBREDDE, this.y + hoeyde)
      .lineWidth(0.3)
      .strokeColor(FARGE.linje)
      .stroke();
  }

  private tegnHode(t: Tabell, hode: MaaltRad, fortsetter: boolean): void {
    if (t.tittel && fortsetter) {
      const stil: Stil = { font: 'kursiv', stoerrelse: 7.5, farge: FARGE.svak };
      this.skrivLinje(`${t.tittel} (fortsetter)`, MARG.venstre, this.y, stil);
      this.y += linjehoeyde(stil) + 1;
    }
    if (t.utenHode) return;
    this.doc.rect(MARG.venstre, this.y, INNHOLDSBREDDE, hode.hoeyde).fillColor(FARGE.hode).fill();
    this.tegnRad(hode, t.kolonner, hode.hoeyde);
    this.logg.push({ tabell: t.id, rad: -1, side: this.side, y: this.y, hoeyde: hode.hoeyde });
    this.y += hode.hoeyde;
  }

  /**
   * A table: rows measured first; a row that does not fit goes whole to the next page, after the
   * repeated header. A row marked `holdMedNeste` moves with the row after it. Only a row taller
   * than a whole page is split (by lines), and the log says so.
   */
  tabell(t: Tabell): void {
    const hodestil: Stil = { font: 'fet', stoerrelse: 7.5 };
    const hode = this.maalRad(
      {
        celler: t.kolonner.map((k) => ({ avsnitt: [{ tekst: k.tittel, stil: hodestil }] })),
      },
      t.kolonner,
    );
    const hodehoeyde = t.utenHode ? 0 : hode.hoeyde;
    const fortsettelse = t.tittel ? linjehoeyde({ font: 'kursiv', stoerrelse: 7.5 }) + 1 : 0;
    const rader = t.rader.map((r) => this.maalRad(r, t.kolonner));
    if (rader.length === 0) return;

    const behov = (i: number): number => {
      const r = rader[i] as MaaltRad;
      const neste = rader[i + 1];
      return r.hoeyde + (r.rad.holdMedNeste && neste ? neste.hoeyde : 0);
    };
    const overskrift = t.overskrift ? this.overskriftshoeyde(t.overskrift) : 0;
    this.plass(overskrift + hodehoeyde + Math.min(behov(0), this.kroppshoeyde - hodehoeyde - overskrift));
    if (t.overskrift) this.tegnOverskrift(t.overskrift, t.id);
    this.tegnHode(t, hode, false);
    let raderPaaSiden = 0;
    rader.forEach((r, i) => {
      const trengs = Math.min(behov(i), this.kroppshoeyde - hodehoeyde - fortsettelse);
      if (this.y + trengs > this.bunn && raderPaaSiden > 0) {
        this.nySide();
        this.tegnHode(t, hode, true);
        raderPaaSiden = 0;
      }
      if (this.y + r.hoeyde <= this.bunn) {
        this.tegnRad(r, t.kolonner, r.hoeyde);
        this.logg.push({ tabell: t.id, rad: i, side: this.side, y: this.y, hoeyde: r.hoeyde });
        this.y += r.hoeyde;
      } else {
        this.tegnDeltRad(t, hode, r, i);
      }
      raderPaaSiden++;
    });
  }

  /** A row taller than the page: drawn in parts, each on its own page after the header. */
  private tegnDeltRad(t: Tabell, hode: MaaltRad, r: MaaltRad, i: number): void {
    const rest = r.celler.map((c) => [...c]);
    let del = 0;
    while (rest.some((c) => c.length > 0)) {
      const tilgjengelig = this.bunn - this.y - 2 * POLSTRING.y;
      const denne = rest.map((c) => {
        const ut: Linje[] = [];
        let h = 0;
        while (c.length > 0 && (h + (c[0] as Linje).hoeyde <= tilgjengelig || ut.length === 0)) {
          const l = c.shift() as Linje;
          ut.push(l);
          h += l.hoeyde;
        }
        return ut;
      });
      const hoeyde = Math.max(...denne.map((c) => c.reduce((s, l) => s + l.hoeyde, 0))) + 2 * POLSTRING.y;
      this.tegnRad(r, t.kolonner, hoeyde, denne);
      this.logg.push({ tabell: t.id, rad: i, side: this.side, y: this.y, hoeyde, del: del++ });
      this.y += hoeyde;
      if (rest.some((c) => c.length > 0)) {
        this.nySide();
        this.tegnHode(t, hode, true);
      }
    }
  }

  /** Writes the footer on every page: the document's name on the left, "Side n av m" on the right. */
  bunntekst(venstre: string): void {
    const { start, count } = this.doc.bufferedPageRange();
    const stil: Stil = { font: 'normal', stoerrelse: 7.5, farge: FARGE.svak };
    const y = A4.hoeyde - MARG.bunn + 22;
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      this.doc
        .moveTo(MARG.venstre, y - 5)
        .lineTo(MARG.venstre + INNHOLDSBREDDE, y - 5)
        .lineWidth(0.3)
        .strokeColor(FARGE.linje)
        .stroke();
      const sidetekst = `Side ${i + 1} av ${count}`;
      const plassTilVenstre = INNHOLDSBREDDE - this.bredde(sidetekst, stil) - 12;
      const [foerste = ''] = this.linjer(venstre, stil, plassTilVenstre);
      this.skrivLinje(foerste === venstre ? venstre : `${foerste} …`, MARG.venstre, y, stil);
      this.skrivLinje(sidetekst, MARG.venstre, y, stil, true, INNHOLDSBREDDE);
    }
  }
}
