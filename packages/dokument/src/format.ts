import { Beloep, Sats } from '@inntektsgrunnlag/money';
import { formaterDato, formaterDatoKort } from '@inntektsgrunnlag/regelverk';

/**
 * Norwegian number and date forms for the document. Amounts use an ordinary space as the thousands
 * separator ("567 127"), not the non-breaking space of `Beloep.format`: archive search and text
 * extraction (`pdftotext`) must find the figure as people type it. The layout keeps a number on one
 * line instead (see `tekst.ts`).
 */

const NBSP = /\u00a0/g;
const MINUS = '\u2212';

/** A JSON number as an exact decimal string, without exponent notation. */
function desimaltekst(tall: number): string {
  if (!Number.isFinite(tall)) throw new RangeError(`Ikke et endelig tall: ${tall}`);
  const tekst = String(tall);
  if (!/e/i.test(tekst)) return tekst;
  // Exponent form only for very large or very small magnitudes. A large one is an integer (BigInt
  // writes it out); a tiny one is shown to 20 decimals, more than any amount or rate has.
  if (Number.isInteger(tall)) return BigInt(tall).toString();
  return tall.toFixed(20).replace(/0+$/, '');
}

/** An amount in kroner from a result (a JSON number with at most two decimals) as a Beloep. */
export function tilBeloep(tall: number): Beloep {
  return Beloep.fromJSON(desimaltekst(tall));
}

/**
 * "567 127", "1 234,50", "−12 000": whole kroner without decimals, otherwise two decimals (øre).
 * An amount with more than two decimals is refused by Beloep (never rounded silently here).
 */
export function formaterBeloep(tall: number | Beloep): string {
  const b = typeof tall === 'number' ? tilBeloep(tall) : tall;
  return b.format({ desimaler: b.isWhole('KRONE') ? 0 : 2, medValuta: false }).replace(NBSP, ' ');
}

/** "kr 567 127": an amount standing alone, outside a column headed "kr". */
export function formaterKroner(tall: number | Beloep): string {
  return `kr ${formaterBeloep(tall)}`;
}

/** Groups the digits of a whole number in threes with an ordinary space: "1234567" → "1 234 567". */
function grupper(heltall: string): string {
  return heltall.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * Any decimal number (a count, a factor, an exact intermediate amount) in Norwegian form: digit
 * groups, decimal comma, minus sign U+2212, every decimal kept. `grupper: false` for years.
 */
export function formaterTall(tall: number | string, valg: { grupper?: boolean } = {}): string {
  const tekst = typeof tall === 'number' ? desimaltekst(tall) : tall.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(tekst);
  if (!m) return tekst;
  const [, fortegn, heltall = '0', broek] = m;
  const hel = valg.grupper === false ? heltall : grupper(heltall);
  return `${fortegn ? MINUS : ''}${hel}${broek ? `,${broek}` : ''}`;
}

/** A rate from its JSON form ("0.75") as "75 %" (display rounded half-even to two decimals). */
export function formaterSats(sats: string): string {
  try {
    return Sats.av(sats).formatProsent().replace(NBSP, ' ');
  } catch {
    // Not a plain decimal: show what the result says rather than fail the whole document.
    return sats;
  }
}

/** "01.06.2024" */
export function datoKort(dato: string): string {
  return formaterDatoKort(dato);
}

/** "1. juni 2024" */
export function datoLang(dato: string): string {
  return formaterDato(dato);
}

const OSLO = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A point in time (ISO 8601 with offset) as Norwegian local time: "27. november 2026 kl. 11.15".
 * Only the numeric parts come from Intl (stable across ICU versions); the words are ours.
 */
export function formaterTidspunkt(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Ugyldig tidspunkt: ${iso}`);
  const deler = Object.fromEntries(OSLO.formatToParts(new Date(ms)).map((d) => [d.type, d.value]));
  const dato = `${deler.year}-${deler.month}-${deler.day}`;
  return `${formaterDato(dato)} kl. ${deler.hour}.${deler.minute}`;
}

/** The calendar date (ISO) of a point in time in Norwegian local time: "2026-11-27T23:30:00Z" → "2026-11-28". */
export function osloDato(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Ugyldig tidspunkt: ${iso}`);
  const deler = Object.fromEntries(OSLO.formatToParts(new Date(ms)).map((d) => [d.type, d.value]));
  return `${deler.year}-${deler.month}-${deler.day}`;
}

/** Words spelled out for keys the transliteration rule below would get wrong or leave bare. */
const ORD: Record<string, string> = {
  aar: 'år',
  perAar: 'per år',
  perMaaned: 'per måned',
  maaned: 'måned',
  maaneder: 'måneder',
  beloep: 'beløp',
  g: 'G',
  under2G: 'under 2 G',
};

/** Abbreviations written in lower case inside a camelCase key ("sfoBetalingsmaaneder"). */
const FORKORTELSER: Record<string, string> = { sfo: 'SFO', nav: 'NAV', ks: 'KS' };

/** Norwegian letters from the project's ASCII spelling (aa → å, oe → ø, ae → æ), word by word. */
function norskeBokstaver(ord: string): string {
  const forkortelse = FORKORTELSER[ord];
  if (forkortelse) return forkortelse;
  if (/poeng|koeff|israel/i.test(ord)) return ord;
  return ord.replace(/aa/g, 'å').replace(/oe/g, 'ø').replace(/ae/g, 'æ');
}

/**
 * A camelCase JSON key as a Norwegian label: "maksPerMaaned" → "Maks per måned",
 * "soeskenmoderasjon" → "Søskenmoderasjon". Used for the fee object and municipal settings, whose
 * fields differ per area; the JSON key is shown with it where the label alone could mislead.
 */
export function menneskeligNoekkel(noekkel: string): string {
  const kjent = ORD[noekkel];
  if (kjent) return storForbokstav(kjent);
  const ord = noekkel
    .replace(/([a-zæøå])([A-ZÆØÅ])/g, '$1 $2')
    .replace(/([A-ZÆØÅ])([A-ZÆØÅ][a-zæøå])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-zA-Z])/g, '$1 $2')
    .split(/[\s_]+/)
    .filter(Boolean)
    // Abbreviations stay upper case (SFO, NAV, and G for the grunnbeløp); "I" in "minstebeloepIBehold" is a word.
    .map((w) => (/^[A-Z0-9]{2,}$/.test(w) || w === 'G' ? w : norskeBokstaver(w.toLowerCase())));
  return storForbokstav(ord.join(' '));
}

export function storForbokstav(tekst: string): string {
  return tekst.charAt(0).toUpperCase() + tekst.slice(1);
}

const ISO_DATO = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIDSPUNKT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A leaf value of the fee object or a setting, for a reader: numbers grouped, dates Norwegian, ja/nei. */
export function formaterVerdi(verdi: unknown, noekkel = ''): string {
  if (verdi === null || verdi === undefined) return '–';
  if (typeof verdi === 'boolean') return verdi ? 'ja' : 'nei';
  if (typeof verdi === 'number') {
    // Years are written without digit groups ("2023"); "perAar" is an amount, not a year.
    const aarstall = /(^|inntekts|fraogmed|tilogmed|skole|kalender)aar(stall)?$/i.test(noekkel);
    return formaterTall(verdi, { grupper: !aarstall });
  }
  if (typeof verdi === 'string') {
    if (ISO_DATO.test(verdi)) return datoKort(verdi);
    if (ISO_TIDSPUNKT.test(verdi)) return formaterTidspunkt(verdi);
    if (/^-?\d+(\.\d+)?$/.test(verdi)) return formaterTall(verdi);
    return verdi;
  }
  if (Array.isArray(verdi)) return verdi.map((v) => formaterVerdi(v, noekkel)).join(', ');
  return Object.entries(verdi as Record<string, unknown>)
    .map(([k, v]) => `${menneskeligNoekkel(k).toLowerCase()}: ${formaterVerdi(v, k)}`)
    .join('; ');
}

/** One row of a flattened object: a readable label, the JSON path, and the value as text. */
export interface FlatRad {
  etikett: string;
  sti: string;
  verdi: string;
}

/**
 * An object of unknown shape (the fee of an area, the municipal settings) as label/value rows:
 * nested objects give "Barn 1 › Pris per måned". Arrays of plain values stay on one row.
 */
export function flatUt(objekt: unknown, prefiks: { etikett: string; sti: string } | null = null): FlatRad[] {
  const rader: FlatRad[] = [];
  const gaa = (verdi: unknown, etikett: string, sti: string, noekkel: string, dybde: number) => {
    const erObjekt = verdi !== null && typeof verdi === 'object';
    const erListeAvObjekter =
      Array.isArray(verdi) && verdi.some((v) => v !== null && typeof v === 'object') && dybde < 6;
    if (erListeAvObjekter) {
      // The label already ends with the key's name ("Barn"); each item is numbered from 1.
      (verdi as unknown[]).forEach((v, i) => {
        gaa(v, `${etikett || 'Element'} ${i + 1}`, `${sti}.${i}`, noekkel, dybde + 1);
      });
      if ((verdi as unknown[]).length === 0) rader.push({ etikett: etikett || '–', sti, verdi: 'ingen' });
      return;
    }
    if (erObjekt && !Array.isArray(verdi) && dybde < 6) {
      const oppfoeringer = Object.entries(verdi as Record<string, unknown>);
      if (oppfoeringer.length === 0) rader.push({ etikett: etikett || '–', sti, verdi: 'ingen' });
      for (const [k, v] of oppfoeringer) {
        const e = menneskeligNoekkel(k);
        gaa(v, etikett ? `${etikett} › ${e}` : e, sti ? `${sti}.${k}` : k, k, dybde + 1);
      }
      return;
    }
    rader.push({ etikett, sti, verdi: formaterVerdi(verdi, noekkel) });
  };
  gaa(objekt, prefiks?.etikett ?? '', prefiks?.sti ?? '', '', 0);
  return rader;
}
