/**
 * The Noark 5 codes the arkivmelding uses. Fiks Arkiv V1 carries each as `kode` + `beskrivelse`
 * (metadatakatalog.xsd M800: «Består av kode og beskrivelse»); the codes are Noark 5's, from
 * Arkivverket's code lists for the service interface (arkivverket/noark5-tjenestegrensesnitt-standard,
 * `rst-list-table.rst`, the lists under https://rel.arkivverket.no/noark5/v5/api/metadata/…), and the
 * descriptions are Noark 5's metadata catalogue's values (arkivverket/noark5-standard,
 * `kapitler/110-vedlegg_1_metadatakatalog-auto.rst`). An archive may use its own code list (Fiks Arkiv
 * has `no.ks.fiks.arkiv.v1.innsyn.kodeliste.hent` to ask); the defaults below are the standard's.
 */

export interface Kode {
  kode: string;
  beskrivelse?: string;
}

/** M082 journalposttype. */
export const JOURNALPOSTTYPE = {
  /** Utgående dokument: a letter to the citizen (the vedtaksbrev). */
  U: { kode: 'U', beskrivelse: 'Utgående dokument' },
  /** Organinternt dokument for oppfølging. */
  N: { kode: 'N', beskrivelse: 'Organinternt dokument for oppfølging' },
  /** Organinternt dokument uten oppfølging: the beregning filed on the case as a note. */
  X: { kode: 'X', beskrivelse: 'Organinternt dokument uten oppfølging' },
} as const satisfies Record<string, Kode>;

export type Journalposttype = keyof typeof JOURNALPOSTTYPE;
export const JOURNALPOSTTYPER = Object.keys(JOURNALPOSTTYPE) as Journalposttype[];

/** M053 journalstatus: the case worker has finished the document; the archive journals it. */
export const JOURNALSTATUS_FERDIGSTILT: Kode = { kode: 'F', beskrivelse: 'Ferdigstilt fra saksbehandler' };

/** M052 saksstatus of a new case folder. */
export const SAKSSTATUS_UNDER_BEHANDLING: Kode = { kode: 'B', beskrivelse: 'Under behandling' };

/** M054 dokumentstatus. */
export const DOKUMENTSTATUS_FERDIGSTILT: Kode = { kode: 'F', beskrivelse: 'Dokumentet er ferdigstilt' };

/** M217 tilknyttetRegistreringSom. */
export const TILKNYTTET_SOM = {
  HOVEDDOKUMENT: { kode: 'H', beskrivelse: 'Hoveddokument' },
  VEDLEGG: { kode: 'V', beskrivelse: 'Vedlegg' },
} as const satisfies Record<string, Kode>;

/** M700 variantformat: PDF/A is the archival format (Arkivformat). */
export const VARIANTFORMAT_ARKIVFORMAT: Kode = { kode: 'A', beskrivelse: 'Arkivformat' };

/**
 * M701 format: the PRONOM code, as the service interface asks (vedlegg 4, «Formatkoder»: «En bør bruke
 * offisielle PRONOM-koder der det er mulig»). fmt/477 is PDF/A-2b (ISO 19005-2, level B), what
 * `packages/dokument` renders.
 */
export const FORMAT_PDFA_2B: Kode = { kode: 'fmt/477', beskrivelse: 'PDF/A-2b - ISO 19005-2:2011' };

/** M087 korrespondanseparttype. */
export const KORRESPONDANSEPARTTYPE_MOTTAKER: Kode = { kode: 'EM', beskrivelse: 'Mottaker' };

/** M303 partRolle: the citizen is the client the case is about. */
export const PARTROLLE_KLIENT: Kode = { kode: 'KLI', beskrivelse: 'Klient' };

/** M084 merknadstype. */
export const MERKNADSTYPE_SAKSBEHANDLER: Kode = { kode: 'MS', beskrivelse: 'Merknad fra saksbehandler' };

/**
 * M500 tilgangsrestriksjon: Noark 5's list has «KL Klientsaker» (and codes for some paragraphs of the
 * Freedom of Information Act, not § 13). The municipality's archive may use its own codes: a setting.
 */
export const TILGANGSRESTRIKSJON_KLIENTSAKER: Kode = { kode: 'KL', beskrivelse: 'Klientsaker' };

/**
 * M501 skjermingshjemmel: the documents state a named person's income, household and fee, which is
 * «noens personlige forhold» under taushetsplikt (forvaltningsloven § 13 første ledd nr. 1), and so
 * exempt from access (offentleglova § 13 første ledd). A setting: the municipality's archive has the
 * wording it uses.
 */
export const SKJERMINGSHJEMMEL_PERSONLIGE_FORHOLD = 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1';
