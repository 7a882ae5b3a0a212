import { PERSONTYPE_TEKST, type Persontype } from '@inntektsgrunnlag/person';
import { OPERASJONSSYMBOL } from '@inntektsgrunnlag/regelverk';
import { storForbokstav } from './format.js';

/** The document's title per beregningstype (an unknown type falls back to the Beregningstabell's title). */
export const TITTEL: Record<string, string> = {
  LANGTIDSOPPHOLD_INSTITUSJON: 'Vederlag for langtidsopphold i institusjon',
  PRAKTISK_BISTAND: 'Egenandel for praktisk bistand og opplæring',
  BARNEHAGE_SFO: 'Redusert foreldrebetaling i barnehage og SFO',
};

/** What the fee is called, by the key the area puts it under. */
export const AVGIFT: Record<string, string> = {
  vederlag: 'Vederlag',
  egenandel: 'Egenandel',
  foreldrebetaling: 'Foreldrebetaling',
};

export function tittelFor(beregningstype: string, tabelltittel: string): string {
  return TITTEL[beregningstype] ?? tabelltittel.replace(/, inntektsår \d{4}$/, '');
}

export function avgiftFor(noekkel: string): string {
  return AVGIFT[noekkel] ?? storForbokstav(noekkel);
}

export const STADIE: Record<string, string> = {
  OPPGJOER: 'Skatteoppgjør',
  UTKAST: 'Skattemeldingsutkast',
  FASTSATT: 'Fastsatt skattemelding',
};

export const KILDE: Record<string, string> = {
  SKATTEETATEN: 'Skatteetaten',
  NAV: 'NAV',
  KOMMUNE: 'Kommunen',
  MANUELL_INPUT: 'Saksbehandler',
  REGEL: 'Regel',
};

export const VISNINGSGRUPPE: Record<string, string> = {
  INNTEKT: 'Inntekt',
  FRADRAG: 'Fradrag',
  FORMUE: 'Formue',
  GJELD: 'Gjeld',
  ANNET: 'Annet',
};

/** The sign of a line in the Beregningstabell, as `Beregningstabell.tilTekst` shows it. */
export const SYMBOL: Readonly<Record<string, string>> = OPERASJONSSYMBOL;

export function persontypeTekst(type: string): string {
  return PERSONTYPE_TEKST[type as Persontype] ?? storForbokstav(type.toLowerCase());
}

/** Labels for the Avregning fields, as KS Fiks shows them. */
export const AVREGNING = {
  beloepTilgode: 'For mye innbetalt skatt – til utbetaling',
  restskatt: 'Skyldig restskatt',
  avregnetForskuddstrekk: 'Sum innbetalt skatt',
} as const;
