import { RAA_KATALOGER } from './generert/index.js';
import { katalogFor, type Postinfo } from './katalog.js';

/** A post as the year's list has it: kategori and visningstekst as transcribed (null where empty). */
export interface Katalogpost {
  tekniskNavn: string;
  kategori: string | null;
  visningstekst: string | null;
}

export interface Feltendring {
  tekniskNavn: string;
  fra: string | null;
  til: string | null;
}

/** What changed in the post list from one income year to another (årsrevisjon). */
export interface Katalogendringer {
  fraAar: number;
  tilAar: number;
  /** In the later list, not in the earlier (a rename shows as one added and one removed post). */
  lagtTil: Katalogpost[];
  fjernet: Katalogpost[];
  endretKategori: Feltendring[];
  endretVisningstekst: Feltendring[];
}

/**
 * Every post of a year: Skatteetaten's SSG list as transcribed, then the JSON-pointer and extra posts
 * that apply in the year (these carry no Skatteetaten kategori).
 */
function posterIAar(aar: number): Map<string, Katalogpost> {
  const katalog = katalogFor(aar);
  const raa = RAA_KATALOGER.find((r) => r.inntektsaar === aar);
  const poster = new Map<string, Katalogpost>();
  for (const [tekniskNavn, kategori, visningstekst] of raa?.poster ?? []) {
    poster.set(tekniskNavn, { tekniskNavn, kategori, visningstekst });
  }
  for (const p of katalog.alle().filter((x: Postinfo) => x.art !== 'SUMMERT_SKATTEGRUNNLAG')) {
    poster.set(p.tekniskNavn, { tekniskNavn: p.tekniskNavn, kategori: null, visningstekst: p.visningstekst });
  }
  return poster;
}

const etterNavn = <T extends { tekniskNavn: string }>(a: T, b: T) =>
  a.tekniskNavn < b.tekniskNavn ? -1 : a.tekniskNavn > b.tekniskNavn ? 1 : 0;

/**
 * The changes between the catalogues of two income years (any two, in either order), by exact
 * tekniskNavn. Kategori and visningstekst are compared as transcribed, so a text added where the
 * list had none counts as a change (as in data/poster-changes.md). Sorted by tekniskNavn.
 * Throws {@link UkjentInntektsaarError} for a year without a catalogue.
 */
export function endringerMellom(aarA: number, aarB: number): Katalogendringer {
  const a = posterIAar(aarA);
  const b = posterIAar(aarB);
  const endringer: Katalogendringer = {
    fraAar: aarA,
    tilAar: aarB,
    lagtTil: [...b.values()].filter((p) => !a.has(p.tekniskNavn)),
    fjernet: [...a.values()].filter((p) => !b.has(p.tekniskNavn)),
    endretKategori: [],
    endretVisningstekst: [],
  };
  for (const [navn, foer] of a) {
    const etter = b.get(navn);
    if (!etter) continue;
    if (foer.kategori !== etter.kategori) {
      endringer.endretKategori.push({ tekniskNavn: navn, fra: foer.kategori, til: etter.kategori });
    }
    if (foer.visningstekst !== etter.visningstekst) {
      endringer.endretVisningstekst.push({
        tekniskNavn: navn,
        fra: foer.visningstekst,
        til: etter.visningstekst,
      });
    }
  }
  endringer.lagtTil.sort(etterNavn);
  endringer.fjernet.sort(etterNavn);
  endringer.endretKategori.sort(etterNavn);
  endringer.endretVisningstekst.sort(etterNavn);
  return endringer;
}
