import { sjekkIdentifikator } from '@inntektsgrunnlag/person';
import type {
  Beregningsforespoersel,
  Beregningstype,
  EkstrapostInn,
  Feltfeil,
  Persontype,
  Verdier,
} from '../api/typer';
import { lesDesimal, lesHeltall, lesKroner } from '../format';
import { tekster } from '../tekster';

/**
 * The lookup form as the case worker fills it in (all text, as typed), and its translation into the
 * API's request. Pure: the components hold the state, this module validates it and names every bad
 * field by the id of its input, so the error summary can link to it.
 */

export type Partnertype = 'EKTEFELLE' | 'PARTNER' | 'SAMBOER';
export const PARTNERTYPER: readonly Partnertype[] = ['EKTEFELLE', 'PARTNER', 'SAMBOER'];
export type Sone = 'ORDINAER' | 'SENTRALITET_5_6' | 'INNSATSSONE';
export const SONER: readonly Sone[] = ['ORDINAER', 'SENTRALITET_5_6', 'INNSATSSONE'];

export interface BarnFelt {
  noekkel: string;
  identifikator: string;
}

export interface BarnehagebarnFelt {
  noekkel: string;
  tilbud: '' | 'BARNEHAGE' | 'SFO';
  foedselsdato: string;
  prisPerMaaned: string;
  oppholdstimerPerUke: string;
  trinn: string;
  /** SFO on 5.–7. trinn: the pupil has særlege behov (free SFO, opplæringsforskrifta § 2-3). */
  saerlegeBehov: boolean;
}

/** The grades on which særlege behov gives free SFO (the form asks only there). */
export const SAERLEGE_BEHOV_TRINN: readonly string[] = ['5', '6', '7'];

/** The barnehage/SFO vedtak as typed; sone '' is the municipality's own zone (its setting). */
export interface BarnehagevedtakFelt {
  barn: BarnehagebarnFelt[];
  sone: Sone | '';
  soektRedusertForeldrebetaling: boolean;
  soektGratisKjernetid: boolean;
}

export interface Skjemadata {
  beregningstype: Beregningstype;
  inntektsaar: string;
  beregningsdato: string;
  soeker: string;
  harPartner: boolean;
  partnerType: Partnertype;
  partner: string;
  /** Children as persons of the request (PRAKTISK_BISTAND, when the help is for a child's needs). */
  barn: BarnFelt[];
  /** Manual posts as typed: person key → tekniskNavn → text. */
  ekstraposter: Record<string, Record<string, string>>;
  avregning: boolean;
  barnehage: BarnehagevedtakFelt;
  langtid: {
    innflyttingsdato: string;
    /** The first day in the institution the resident moved directly from (§ 6 første ledd), or ''. */
    direkteFraInstitusjonFraOgMed: string;
    /** § 5 første ledd: '' = as the request says (a partner in it), 'ja' or 'nei' as the case worker says. */
    forsoergerHjemme: '' | 'ja' | 'nei';
    korttidsdoegnSammeAar: string;
    dobbeltrom: boolean;
    oppholdskostnadPerMaaned: string;
    boutgifterAntallMaaneder: string;
    korttidsDoegn: string;
    korttidsDagNatt: string;
  };
  bistand: BistandFelt;
}

/** Why the partner is not a member of the household (egenandelsforskriften § 10 fjerde ledd); '' = is a member. */
export type UtenforHusstandenGrunn = '' | 'LANGTIDSOPPHOLD' | 'AVKORTEDE_TRYGDEYTELSER';
/** Why another income year than the proposed (§ 10 første ledd); '' = none given. */
export type Inntektsaarsaarsak = '' | 'VESENTLIG_ENDRET_INNTEKT' | 'NY_LIKNING' | 'LIKNING_MANGLER';

/** PRAKTISK_BISTAND's vedtak as typed. */
export interface BistandFelt {
  hjelpGrunnetBarnsBehov: boolean;
  timerPerMaaned: string;
  kostnadPerTime: string;
  /** § 10 fjerde ledd, for the partner. */
  partnerUtenforHusstanden: UtenforHusstandenGrunn;
  inntektsaarAarsak: Inntektsaarsaarsak;
  inntektsaarForklaring: string;
  /** § 9 første ledd: the municipality's price, checked against the limits. */
  prisPerMaaned: string;
  /** § 9 tredje ledd: the most the person can pay and keep enough. */
  beholderTilstrekkeligMaks: string;
}

/**
 * The income year egenandelsforskriften § 10 første ledd proposes: «siste tilgjengelige skatteligning
 * pr. 1. januar i det aktuelle året». Settlements of a year come the year after, so on 1 January of the
 * vedtak's year the newest is that of two years before. The vedtak's year is the beregningsdato's, or
 * this year when no date is typed.
 */
export function foreslaattInntektsaarBistand(beregningsdato: string, iaar: number): number {
  const aar = ISO_DATO.test(beregningsdato) ? Number(beregningsdato.slice(0, 4)) : iaar;
  return aar - 2;
}

/**
 * Whether the form must ask why, as the API does: a beregningsdato is typed (the vedtak's year is known)
 * and the year is neither the proposed one nor the settlement that came during the year (Y − 1, the
 * update of § 10 femte ledd).
 */
export function inntektsaarTrengerGrunn(inntektsaar: string, beregningsdato: string): boolean {
  const aar = lesHeltall(inntektsaar);
  if (aar === null || !ISO_DATO.test(beregningsdato)) return false;
  const foreslaatt = foreslaattInntektsaarBistand(beregningsdato, 0);
  return aar !== foreslaatt && aar !== foreslaatt + 1;
}

export interface Skjemafeil {
  /** The id of the input to link to and mark. */
  feltId: string;
  /** For the error summary: names the field. */
  melding: string;
  /** Under the input, whose label already names it. */
  kort: string;
}

let teller = 0;
/** A stable key for a repeated row (React key and field ids); never shown. */
export function nyNoekkel(prefiks: string): string {
  teller += 1;
  return `${prefiks}-${teller}`;
}

export function nyttBarnehagebarn(): BarnehagebarnFelt {
  return {
    noekkel: nyNoekkel('plass'),
    tilbud: '',
    foedselsdato: '',
    prisPerMaaned: '',
    oppholdstimerPerUke: '',
    trinn: '',
    saerlegeBehov: false,
  };
}

export function tomtSkjema(beregningstype: Beregningstype, inntektsaar = ''): Skjemadata {
  return {
    beregningstype,
    inntektsaar,
    beregningsdato: '',
    soeker: '',
    harPartner: false,
    partnerType: 'EKTEFELLE',
    partner: '',
    barn: [],
    ekstraposter: {},
    avregning: true,
    barnehage: {
      barn: [nyttBarnehagebarn()],
      sone: '',
      soektRedusertForeldrebetaling: true,
      soektGratisKjernetid: true,
    },
    langtid: {
      innflyttingsdato: '',
      direkteFraInstitusjonFraOgMed: '',
      forsoergerHjemme: '',
      korttidsdoegnSammeAar: '',
      dobbeltrom: false,
      oppholdskostnadPerMaaned: '',
      boutgifterAntallMaaneder: '',
      korttidsDoegn: '',
      korttidsDagNatt: '',
    },
    bistand: {
      hjelpGrunnetBarnsBehov: false,
      timerPerMaaned: '',
      kostnadPerTime: '',
      partnerUtenforHusstanden: '',
      inntektsaarAarsak: '',
      inntektsaarForklaring: '',
      prisPerMaaned: '',
      beholderTilstrekkeligMaks: '',
    },
  };
}

/** Ids of the inputs: one place, so the form, the error summary and the API's field paths agree. */
export const feltId = {
  inntektsaar: 'inntektsaar',
  beregningsdato: 'beregningsdato',
  person: (noekkel: string) => `person-${noekkel}`,
  partnerType: 'person-partner-type',
  harPartner: 'har-partner',
  leggTilBarn: 'legg-til-barn',
  ekstrapost: (personNoekkel: string, tekniskNavn: string) =>
    `ekstrapost-${personNoekkel}-${tekniskNavn.replace(/[^A-Za-z0-9_-]/g, '_')}`,
  vedtak: (...sti: string[]) => `vedtak-${sti.join('-')}`,
};

/** The persons the form sends, in request order, with the key of each. */
export interface PersonIForespoersel {
  noekkel: string;
  identifikator: string;
  type: Persontype;
  etikett: string;
}

export function harPartnertyper(verdier: Pick<Verdier, 'persontyper'> | null): boolean {
  return !!verdier?.persontyper.some((p) => (PARTNERTYPER as readonly string[]).includes(p.type));
}

export function tarBarn(data: Skjemadata, verdier: Pick<Verdier, 'persontyper'> | null): boolean {
  if (!verdier?.persontyper.some((p) => p.type === 'BARN')) return false;
  // The area takes children only when the help is given for a child's needs (§ 10 tredje ledd).
  return data.beregningstype !== 'PRAKTISK_BISTAND' || data.bistand.hjelpGrunnetBarnsBehov;
}

export function personerIForespoersel(
  data: Skjemadata,
  verdier: Pick<Verdier, 'persontyper'> | null,
): PersonIForespoersel[] {
  const s = tekster.skjema;
  const ut: PersonIForespoersel[] = [
    { noekkel: 'soeker', identifikator: rensIdentifikator(data.soeker), type: 'SOEKER', etikett: s.soeker },
  ];
  if (data.harPartner && harPartnertyper(verdier)) {
    ut.push({
      noekkel: 'partner',
      identifikator: rensIdentifikator(data.partner),
      type: data.partnerType,
      etikett: tekster.persontyper[data.partnerType],
    });
  }
  if (tarBarn(data, verdier)) {
    data.barn.forEach((b, i) => {
      ut.push({
        noekkel: b.noekkel,
        identifikator: rensIdentifikator(b.identifikator),
        type: 'BARN',
        etikett: `${tekster.persontyper.BARN} ${i + 1}`,
      });
    });
  }
  return ut;
}

/** The identifier without the spaces a person may type or paste ("048172 99771"). */
export function rensIdentifikator(verdi: string): string {
  return verdi.replace(/[\s\u00a0]/g, '');
}

/**
 * What is wrong with an identifier as typed, or null. `underveis`: the person is still typing, so a
 * number that is merely short is not an error yet (a letter, or 11 digits that fail, are).
 */
export function identifikatorfeil(verdi: string, underveis = false): string | null {
  const t = tekster.identifikator;
  const v = rensIdentifikator(verdi);
  if (v === '') return underveis ? null : t.mangler(tekster.skjema.soekerFnr);
  if (!/^\d+$/.test(v)) return t.bareSifre;
  if (v.length < 11) return underveis ? null : t.forKort(v.length);
  if (v.length > 11) return t.forKort(v.length);
  const sjekk = sjekkIdentifikator(v);
  return sjekk.gyldig ? null : t.ugyldig(sjekk.melding);
}

/** The key of the lookup: while it is unchanged, a new Beregn reuses the fetched basis. */
export function oppslagsnoekkel(data: Skjemadata, verdier: Pick<Verdier, 'persontyper'> | null): string {
  return JSON.stringify([
    data.beregningstype,
    data.inntektsaar,
    data.avregning,
    personerIForespoersel(data, verdier).map((p) => [p.identifikator, p.type]),
  ]);
}

/** An input: its id and the label that names it in the error summary. */
export interface Felt {
  id: string;
  etikett: string;
}
export type Feltkart = Map<string, Felt>;

export interface Bygget {
  foresporsel: Beregningsforespoersel | null;
  feil: Skjemafeil[];
  /** The API's field path ("personer.1.identifikator") → the input it came from. */
  feltkart: Feltkart;
}

const ISO_DATO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Validates the form and builds the request. Every fault is listed (not just the first), each with the
 * input to link to, in the order the inputs appear on the page.
 */
export function byggForespoersel(
  data: Skjemadata,
  verdier: Pick<Verdier, 'persontyper' | 'ekstraposter'> | null,
  valg: { avregningTillatt: boolean },
): Bygget {
  const v = tekster.validering;
  const feil: Skjemafeil[] = [];
  const feltkart: Feltkart = new Map();
  const feilFor = (id: string, etikett: string, melding: string) =>
    feil.push({ feltId: id, melding: v.feltFra(etikett, melding), kort: melding });

  const aar = lesHeltall(data.inntektsaar);
  feltkart.set('inntektsaar', { id: feltId.inntektsaar, etikett: tekster.skjema.inntektsaar });
  if (aar === null) feilFor(feltId.inntektsaar, tekster.skjema.inntektsaar, v.velgAar);
  feltkart.set('beregningsdato', { id: feltId.beregningsdato, etikett: tekster.skjema.beregningsdato });
  if (data.beregningsdato !== '' && !ISO_DATO.test(data.beregningsdato)) {
    feilFor(feltId.beregningsdato, tekster.skjema.beregningsdato, v.dato);
  }

  // Persons: each identifier checked, and none twice.
  const personer = personerIForespoersel(data, verdier);
  const sett = new Set<string>();
  const personerUt: Beregningsforespoersel['personer'] = [];
  personer.forEach((p, i) => {
    const id = feltId.person(p.noekkel);
    const etikett = `${tekster.skjema.soekerFnr} (${p.etikett.toLowerCase()})`;
    feltkart.set(`personer.${i}.identifikator`, { id, etikett });
    feltkart.set(`personer.${i}.type`, {
      id: p.noekkel === 'partner' ? feltId.partnerType : id,
      etikett: p.noekkel === 'partner' ? tekster.skjema.partnerType : etikett,
    });
    feltkart.set(`personer.${i}`, { id, etikett });
    const f = identifikatorfeil(p.identifikator);
    if (f) feilFor(id, etikett, f);
    else if (sett.has(p.identifikator)) feilFor(id, etikett, tekster.identifikator.duplikat);
    sett.add(p.identifikator);

    // The manual posts of this person: only those the area allows for the person's type.
    const ekstra: EkstrapostInn[] = [];
    const typet = data.ekstraposter[p.noekkel] ?? {};
    for (const def of verdier?.ekstraposter ?? []) {
      if (!def.persontyper.includes(p.type)) continue;
      const tekst = (typet[def.tekniskNavn] ?? '').trim();
      if (tekst === '') continue;
      const felt = feltId.ekstrapost(p.noekkel, def.tekniskNavn);
      const postEtikett = `${def.visningstekst} (${p.etikett.toLowerCase()})`;
      feltkart.set(`personer.${i}.ekstraposter.${ekstra.length}.beloep`, { id: felt, etikett: postEtikett });
      feltkart.set(`personer.${i}.ekstraposter.${ekstra.length}.tekniskNavn`, {
        id: felt,
        etikett: postEtikett,
      });
      const beloep = lesKroner(tekst);
      if (beloep === null) feilFor(felt, postEtikett, v.kroner);
      else ekstra.push({ tekniskNavn: def.tekniskNavn, beloep });
    }
    personerUt.push({
      identifikator: p.identifikator,
      type: p.type,
      ...(ekstra.length > 0 ? { ekstraposter: ekstra } : {}),
    });
  });
  feltkart.set('personer', { id: feltId.person('soeker'), etikett: tekster.skjema.stegPersoner });

  const vedtak = byggVedtak(data, feilFor, feltkart);

  if (feil.length > 0 || aar === null) return { foresporsel: null, feil, feltkart };
  return {
    foresporsel: {
      beregningstype: data.beregningstype,
      inntektsaar: aar,
      ...(data.beregningsdato ? { beregningsdato: data.beregningsdato } : {}),
      personer: personerUt,
      ...(vedtak ? { vedtak } : {}),
      ...(valg.avregningTillatt ? { avregning: data.avregning ? 'OM_TILLATT' : 'NEI' } : {}),
    },
    feil,
    feltkart,
  };
}

type FeilFor = (id: string, etikett: string, melding: string) => void;

function byggVedtak(data: Skjemadata, feilFor: FeilFor, feltkart: Feltkart): Record<string, unknown> | null {
  switch (data.beregningstype) {
    case 'BARNEHAGE_SFO':
      return barnehagevedtak(data, feilFor, feltkart);
    case 'LANGTIDSOPPHOLD_INSTITUSJON':
      return langtidsvedtak(data, feilFor, feltkart);
    case 'PRAKTISK_BISTAND':
      return bistandsvedtak(data, feilFor, feltkart);
  }
}

function barnehagevedtak(data: Skjemadata, feilFor: FeilFor, feltkart: Feltkart) {
  const v = tekster.validering;
  const t = tekster.vedtak.barnehage;
  const leggTil = feltId.vedtak('barn', 'legg-til');
  feltkart.set('vedtak.barn', { id: leggTil, etikett: tekster.skjema.stegVedtak });
  feltkart.set('vedtak', { id: leggTil, etikett: tekster.skjema.stegVedtak });
  feltkart.set('vedtak.sone', { id: feltId.vedtak('sone'), etikett: t.sone });
  if (data.barnehage.barn.length === 0) feilFor(leggTil, t.barnLegend(1), v.minstEttBarn);
  const barn = data.barnehage.barn.map((b, i) => {
    const id = (felt: string) => feltId.vedtak('barn', b.noekkel, felt);
    const navn = t.barnLegend(i + 1);
    const etiketter: Record<string, string> = {
      tilbud: t.tilbud,
      foedselsdato: t.foedselsdato,
      prisPerMaaned: t.prisPerMaaned,
      oppholdstimerPerUke: t.oppholdstimerPerUke,
      trinn: t.trinn,
      saerlegeBehov: t.saerlegeBehov,
    };
    for (const [felt, etikett] of Object.entries(etiketter)) {
      feltkart.set(`vedtak.barn.${i}.${felt}`, {
        id: id(felt),
        etikett: `${navn}, ${etikett.toLowerCase()}`,
      });
    }
    feltkart.set(`vedtak.barn.${i}`, { id: id('tilbud'), etikett: navn });
    const ut: Record<string, unknown> = {};
    if (b.tilbud === '') feilFor(id('tilbud'), `${navn}, ${t.tilbud.toLowerCase()}`, v.velgTilbud);
    else ut.tilbud = b.tilbud;
    if (!ISO_DATO.test(b.foedselsdato)) {
      feilFor(
        id('foedselsdato'),
        `${navn}, ${t.foedselsdato.toLowerCase()}`,
        b.foedselsdato ? v.dato : v.mangler,
      );
    } else ut.foedselsdato = b.foedselsdato;
    const pris = lesKroner(b.prisPerMaaned);
    if (b.prisPerMaaned.trim() === '') feilFor(id('prisPerMaaned'), `${navn}, ${t.prisPerMaaned}`, v.mangler);
    else if (pris === null) feilFor(id('prisPerMaaned'), `${navn}, ${t.prisPerMaaned}`, v.kroner);
    else if (pris.startsWith('-'))
      feilFor(id('prisPerMaaned'), `${navn}, ${t.prisPerMaaned}`, v.kronerIkkeNegativ);
    else ut.prisPerMaaned = pris;
    if (b.oppholdstimerPerUke.trim() !== '') {
      const timer = lesDesimal(b.oppholdstimerPerUke, 2);
      if (timer === null) feilFor(id('oppholdstimerPerUke'), `${navn}, ${t.oppholdstimerPerUke}`, v.timer);
      else if (Number(timer) <= 0 || Number(timer) > 60) {
        feilFor(id('oppholdstimerPerUke'), `${navn}, ${t.oppholdstimerPerUke}`, v.timerUgyldig);
      } else ut.oppholdstimerPerUke = Number(timer);
    }
    if (b.tilbud === 'SFO') {
      const trinn = lesHeltall(b.trinn);
      if (trinn === null) feilFor(id('trinn'), `${navn}, ${t.trinn.toLowerCase()}`, v.velgTrinn);
      else ut.trinn = trinn;
      // Asked only on 5.–7. trinn, where it gives free SFO; there the answer is always given.
      if (SAERLEGE_BEHOV_TRINN.includes(b.trinn)) ut.saerlegeBehov = b.saerlegeBehov;
    }
    return ut;
  });
  feltkart.set('vedtak.soektRedusertForeldrebetaling', {
    id: feltId.vedtak('soektRedusertForeldrebetaling'),
    etikett: t.soektRedusertForeldrebetaling,
  });
  feltkart.set('vedtak.soektGratisKjernetid', {
    id: feltId.vedtak('soektGratisKjernetid'),
    etikett: t.soektGratisKjernetid,
  });
  const { sone, soektRedusertForeldrebetaling, soektGratisKjernetid } = data.barnehage;
  return { barn, ...(sone ? { sone } : {}), soektRedusertForeldrebetaling, soektGratisKjernetid };
}

function heltallFelt(
  tekst: string,
  maks: number,
  id: string,
  etikett: string,
  feilFor: FeilFor,
): number | undefined {
  if (tekst.trim() === '') return undefined;
  const n = lesHeltall(tekst);
  if (n === null) feilFor(id, etikett, tekster.validering.heltall);
  else if (n > maks) feilFor(id, etikett, tekster.validering.maks(maks));
  else return n;
  return undefined;
}

function langtidsvedtak(data: Skjemadata, feilFor: FeilFor, feltkart: Feltkart) {
  const v = tekster.validering;
  const t = tekster.vedtak.langtidsopphold;
  const l = data.langtid;
  const ut: Record<string, unknown> = { dobbeltromMotEgetOenske: l.dobbeltrom };
  const etiketter: Record<string, string> = {
    innflyttingsdato: t.innflyttingsdato,
    direkteFraInstitusjonFraOgMed: t.direkteFraInstitusjonFraOgMed,
    forsoergerHjemme: t.forsoergerHjemme,
    korttidsdoegnSammeAar: t.korttidsdoegnSammeAar,
    dobbeltromMotEgetOenske: t.dobbeltrom,
    oppholdskostnadPerMaaned: t.oppholdskostnadPerMaaned,
    boutgifterAntallMaaneder: t.boutgifterAntallMaaneder,
  };
  for (const [felt, etikett] of Object.entries(etiketter)) {
    feltkart.set(`vedtak.${felt}`, { id: feltId.vedtak(felt), etikett });
  }
  const doegnFelt = { id: feltId.vedtak('korttidsopphold', 'doegn'), etikett: t.korttidsDoegn };
  feltkart.set('vedtak.korttidsopphold', doegnFelt);
  feltkart.set('vedtak.korttidsopphold.doegn', doegnFelt);
  feltkart.set('vedtak.korttidsopphold.dagEllerNattopphold', {
    id: feltId.vedtak('korttidsopphold', 'dagEllerNattopphold'),
    etikett: t.korttidsDagNatt,
  });
  feltkart.set('vedtak', { id: feltId.vedtak('innflyttingsdato'), etikett: tekster.skjema.stegVedtak });

  if (l.innflyttingsdato !== '') {
    if (ISO_DATO.test(l.innflyttingsdato)) ut.innflyttingsdato = l.innflyttingsdato;
    else feilFor(feltId.vedtak('innflyttingsdato'), t.innflyttingsdato, v.dato);
  }
  if (l.direkteFraInstitusjonFraOgMed !== '') {
    if (ISO_DATO.test(l.direkteFraInstitusjonFraOgMed))
      ut.direkteFraInstitusjonFraOgMed = l.direkteFraInstitusjonFraOgMed;
    else feilFor(feltId.vedtak('direkteFraInstitusjonFraOgMed'), t.direkteFraInstitusjonFraOgMed, v.dato);
  }
  if (l.forsoergerHjemme !== '') ut.forsoergerHjemme = l.forsoergerHjemme === 'ja';
  const korttid = heltallFelt(
    l.korttidsdoegnSammeAar,
    366,
    feltId.vedtak('korttidsdoegnSammeAar'),
    t.korttidsdoegnSammeAar,
    feilFor,
  );
  if (korttid !== undefined) ut.korttidsdoegnSammeAar = korttid;
  if (l.oppholdskostnadPerMaaned.trim() !== '') {
    const k = lesKroner(l.oppholdskostnadPerMaaned);
    const id = feltId.vedtak('oppholdskostnadPerMaaned');
    if (k === null) feilFor(id, t.oppholdskostnadPerMaaned, v.kroner);
    else if (Number(k) <= 0) feilFor(id, t.oppholdskostnadPerMaaned, v.kronerPositiv);
    else ut.oppholdskostnadPerMaaned = k;
  }
  const bo = heltallFelt(
    l.boutgifterAntallMaaneder,
    12,
    feltId.vedtak('boutgifterAntallMaaneder'),
    t.boutgifterAntallMaaneder,
    feilFor,
  );
  if (bo !== undefined) ut.boutgifterAntallMaaneder = bo;
  const doegn = heltallFelt(
    l.korttidsDoegn,
    366,
    feltId.vedtak('korttidsopphold', 'doegn'),
    t.korttidsDoegn,
    feilFor,
  );
  const dagNatt = heltallFelt(
    l.korttidsDagNatt,
    732,
    feltId.vedtak('korttidsopphold', 'dagEllerNattopphold'),
    t.korttidsDagNatt,
    feilFor,
  );
  if (doegn !== undefined || dagNatt !== undefined) {
    ut.korttidsopphold = {
      doegn: doegn ?? 0,
      ...(dagNatt !== undefined ? { dagEllerNattopphold: dagNatt } : {}),
    };
  }
  return ut;
}

function bistandsvedtak(data: Skjemadata, feilFor: FeilFor, feltkart: Feltkart) {
  const v = tekster.validering;
  const t = tekster.vedtak.praktiskBistand;
  const b = data.bistand;
  const etiketter: Record<string, string> = {
    hjelpGrunnetBarnsBehov: t.hjelpGrunnetBarnsBehov,
    timerPerMaaned: t.timerPerMaaned,
    kostnadPerTime: t.kostnadPerTime,
    prisPerMaaned: t.prisPerMaaned,
    beholderTilstrekkeligMaks: t.beholderTilstrekkeligMaks,
    inntektsaarBegrunnelse: t.inntektsaarAarsak,
    'inntektsaarBegrunnelse.aarsak': t.inntektsaarAarsak,
    'inntektsaarBegrunnelse.forklaring': t.inntektsaarForklaring,
    utenforHusstanden: t.partnerUtenforHusstanden,
  };
  const ider: Record<string, string> = {
    inntektsaarBegrunnelse: feltId.vedtak('inntektsaarBegrunnelse', 'aarsak'),
    'inntektsaarBegrunnelse.aarsak': feltId.vedtak('inntektsaarBegrunnelse', 'aarsak'),
    'inntektsaarBegrunnelse.forklaring': feltId.vedtak('inntektsaarBegrunnelse', 'forklaring'),
    utenforHusstanden: feltId.vedtak('utenforHusstanden'),
  };
  for (const [felt, etikett] of Object.entries(etiketter)) {
    feltkart.set(`vedtak.${felt}`, { id: ider[felt] ?? feltId.vedtak(felt), etikett });
  }
  feltkart.set('vedtak', { id: feltId.vedtak('timerPerMaaned'), etikett: tekster.skjema.stegVedtak });
  const ut: Record<string, unknown> = { hjelpGrunnetBarnsBehov: b.hjelpGrunnetBarnsBehov };
  // § 10 fjerde ledd: the partner is not a member of the household.
  if (data.harPartner && b.partnerUtenforHusstanden !== '') {
    ut.utenforHusstanden = [
      { identifikator: rensIdentifikator(data.partner), grunn: b.partnerUtenforHusstanden },
    ];
  }
  // § 10 første ledd: why another income year. The form asks when the year is not the proposed one.
  if (b.inntektsaarAarsak !== '') {
    const forklaring = b.inntektsaarForklaring.trim();
    if (b.inntektsaarAarsak === 'VESENTLIG_ENDRET_INNTEKT' && forklaring === '') {
      feilFor(
        feltId.vedtak('inntektsaarBegrunnelse', 'forklaring'),
        t.inntektsaarForklaring,
        v.forklaringEndretInntekt,
      );
    }
    ut.inntektsaarBegrunnelse = { aarsak: b.inntektsaarAarsak, ...(forklaring ? { forklaring } : {}) };
  } else if (inntektsaarTrengerGrunn(data.inntektsaar, data.beregningsdato)) {
    feilFor(feltId.vedtak('inntektsaarBegrunnelse', 'aarsak'), t.inntektsaarAarsak, v.velgInntektsaarGrunn);
  }
  for (const felt of ['prisPerMaaned', 'beholderTilstrekkeligMaks'] as const) {
    const tekst = b[felt].trim();
    if (tekst === '') continue;
    const k = lesKroner(tekst);
    if (k === null) feilFor(feltId.vedtak(felt), t[felt], v.kroner);
    else if (k.startsWith('-')) feilFor(feltId.vedtak(felt), t[felt], v.kronerIkkeNegativ);
    else ut[felt] = k;
  }
  if (b.timerPerMaaned.trim() !== '') {
    const timer = lesDesimal(b.timerPerMaaned, 4);
    if (timer === null) feilFor(feltId.vedtak('timerPerMaaned'), t.timerPerMaaned, v.timer);
    else ut.timerPerMaaned = timer;
  }
  if (b.kostnadPerTime.trim() !== '') {
    const k = lesKroner(b.kostnadPerTime);
    if (k === null) feilFor(feltId.vedtak('kostnadPerTime'), t.kostnadPerTime, v.kroner);
    else if (k.startsWith('-'))
      feilFor(feltId.vedtak('kostnadPerTime'), t.kostnadPerTime, v.kronerIkkeNegativ);
    else ut.kostnadPerTime = k;
    if (b.timerPerMaaned.trim() === '')
      feilFor(feltId.vedtak('timerPerMaaned'), t.timerPerMaaned, v.timerForKostnad);
  }
  return ut;
}

/**
 * The API's bad fields as form errors: each path mapped to its input where the form has one; the
 * rest keep the path's message and point at the Beregn button's form (the summary still lists them).
 */
export function feilFraApi(errors: readonly Feltfeil[], feltkart: Feltkart, reserve: string): Skjemafeil[] {
  return errors.map((e) => {
    let sti = e.felt;
    let felt = feltkart.get(sti);
    // A deeper path than the form knows ("vedtak.barn.0.trinn.x"): the nearest known parent.
    while (!felt && sti.includes('.')) {
      sti = sti.slice(0, sti.lastIndexOf('.'));
      felt = feltkart.get(sti);
    }
    return felt
      ? { feltId: felt.id, melding: tekster.validering.feltFra(felt.etikett, e.melding), kort: e.melding }
      : {
          feltId: reserve,
          melding: e.felt ? tekster.validering.feltFra(e.felt, e.melding) : e.melding,
          kort: e.melding,
        };
  });
}
