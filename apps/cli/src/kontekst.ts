import type { Readable, Writable } from 'node:stream';

/**
 * What a command may touch: its streams, the environment and the clock, passed in so tests run a
 * command in-process and "today" is never read inside a rule.
 */
export interface Kontekst {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Today's date (YYYY-MM-DD) in Norway, from the caller's clock. */
  idag: () => string;
  /** The current instant (the time recorded in the audit log). */
  naa: () => Date;
  /** Whether stderr is a terminal (for progress bars). */
  stderrErTerminal: boolean;
}

export interface Kommando {
  navn: string;
  /** One line for the command list. */
  beskrivelse: string;
  /** Full usage text. */
  bruk: string;
  /** Runs the command; resolves to the exit code. */
  kjoer(argumenter: string[], kontekst: Kontekst): Promise<number>;
}

/** A mistake in how the command was called or in its input: exit code 2, message without a stack trace. */
export class BrukerFeil extends Error {
  override readonly name = 'BrukerFeil';
}

export function skriv(strom: Writable, tekst: string): void {
  strom.write(tekst.endsWith('\n') ? tekst : `${tekst}\n`);
}
