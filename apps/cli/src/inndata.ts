import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { text } from 'node:stream/consumers';
import { BrukerFeil, type Kontekst } from './kontekst.js';

/** One request read from input, with where it came from (for error messages). */
export interface Inndatarad {
  /** 1-based line number for JSON Lines, 1 for a single document. */
  linje: number;
  data: unknown;
}

/**
 * Reads a file or standard input ("-"): one JSON request, a golden case file (its `foresporsel` is
 * used), or JSON Lines (one request per line). A line that is not JSON is returned as a parse error
 * so the caller can report it and go on.
 */
export async function lesForesporsler(
  kilde: string,
  { stdin, cwd }: Pick<Kontekst, 'stdin' | 'cwd'>,
): Promise<{ enkelt: boolean; rader: Array<Inndatarad | { linje: number; feil: string }> }> {
  let innhold: string;
  try {
    innhold = kilde === '-' ? await text(stdin) : readFileSync(resolve(cwd, kilde), 'utf8');
  } catch (e) {
    throw new BrukerFeil(
      `Kunne ikke lese ${kilde === '-' ? 'standard inn' : kilde}: ${(e as Error).message}`,
    );
  }
  if (!innhold.trim()) throw new BrukerFeil(`${kilde === '-' ? 'Standard inn' : kilde} er tom`);
  try {
    const data = JSON.parse(innhold) as unknown;
    return { enkelt: true, rader: [{ linje: 1, data: golden(data) }] };
  } catch {
    // Not one JSON document: JSON Lines.
  }
  const rader: Array<Inndatarad | { linje: number; feil: string }> = [];
  innhold.split(/\r?\n/).forEach((tekst, i) => {
    if (!tekst.trim()) return;
    try {
      rader.push({ linje: i + 1, data: golden(JSON.parse(tekst)) });
    } catch (e) {
      rader.push({ linje: i + 1, feil: `ikke gyldig JSON: ${(e as Error).message}` });
    }
  });
  if (rader.length === 1 && 'feil' in (rader[0] as object)) {
    throw new BrukerFeil(`${kilde} er verken JSON eller JSON Lines: ${(rader[0] as { feil: string }).feil}`);
  }
  return { enkelt: false, rader };
}

/** A golden case file carries the request under `foresporsel`. */
function golden(data: unknown): unknown {
  if (data && typeof data === 'object' && 'foresporsel' in data && 'forventet' in data) {
    return (data as { foresporsel: unknown }).foresporsel;
  }
  return data;
}
