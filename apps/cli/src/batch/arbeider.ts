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
import type { FraArbeider, TilArbeider } from './arbeidere.js';

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
const send = (m: FraArbeider) => port.postMessage(m);

/** Calls waiting for the main thread's storage. */
const lagringskall = new Map<number, { loes: (v: unknown) => void; avvis: (e: Error) => void }>();
let nesteKall = 0;

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
                  send({ type: 'lagring', id, sti: [gruppe, metode], argumenter });
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
    const v = lagringskall.get(m.id);
    if (!v) return;
    lagringskall.delete(m.id);
    if (m.feil) {
      const feil = new Error(m.feil.melding);
      feil.name = m.feil.navn;
      v.avvis(feil);
    } else v.loes(m.verdi);
    return;
  }
  const radbehandler = behandle;
  if (!radbehandler) return;
  const svar = await Promise.all(
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
  send({ type: 'svar', svar });
});
