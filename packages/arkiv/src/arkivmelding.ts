import { createHash } from 'node:crypto';
import { valider } from '@inntektsgrunnlag/beregning';
import { identifikatorSkjema } from '@inntektsgrunnlag/person';
import { isoDatoSkjema } from '@inntektsgrunnlag/regelverk';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { z } from 'zod';
import {
  DOKUMENTSTATUS_FERDIGSTILT,
  FORMAT_PDFA_2B,
  JOURNALPOSTTYPE,
  JOURNALPOSTTYPER,
  JOURNALSTATUS_FERDIGSTILT,
  KORRESPONDANSEPARTTYPE_MOTTAKER,
  type Kode,
  MERKNADSTYPE_SAKSBEHANDLER,
  PARTROLLE_KLIENT,
  SAKSSTATUS_UNDER_BEHANDLING,
  SKJERMINGSHJEMMEL_PERSONLIGE_FORHOLD,
  TILGANGSRESTRIKSJON_KLIENTSAKER,
  TILKNYTTET_SOM,
  VARIANTFORMAT_ARKIVFORMAT,
} from './kodelister.js';

/** The namespaces of Fiks Arkiv V1 (the schemas' targetNamespace). */
export const NS = {
  opprett: 'https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1',
  kvittering:
    'https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1',
  metadatakatalog: 'https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1',
  feilmelding: 'https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1',
  ugyldigforespoersel:
    'https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/ugyldigforespoersel/v1',
  serverfeil: 'https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/serverfeil/v1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** The file name of the message in the container (meldingstyper.json: `payloadFilnavn`). */
export const ARKIVMELDING_FILNAVN = 'arkivmelding.xml';

const utenKontrolltegn = (t: string) =>
  ![...t].some((c) => {
    const k = c.charCodeAt(0);
    return (k < 32 && k !== 9 && k !== 10 && k !== 13) || k === 0xfffe || k === 0xffff;
  });

const tekst = (maks: number) =>
  z
    .string({ error: 'må være en tekst' })
    .trim()
    .min(1, 'kan ikke være tom')
    .max(maks, `høyst ${maks} tegn`)
    // XML 1.0 cannot carry most control characters; nothing we send needs them (tab and newline may stay).
    .refine(utenKontrolltegn, 'kan ikke inneholde kontrolltegn');

const kodeSkjema = z.object({ kode: tekst(50), beskrivelse: tekst(200).optional() }).strict();

/** An external key: the sending system and its own id, which the archive de-duplicates on. */
export const eksternNoekkelSkjema = z.object({ fagsystem: tekst(100), noekkel: tekst(200) }).strict();
export type EksternNoekkel = z.output<typeof eksternNoekkelSkjema>;

/** An existing case folder, by its case number (saksaar/sakssekvensnummer), or a new one. */
export const saksmappeSkjema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('EKSISTERENDE'),
      saksaar: z.number().int().min(1900).max(2200),
      sakssekvensnummer: z.number().int().min(1).max(2_147_483_647),
    })
    .strict(),
  z
    .object({
      type: z.literal('NY'),
      tittel: tekst(255),
      /** The new folder's external key: a resend finds the folder the first message made. */
      eksternNoekkel: eksternNoekkelSkjema,
      saksansvarlig: tekst(200).optional(),
      administrativEnhet: tekst(200).optional(),
    })
    .strict(),
]);
export type Saksmappe = z.output<typeof saksmappeSkjema>;

/** One document: the renderer's PDF/A bytes, named and placed as main document or attachment. */
export const arkivdokumentSkjema = z
  .object({
    tittel: tekst(255),
    /** The original file name, shown when the archive's user downloads it. */
    filnavn: tekst(200).refine((f) => !/[/\\]/.test(f), 'kan ikke inneholde / eller \\'),
    rolle: z.enum(['HOVEDDOKUMENT', 'VEDLEGG']),
    innhold: z
      .custom<Uint8Array>((b) => b instanceof Uint8Array, 'må være innholdet (bytes)')
      .refine((b) => b.length > 0, 'er tom'),
    /** Only PDF/A-2b for now: what packages/dokument renders. */
    format: z.literal('PDF/A-2b').default('PDF/A-2b'),
  })
  .strict();
export type Arkivdokument = z.input<typeof arkivdokumentSkjema>;

export const skjermingSkjema = z
  .object({
    tilgangsrestriksjon: kodeSkjema.default(TILGANGSRESTRIKSJON_KLIENTSAKER),
    skjermingshjemmel: tekst(200).default(SKJERMINGSHJEMMEL_PERSONLIGE_FORHOLD),
  })
  .strict();

/**
 * What one arkivmelding says: a journalpost (U, N or X) with its documents, in an existing case folder
 * or a new one, with the citizen as party, screened. Every field is checked here, so a bad one is named
 * before anything is built or sent.
 */
export const arkivmeldinginnholdSkjema = z
  .object({
    /** `arkivmelding/system`: the sending system. */
    system: tekst(100),
    /** The journalpost's external key (`referanseEksternNoekkel`): the idempotency key of the sending. */
    eksternNoekkel: eksternNoekkelSkjema,
    saksmappe: saksmappeSkjema,
    journalpost: z
      .object({
        journalposttype: z.enum(JOURNALPOSTTYPER),
        /** Never the citizen's name: the title is shown in the public journal. */
        tittel: tekst(255),
        dokumentetsDato: isoDatoSkjema,
        /** When the message was made (opprettetDato), ISO 8601 with offset. */
        opprettet: z.iso.datetime({ offset: true, error: 'må være et tidspunkt med tidssone' }),
        /** The case worker (opprettetAv). */
        opprettetAv: tekst(200).optional(),
      })
      .strict(),
    /** The citizen the case is about. */
    part: z
      .object({
        navn: tekst(255),
        identifikator: identifikatorSkjema,
        /** Fortrolig or strengt fortrolig address in Folkeregisteret. */
        adressebeskyttet: z.boolean(),
      })
      .strict(),
    skjerming: skjermingSkjema.prefault({}),
    dokumenter: z.array(arkivdokumentSkjema).min(1, 'minst ett dokument').max(20, 'høyst 20 dokumenter'),
  })
  .strict()
  .superRefine((a, ctx) => {
    const hoved = a.dokumenter.filter((d) => d.rolle === 'HOVEDDOKUMENT').length;
    if (hoved !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['dokumenter'],
        message: `må ha nøyaktig ett hoveddokument (har ${hoved})`,
      });
    }
    if (a.dokumenter[0]?.rolle !== 'HOVEDDOKUMENT' && hoved === 1) {
      ctx.addIssue({ code: 'custom', path: ['dokumenter', 0], message: 'hoveddokumentet må stå først' });
    }
    if (a.saksmappe.type === 'NY' && a.saksmappe.eksternNoekkel.noekkel === a.eksternNoekkel.noekkel) {
      ctx.addIssue({
        code: 'custom',
        path: ['saksmappe', 'eksternNoekkel'],
        message: 'må være en annen nøkkel enn journalpostens',
      });
    }
  });

export type ArkivmeldinginnholdInn = z.input<typeof arkivmeldinginnholdSkjema>;
export type Arkivmeldinginnhold = z.output<typeof arkivmeldinginnholdSkjema>;

/** A file of the message: its name in the container and its bytes. */
export interface Meldingsfil {
  navn: string;
  innhold: Uint8Array;
  mimeType: string;
}

/** The message: arkivmelding.xml and the documents it names, in that order. */
export interface Arkivmelding {
  xml: string;
  filer: Meldingsfil[];
}

/**
 * The document's name in the message (`referanseDokumentfil`): «Vil normalt ikke inneholde tegn som
 * komma, æøå etc.» (the schema's note), so ASCII only, numbered so two documents never share a name.
 */
export function referanseDokumentfil(nummer: number, filnavn: string): string {
  const stamme = filnavn
    .replace(/\.pdf$/i, '')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[åÅ]/g, 'a')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return `${String(nummer).padStart(2, '0')}-${stamme || 'dokument'}.pdf`;
}

type Node = XMLBuilder;

const el = (forelder: Node, navn: string, verdi?: string | number | boolean): Node => {
  const n = forelder.ele(NS.opprett, navn);
  if (verdi !== undefined) n.txt(String(verdi));
  return n;
};
const md = (forelder: Node, navn: string, verdi: string | number): Node =>
  forelder.ele(NS.metadatakatalog, `n5mdk:${navn}`).txt(String(verdi));

/** A code element (`kode` + `beskrivelse`, both in the metadata catalogue's namespace). */
function kode(forelder: Node, navn: string, k: Kode): void {
  const n = el(forelder, navn);
  md(n, 'kode', k.kode);
  if (k.beskrivelse) md(n, 'beskrivelse', k.beskrivelse);
}

function eksternNoekkel(forelder: Node, navn: string, n: EksternNoekkel): void {
  const e = el(forelder, navn);
  md(e, 'fagsystem', n.fagsystem);
  md(e, 'noekkel', n.noekkel);
}

function skjerming(forelder: Node, s: Arkivmeldinginnhold['skjerming']): void {
  const n = el(forelder, 'skjerming');
  kode(n, 'tilgangsrestriksjon', s.tilgangsrestriksjon);
  el(n, 'skjermingshjemmel', s.skjermingshjemmel);
}

/**
 * The citizen as party (Noark «sakspart»), screened: `erSkjermet` is how Fiks Arkiv V1 marks that the
 * party's name is screened in the public journal (metadatakatalog M509; Noark 5 M502 «Skjerming navn part
 * i sak»). The fødselsnummer goes in `personID` for the archive's own use; no address is ever sent.
 */
function part(forelder: Node, p: Arkivmeldinginnhold['part']): void {
  const n = el(forelder, 'part');
  el(n, 'partNavn', p.navn);
  kode(n, 'partRolle', PARTROLLE_KLIENT);
  const id = el(n, 'personID');
  el(id, 'landkode', 'NO');
  el(id, 'identifikator', p.identifikator);
  el(n, 'erSkjermet', true);
  el(n, 'erPersonnavn', true);
}

/** A note for the archive's staff when the citizen has adressebeskyttelse (never the address itself). */
const ADRESSEBESKYTTELSE_MERKNAD =
  'Parten har adressebeskyttelse (fortrolig eller strengt fortrolig adresse) i Folkeregisteret. Ingen adresse er oppgitt. Følg kommunens rutine for personer med adressebeskyttelse.';

/**
 * Builds `no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett` (arkivmelding.opprett.xsd): one
 * journalpost in the case folder named by its case number, or in a new saksmappe sent in the same message
 * and referred to by its external key (as KS's integration tests do); the documents follow the XML in
 * the order given, main document first. Throws Valideringsfeil naming every bad field.
 */
export function byggArkivmelding(inn: ArkivmeldinginnholdInn): Arkivmelding {
  const a = valider(arkivmeldinginnholdSkjema, inn);
  const filer: Meldingsfil[] = a.dokumenter.map((d, i) => ({
    navn: referanseDokumentfil(i + 1, d.filnavn),
    innhold: d.innhold,
    mimeType: 'application/pdf',
  }));

  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const rot = doc.ele(NS.opprett, 'arkivmelding', {
    'xmlns:n5mdk': NS.metadatakatalog,
    'xmlns:xsi': NS.xsi,
  });
  el(rot, 'system', a.system);
  el(rot, 'antallFiler', filer.length);

  if (a.saksmappe.type === 'NY') {
    const m = el(rot, 'mappe').att(NS.xsi, 'xsi:type', 'saksmappe');
    el(m, 'tittel', a.saksmappe.tittel);
    el(m, 'opprettetDato', a.journalpost.opprettet);
    if (a.journalpost.opprettetAv) el(m, 'opprettetAv', a.journalpost.opprettetAv);
    part(m, a.part);
    skjerming(m, a.skjerming);
    eksternNoekkel(m, 'referanseEksternNoekkel', a.saksmappe.eksternNoekkel);
    el(m, 'saksdato', a.journalpost.dokumentetsDato);
    if (a.saksmappe.administrativEnhet) {
      md(el(m, 'administrativEnhet'), 'navn', a.saksmappe.administrativEnhet);
    }
    if (a.saksmappe.saksansvarlig) md(el(m, 'saksansvarlig'), 'navn', a.saksmappe.saksansvarlig);
    kode(m, 'saksstatus', SAKSSTATUS_UNDER_BEHANDLING);
  }

  const j = el(rot, 'registrering').att(NS.xsi, 'xsi:type', 'journalpost');
  el(j, 'opprettetDato', a.journalpost.opprettet);
  if (a.journalpost.opprettetAv) el(j, 'opprettetAv', a.journalpost.opprettetAv);
  const forelder = el(j, 'referanseForelderMappe');
  if (a.saksmappe.type === 'EKSISTERENDE') {
    const sn = forelder.ele(NS.metadatakatalog, 'n5mdk:saksnummer');
    md(sn, 'saksaar', a.saksmappe.saksaar);
    md(sn, 'sakssekvensnummer', a.saksmappe.sakssekvensnummer);
  } else {
    const n = forelder.ele(NS.metadatakatalog, 'n5mdk:referanseEksternNoekkel');
    md(n, 'fagsystem', a.saksmappe.eksternNoekkel.fagsystem);
    md(n, 'noekkel', a.saksmappe.eksternNoekkel.noekkel);
  }
  part(j, a.part);
  skjerming(j, a.skjerming);
  a.dokumenter.forEach((d, i) => {
    const b = el(j, 'dokumentbeskrivelse');
    kode(b, 'dokumentstatus', DOKUMENTSTATUS_FERDIGSTILT);
    el(b, 'tittel', d.tittel);
    el(b, 'opprettetDato', a.journalpost.opprettet);
    if (a.journalpost.opprettetAv) el(b, 'opprettetAv', a.journalpost.opprettetAv);
    kode(b, 'tilknyttetRegistreringSom', TILKNYTTET_SOM[d.rolle]);
    el(b, 'dokumentnummer', i + 1);
    skjerming(b, a.skjerming);
    const o = el(b, 'dokumentobjekt');
    el(o, 'versjonsnummer', 1);
    kode(o, 'variantformat', VARIANTFORMAT_ARKIVFORMAT);
    kode(o, 'format', FORMAT_PDFA_2B);
    el(o, 'mimeType', 'application/pdf');
    el(o, 'filnavn', d.filnavn);
    el(o, 'referanseDokumentfil', (filer[i] as Meldingsfil).navn);
    el(o, 'sjekksum', createHash('sha256').update(d.innhold).digest('hex'));
    el(o, 'sjekksumAlgoritme', 'SHA-256');
    el(o, 'filstoerrelse', d.innhold.length);
  });
  el(j, 'tittel', a.journalpost.tittel);
  if (a.part.adressebeskyttet) {
    const m = el(j, 'merknad');
    el(m, 'merknadstekst', ADRESSEBESKYTTELSE_MERKNAD);
    kode(m, 'merknadstype', MERKNADSTYPE_SAKSBEHANDLER);
    el(m, 'merknadsdato', a.journalpost.opprettet);
    el(m, 'erSkjermet', true);
  }
  if (a.journalpost.journalposttype === 'U') {
    // The citizen receives the letter: correspondence party «Mottaker», name screened.
    const k = el(j, 'korrespondansepart');
    kode(k, 'korrespondanseparttype', KORRESPONDANSEPARTTYPE_MOTTAKER);
    el(k, 'korrespondansepartNavn', a.part.navn);
    el(k, 'personid', a.part.identifikator);
    el(k, 'erSkjermet', true);
    el(k, 'erPersonnavn', true);
  }
  eksternNoekkel(j, 'referanseEksternNoekkel', a.eksternNoekkel);
  kode(j, 'journalposttype', JOURNALPOSTTYPE[a.journalpost.journalposttype]);
  kode(j, 'journalstatus', JOURNALSTATUS_FERDIGSTILT);
  el(j, 'dokumentetsDato', a.journalpost.dokumentetsDato);
  el(j, 'antallVedlegg', a.dokumenter.filter((d) => d.rolle === 'VEDLEGG').length);

  return { xml: doc.end({ prettyPrint: true }), filer };
}
