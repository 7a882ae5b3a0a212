import { z } from 'zod';

/** The letter's written standard: bokmål or nynorsk (målloven: the municipality's choice, the citizen's right). */
export const SPRAAK = ['nb', 'nn'] as const;
export type Spraak = (typeof SPRAAK)[number];

export const spraakSkjema = z.enum(SPRAAK, { error: () => 'må være nb (bokmål) eller nn (nynorsk)' });

/** A text in both written standards. */
export interface Tospraaklig {
  nb: string;
  nn: string;
}

const tekstfelt = (maks: number) =>
  z.string().trim().min(1, 'kan ikke være tom').max(maks, `kan være høyst ${maks} tegn`);

/**
 * A setting that names something (an appeal body, a title): one text for both standards, or one per
 * standard (`{ "nb": "Statsforvalteren i …", "nn": "Statsforvaltaren i …" }`).
 */
export function flerspraakligSkjema(maks: number) {
  return z.union([tekstfelt(maks), z.object({ nb: tekstfelt(maks), nn: tekstfelt(maks) }).strict()], {
    error: 'må være en tekst, eller { "nb": tekst, "nn": tekst }',
  });
}

export type Flerspraaklig = string | Tospraaklig;

/** The text for the letter's standard. */
export function paa(tekst: Flerspraaklig, spraak: Spraak): string {
  return typeof tekst === 'string' ? tekst : tekst[spraak];
}
