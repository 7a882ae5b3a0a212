import type { Lovfil } from './lovtekster.js';

/** What a tag names: a paragraph, and in it a ledd (and a list item), its merknad, or a past wording. */
export interface Henvisning {
  id: string;
  paragraf: string;
  merknad: boolean;
  ledd?: number | 'siste';
  /** A list item of the ledd, by letter (a = the first item). */
  bokstav?: string;
  /** The wording in force from this day (a version in a history file, or an amending act). */
  iKraft?: string;
}

const ORDINALER = [
  'første',
  'andre',
  'tredje',
  'fjerde',
  'femte',
  'sjette',
  'sjuende',
  'åttende',
  'niende',
  'tiende',
];

function leddnummer(ord: string): number | 'siste' {
  if (ord === 'siste') return 'siste';
  // Older laws (forvaltningsloven, egenandelsforskriften) say «annet» and «syvende».
  if (ord === 'annet') return 2;
  if (ord === 'syvende') return 7;
  const i = ORDINALER.indexOf(ord);
  if (i < 0) throw new Error(`ukjent ledd «${ord}»`);
  return i + 1;
}

const HENVISNING =
  /^((?:LOV|FOR)-\d{4}-\d{2}-\d{2}(?:-\d+)?) § (\d+[A-Za-z]?(?:-\d+)*)( merknad)?(?: ([a-zæøå]+) ledd)?(?: ([a-zæøå]+) punktum)?(?: bokstav ([a-z]))?(?: i kraft (\d{4}-\d{2}-\d{2}))?$/;

/** The tag's reference read, or an error saying the form it must have. */
export function lesHenvisning(tekst: string): Henvisning {
  const m = HENVISNING.exec(tekst.trim());
  if (!m) {
    throw new Error(
      `ikke en henvisning: «${tekst}» (formen er <LOV-/FOR-id> § <n> [merknad | <ordinal> ledd [<ordinal> punktum] [bokstav <x>]] [i kraft ÅÅÅÅ-MM-DD])`,
    );
  }
  if ((m[5] || m[6]) && !m[4]) throw new Error(`«${tekst}»: punktum eller bokstav uten ledd`);
  // A punktum is checked as part of its ledd: splitting Lovdata's sentences («pr.», «nr.», «jf.») is not safe.
  if (m[5]) leddnummer(m[5]);
  return {
    id: m[1] as string,
    paragraf: m[2] as string,
    merknad: m[3] !== undefined,
    ...(m[4] ? { ledd: leddnummer(m[4]) } : {}),
    ...(m[6] ? { bokstav: m[6] } : {}),
    ...(m[7] ? { iKraft: m[7] } : {}),
  };
}

/** Whitespace as one space, without Markdown's quote and list markers. */
export function normaliser(tekst: string): string {
  return tekst
    .split('\n')
    .map((l) => l.replace(/^>\s?/, '').replace(/^\s*-\s+/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Each `…`-separated fragment of the quote, in order, in the text. */
function fragmenterFinnes(sitat: string, tekst: string): boolean {
  const n = normaliser(tekst);
  let fra = 0;
  let noe = false;
  for (const fragment of sitat.split('…').map((x) => normaliser(x))) {
    if (fragment === '') continue;
    const i = n.indexOf(fragment, fra);
    if (i < 0) return false;
    fra = i + fragment.length;
    noe = true;
  }
  return noe;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The body of § `paragraf` in a consolidated text (heading to the next heading), or null. */
function paragrafKropp(tekst: string, paragraf: string): string | null {
  const linjer = tekst.split('\n');
  // «#### § 3.», «#### § 32. (klagens adressat …)», or a bare «#### § 11».
  const overskrift = new RegExp(`^#{2,6}\\s+§\\s*${esc(paragraf)}(?:\\.|\\s*$)`);
  const start = linjer.findIndex((l) => overskrift.test(l));
  if (start < 0) return null;
  const slutt = linjer.findIndex((l, i) => i > start && /^#/.test(l));
  return linjer.slice(start + 1, slutt < 0 ? undefined : slutt).join('\n');
}

/** The ledd of a paragraph's body: blocks between blank lines, a list belonging to the ledd before it. */
function leddAv(kropp: string): string[] {
  const blokker = kropp
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    // Lovdata's notes on amendments («*Endret ved …*») are not part of the text.
    .filter((b) => b !== '' && !/^\*[^*].*\*$/s.test(b));
  const ledd: string[] = [];
  for (const b of blokker) {
    if (b.split('\n').every((l) => /^\s*-\s/.test(l)) && ledd.length > 0) ledd[ledd.length - 1] += `\n${b}`;
    else ledd.push(b);
  }
  return ledd;
}

/** The list items of a ledd («- …» lines), in order. */
function listepunkter(ledd: string): string[] {
  return ledd
    .split('\n')
    .filter((l) => /^\s*-\s/.test(l))
    .map((l) => l.replace(/^\s*-\s+/, ''));
}

/** Every wording of § `paragraf` in a history text that took effect on `dato`. */
function versjonerIHistorikk(tekst: string, paragraf: string, dato: string): string[] {
  const ut: string[] = [];
  // «## § 3», and Lovdata's run-together «## § 3Egenandelens» (the 2020 amendment), not «## § 3a».
  const egenSeksjon = new RegExp(`^§ ${esc(paragraf)}(?:$|[A-ZÆØÅ][a-zæøå])`);
  for (const del of tekst.split(/^## /m).slice(1)) {
    const seksjon = del.split('\n')[0]?.trim() ?? '';
    for (const v of del.split(/^### /m).slice(1)) {
      if (!v.startsWith(dato)) continue;
      if (egenSeksjon.test(seksjon)) {
        ut.push(v);
        continue;
      }
      // A chapter-wide amendment: the paragraph from its marker «§ 1B-2.» to the next one.
      const m = new RegExp(`§ ${esc(paragraf)}\\.`).exec(v);
      if (m) {
        const resten = v.slice(m.index + 1);
        const neste = /> § \d+[A-Za-z]?(-\d+)?\./.exec(resten);
        ut.push(resten.slice(0, neste ? neste.index : undefined));
      }
    }
  }
  return ut;
}

/** The merknad to § `paragraf` («Til ny § 3a :» up to the next): the quote within one of its paragraphs. */
function sjekkMerknad(filer: Lovfil[], id: string, paragraf: string, sitat: string): string | null {
  for (const f of filer) {
    const del = f.tekst.split(/^Til ny § /m).find((d) => d.startsWith(`${paragraf} :`));
    if (!del) continue;
    const avsnitt = (del.split(/^(Merknader tilføyd|#)/m)[0] ?? '').split('\n').slice(1);
    if (avsnitt.some((a) => fragmenterFinnes(sitat, a))) return null;
    return `sitatet står ikke i merknaden til § ${paragraf}`;
  }
  return `ingen merknad til § ${paragraf} i ${id}`;
}

/** The quote checked in the wording of § `paragraf` in force from `dato`. */
function sjekkIKraft(filer: Lovfil[], h: Henvisning, dato: string, sitat: string): string | null {
  const versjoner = [
    ...filer.filter((f) => f.historikk).flatMap((f) => versjonerIHistorikk(f.tekst, h.paragraf, dato)),
    // An amending act in force that day: its own paragraph, or its running text («… skal lyde: …»).
    ...filer
      .filter((f) => f.endrer?.iKraft === dato)
      .map((f) => paragrafKropp(f.tekst, h.paragraf) ?? (f.tekst.includes(`§ ${h.paragraf}`) ? f.tekst : ''))
      .filter((t) => t !== ''),
  ];
  if (versjoner.length === 0) return `ingen versjon av § ${h.paragraf} i kraft ${dato} i lovtekst/`;
  return versjoner.some((v) => fragmenterFinnes(sitat, v))
    ? null
    : `sitatet står ikke i § ${h.paragraf} i kraft ${dato}`;
}

/**
 * Why a quote does not stand where its tag says, or null when it does: verbatim (whitespace-normalised,
 * `…` leaving words out), in the paragraph and ledd (and list item) of the consolidated text or an
 * extract of it, in the merknad to the paragraph, or, with `i kraft`, in the wording in force that day.
 */
export function sjekkSitat(lover: readonly Lovfil[], henvisning: string, sitat: string): string | null {
  let h: Henvisning;
  try {
    h = lesHenvisning(henvisning);
  } catch (e) {
    return (e as Error).message;
  }
  if (normaliser(sitat.replace(/…/g, ' ')) === '') return 'sitatet er tomt';
  const alle = lover.filter((f) => f.id === h.id || f.endrer?.id === h.id);
  if (alle.length === 0) return `${h.id} finnes ikke i lovtekst/`;
  // The law's own texts (consolidated or an extract), not its history or the acts amending it.
  const egne = alle.filter((f) => f.id === h.id && !f.endrer && !f.historikk);
  if (h.merknad) return sjekkMerknad(egne, h.id, h.paragraf, sitat);
  if (h.iKraft) return sjekkIKraft(alle, h, h.iKraft, sitat);
  const kropper = egne.map((f) => paragrafKropp(f.tekst, h.paragraf)).filter((k): k is string => k !== null);
  if (kropper.length === 0) return `§ ${h.paragraf} finnes ikke i ${h.id} i lovtekst/`;
  let grunn = `sitatet står ikke i ${henvisning.replace(/^\S+ /, '')}`;
  for (const kropp of kropper) {
    if (h.ledd === undefined) {
      if (fragmenterFinnes(sitat, kropp)) return null;
      continue;
    }
    const ledd = leddAv(kropp);
    const valgt = h.ledd === 'siste' ? ledd.at(-1) : ledd[h.ledd - 1];
    if (valgt === undefined) {
      grunn = `§ ${h.paragraf} har ikke ${h.ledd}. ledd`;
      continue;
    }
    if (h.bokstav === undefined) {
      if (fragmenterFinnes(sitat, valgt)) return null;
      continue;
    }
    const punkt = listepunkter(valgt)[h.bokstav.charCodeAt(0) - 'a'.charCodeAt(0)];
    if (punkt === undefined) {
      grunn = `§ ${h.paragraf} ${h.ledd}. ledd har ingen bokstav ${h.bokstav}`;
      continue;
    }
    if (fragmenterFinnes(sitat, punkt)) return null;
  }
  return grunn;
}

/**
 * Why a reference without a quote (a hjemmel a package prints, read into `<id> § <n> [<ordinal> ledd]`)
 * names no paragraph and ledd that exist, or null when it does. A paragraph found only in the law's
 * history (one repealed or moved, e.g. forskrift til opplæringslova kapittel 1B) exists by its heading
 * «## § n» or its marker «> § n.»; its ledd cannot be counted there, so they are not checked.
 */
export function sjekkHenvisning(lover: readonly Lovfil[], henvisning: string): string | null {
  let h: Henvisning;
  try {
    h = lesHenvisning(henvisning);
  } catch (e) {
    return (e as Error).message;
  }
  if (h.merknad || h.iKraft) return `«${henvisning}»: bare paragraf og ledd kan sjekkes uten sitat`;
  const alle = lover.filter((f) => f.id === h.id);
  if (alle.length === 0) return `${h.id} finnes ikke i lovtekst/`;
  const kropper = alle
    .filter((f) => !f.endrer && !f.historikk)
    .map((f) => paragrafKropp(f.tekst, h.paragraf))
    .filter((k): k is string => k !== null);
  if (kropper.length === 0) {
    // «## § 1B-4» (the paragraph's own section), or «> § 1B-4.» opening it in a chapter-wide amendment.
    const markoer = new RegExp(`^(## § ${esc(h.paragraf)}$|> § ${esc(h.paragraf)}\\.)`, 'm');
    return alle.some((f) => f.historikk && markoer.test(f.tekst))
      ? null
      : `§ ${h.paragraf} finnes ikke i ${h.id}`;
  }
  if (h.ledd === undefined || h.ledd === 'siste') return null;
  const n = h.ledd;
  const ledd = kropper.map((k) => leddAv(k)).find((l) => l.length >= n);
  if (ledd === undefined) return `§ ${h.paragraf} har ikke ${n}. ledd`;
  if (h.bokstav === undefined) return null;
  return listepunkter(ledd[n - 1] as string)[h.bokstav.charCodeAt(0) - 'a'.charCodeAt(0)] === undefined
    ? `§ ${h.paragraf} ${n}. ledd har ingen bokstav ${h.bokstav}`
    : null;
}

/**
 * Why a quote is found nowhere in a law (its own texts, its history, the acts amending it), or null: for
 * a source that quotes the law without naming the paragraph, e.g. a table value read on lovdata.no.
 */
export function sjekkSitatILoven(lover: readonly Lovfil[], id: string, sitat: string): string | null {
  if (normaliser(sitat.replace(/…/g, ' ')) === '') return 'sitatet er tomt';
  const alle = lover.filter((f) => f.id === id || f.endrer?.id === id);
  if (alle.length === 0) return `${id} finnes ikke i lovtekst/`;
  return alle.some((f) => fragmenterFinnes(sitat, f.tekst)) ? null : `sitatet står ikke i ${id}`;
}

/**
 * Why a hjemmel as the product prints it («<kortnavn> § <n>[ <ordinal> ledd]», e.g. «egenandelsforskriften
 * § 10 andre ledd») names no paragraph and ledd that exist, or null when it does. `kortnavn` maps each
 * short name the caller prints to its regulation id; a name it does not know is refused.
 */
export function sjekkHjemmel(
  lover: readonly Lovfil[],
  kortnavn: Readonly<Record<string, string>>,
  hjemmel: string,
): string | null {
  const m = /^(.+?) § (\d+[A-Za-z]?(?:-\d+)*)(?: ([a-zæøå]+) ledd)?$/.exec(hjemmel);
  if (!m) return `«${hjemmel}» har ikke formen <kortnavn> § <n>[ <ordinal> ledd]`;
  const id = Object.hasOwn(kortnavn, m[1] as string) ? kortnavn[m[1] as string] : undefined;
  if (!id) return `ukjent kortnavn «${m[1]}»`;
  return sjekkHenvisning(lover, `${id} § ${m[2]}${m[3] ? ` ${m[3]} ledd` : ''}`);
}

/**
 * Why each of `sitater` does not stand where its tag says (a tag without a quote included), as one line
 * naming file, line and tag; empty when every quote checks out.
 */
export function sjekkSitater(
  lover: readonly Lovfil[],
  sitater: readonly { fil: string; linje: number; henvisning: string; sitat: string | null }[],
): string[] {
  return sitater.flatMap((s) => {
    const hvor = `${s.fil}:${s.linje} @lovtekst ${s.henvisning}`;
    if (s.sitat === null) return [`${hvor}: intet sitat i «…» på linjen etter taggen`];
    const grunn = sjekkSitat(lover, s.henvisning, s.sitat);
    return grunn ? [`${hvor}: ${grunn}: «${s.sitat.slice(0, 80)}${s.sitat.length > 80 ? '…' : ''}»`] : [];
  });
}
