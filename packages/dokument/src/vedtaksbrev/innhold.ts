import { type Feltfeil, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { erGyldigIdentifikator, maskerIdentifikator } from '@inntektsgrunnlag/person';
import type { z } from 'zod';
import { datoKort, datoLang, formaterKroner, osloDato } from '../format.js';
import { type Linje, type Resultat, resultatSkjema } from '../skjema.js';
import type { Logo } from './logo.js';
import type { Brevdel, Brevelement, Brevpart, Vedtaksbrev, Vedtaksbrevmetadata } from './modell.js';
import type { Brevkontekst, EnhverVedtaksmodul, Faktarad } from './omraader/felles.js';
import { ETTEROPPGJOERSMODULER, VEDTAKSMODULER } from './omraader/index.js';
import { type BrevdataInn, type BrevmetadataInn, brevdataSkjema, brevmetadataSkjema } from './skjema.js';
import { paa } from './spraak.js';
import { BREVTEKSTER } from './tekster.js';

type BrevdataUt = z.output<typeof brevdataSkjema>;

/** A letter ready to be rendered: its content, its metadata for the archive, and the logo to draw. */
export interface Vedtaksbrevgrunnlag {
  brev: Vedtaksbrev;
  metadata: Vedtaksbrevmetadata;
  logo?: Logo;
}

type Person = Resultat['personer'][number];

/** The sources of posts the case worker (not Skatteetaten or NAV) put in: their reasons belong in the letter. */
const MANUELLE_KILDER = new Set(['KOMMUNE', 'MANUELL_INPUT']);

function parse<T extends z.ZodType>(
  skjema: T,
  data: unknown,
  prefiks: string,
  feil: Feltfeil[],
): z.output<T> | null {
  const r = skjema.safeParse(data);
  if (r.success) return r.data;
  feil.push(
    ...Valideringsfeil.fraZod(r.error, prefiks ? [prefiks] : []).feil.map((f) => ({
      felt: f.felt,
      melding: f.melding,
    })),
  );
  return null;
}

function fulltNavn(p: Person): string | undefined {
  if (!p.navn) return undefined;
  return [p.navn.fornavn, p.navn.mellomnavn, p.navn.etternavn].filter(Boolean).join(' ');
}

/** The parts of a result that carry legal references (a Beregningsresultat or its checked form). */
export interface MedHjemler {
  hovedtall: ReadonlyArray<{ hjemmel?: string | undefined }>;
  tabell: { linjer: readonly Linje[] };
  inntekt: { grupper: ReadonlyArray<{ hjemmel?: string | undefined }> };
  fradrag: { grupper: ReadonlyArray<{ hjemmel?: string | undefined }> };
  mellomregninger: ReadonlyArray<{ hjemmel?: string | undefined }>;
  avgiftsnoekkel: string;
}

/** Every legal reference the result names, in the order it names them, once each. */
export function hjemlerI(r: MedHjemler): string[] {
  const ut: string[] = [];
  const legg = (h: unknown) => {
    if (typeof h === 'string' && h.trim() && !ut.includes(h.trim())) ut.push(h.trim());
  };
  for (const h of r.hovedtall) legg(h.hjemmel);
  const gaa = (linjer: readonly Linje[]) => {
    for (const l of linjer) {
      legg(l.hjemmel);
      if (l.linjer) gaa(l.linjer);
    }
  };
  gaa(r.tabell.linjer);
  for (const g of [...r.inntekt.grupper, ...r.fradrag.grupper, ...r.mellomregninger]) legg(g.hjemmel);
  // The fee object may carry references of its own (a reduction, a municipal step), at any depth.
  const dypt = (v: unknown, dybde: number) => {
    if (dybde > 8 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) for (const x of v) dypt(x, dybde + 1);
    else
      for (const [k, x] of Object.entries(v)) {
        if (k === 'hjemmel') legg(x);
        else dypt(x, dybde + 1);
      }
  };
  dypt((r as unknown as Record<string, unknown>)[r.avgiftsnoekkel], 0);
  return ut;
}

/** The posts the case worker or the municipality entered, with their amounts per person. */
function manuellePoster(r: Resultat): Array<{ tekst: string; beloep: number; identifikator: string }> {
  return [...r.inntekt.grupper, ...r.fradrag.grupper, ...r.mellomregninger].flatMap((g) =>
    g.poster
      .filter((p) => MANUELLE_KILDER.has(p.kilde))
      .map((p) => ({
        tekst: `${p.operasjon === 'SUBTRAHERE' ? '− ' : ''}${p.visningstekst}`,
        beloep: p.beloep,
        identifikator: p.identifikator,
      })),
  );
}

/** Eleven digits (optionally split after the sixth) that are a valid identifier. */
function harIdentifikator(tekst: string): boolean {
  for (const m of tekst.matchAll(/(?<!\d)(\d{6})[ .]?(\d{5})(?!\d)/g)) {
    if (erGyldigIdentifikator(`${m[1]}${m[2]}`)) return true;
  }
  return false;
}

/**
 * The case worker's free texts, by field: they must not carry a fødselsnummer (the letter shows none
 * in full), nor the name of a person with address protection.
 */
function kontrollerFritekst(b: BrevdataUt, skjermedeNavn: readonly string[], feil: Feltfeil[]): void {
  const felt: Array<[string, string | undefined]> = [
    ['vedtaksbrev.vurderinger', b.vurderinger],
    ['vedtaksbrev.saksreferanse', b.saksreferanse],
    ['vedtaksbrev.mottaker.navn', b.mottaker?.navn],
    ...(b.mottaker?.adresselinjer ?? ([] as string[])).map((l, i): [string, string] => [
      `vedtaksbrev.mottaker.adresselinjer.${i}`,
      l,
    ]),
    ...(b.kopiTil ?? ([] as NonNullable<BrevdataUt['kopiTil']>)).flatMap(
      (k, i): Array<[string, string | undefined]> => [
        [`vedtaksbrev.kopiTil.${i}.navn`, k.navn],
        [`vedtaksbrev.kopiTil.${i}.rolle`, k.rolle],
        ...(k.adresselinjer ?? ([] as string[])).map((l, j): [string, string] => [
          `vedtaksbrev.kopiTil.${i}.adresselinjer.${j}`,
          l,
        ]),
      ],
    ),
    ['vedtaksbrev.saksbehandler.navn', b.saksbehandler?.navn],
    ['vedtaksbrev.etteroppgjoer.betaling', b.etteroppgjoer?.betaling],
  ];
  for (const [navn, tekst] of felt) {
    if (!tekst) continue;
    if (harIdentifikator(tekst)) {
      feil.push({
        felt: navn,
        melding: 'inneholder et fødselsnummer; brevet viser ingen fødselsnumre i sin helhet',
      });
    }
    const liten = tekst.toLowerCase();
    if (skjermedeNavn.some((n) => liten.includes(n))) {
      feil.push({
        felt: navn,
        melding: 'nevner en person med adressebeskyttelse; personens navn kan ikke stå i brevet',
      });
    }
  }
}

/** The case worker's free text as paragraphs: a blank line starts a new one; line breaks are kept. */
function avsnittAv(tekst: string): Brevelement[] {
  return (
    tekst
      .replace(/\r\n?/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters other than line breaks are removed
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ')
      .split(/\n[ \t]*\n/)
      .map((a) => a.trim())
      .filter(Boolean)
      .map((a) => ({ type: 'avsnitt', tekst: a }))
  );
}

/**
 * Builds a decision letter's content from a beregning result, the case worker's fields and the
 * municipality's settings. Checks everything first and names every bad field: `resultat.…` for the
 * result, `vedtaksbrev.…` for the case worker's fields, `metadata.…` for the rest. Pure: no clock,
 * no I/O.
 */
export function lagVedtaksbrev(
  resultat: unknown,
  brevdata: BrevdataInn | unknown,
  metadata: BrevmetadataInn | unknown,
): Vedtaksbrevgrunnlag {
  const feil: Feltfeil[] = [];
  const r = parse(resultatSkjema, resultat, 'resultat', feil);
  const b = parse(brevdataSkjema, brevdata ?? {}, 'vedtaksbrev', feil);
  const m = parse(brevmetadataSkjema, metadata, 'metadata', feil);
  if (!r || !b || !m) throw new Valideringsfeil(feil, 'Vedtaksbrevet kan ikke lages');

  // An etteroppgjør result is the langtidsopphold result on Y's settlement with the etteroppgjør
  // beside it: its letter is the etteroppgjør's decision, not the monthly fee's.
  const raaEtteroppgjoer = (r as Record<string, unknown>).etteroppgjoer;
  const erEtteroppgjoer = raaEtteroppgjoer !== null && raaEtteroppgjoer !== undefined;
  const modul: EnhverVedtaksmodul | undefined = erEtteroppgjoer
    ? ETTEROPPGJOERSMODULER[r.beregningstype]
    : VEDTAKSMODULER[r.beregningstype];
  if (!modul && erEtteroppgjoer) {
    throw new Valideringsfeil(
      [
        {
          felt: 'resultat.etteroppgjoer',
          melding: `det finnes ikke vedtaksbrev for etteroppgjør i ${r.beregningstype}; kjente: ${Object.keys(ETTEROPPGJOERSMODULER).join(', ')}`,
        },
      ],
      'Vedtaksbrevet kan ikke lages',
    );
  }
  if (!erEtteroppgjoer && b.etteroppgjoer) {
    throw new Valideringsfeil(
      [
        {
          felt: 'vedtaksbrev.etteroppgjoer',
          melding: 'gjelder bare vedtaksbrev for et etteroppgjør, og resultatet er ikke et etteroppgjør',
        },
      ],
      'Vedtaksbrevet kan ikke lages',
    );
  }
  if (!modul) {
    throw new Valideringsfeil(
      [
        {
          felt: 'resultat.beregningstype',
          melding: `det finnes ikke vedtaksbrev for ${r.beregningstype}; kjente: ${Object.keys(VEDTAKSMODULER).join(', ')}`,
        },
      ],
      'Vedtaksbrevet kan ikke lages',
    );
  }
  const avgiftsnoekkel = erEtteroppgjoer ? 'etteroppgjoer' : r.avgiftsnoekkel;
  const raaAvgift = (r as Record<string, unknown>)[avgiftsnoekkel];
  if (raaAvgift === null || raaAvgift === undefined) {
    throw new Valideringsfeil(
      [
        {
          felt: `resultat.${r.avgiftsnoekkel}`,
          melding:
            'avgiften er ikke beregnet (se advarslene i beregningen); et vedtaksbrev trenger avgiften, så oppgi beregningsdato (vedtaksdato)',
        },
      ],
      'Vedtaksbrevet kan ikke lages',
    );
  }
  const avgift = parse(modul.avgiftSkjema, raaAvgift, `resultat.${avgiftsnoekkel}`, feil);

  const soeker = r.personer.find((p) => p.type === 'SOEKER') ?? (r.personer[0] as Person);
  if (soeker.skjermet && b.mottaker && (b.mottaker.navn || b.mottaker.adresselinjer?.length)) {
    feil.push({
      felt: 'vedtaksbrev.mottaker',
      melding:
        'søkeren har adressebeskyttelse: navn og adresse kan ikke stå i brevet; send det etter rutinene for personer med adressebeskyttelse',
    });
  }
  kontrollerFritekst(
    b,
    r.personer.flatMap((p) => {
      const navn = p.skjermet ? fulltNavn(p) : undefined;
      if (!navn || !p.navn) return [];
      return [navn.toLowerCase(), `${p.navn.fornavn} ${p.navn.etternavn}`.toLowerCase()];
    }),
    feil,
  );
  const manuelle = manuellePoster(r);
  if (manuelle.length > 0 && !b.vurderinger) {
    feil.push({
      felt: 'vedtaksbrev.vurderinger',
      melding: `beregningen har poster kommunen har lagt inn (${[...new Set(manuelle.map((p) => p.tekst))].join(', ')}); skriv hovedhensynene bak dem (forvaltningsloven § 25)`,
    });
  }
  if (feil.length > 0 || avgift === null) throw new Valideringsfeil(feil, 'Vedtaksbrevet kan ikke lages');

  const innst = m.innstillinger;
  const spraak = b.spraak ?? innst.standardspraak;
  const t = BREVTEKSTER[spraak];
  const k: Brevkontekst<unknown> = { resultat: r, avgift, brevdata: b, innstillinger: innst, spraak, t };
  const gjelderFra = modul.gjelderFra(k);
  const tittel = modul.tittel(k);
  const vedtaksdato = b.vedtaksdato ?? osloDato(m.opprettet);
  const saksreferanse =
    b.saksreferanse ?? (r as { utfoert?: { saksreferanse?: unknown } }).utfoert?.saksreferanse;
  const sak = typeof saksreferanse === 'string' && saksreferanse.trim() ? saksreferanse.trim() : undefined;
  // The lookup's reference is the case worker's text too: it is printed only if it holds no identifier.
  if (sak && !b.saksreferanse && harIdentifikator(sak)) {
    throw new Valideringsfeil(
      [
        {
          felt: 'vedtaksbrev.saksreferanse',
          melding:
            'beregningens saksreferanse inneholder et fødselsnummer og kan ikke stå i brevet; oppgi saksreferansen brevet skal ha',
        },
      ],
      'Vedtaksbrevet kan ikke lages',
    );
  }
  const saksbehandler = b.saksbehandler ?? (m.laget.brukernavn ? { navn: m.laget.brukernavn } : undefined);

  // Persons: a role label, and the name and masked number unless the person is screened. No number is
  // shown in full, not even the addressee's: the letter identifies the case by its reference, and the
  // archive keeps the full numbers in its party register (Vedtaksbrevmetadata), so a full number in
  // the letter meets no need for secure identification:
  // @lovtekst LOV-2018-06-15-38 § 12 første ledd
  // «Fødselsnummer og andre entydige identifikasjonsmidler kan bare behandles når det er saklig behov for sikker identifisering og metoden er nødvendig for å oppnå slik identifisering.»
  const rolle = (p: Person): string =>
    p.type === 'SOEKER' ? paa(modul.soekerbetegnelse, spraak) : (t.persontype[p.type] ?? p.type);
  const personrad = (p: Person): Faktarad => {
    if (p.skjermet)
      return { etikett: rolle(p), verdi: spraak === 'nn' ? 'med i utrekninga' : 'med i beregningen' };
    const navn = fulltNavn(p);
    return {
      etikett: rolle(p),
      verdi: `${navn ? `${navn}, ` : ''}${t.fodselsnummer} ${maskerIdentifikator(p.identifikator)}`,
    };
  };
  const kildeRad = (p: Person): Faktarad => ({
    etikett: rolle(p),
    verdi: p.stadie
      ? p.stadie === 'OPPGJOER'
        ? t.stadie.OPPGJOER(
            r.inntektsaar,
            p.skatteoppgjoersdato ? datoKort(p.skatteoppgjoersdato) : undefined,
          )
        : t.stadie[p.stadie](r.inntektsaar)
      : t.stadie.forespoersel,
  });

  const fakta: Faktarad[] = [
    { etikett: t.inntektsaar, verdi: String(r.inntektsaar) },
    ...r.personer.map(personrad),
    ...r.personer.map((p) => ({
      ...kildeRad(p),
      etikett: `${t.skatteopplysninger}, ${rolle(p).toLowerCase()}`,
    })),
    ...manuelle.map((p) => {
      const person = r.personer.find((x) => x.identifikator === p.identifikator);
      const hvem = person && r.personer.length > 1 ? ` (${rolle(person).toLowerCase()})` : '';
      return {
        etikett: `${p.tekst}${hvem}`,
        verdi: `${formaterKroner(p.beloep)} ${spraak === 'nn' ? '(lagt inn av kommunen)' : '(lagt inn av kommunen)'}`,
      };
    }),
    ...modul.fakta(k),
  ];

  const hjemler = hjemlerI(r);
  for (const h of modul.hjemler?.(k) ?? [])
    if (h.trim() && !hjemler.includes(h.trim())) hjemler.push(h.trim());
  const klage = modul.klage;
  const kommuneadresse = innst.adresse.join(', ');
  const kontakt = t.kontakt({
    ...(saksbehandler?.telefon || innst.telefon
      ? { telefon: (saksbehandler?.telefon ?? innst.telefon) as string }
      : {}),
    ...(saksbehandler?.epost || innst.epost
      ? { epost: (saksbehandler?.epost ?? innst.epost) as string }
      : {}),
  });

  const deler: Brevdel[] = [
    { id: 'vedtak', nivaa: 1, overskrift: t.vedtak, innhold: modul.vedtak(k, gjelderFra) },
    { id: 'begrunnelse', nivaa: 1, overskrift: t.begrunnelse, innhold: [] },
    { id: 'fakta', nivaa: 2, overskrift: t.fakta, innhold: [{ type: 'fakta', rader: fakta }] },
    {
      id: 'regler',
      nivaa: 2,
      overskrift: t.regler,
      innhold: [
        ...modul.regelforklaring(k).map((tekst): Brevelement => ({ type: 'avsnitt', tekst })),
        { type: 'avsnitt', tekst: t.reglerInnledning },
        { type: 'liste', punkter: hjemler },
      ],
    },
    {
      id: 'vurderinger',
      nivaa: 2,
      overskrift: t.vurderinger,
      innhold: b.vurderinger ? avsnittAv(b.vurderinger) : [{ type: 'avsnitt', tekst: t.ikkeSkjoenn }],
    },
    ...modul.saerskilt(k, gjelderFra),
    {
      id: 'klage',
      nivaa: 1,
      overskrift: t.klage,
      innhold: [
        ...t
          .klageavsnitt({
            instans: klage.instans(innst, spraak),
            frist: klage.frist[spraak],
            fristFra: klage.fristFra[spraak],
            kommune: m.kommunenavn,
            adresse: kommuneadresse,
            formkrav: klage.formkrav[spraak],
          })
          .map((tekst): Brevelement => ({ type: 'avsnitt', tekst })),
        { type: 'avsnitt', tekst: t.utsettelse },
        { type: 'avsnitt', tekst: t.klagehjemmel(klage.hjemmel[spraak]) },
      ],
    },
    { id: 'innsyn', nivaa: 1, overskrift: t.innsyn, innhold: [{ type: 'avsnitt', tekst: t.innsynAvsnitt }] },
    {
      id: 'spoersmaal',
      nivaa: 1,
      overskrift: t.spoersmaal,
      innhold: [{ type: 'avsnitt', tekst: t.spoersmaalAvsnitt(kontakt) }],
    },
  ];

  const mottaker = soeker.skjermet
    ? null
    : (() => {
        const navn = b.mottaker?.navn ?? fulltNavn(soeker);
        const adresselinjer = b.mottaker?.adresselinjer ?? [];
        return navn || adresselinjer.length > 0 ? { ...(navn ? { navn } : {}), adresselinjer } : null;
      })();

  const avsenderlinjer = [
    ...innst.adresse,
    ...(innst.telefon ? [`${t.telefon}: ${innst.telefon}`] : []),
    ...(innst.epost ? [`${t.epost}: ${innst.epost}`] : []),
    ...(innst.nettside ? [innst.nettside] : []),
    ...(innst.organisasjonsnummer ? [`${t.organisasjonsnummer} ${innst.organisasjonsnummer}`] : []),
  ];
  const underskriver = innst.underskriver
    ? { navn: innst.underskriver.navn, tittel: paa(innst.underskriver.tittel, spraak) }
    : { navn: saksbehandler?.navn ?? m.kommunenavn, tittel: t.saksbehandlerTittel };
  const kopimottakere = (b.kopiTil ?? []).map((x) => ({
    navn: x.navn,
    ...(x.rolle ? { rolle: x.rolle } : {}),
    adresselinjer: x.adresselinjer ?? [],
  }));

  const brev: Vedtaksbrev = {
    spraak,
    beregningstype: r.beregningstype,
    tittel,
    vedtaksdato,
    vedtaksdatoTekst: datoLang(vedtaksdato),
    avsender: {
      kommunenavn: m.kommunenavn,
      ...(innst.enhet ? { enhet: paa(innst.enhet, spraak) } : {}),
      linjer: avsenderlinjer,
    },
    mottaker,
    referanser: [
      { etikett: t.dato, verdi: datoLang(vedtaksdato) },
      ...(sak ? [{ etikett: t.vaarReferanse, verdi: sak }] : []),
      ...(saksbehandler ? [{ etikett: t.saksbehandler, verdi: saksbehandler.navn }] : []),
      ...(saksbehandler?.telefon ? [{ etikett: t.telefon, verdi: saksbehandler.telefon }] : []),
    ],
    deler,
    underskrift: { hilsen: t.hilsen, ...underskriver, merknad: t.elektroniskGodkjent },
    kopi:
      kopimottakere.length > 0
        ? {
            etikett: t.kopiTil,
            mottakere: kopimottakere.map((x) => (x.rolle ? `${x.navn} (${x.rolle})` : x.navn)),
          }
        : null,
    bunntekst: `${m.kommunenavn} · ${tittel}${sak ? ` · ${t.vaarReferanse.toLowerCase()} ${sak}` : ''}`,
  };

  const parter: Brevpart[] = r.personer.map((p) => ({
    rolle: p === soeker ? 'MOTTAKER' : 'PART',
    persontype: p.type,
    identifikator: p.identifikator,
    ...(fulltNavn(p) ? { navn: fulltNavn(p) as string } : {}),
    skjermet: p.skjermet,
  }));
  const vedtaksbrevmetadata: Vedtaksbrevmetadata = {
    tittel,
    dokumentdato: vedtaksdato,
    opprettet: m.opprettet,
    spraak,
    beregningstype: r.beregningstype,
    inntektsaar: r.inntektsaar,
    ...(sak ? { saksreferanse: sak } : {}),
    kommunenavn: m.kommunenavn,
    ...(m.kommunenummer ? { kommunenummer: m.kommunenummer } : {}),
    parter,
    skjermet: parter.some((p) => p.skjermet),
    kopimottakere,
    underskriver,
    filnavn: `${modul.filnavn ?? `vedtaksbrev-${r.beregningstype.toLowerCase().replace(/_/g, '-')}`}-${r.inntektsaar}.pdf`,
  };
  return { brev, metadata: vedtaksbrevmetadata, ...(innst.logo ? { logo: innst.logo } : {}) };
}
