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
  // A test that moves "today" moves the clock with it.
  if (rest.idag && !rest.naa) {
    const dag = rest.idag();
    rest.naa = () => new Date(`${dag}T10:00:00Z`);
  }
  const kontekst: Kontekst = {
    stdout,
    stderr,
    stdin: Readable.from(stdinTekst ? [stdinTekst] : []),
    cwd: process.cwd(),
    idag: () => '2024-06-01',
    naa: () => new Date('2024-06-01T10:00:00Z'),
    stderrErTerminal: false,
    ...rest,
    // Nothing a test does is kept: the embedded database lives in memory unless a test names a folder.
    env: { INNTEKTSGRUNNLAG_DATA: ':minne:', ...rest.env },
  };
  return { kontekst, ut: () => ut, feil: () => feil };
}
