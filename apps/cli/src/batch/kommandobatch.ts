/**
 * What every batch command (`beregn`, `etteroppgjoer`) does around `kjoerBatch`: a single document given
 * with batch options as a batch of one row, the output paths and document folders, Ctrl-C wired to a
 * checkpoint, and the summary file. One place, so the commands cannot drift apart.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Inndata } from '../inndata.js';
import { BrukerFeil, type Kontekst, skriv } from '../kontekst.js';
import { maskerTekst, type Oppsummering } from './kjoering.js';
import { PRIVAT_FIL } from './skriver.js';

/** A single document given with batch options is a batch of one row. */
export function somRader(inndata: Inndata): Extract<Inndata, { type: 'rader' }> {
  if (inndata.type === 'rader') return inndata;
  const dokument = inndata.data;
  return {
    type: 'rader',
    format: 'jsonl',
    navn: inndata.navn,
    fil: null,
    stoerrelse: null,
    aapne: async function* () {
      yield Buffer.from(`${JSON.stringify(dokument)}\n`);
    },
  };
}

export interface Batchmapper {
  ut: string | null;
  feilfil: string | null;
  pdfDir: string | null;
  brevDir: string | null;
}

/**
 * The output file, the error file (default `<ut>.feil.csv`) and the document folders, resolved against
 * the working directory; the folders are made, and one that cannot be is bad input (exit code 2).
 */
export function batchmapper(
  values: {
    ut?: string | undefined;
    feilfil?: string | undefined;
    'pdf-dir'?: string | undefined;
    'vedtaksbrev-dir'?: string | undefined;
  },
  kontekst: Pick<Kontekst, 'cwd'>,
): Batchmapper {
  const ut = values.ut ? resolve(kontekst.cwd, values.ut) : null;
  const feilfil = values.feilfil ? resolve(kontekst.cwd, values.feilfil) : ut ? `${ut}.feil.csv` : null;
  const pdfDir = values['pdf-dir'] ? resolve(kontekst.cwd, values['pdf-dir']) : null;
  const brevDir = values['vedtaksbrev-dir'] ? resolve(kontekst.cwd, values['vedtaksbrev-dir']) : null;
  for (const [dir, valg] of [
    [pdfDir, 'pdf-dir'],
    [brevDir, 'vedtaksbrev-dir'],
  ] as const) {
    if (!dir) continue;
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new BrukerFeil(`Kunne ikke lage mappen ${values[valg]}: ${(e as Error).message}`);
    }
  }
  return { ut, feilfil, pdfDir, brevDir };
}

/**
 * Runs `kjoer` with a stop signal: the caller's (tests), or Ctrl-C. The first Ctrl-C stops the run at a
 * row boundary with a checkpoint; a second one ends at once (the last periodic checkpoint still holds,
 * and resume cuts the files back to it).
 */
export async function medCtrlC<T>(
  avbryt: AbortSignal | undefined,
  kjoer: (avbryt: AbortSignal) => Promise<T>,
): Promise<T> {
  if (avbryt) return kjoer(avbryt);
  const avbrytVedSigint = new AbortController();
  const paaSigint = () => {
    if (avbrytVedSigint.signal.aborted) process.exit(130);
    avbrytVedSigint.abort();
  };
  process.on('SIGINT', paaSigint);
  try {
    return await kjoer(avbrytVedSigint.signal);
  } finally {
    process.off('SIGINT', paaSigint);
  }
}

/** `--oppsummering <fil>`: the run's summary as JSON; a file that cannot be written is said, not fatal. */
export function skrivOppsummering(
  fil: string | undefined,
  oppsummering: Oppsummering,
  kontekst: Pick<Kontekst, 'cwd' | 'stderr'>,
): void {
  if (!fil) return;
  const sti = resolve(kontekst.cwd, fil);
  try {
    writeFileSync(sti, `${JSON.stringify(oppsummering, null, 2)}\n`, { mode: PRIVAT_FIL });
  } catch (e) {
    skriv(kontekst.stderr, maskerTekst(`Kunne ikke skrive oppsummeringen ${sti}: ${(e as Error).message}`));
  }
}
