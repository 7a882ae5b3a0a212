import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { undersoekInndata } from '../inndata.js';
import { type Batchoppsett, kjoerBatch, type Rad } from './kjoering.js';
import { type Sjekkpunkt, sjekkpunktFil } from './sjekkpunkt.js';

const mappe = mkdtempSync(join(tmpdir(), 'ig-cli-kjoering-'));
afterAll(() => rmSync(mappe, { recursive: true, force: true }));
const fil = (navn: string) => join(mappe, navn);
const vent = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** A run of `kjoerBatch` on a JSON Lines file, with stderr captured and a row handler of the test's own. */
async function kjoer(
  inn: string,
  ut: string,
  behandle: (rad: Rad) => Promise<string>,
  ekstra: Partial<Batchoppsett> = {},
) {
  const inndata = await undersoekInndata(inn, { stdin: Readable.from([]), cwd: mappe }, 'jsonl');
  if (inndata.type !== 'rader') throw new Error('ventet rader');
  const stderr = new PassThrough();
  let feil = '';
  stderr.on('data', (b: Buffer) => {
    feil += b.toString('utf8');
  });
  const oppsummering = await kjoerBatch({
    inndata,
    ut: fil(ut),
    stdout: new PassThrough(),
    stderr,
    feilfil: fil(`${ut}.feil.csv`),
    utformat: 'json',
    skilletegn: null,
    resume: false,
    samtidighet: 2,
    behandle,
    beskrivFeil: (e) => ({ kode: 'UVENTET', melding: (e as Error).message }),
    fremdrift: true,
    visOppsummering: false,
    ...ekstra,
  });
  return { oppsummering, feil };
}

describe('kjoerBatch with slow rows (lookups at a few rows a second)', () => {
  it('draws progress and writes checkpoints by the clock, not every 64 rows, without emptying the window', async () => {
    const ANTALL = 40;
    writeFileSync(fil('treg.jsonl'), Array.from({ length: ANTALL }, (_, i) => `{"n":${i + 1}}\n`).join(''));
    const sjekkpunkt = sjekkpunktFil(fil('treg.ut'));
    let iGang = 0;
    /** How many rows were in flight when each row started (by row number). */
    const iGangVedStart = new Map<number, number>();
    let sett: Sjekkpunkt | null = null;
    const behandle = async ({ rad, data }: Rad) => {
      iGangVedStart.set(rad, iGang);
      // The first periodic checkpoint that points past a row: keep the files as they are now, as if
      // the process died here, to resume from below.
      if (!sett && existsSync(sjekkpunkt)) {
        const s = JSON.parse(readFileSync(sjekkpunkt, 'utf8')) as Sjekkpunkt;
        if (s.neste.linje > 1) {
          sett = s;
          copyFileSync(sjekkpunkt, sjekkpunktFil(fil('krasj.ut')));
          copyFileSync(fil('treg.ut'), fil('krasj.ut'));
          copyFileSync(fil('treg.ut.feil.csv'), fil('krasj.ut.feil.csv'));
        }
      }
      iGang++;
      try {
        await vent(25);
        if (rad % 7 === 0) throw new Error(`rad ${rad} feilet`);
        return `${JSON.stringify(data)}\n`;
      } finally {
        iGang--;
      }
    };
    const { oppsummering, feil } = await kjoer('treg.jsonl', 'treg.ut', behandle, {
      sjekkpunktIntervall: 60,
    });
    expect(oppsummering).toMatchObject({ rader: ANTALL, feilet: 5, avbrutt: false });

    // At least 40 / 2 × 25 ms = 500 ms: the bar is drawn at the start and every 200 ms, not only at the end.
    expect(feil.match(/\r\[/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    // A checkpoint was written while the run went on (every 60 ms here), long before 64 rows.
    expect(sett).not.toBeNull();
    // ...and writing it did not wait for the rows in flight: once the window is full, each row starts
    // while the other one is still running.
    for (let rad = 3; rad <= ANTALL; rad++) expect(iGangVedStart.get(rad)).toBe(1);

    // Resuming from that checkpoint (rows were in flight when it was written) gives the clean run's
    // files exactly: the rows after it are done again, none lost, none twice.
    const videre = await kjoer(
      'treg.jsonl',
      'krasj.ut',
      async ({ data, rad }) => {
        if (rad % 7 === 0) throw new Error(`rad ${rad} feilet`);
        return `${JSON.stringify(data)}\n`;
      },
      { resume: true, fremdrift: false },
    );
    expect(videre.oppsummering).toMatchObject({ rader: ANTALL, feilet: 5 });
    expect(videre.oppsummering.fraTidligere).toBe((sett as Sjekkpunkt | null)?.antall.rader);
    expect(readFileSync(fil('krasj.ut'), 'utf8')).toBe(readFileSync(fil('treg.ut'), 'utf8'));
    expect(readFileSync(fil('krasj.ut.feil.csv'), 'utf8')).toBe(
      readFileSync(fil('treg.ut.feil.csv'), 'utf8'),
    );
    expect(existsSync(sjekkpunktFil(fil('krasj.ut')))).toBe(false);
  });
});
