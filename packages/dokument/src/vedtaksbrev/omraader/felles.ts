import type { z } from 'zod';
import { datoLang, formaterKroner } from '../../format.js';
import type { Resultat } from '../../skjema.js';
import type { Klageordning } from '../lovkrav.js';
import type { Brevdel, Brevelement } from '../modell.js';
import type { Brevdata, Vedtaksbrevinnstillinger } from '../skjema.js';
import type { Spraak, Tospraaklig } from '../spraak.js';
import type { Brevtekster } from '../tekster.js';

/** What an area's module is given to write its parts of a letter. */
export interface Brevkontekst<A> {
  resultat: Resultat;
  /** The fee object under the area's key, read with the module's schema. */
  avgift: A;
  brevdata: Brevdata;
  innstillinger: Vedtaksbrevinnstillinger;
  spraak: Spraak;
  t: Brevtekster;
}

/** One fact row of the letter. */
export interface Faktarad {
  etikett: string;
  verdi: string;
}

/**
 * One kind of decision letter. An area (or a later kind of decision, such as the etteroppgjør for
 * long-term stays) is one module: it reads its fee object, names the decision, says from when it
 * holds, states the amounts, the facts and the rules in plain words, and names its appeal body. The
 * common parts (the letter head, the legal references of the result, the case worker's
 * considerations, the appeal, the right to see the documents) are written once, in innhold.ts.
 */
export interface Vedtaksmodul<A> {
  beregningstype: string;
  /** The fields of the fee object the module reads; a missing one is named (resultat.<key>.<field>). */
  avgiftSkjema: z.ZodType<A>;
  klage: Klageordning;
  /** What the applicant is called in this kind of decision ("Beboer", "Tenestemottakar", …). */
  soekerbetegnelse: Tospraaklig;
  tittel(k: Brevkontekst<A>): string;
  /**
   * The first day the decision holds: the case worker's date or the module's default. Throws
   * Valideringsfeil (vedtaksbrev.gjelderFra) for a date the rules do not allow.
   */
  gjelderFra(k: Brevkontekst<A>): string;
  /** The decision: its sentences and the amounts shown large. */
  vedtak(k: Brevkontekst<A>, gjelderFra: string): Brevelement[];
  /** The area's facts (the vedtak facts and the figures the decision rests on). */
  fakta(k: Brevkontekst<A>): Faktarad[];
  /** The content of the rules in plain words, with the result's figures (forvaltningsloven § 25). */
  regelforklaring(k: Brevkontekst<A>): string[];
  /** What this kind of decision must also tell (e.g. the etteroppgjør for long-term stays). */
  saerskilt(k: Brevkontekst<A>, gjelderFra: string): Brevdel[];
  /**
   * Legal references of the decision beyond those the result's beregning carries (the etteroppgjør's
   * own, which sit in its object, not in the Beregningstabell); listed after them, once each.
   */
  hjemler?(k: Brevkontekst<A>): string[];
  /** The PDF's file name without year and extension; default: `vedtaksbrev-<beregningstype>`. */
  filnavn?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds modules for different fee shapes
export type EnhverVedtaksmodul = Vedtaksmodul<any>;

/** "kr 19 636" (ordinary spaces, as the document's numbers). */
export const kr = (n: number): string => formaterKroner(n);

/** "1. juni 2024": the month names are the same in bokmål and nynorsk. */
export const dato = (iso: string): string => datoLang(iso);

/** The text of a two-standard text. */
export const t2 = (t: Tospraaklig, spraak: Spraak): string => t[spraak];

/** 1 → "1", 1.5 → "1,5": a count with a decimal comma. */
export function antall(n: number): string {
  return String(n).replace('.', ',');
}
