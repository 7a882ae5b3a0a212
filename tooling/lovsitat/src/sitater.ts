import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kildefiler } from './kildefiler.js';
/**
 * The convention (packages/foreldrebetaling/src/regler/*.ts): a comment line `@lovtekst <id> § <n>
 * [<ordinal> ledd [bokstav <x>]] [i kraft YYYY-MM-DD]` (or `§ <n> merknad`), and on the next line the
 * verbatim quote in «…», which may run over several comment lines. `…` inside the quote leaves words out.
 */
export interface Sitat {
  /** Where the tag is, for messages: the path given to `finnSitater`. */
  fil: string;
  /** 1-based line of the tag. */
  linje: number;
  /** What follows `@lovtekst`, e.g. "FOR-2011-12-16-1349 § 10 andre ledd". */
  henvisning: string;
  /** The quote without its «», or null when the tag has none. */
  sitat: string | null;
}

/** A source line without its comment marker (`/**`, `*`, `*\/`, `//`). */
function utenKommentar(linje: string): string {
  return linje.replace(/^\s*(\/\*\*|\*\/|\*|\/\/)\s?/, '');
}

/** The «…» at the start of `tekst`, nested «» included (an amending act quotes its new wording so). */
function foersteSitat(tekst: string): string | null {
  const start = /^\s*«/.exec(tekst);
  if (!start) return null;
  let dybde = 0;
  for (let i = start[0].length - 1; i < tekst.length; i++) {
    const c = tekst[i];
    if (c === '«') dybde++;
    else if (c === '»') {
      dybde--;
      if (dybde === 0) return tekst.slice(start[0].length, i);
    }
  }
  return null;
}

/** Every `@lovtekst` tag in a source file's text, with the quote that follows it. */
export function finnSitater(kilde: string, fil: string): Sitat[] {
  const linjer = kilde.split('\n').map(utenKommentar);
  const ut: Sitat[] = [];
  linjer.forEach((linje, i) => {
    // A one-line JSDoc («/** @lovtekst … */») ends the tag with the comment.
    const m = /^@lovtekst\s+(.+?)(\s*\*\/)?$/.exec(linje.trim());
    if (!m) return;
    // The quote: the lines after the tag up to a blank line (or the comment's end) or the next tag.
    const etter: string[] = [];
    for (const l of linjer.slice(i + 1)) {
      if (l.trim() === '' || l.trim().startsWith('@')) break;
      etter.push(l.trim());
    }
    ut.push({ fil, linje: i + 1, henvisning: (m[1] as string).trim(), sitat: foersteSitat(etter.join(' ')) });
  });
  return ut;
}

/** Every `@lovtekst` tag in the product's source files under `mapper` of `rot` (paths relative to `rot`). */
export function sitaterUnder(rot: string, mapper: readonly string[]): Sitat[] {
  return kildefiler(rot, mapper).flatMap((f) => finnSitater(readFileSync(join(rot, f), 'utf8'), f));
}
