/**
 * A worker thread of `--arbeidere` (batch/arbeidere.ts): builds the same row handler as the in-process
 * path from the options it is given, and answers groups of rows. Storage calls go to the main thread;
 * the clock is the instant each row was sent with.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { Lagring } from '@inntektsgrunnlag/lagring';
import { Satsforvaltning } from '@inntektsgrunnlag/oppslag';
import {
  beskrivFeil,
  kilderFraMiljoe,
  lagRadbehandler,
  lagRadkjoerer,
  type Utformat,
} from '../kommandoer/beregn.js';
import { lastKommuneinnstillinger, lastRegelverk } from '../regelverk.js';
import { type FraArbeider, perTur, type TilArbeider } from './arbeidere.js';

/** The options a worker builds its row handler from (set by kommandoer/beregn.ts). */
export interface Arbeiderdata {
  valg: {
    rolle?: string | undefined;
    bruker?: string | undefined;
    saksreferanse?: string | undefined;
    satser: string[];
    kommuneinnstillinger?: string | undefined;
  };
  cwd: string;
  env: Record<string, string | undefined>;
  innebygd: boolean;
  format: Utformat;
  pdfDir: string | null;
  brevDir: string | null;
  csvInn: boolean;
  /** `--aarlig-oppdatering`, or null. */
  aarligOppdatering: number | null;
}

const port = parentPort;
if (!port) throw new Error('batch/arbeider.ts kjøres bare som arbeidstråd');
const send = (m: FraArbeider, overfoer?: ArrayBuffer[]) => port.postMessage(m, overfoer);

/** Calls waiting for the main thread's storage. */
const lagringskall = new Map<number, { loes: (v: unknown) => void; avvis: (e: Error) => void }>();
let nesteKall = 0;
/**
 * Storage calls made during this turn of the event loop, sent as one message at its end: the rows
 * of a group reach their audit entry together, and the main thread then appends those entries in one
 * transaction (batch/arbeidere.ts) instead of one at a time.
 */
const sendKall = perTur<Extract<FraArbeider, { type: 'lagring' }>['kall'][number]>((kall) =>
  send({ type: 'lagring', kall }),
);

/** The storage as the row handler sees it: every `lagring.<gruppe>.<metode>(…)` runs in the main thread. */
function lagringViaHovedtraaden(innebygd: boolean): Lagring {
  const grupper = new Map<string, unknown>();
  return new Proxy({} as Lagring, {
    get(_maal, gruppe) {
      if (gruppe === 'innebygd') return innebygd;
      if (typeof gruppe !== 'string' || gruppe === 'then') return undefined;
      let g = grupper.get(gruppe);
      if (!g) {
        g = new Proxy(
          {},
          {
            get(_m, metode) {
              if (typeof metode !== 'string' || metode === 'then') return undefined;
              return (...argumenter: unknown[]) =>
                new Promise((loes, avvis) => {
                  const id = nesteKall++;
                  lagringskall.set(id, { loes, avvis });
                  sendKall({ id, sti: [gruppe, metode], argumenter });
                });
            },
          },
        );
        grupper.set(gruppe, g);
      }
      return g;
    },
  });
}

const data = workerData as Arbeiderdata;
/** Each row's instant, through its awaits (rows of a group run at the same time). */
const radensTid = new AsyncLocalStorage<number>();
/** Null when the handler could not be built: the main thread has been told and ends the worker. */
let behandle: ReturnType<typeof lagRadbehandler> | null = null;
try {
  const kontekst = { cwd: data.cwd, env: data.env };
  const innstillinger = lastKommuneinnstillinger(data.valg.kommuneinnstillinger, kontekst);
  const lagring = lagringViaHovedtraaden(data.innebygd);
  const regelverk = lastRegelverk(data.valg.satser, kontekst);
  // The instant the main thread's clock gave when the row was sent.
  const klokke = () => new Date(radensTid.getStore() ?? Date.now());
  const kjoer = lagRadkjoerer({
    lagring,
    kilder: kilderFraMiljoe(kontekst),
    regelverk,
    // The municipality's approved rates, read once for the run through the main thread's storage.
    satser: new Satsforvaltning({ lagring, regelverk, klokke, bufferMs: Number.POSITIVE_INFINITY }),
    innstillinger,
    klokke,
    valg: data.valg,
    batch: true,
    aarligOppdatering: data.aarligOppdatering,
  });
  behandle = lagRadbehandler({
    kjoer,
    format: data.format,
    pdfDir: data.pdfDir,
    brevDir: data.brevDir,
    innstillinger,
  });
  send({ type: 'klar' });
} catch (e) {
  // Not process.exit: the message must reach the main thread, which then ends this worker.
  send({ type: 'startfeil', melding: e instanceof Error ? e.message : String(e) });
}

port.on('message', async (m: TilArbeider) => {
  if (m.type === 'lagringSvar') {
    for (const s of m.svar) {
      const v = lagringskall.get(s.id);
      if (!v) continue;
      lagringskall.delete(s.id);
      if (s.feil) {
        const feil = new Error(s.feil.melding);
        feil.name = s.feil.navn;
        v.avvis(feil);
      } else v.loes(s.verdi);
    }
    return;
  }
  const radbehandler = behandle;
  if (!radbehandler) return;
  const utfall = await Promise.all(
    m.rader.map(async (r) => {
      try {
        const tekst = await radensTid.run(r.naa, () =>
          radbehandler({ rad: r.rad, data: r.data, skilletegn: r.skilletegn }),
        );
        return { id: r.id, tekst };
      } catch (e) {
        return { id: r.id, feil: beskrivFeil(e, data.csvInn) };
      }
    }),
  );
  // The group's texts encoded here, into one buffer that is moved (not copied) to the main thread,
  // which then only copies each row's bytes into its output: the encoding (about 10 µs for a 13 kB
  // result) is done where the row was computed, off the thread every row passes through.
  let plass = 0;
  for (const u of utfall)
    if (u.tekst !== undefined) plass += typeof u.tekst === 'string' ? u.tekst.length * 3 : u.tekst.length;
  const bytes = Buffer.allocUnsafeSlow(plass);
  let pos = 0;
  const svar = utfall.map((u): Extract<FraArbeider, { type: 'svar' }>['svar'][number] => {
    if (u.tekst === undefined) return { id: u.id, feil: u.feil };
    const fra = pos;
    if (typeof u.tekst === 'string') pos += bytes.write(u.tekst, pos, 'utf8');
    else {
      bytes.set(u.tekst, pos);
      pos += u.tekst.length;
    }
    return { id: u.id, fra, til: pos };
  });
  send({ type: 'svar', svar, bytes: bytes.buffer }, [bytes.buffer]);
});
