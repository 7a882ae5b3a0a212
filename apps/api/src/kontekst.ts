import type { Arkivtjeneste, Oppslagstjeneste, Satsforvaltning } from '@inntektsgrunnlag/oppslag';
import type { Logger } from 'pino';
import type { ApiKonfig } from './konfig.js';
import type { Metrikker } from './mellomvare/metrikker.js';
import type { Turkoe } from './mellomvare/tur.js';

/** How the sources fared lately, for /health/ready: learnt from the lookups themselves. */
export class Kildestatus {
  sisteSuksess: Date | null = null;
  sisteFeil: Date | null = null;

  suksess(t: Date): void {
    this.sisteSuksess = t;
  }

  feil(t: Date): void {
    this.sisteFeil = t;
  }

  /** Failing: the last lookup within five minutes failed transiently and none has succeeded since. */
  feiler(naa: Date): boolean {
    return (
      this.sisteFeil !== null &&
      naa.getTime() - this.sisteFeil.getTime() < 5 * 60_000 &&
      (this.sisteSuksess === null || this.sisteSuksess < this.sisteFeil)
    );
  }
}

/** What every router gets: the configuration, the use case, the log, the metrics and the clock. */
export interface ApiKontekst {
  konfig: ApiKonfig;
  tjeneste: Oppslagstjeneste;
  logger: Logger;
  metrikker: Metrikker;
  kildestatus: Kildestatus;
  klokke: () => Date;
  /** Beregninger take turns, one per turn of the event loop (see Turkoe). */
  turkoe: Turkoe;
  /** Journaling in the archive (Fiks Arkiv when set up; the zip always). */
  arkiv: Arkivtjeneste;
  /** The municipality's own rates, entered and approved in the product (ruter/satser.ts). */
  satser: Satsforvaltning;
}
