import type { Spraak } from './spraak.js';

/**
 * The letter's content, independent of its form: the PDF (pdf.ts) and the web app's preview render the
 * same object, so what the case worker previews is what is sent. Every text is already in the letter's
 * language, every amount and date already formatted; identifiers are masked, and a person with
 * address protection appears by role only.
 */
export interface Vedtaksbrev {
  spraak: Spraak;
  beregningstype: string;
  tittel: string;
  /** The letter's date (ISO) and as printed. */
  vedtaksdato: string;
  vedtaksdatoTekst: string;
  avsender: {
    kommunenavn: string;
    enhet?: string;
    /** Address and contact lines, as printed in the letter head. */
    linjer: string[];
  };
  /** The addressee's name and address; null when the applicant has address protection or nothing is known. */
  mottaker: { navn?: string; adresselinjer: string[] } | null;
  /** "Vår referanse", "Saksbehandler", "Dato": label and value, as printed beside the addressee. */
  referanser: Array<{ etikett: string; verdi: string }>;
  deler: Brevdel[];
  underskrift: { hilsen: string; navn: string; tittel: string; merknad: string };
  /** "Kopi til" and the recipients, when there are any. */
  kopi: { etikett: string; mottakere: string[] } | null;
  /** The footer's left text; the renderer adds "Side n av m". */
  bunntekst: string;
}

/** A section under a heading. */
export interface Brevdel {
  /** Stable id (for tests and the web app's anchors): vedtak, begrunnelse, fakta, regler, … */
  id: string;
  overskrift: string;
  /** 1: a main section; 2: a subsection. */
  nivaa: 1 | 2;
  innhold: Brevelement[];
}

export type Brevelement =
  | { type: 'avsnitt'; tekst: string }
  /** The decision's amounts, shown first and large. */
  | { type: 'beloep'; rader: Array<{ tekst: string; beloep: string; merknad?: string }> }
  | { type: 'liste'; punkter: string[] }
  /** Label/value rows (the facts). */
  | { type: 'fakta'; rader: Array<{ etikett: string; verdi: string }> };

/** A party of the decision as an archive message needs it (never printed in the letter in this form). */
export interface Brevpart {
  /** MOTTAKER: the addressee (the applicant); PART: another person the decision rests on. */
  rolle: 'MOTTAKER' | 'PART';
  persontype: string;
  /** The full identifier: for the archive's party register, not for the letter. */
  identifikator: string;
  navn?: string;
  /** Address protection: the archive must screen this party's details. */
  skjermet: boolean;
}

/**
 * The letter's structured metadata, for journaling it (an arkivmelding's journalpost): title, date,
 * the parties with their screening, the copy recipients, the signatory.
 */
export interface Vedtaksbrevmetadata {
  tittel: string;
  /** The letter's date (ISO 8601 date). */
  dokumentdato: string;
  /** When the letter was made (ISO 8601 with offset). */
  opprettet: string;
  spraak: Spraak;
  beregningstype: string;
  inntektsaar: number;
  saksreferanse?: string;
  kommunenavn: string;
  kommunenummer?: string;
  parter: Brevpart[];
  /** True when any party has address protection (the journalpost must then be screened). */
  skjermet: boolean;
  kopimottakere: Array<{ navn: string; rolle?: string; adresselinjer: string[] }>;
  underskriver: { navn: string; tittel: string };
  /** The file name the PDF should have (no personal data). */
  filnavn: string;
}
