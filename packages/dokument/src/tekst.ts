/**
 * Line breaking for the document. We break lines ourselves (rather than leave it to PDFKit) for two
 * reasons: a row's height must be known before it is drawn, so a table row is never split across
 * pages; and a number must never be split ("567 | 127"), while the text keeps ordinary spaces so that
 * search and `pdftotext` find "567 127" as written.
 */

/** Width of a text in points, in the font and size the caller measures with. */
export type Maal = (tekst: string) => number;

/** A space inside a number's digit groups ("1 234 567"): never a line break. */
function erSiffergruppe(foer: string, etter: string): boolean {
  return /\d$/.test(foer) && /^\d{3}(?!\d)/.test(etter);
}

/**
 * A space that binds a number to its unit or sign ("75 %", "12 kr", "kr 567 127", "§ 3", "nr. 5"):
 * kept when the line has room, given up before a number itself is split.
 */
function erEnhet(foer: string, etter: string): boolean {
  if (/\d$/.test(foer) && /^(%|kr\b|G\b)/.test(etter)) return true;
  if (/(^|[\s(])kr\.?$/.test(foer) && /^[\u2212-]?\d/.test(etter)) return true;
  return /(§§?|nr\.|kap\.)$/.test(foer);
}

function sett(deler: string[], binder: (foer: string, etter: string) => boolean): string[] {
  const ut: string[] = [];
  for (const del of deler) {
    const forrige = ut[ut.length - 1];
    if (forrige !== undefined && binder(forrige, del)) ut[ut.length - 1] = `${forrige} ${del}`;
    else ut.push(del);
  }
  return ut;
}

/**
 * The words of a paragraph: text between the spaces where a line may break. Not inside a number's
 * digit groups, not between a number and its unit or "kr", not after "§".
 */
export function ord(avsnitt: string): string[] {
  const deler = avsnitt.split(/ +/).filter((d) => d.length > 0);
  return sett(deler, (f, e) => erSiffergruppe(f, e) || erEnhet(f, e));
}

/** A word's parts when it must be broken: at the unit spaces, never inside a number. */
function tall(ordet: string): string[] {
  return sett(ordet.split(' '), erSiffergruppe);
}

/**
 * Splits a word wider than the line: after "/", ".", "_" or "-" where possible (technical names,
 * URLs), otherwise between any two characters.
 */
function delOrd(ordet: string, bredde: number, maal: Maal): string[] {
  const deler: string[] = [];
  let rest = ordet;
  while (rest.length > 0 && maal(rest) > bredde) {
    let slutt = 1;
    while (slutt < rest.length && maal(rest.slice(0, slutt + 1)) <= bredde) slutt++;
    const bruddpunkt = Math.max(
      rest.lastIndexOf('/', slutt - 1),
      rest.lastIndexOf('.', slutt - 1),
      rest.lastIndexOf('_', slutt - 1),
      rest.lastIndexOf('-', slutt - 1),
    );
    const kutt = bruddpunkt > 0 ? bruddpunkt + 1 : slutt;
    deler.push(rest.slice(0, kutt));
    rest = rest.slice(kutt);
  }
  if (rest.length > 0) deler.push(rest);
  return deler;
}

/**
 * The lines of a text within `bredde` points, greedily; "\n" starts a new paragraph. A word is split
 * only when it alone is wider than the line (a long technical name in a narrow column).
 */
export function brytLinjer(tekst: string, bredde: number, maal: Maal): string[] {
  const linjer: string[] = [];
  for (const avsnitt of tekst.split('\n')) {
    let linje = '';
    for (const o of ord(avsnitt)) {
      const forsoek = linje ? `${linje} ${o}` : o;
      if (maal(forsoek) <= bredde) {
        linje = forsoek;
        continue;
      }
      if (linje) linjer.push(linje);
      linje = '';
      if (maal(o) <= bredde) {
        linje = o;
        continue;
      }
      // Too wide: give up the unit spaces first, then split a part that alone is too wide.
      for (const del of tall(o)) {
        const med = linje ? `${linje} ${del}` : del;
        if (maal(med) <= bredde) {
          linje = med;
          continue;
        }
        if (linje) linjer.push(linje);
        const biter = maal(del) <= bredde ? [del] : delOrd(del, bredde, maal);
        linjer.push(...biter.slice(0, -1));
        linje = biter[biter.length - 1] ?? '';
      }
    }
    linjer.push(linje);
  }
  return linjer;
}
