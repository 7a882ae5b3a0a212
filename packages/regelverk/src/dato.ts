import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { z } from 'zod';

/**
 * A calendar date as an ISO string, `YYYY-MM-DD`. Dates in the rules are calendar dates without a
 * time zone; strings of this form sort and compare correctly as text.
 */
export type IsoDato = string;

const ISO_DATO = /^\d{4}-\d{2}-\d{2}$/;

export class UgyldigDatoError extends Error {
  override readonly name = 'UgyldigDatoError';
}

const DAGER_I_MAANED = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A real calendar date (proleptic Gregorian, year 0001–9999) on the form YYYY-MM-DD. Checked by
 * arithmetic rather than by a round trip through a Date: every request validates its dates, and the
 * round trip was the largest cost of validating one (and depended on the machine's time zone).
 */
export function erIsoDato(tekst: unknown): tekst is IsoDato {
  if (typeof tekst !== 'string' || !ISO_DATO.test(tekst)) return false;
  const aar = Number(tekst.slice(0, 4));
  const mnd = Number(tekst.slice(5, 7));
  const dag = Number(tekst.slice(8, 10));
  if (aar < 1 || mnd < 1 || mnd > 12 || dag < 1) return false;
  const skuddaar = (aar % 4 === 0 && aar % 100 !== 0) || aar % 400 === 0;
  return dag <= (mnd === 2 && skuddaar ? 29 : (DAGER_I_MAANED[mnd - 1] as number));
}

/** Checks and returns an ISO date; `hva` names the field in the error message. */
export function isoDato(tekst: string, hva = 'Datoen'): IsoDato {
  if (!erIsoDato(tekst)) {
    throw new UgyldigDatoError(
      `${hva} må være en gyldig dato på formen ÅÅÅÅ-MM-DD (fikk ${JSON.stringify(tekst)})`,
    );
  }
  return tekst;
}

export const isoDatoSkjema = z
  .string()
  .refine(erIsoDato, { message: 'må være en gyldig dato på formen ÅÅÅÅ-MM-DD' })
  .describe('Dato (ÅÅÅÅ-MM-DD)');

export function leggTilDager(dato: IsoDato, dager: number): IsoDato {
  return format(addDays(parseISO(dato), dager), 'yyyy-MM-dd');
}

export function dagerMellom(fra: IsoDato, til: IsoDato): number {
  return differenceInCalendarDays(parseISO(til), parseISO(fra));
}

export function aarFor(dato: IsoDato): number {
  return Number(dato.slice(0, 4));
}

/** "1. mai 2024" */
export function formaterDato(dato: IsoDato): string {
  const maaneder = [
    'januar',
    'februar',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'desember',
  ];
  const [aar, mnd, dag] = dato.split('-').map(Number) as [number, number, number];
  return `${dag}. ${maaneder[mnd - 1]} ${aar}`;
}

/** "01.05.2024", the short Norwegian form. */
export function formaterDatoKort(dato: IsoDato): string {
  // Rules print it in every explanation line that names a date: an ISO date is cut, not split into an
  // array; anything else keeps the split's answer.
  if (dato.length === 10 && dato.indexOf('-') === 4 && dato.indexOf('-', 5) === 7 && !dato.includes('-', 8)) {
    return `${dato.slice(8)}.${dato.slice(5, 7)}.${dato.slice(0, 4)}`;
  }
  const [aar, mnd, dag] = dato.split('-');
  return `${dag}.${mnd}.${aar}`;
}
