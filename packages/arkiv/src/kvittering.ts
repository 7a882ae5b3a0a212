import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { type EksternNoekkel, NS } from './arkivmelding.js';
import { JOURNALPOSTTYPE, type Journalposttype } from './kodelister.js';
import { lesXml as lesXmlTre, type Obj, tekstAv, UgyldigXml } from './xml.js';

function lesXml(xml: string): Obj {
  try {
    return lesXmlTre(xml);
  } catch (e) {
    if (e instanceof UgyldigXml) throw new UgyldigSvar('Svaret er ikke gyldig XML');
    throw e;
  }
}

/**
 * The archive's answers to `arkivmelding.opprett` (meldingstyper.json, `kanSvareMed`): `…opprett.mottatt`
 * (no payload: received, not yet journaled), `…opprett.kvittering` (`arkivmelding-kvittering.xml`: the
 * ids the archive assigned), or an error (`feilmelding.ugyldigforespoersel`: the message is wrong, as a
 * 400; `feilmelding.serverfeil`: the archive failed, as a 500; both `feilmelding.xml`).
 */
export const MELDINGSTYPE = {
  OPPRETT: 'no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett',
  MOTTATT: 'no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.mottatt',
  KVITTERING: 'no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering',
  UGYLDIG_FORESPOERSEL: 'no.ks.fiks.arkiv.v1.feilmelding.ugyldigforespoersel',
  SERVERFEIL: 'no.ks.fiks.arkiv.v1.feilmelding.serverfeil',
  IKKE_FUNNET: 'no.ks.fiks.arkiv.v1.feilmelding.ikkefunnet',
} as const;

/** The payload file names (meldingstyper.json, `payloadFilnavn`). */
export const KVITTERING_FILNAVN = 'arkivmelding-kvittering.xml';
export const FEILMELDING_FILNAVN = 'feilmelding.xml';

export type Feiltype = 'UGYLDIG_FORESPOERSEL' | 'SERVERFEIL' | 'IKKE_FUNNET';

const FEILELEMENT: Record<Feiltype, { element: string; ns: string; meldingstype: string }> = {
  UGYLDIG_FORESPOERSEL: {
    element: 'ugyldigforespoersel',
    ns: NS.ugyldigforespoersel,
    meldingstype: MELDINGSTYPE.UGYLDIG_FORESPOERSEL,
  },
  SERVERFEIL: { element: 'serverfeil', ns: NS.serverfeil, meldingstype: MELDINGSTYPE.SERVERFEIL },
  IKKE_FUNNET: {
    element: 'ikkefunnet',
    ns: 'https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/ikkefunnet/v1',
    meldingstype: MELDINGSTYPE.IKKE_FUNNET,
  },
};

/** The message type of an error answer. */
export const feilmeldingstype = (t: Feiltype): string => FEILELEMENT[t].meldingstype;

/** The error type of a message type; meldingstyper.json also names `no.ks.fik.arkiv…` (a typo), read alike. */
export function feiltypeFor(meldingstype: string): Feiltype | null {
  const t = meldingstype.replace(/^no\.ks\.fik\.arkiv\./, 'no.ks.fiks.arkiv.');
  for (const [type, f] of Object.entries(FEILELEMENT)) if (f.meldingstype === t) return type as Feiltype;
  return null;
}

export type OpprettetEllerEksisterende = 'Opprettet' | 'Eksisterende';

/** What a receipt says: the ids the archive gave (or already had, for a message it had seen). */
export interface Kvittering {
  mappe?: {
    systemID: string;
    saksaar?: number;
    sakssekvensnummer?: number;
    referanseEksternNoekkel?: EksternNoekkel;
    opprettetEllerEksisterende: OpprettetEllerEksisterende;
  };
  journalpost: {
    systemID: string;
    journalaar?: number;
    journalsekvensnummer?: number;
    journalpostnummer?: number;
    journalposttype?: Journalposttype;
    referanseEksternNoekkel?: EksternNoekkel;
    opprettetEllerEksisterende: OpprettetEllerEksisterende;
  };
}

/** A receipt or error whose XML is not what the schema describes. */
export class UgyldigSvar extends Error {
  override readonly name = 'UgyldigSvar';
}

const k = (n: XMLBuilder, navn: string, verdi?: string | number) => {
  const e = n.ele(NS.kvittering, navn);
  if (verdi !== undefined) e.txt(String(verdi));
  return e;
};
const md = (n: XMLBuilder, navn: string, verdi: string) =>
  n.ele(NS.metadatakatalog, `n5mdk:${navn}`).txt(verdi);

function eksternNoekkel(n: XMLBuilder, e: EksternNoekkel | undefined) {
  if (!e) return;
  const r = k(n, 'referanseEksternNoekkel');
  md(r, 'fagsystem', e.fagsystem);
  md(r, 'noekkel', e.noekkel);
}

/** Builds `arkivmelding-kvittering.xml` (arkivmelding.opprett.kvittering.xsd), as an archive answers. */
export function byggKvittering(kv: Kvittering, opprettet: Date): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const rot = doc.ele(NS.kvittering, 'arkivmeldingKvittering', {
    'xmlns:n5mdk': NS.metadatakatalog,
    'xmlns:xsi': NS.xsi,
  });
  const tid = opprettet.toISOString();
  if (kv.mappe) {
    const m = k(rot, 'mappeKvittering').att(NS.xsi, 'xsi:type', 'saksmappeKvittering');
    k(m, 'systemID', kv.mappe.systemID);
    k(m, 'opprettetDato', tid);
    eksternNoekkel(m, kv.mappe.referanseEksternNoekkel);
    k(m, 'opprettetEllerEksisterende', kv.mappe.opprettetEllerEksisterende);
    if (kv.mappe.saksaar !== undefined) k(m, 'saksaar', kv.mappe.saksaar);
    if (kv.mappe.sakssekvensnummer !== undefined) k(m, 'sakssekvensnummer', kv.mappe.sakssekvensnummer);
  }
  const j = kv.journalpost;
  const r = k(rot, 'registreringKvittering').att(NS.xsi, 'xsi:type', 'journalpostKvittering');
  k(r, 'systemID', j.systemID);
  k(r, 'opprettetDato', tid);
  eksternNoekkel(r, j.referanseEksternNoekkel);
  k(r, 'opprettetEllerEksisterende', j.opprettetEllerEksisterende);
  if (j.journalaar !== undefined) k(r, 'journalaar', j.journalaar);
  if (j.journalsekvensnummer !== undefined) k(r, 'journalsekvensnummer', j.journalsekvensnummer);
  if (j.journalpostnummer !== undefined) k(r, 'journalpostnummer', j.journalpostnummer);
  if (j.journalposttype) {
    const t = k(r, 'journalposttype');
    md(t, 'kode', JOURNALPOSTTYPE[j.journalposttype].kode);
    md(t, 'beskrivelse', JOURNALPOSTTYPE[j.journalposttype].beskrivelse);
  }
  return doc.end({ prettyPrint: true });
}

/** Builds `feilmelding.xml` for an error answer (feilmeldingBase.xsd: `feilId`, `feilmelding`). */
export function byggFeilmelding(type: Feiltype, feilId: string, melding: string): string {
  const f = FEILELEMENT[type];
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const rot = doc.ele(f.ns, f.element, { 'xmlns:feil': NS.feilmelding });
  rot.ele(NS.feilmelding, 'feil:feilId').txt(feilId);
  rot.ele(NS.feilmelding, 'feil:feilmelding').txt(melding);
  return doc.end({ prettyPrint: true });
}

function tall(x: unknown, felt: string): number | undefined {
  const t = tekstAv(x);
  if (t === undefined) return undefined;
  if (!/^-?\d+$/.test(t.trim())) throw new UgyldigSvar(`${felt} er ikke et heltall`);
  return Number(t);
}

function noekkel(x: unknown): EksternNoekkel | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const fagsystem = tekstAv((x as Obj).fagsystem);
  const n = tekstAv((x as Obj).noekkel);
  return fagsystem && n ? { fagsystem, noekkel: n } : undefined;
}

function krevTekst(x: unknown, felt: string): string {
  const t = tekstAv(x)?.trim();
  if (!t) throw new UgyldigSvar(`Kvitteringen mangler ${felt}`);
  return t;
}

function opprettetEllerEksisterende(x: unknown): OpprettetEllerEksisterende {
  const t = tekstAv(x);
  if (t !== 'Opprettet' && t !== 'Eksisterende') {
    throw new UgyldigSvar('Kvitteringen mangler opprettetEllerEksisterende');
  }
  return t;
}

/** An error answer inside a receipt (registreringFeilet / mappeFeilet), or as its own message. */
export interface Arkivfeil {
  feilId: string;
  melding: string;
}

function lesFeilBase(x: unknown): Arkivfeil {
  const o = (x ?? {}) as Obj;
  return { feilId: tekstAv(o.feilId) ?? '', melding: tekstAv(o.feilmelding) ?? '' };
}

/**
 * Reads `arkivmelding-kvittering.xml`. A receipt that says the journalpost failed
 * (`registreringFeilet`) comes back as `{ feil }`; one without a journalpost at all is an UgyldigSvar.
 */
export function lesKvittering(xml: string): { kvittering: Kvittering } | { feil: Arkivfeil } {
  const rot = lesXml(xml).arkivmeldingKvittering as Obj | undefined;
  if (!rot) throw new UgyldigSvar('Svaret er ikke en arkivmeldingKvittering');
  if (rot.registreringFeilet) return { feil: lesFeilBase(rot.registreringFeilet) };
  if (rot.mappeFeilet && !rot.registreringKvittering) return { feil: lesFeilBase(rot.mappeFeilet) };
  const r = rot.registreringKvittering as Obj | undefined;
  if (!r) throw new UgyldigSvar('Kvitteringen mangler registreringKvittering');
  const m = rot.mappeKvittering as Obj | undefined;
  const typekode = tekstAv((r.journalposttype as Obj | undefined)?.kode);
  const kvittering: Kvittering = {
    journalpost: {
      systemID: krevTekst(r.systemID, 'systemID'),
      opprettetEllerEksisterende: opprettetEllerEksisterende(r.opprettetEllerEksisterende),
    },
  };
  const j = kvittering.journalpost;
  const ja = tall(r.journalaar, 'journalaar');
  if (ja !== undefined) j.journalaar = ja;
  const js = tall(r.journalsekvensnummer, 'journalsekvensnummer');
  if (js !== undefined) j.journalsekvensnummer = js;
  const jn = tall(r.journalpostnummer, 'journalpostnummer');
  if (jn !== undefined) j.journalpostnummer = jn;
  if (typekode && typekode in JOURNALPOSTTYPE) j.journalposttype = typekode as Journalposttype;
  const rn = noekkel(r.referanseEksternNoekkel);
  if (rn) j.referanseEksternNoekkel = rn;
  if (m) {
    kvittering.mappe = {
      systemID: krevTekst(m.systemID, 'mappens systemID'),
      opprettetEllerEksisterende: opprettetEllerEksisterende(m.opprettetEllerEksisterende),
    };
    const sa = tall(m.saksaar, 'saksaar');
    if (sa !== undefined) kvittering.mappe.saksaar = sa;
    const ss = tall(m.sakssekvensnummer, 'sakssekvensnummer');
    if (ss !== undefined) kvittering.mappe.sakssekvensnummer = ss;
    const mn = noekkel(m.referanseEksternNoekkel);
    if (mn) kvittering.mappe.referanseEksternNoekkel = mn;
  }
  return { kvittering };
}

/** Reads `feilmelding.xml` of an error answer. */
export function lesFeilmelding(xml: string): Arkivfeil {
  const tre = lesXml(xml);
  const rot = Object.values(tre)[0];
  if (!rot || typeof rot !== 'object') throw new UgyldigSvar('Feilmeldingen er tom');
  return lesFeilBase(rot);
}
