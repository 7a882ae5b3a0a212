// Test helpers only (not exported from index.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beregner, innstillingerSkjema, vedtakSkjema } from '@inntektsgrunnlag/langtidsopphold';
import { Beloep } from '@inntektsgrunnlag/money';
import { GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT, Regelverk } from '@inntektsgrunnlag/regelverk';
import { beregnEtteroppgjoer, type Etteroppgjoersinput } from './etteroppgjoer.js';
import { fakturertSkjema, oppholdSkjema } from './inndata.js';
import { etteroppgjoersinnstillingerSkjema } from './innstillinger.js';

const tabeller = [GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT, ...beregner.tabeller];
export const REGELVERK = Regelverk.av([...new Map(tabeller.map((t) => [t.navn, t])).values()]);

export interface Eksempel {
  navn: string;
  beskrivelse: string;
  inntektsaar: number;
  beregningsgrunnlag: number;
  vedtak: Record<string, unknown>;
  opphold: Record<string, unknown>;
  innstillinger: Record<string, unknown>;
  fakturert: Array<{ maaned: string; beloep: number }>;
  forventet: {
    sumEndelig: number;
    sumFakturert: number;
    differanse: number;
    maanederOverMaksimum: string[];
    regnestykke: string;
    maaneder: Array<{
      maaned: string;
      vederlagsdager: number;
      endelig: number;
      fakturert: number;
      differanse: number;
      overMaksimum: boolean;
      regnestykke: string;
    }>;
  };
}

const MAPPE = fileURLToPath(new URL('./eksempler/', import.meta.url));

export function eksempler(): Eksempel[] {
  return readdirSync(MAPPE)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(`${MAPPE}${f}`, 'utf8')) as Eksempel);
}

export interface Inn {
  inntektsaar: number;
  beregningsgrunnlag: number | string;
  vedtak?: unknown;
  opphold?: unknown;
  fakturert?: unknown;
  innstillinger?: unknown;
  etteroppgjoersinnstillinger?: unknown;
}

export function input(i: Inn): Etteroppgjoersinput {
  return {
    inntektsaar: i.inntektsaar,
    beregningsgrunnlag: Beloep.kroner(String(i.beregningsgrunnlag)),
    vedtak: vedtakSkjema.parse(i.vedtak ?? {}),
    opphold: oppholdSkjema.parse(i.opphold ?? {}),
    fakturert: fakturertSkjema.parse(i.fakturert ?? []),
    innstillinger: innstillingerSkjema.parse(i.innstillinger ?? {}),
    etteroppgjoersinnstillinger: etteroppgjoersinnstillingerSkjema.parse(i.etteroppgjoersinnstillinger ?? {}),
    oppslag: REGELVERK.nyttOppslag(),
    skatteoppgjoer: { skatteoppgjoersdato: null, postkilde: 'OPPGITT' },
  };
}

export function kjoer(i: Inn) {
  return beregnEtteroppgjoer(input(i));
}
