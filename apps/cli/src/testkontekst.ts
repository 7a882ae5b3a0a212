import { PassThrough, Readable } from 'node:stream';
import type { Kontekst } from './kontekst.js';

/** An in-process context with captured output, for tests. */
export function testkontekst(overstyr: Partial<Kontekst> & { stdinTekst?: string } = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let ut = '';
  let feil = '';
  stdout.on('data', (b: Buffer) => {
    ut += b.toString('utf8');
  });
  stderr.on('data', (b: Buffer) => {
    feil += b.toString('utf8');
  });
  const { stdinTekst, ...rest } = overstyr;
  const kontekst: Kontekst = {
    stdout,
    stderr,
    stdin: Readable.from(stdinTekst ? [stdinTekst] : []),
    env: {},
    cwd: process.cwd(),
    idag: () => '2024-06-01',
    stderrErTerminal: false,
    ...rest,
  };
  return { kontekst, ut: () => ut, feil: () => feil };
}
