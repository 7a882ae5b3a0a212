import { randomUUID } from 'node:crypto';
import {
  type Abonnement,
  type Arkivdokument,
  type Arkivkanal,
  type Arkivmelding,
  type ArkivmeldinginnholdInn,
  type Arkivsvar,
  byggArkivmelding,
  FiksIoFeil,
  JOURNALPOSTTYPER,
  type Journalposttype,
  lagArkivpakke,
  type Saksmappe,
} from '@inntektsgrunnlag/arkiv';
import { Valideringsfeil, valider } from '@inntektsgrunnlag/beregning';
import type { Arkivforsendelse, Lagring, NyRevisjonspost } from '@inntektsgrunnlag/lagring';
import { type Aktoer, avvisningsmelding, Tilgangsfeil, TJENESTEOMRAADER } from '@inntektsgrunnlag/tilgang';
import { z } from 'zod';
import { resultatSomPdf, vedtaksbrevSomPdf } from './dokument.js';
import type { Arkivinnstillinger, Kommuneinnstillinger } from './kommuneinnstillinger.js';
import { norskDato, type Oppslagsresultat, RevisjonFeilet } from './oppslagstjeneste.js';

/**
 * Journaling a beregning in the municipality's archive (issue 21, docs/arkiv.md): the case worker's
 * choice (journalpost type, case folder), the message built from the result and its documents, sent
 * through an Arkivkanal (Fiks Arkiv over Fiks IO) and tracked until the archive's receipt arrives; or,
 * without an archive, the same message as a zip for manual import. Every sending, resend and download is
 * recorded in the audit log before anything leaves; if that fails, nothing is sent.
 */

/** What the case worker chooses: the journalpost type and the case folder. */
export const arkivvalgSkjema = z
  .object({
    journalposttype: z
      .enum(JOURNALPOSTTYPER, { error: `må være en av ${JOURNALPOSTTYPER.join(', ')}` })
      .describe(
        'U: utgående brev (vedtaksbrevet som hoveddokument, beregningen som vedlegg); X: notat uten oppfølging, N: notat for oppfølging (beregningen alene)',
      ),
    saksmappe: z
      .discriminatedUnion(
        'type',
        [
          z
            .object({
              type: z.literal('EKSISTERENDE'),
              saksaar: z.number({ error: 'må være et årstall' }).int().min(1900).max(2200),
              sakssekvensnummer: z.number({ error: 'må være et tall' }).int().min(1).max(2_147_483_647),
            })
            .strict(),
          z
            .object({
              type: z.literal('NY'),
              tittel: z.string().trim().min(1).max(255).optional().describe('Standard: områdets sakstittel'),
            })
            .strict(),
        ],
        { error: 'må ha type EKSISTERENDE (med saksaar og sakssekvensnummer) eller NY' },
      )
      .describe('Saksmappen journalposten legges i: en som finnes (saksnummer), eller en ny'),
    /** The citizen's name as the archive should have it, when the result has none (inline posts). */
    partnavn: z.string().trim().min(1).max(255).optional(),
  })
  .strict();

export type Arkivvalg = z.output<typeof arkivvalgSkjema>;

/** The area's fee in words, for titles that never name the citizen (they are shown in public journals). */
const AVGIFT: Record<string, string> = {
  LANGTIDSOPPHOLD_INSTITUSJON: 'vederlag for langtidsopphold i institusjon',
  PRAKTISK_BISTAND: 'egenandel for praktisk bistand',
  BARNEHAGE_SFO: 'foreldrebetaling for barnehage og SFO',
};

const avgiftFor = (beregningstype: string) => AVGIFT[beregningstype] ?? beregningstype.toLowerCase();
const stor = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** The journalpost's title: what and which income year, never who. */
export function journalposttittel(
  resultat: Pick<Oppslagsresultat, 'beregningstype' | 'inntektsaar'>,
  type: Journalposttype,
): string {
  const avgift = avgiftFor(resultat.beregningstype);
  return type === 'U'
    ? `Vedtak om ${avgift}, inntektsår ${resultat.inntektsaar}`
    : `Beregning av ${avgift}, inntektsår ${resultat.inntektsaar}`;
}

/** A new case folder's default title. */
export const sakstittel = (beregningstype: string): string => stor(avgiftFor(beregningstype));

/** A rendered document to journal: the beregning's PDF, or the vedtaksbrev. */
export interface Dokumentfil {
  tittel: string;
  filnavn: string;
  innhold: Uint8Array;
}

/** The beregning's PDF/A as a document to journal (its file name names the area and year, not the person). */
export async function beregningsdokument(
  resultat: Oppslagsresultat,
  innstillinger: Pick<Kommuneinnstillinger, 'kommunenavn'>,
): Promise<Dokumentfil> {
  return {
    tittel: `Beregning av ${avgiftFor(resultat.beregningstype)}, inntektsår ${resultat.inntektsaar}`,
    filnavn: `beregning-${resultat.beregningstype.toLowerCase()}-${resultat.inntektsaar}.pdf`,
    innhold: await resultatSomPdf(resultat, innstillinger),
  };
}

/**
 * The vedtaksbrev (PDF/A-2b, packages/dokument) as the main document of an outgoing letter, with the
 * case worker's fields (`brevdata`: standard, considerations, dates; the API's `vedtaksbrev`). Its title
 * is the letter's own (in the letter's standard) with the income year, and its file name names the area
 * and year: neither names the citizen, as titles are shown in the public journal. Throws Valideringsfeil
 * naming the field (`vedtaksbrev.…`, `resultat.…`) when the letter cannot be made.
 */
export async function vedtaksbrevdokument(
  resultat: Oppslagsresultat,
  brevdata: unknown,
  innstillinger: Pick<Kommuneinnstillinger, 'kommunenavn' | 'kommunenummer' | 'vedtaksbrev'>,
): Promise<Dokumentfil> {
  const { pdf, metadata } = await vedtaksbrevSomPdf(resultat, brevdata ?? {}, innstillinger);
  return {
    tittel: `${metadata.tittel}, inntektsår ${resultat.inntektsaar}`,
    filnavn: metadata.filnavn,
    innhold: pdf,
  };
}

/**
 * The documents of a journalpost of the type: U has the vedtaksbrev as main document and the beregning
 * as attachment; X and N have the beregning alone. A U without a vedtaksbrev is refused.
 */
export function arkivdokumenter(
  type: Journalposttype,
  beregning: Dokumentfil,
  vedtaksbrev?: Dokumentfil | null,
): Arkivdokument[] {
  if (type === 'U') {
    if (!vedtaksbrev) {
      throw new Valideringsfeil([
        {
          felt: 'arkiv.journalposttype',
          melding: 'U (utgående brev) krever et vedtaksbrev som hoveddokument',
        },
      ]);
    }
    return [
      { ...vedtaksbrev, rolle: 'HOVEDDOKUMENT' },
      { ...beregning, rolle: 'VEDLEGG' },
    ];
  }
  return [{ ...beregning, rolle: 'HOVEDDOKUMENT' }];
}

const fulltNavn = (n: { fornavn: string; mellomnavn?: string | null; etternavn: string }) =>
  [n.fornavn, n.mellomnavn, n.etternavn].filter(Boolean).join(' ');

/**
 * The arkivmelding's content for a result: the journalpost (its external key is the sending's id), in the
 * chosen case folder (a new one gets the key `<id>-saksmappe`, so a resend finds it), with the applicant
 * as the screened party and the municipality's screening.
 */
export function arkivmeldinginnhold(p: {
  id: string;
  resultat: Oppslagsresultat;
  valg: Arkivvalg;
  dokumenter: Arkivdokument[];
  innstillinger: Arkivinnstillinger;
  naa: Date;
}): ArkivmeldinginnholdInn {
  const { resultat, valg, innstillinger } = p;
  const soeker = resultat.personer.find((x) => x.type === 'SOEKER') ?? resultat.personer[0];
  if (!soeker) throw new Valideringsfeil([{ felt: 'personer', melding: 'resultatet har ingen søker' }]);
  const navn = soeker.navn ? fulltNavn(soeker.navn) : valg.partnavn;
  if (!navn) {
    throw new Valideringsfeil([
      {
        felt: 'arkiv.partnavn',
        melding:
          'søkerens navn er ikke kjent (opplysningene ble gitt i forespørselen); oppgi navnet arkivet skal ha',
      },
    ]);
  }
  const fagsystem = innstillinger.fagsystem;
  const saksmappe: Saksmappe =
    valg.saksmappe.type === 'EKSISTERENDE'
      ? valg.saksmappe
      : {
          type: 'NY',
          tittel: valg.saksmappe.tittel ?? sakstittel(resultat.beregningstype),
          eksternNoekkel: { fagsystem, noekkel: `${p.id}-saksmappe` },
          saksansvarlig: resultat.utfoert.aktoer.visningsnavn,
          ...(innstillinger.administrativEnhet
            ? { administrativEnhet: innstillinger.administrativEnhet }
            : {}),
        };
  return {
    system: fagsystem,
    eksternNoekkel: { fagsystem, noekkel: p.id },
    saksmappe,
    journalpost: {
      journalposttype: valg.journalposttype,
      tittel: journalposttittel(resultat, valg.journalposttype),
      dokumentetsDato: norskDato(p.naa),
      opprettet: p.naa.toISOString(),
      opprettetAv: resultat.utfoert.aktoer.visningsnavn,
    },
    part: { navn, identifikator: soeker.identifikator, adressebeskyttet: soeker.skjermet },
    skjerming: innstillinger.skjerming,
    dokumenter: p.dokumenter,
  };
}

/** The sending as the API shows it. */
export interface Forsendelsesstatus {
  id: string;
  /** INGEN_KVITTERING: sent, but no receipt within the time limit; it can be sent again. */
  status: Arkivforsendelse['status'] | 'INGEN_KVITTERING';
  journalposttype: Journalposttype;
  saksmappe: Record<string, unknown>;
  beregningstype: string;
  inntektsaar: number;
  opprettet: string;
  sistSendt: string | null;
  antallSendinger: number;
  /** When a receipt is due for the last sending. */
  kvitteringsfrist: string | null;
  /** The archive's ids, once journaled: `id` is the journal number (journalaar/journalsekvensnummer). */
  journalpost: {
    id: string;
    journalaar: number | null;
    journalsekvensnummer: number | null;
    journalpostnummer: number | null;
    saksnummer: string | null;
    systemID: string;
  } | null;
  feil: { type: string; melding: string } | null;
  kanSendesIgjen: boolean;
}

/** No such sending for this actor. */
export class ForsendelseIkkeFunnet extends Error {
  override readonly name = 'ForsendelseIkkeFunnet';
  constructor() {
    super('Forsendelsen finnes ikke');
  }
}

/** The request cannot be done in the sending's state (already journaled, no package kept). */
export class ForsendelseKonflikt extends Error {
  override readonly name = 'ForsendelseKonflikt';
}

/** Fiks Arkiv is not set up here (no archive account): only the zip for manual import is offered. */
export class ArkivIkkeSattOpp extends Error {
  override readonly name = 'ArkivIkkeSattOpp';
  constructor() {
    super(
      'Kommunens arkiv er ikke satt opp for Fiks Arkiv her. Last ned arkivpakken for manuell import i stedet.',
    );
  }
}

export interface ArkivtjenesteKonfig {
  lagring: Lagring;
  /** The archive, or null where the municipality has none (zip only). */
  kanal: Arkivkanal | null;
  /** The archive's Fiks IO account, recorded with each sending. */
  mottakerKonto: string | null;
  innstillinger: Arkivinnstillinger;
  klokke: () => Date;
  /** How long a sending waits for its receipt before it is shown as without one (default 5 minutes). */
  kvitteringsfristMs?: number;
}

interface Revisjonsfelt {
  aktoer: Aktoer;
  rolleId: string;
  resultat: Oppslagsresultat;
}

const num = (x: unknown): number | null => (typeof x === 'number' ? x : null);

export class Arkivtjeneste {
  readonly kvitteringsfristMs: number;

  constructor(private readonly k: ArkivtjenesteKonfig) {
    this.kvitteringsfristMs = k.kvitteringsfristMs ?? 5 * 60_000;
  }

  /** Whether Fiks Arkiv is set up (else only the zip is offered). */
  get aktiv(): boolean {
    return this.k.kanal !== null;
  }

  private async revider(f: Revisjonsfelt, formaal: string, korrelasjonsid: string): Promise<void> {
    const omraade = TJENESTEOMRAADER.find((o) =>
      o.beregningstyper.includes(f.resultat.beregningstype as never),
    );
    const post: NyRevisjonspost = {
      tidspunkt: this.k.klokke(),
      aktoer: f.aktoer,
      rolleId: f.rolleId,
      tjenesteomraade: omraade?.id ?? null,
      beregningstype: f.resultat.beregningstype,
      formaal,
      saksreferanse: f.resultat.utfoert.saksreferanse ?? null,
      // The documents show every person of the household: each one's data leaves for the archive.
      identifikatorer: [...new Set(f.resultat.personer.map((x) => x.identifikator))],
      inntektsaar: f.resultat.inntektsaar,
      utfall: 'TILLATT',
      korrelasjonsid,
    };
    try {
      await this.k.lagring.revisjonslogg.skriv(post);
    } catch (e) {
      throw new RevisjonFeilet(e);
    }
  }

  /** The message for a result: validated in full, so a bad choice is named before anything is sent. */
  melding(p: { id: string; resultat: Oppslagsresultat; valg: unknown; dokumenter: Arkivdokument[] }): {
    melding: Arkivmelding;
    valg: Arkivvalg;
  } {
    const valg = valider(arkivvalgSkjema, p.valg, ['arkiv']);
    const melding = byggArkivmelding(
      arkivmeldinginnhold({
        id: p.id,
        resultat: p.resultat,
        valg,
        dokumenter: p.dokumenter,
        innstillinger: this.k.innstillinger,
        naa: this.k.klokke(),
      }),
    );
    return { melding, valg };
  }

  /**
   * Sends a new sending: builds the message, encrypts it to the archive, stores it with the package,
   * audits, and hands it to Fiks IO. A failure to send is kept on the sending (FEILET), which can then be
   * sent again; it is not thrown.
   */
  async send(p: {
    aktoer: Aktoer;
    rolleId: string;
    resultat: Oppslagsresultat;
    valg: unknown;
    dokumenter: Arkivdokument[];
  }): Promise<Forsendelsesstatus> {
    const kanal = this.k.kanal;
    if (!kanal || !this.k.mottakerKonto) throw new ArkivIkkeSattOpp();
    const id = randomUUID();
    const { melding, valg } = this.melding({
      id,
      resultat: p.resultat,
      valg: p.valg,
      dokumenter: p.dokumenter,
    });
    const pakke = await kanal.pakk(melding);
    await this.revider(
      p,
      `ARKIVERING: sendt til arkivet gjennom Fiks Arkiv (journalposttype ${valg.journalposttype})`,
      id,
    );
    await this.k.lagring.arkivforsendelser.opprett(
      {
        id,
        aktoer: { type: p.aktoer.type, id: p.aktoer.id },
        rolleId: p.rolleId,
        beregningstype: p.resultat.beregningstype,
        inntektsaar: p.resultat.inntektsaar,
        saksreferanse: p.resultat.utfoert.saksreferanse ?? null,
        journalposttype: valg.journalposttype,
        saksmappe:
          valg.saksmappe.type === 'NY'
            ? { type: 'NY', tittel: valg.saksmappe.tittel ?? sakstittel(p.resultat.beregningstype) }
            : valg.saksmappe,
        mottakerKonto: this.k.mottakerKonto,
        pakke,
      },
      this.k.klokke(),
    );
    return this.overfoer(kanal, id, pakke);
  }

  private async overfoer(kanal: Arkivkanal, id: string, pakke: Uint8Array): Promise<Forsendelsesstatus> {
    let f: Arkivforsendelse | null;
    try {
      const sendt = await kanal.send(pakke);
      f = await this.k.lagring.arkivforsendelser.registrerSendt(id, sendt.meldingId, this.k.klokke());
    } catch (e) {
      if (!(e instanceof FiksIoFeil)) throw e;
      f = await this.k.lagring.arkivforsendelser.registrerSendefeil(id, e.message, this.k.klokke());
    }
    if (!f) throw new ForsendelseIkkeFunnet();
    return this.vis(f);
  }

  private async egen(id: string, aktoer: Pick<Aktoer, 'id'>): Promise<Arkivforsendelse> {
    const f = await this.k.lagring.arkivforsendelser.hent(id);
    // Another actor's sending is as unknown as one that does not exist.
    if (!f || f.aktoer.id !== aktoer.id) throw new ForsendelseIkkeFunnet();
    return f;
  }

  async status(id: string, aktoer: Pick<Aktoer, 'id'>): Promise<Forsendelsesstatus> {
    return this.vis(await this.egen(id, aktoer));
  }

  /**
   * Sends the same package again: the same journalpost key, so the archive makes no second journalpost
   * if the first arrived. Refused once journaled (nothing to do), and audited like the first sending.
   */
  async sendIgjen(p: { id: string; aktoer: Aktoer }): Promise<Forsendelsesstatus> {
    const kanal = this.k.kanal;
    if (!kanal) throw new ArkivIkkeSattOpp();
    const f = await this.egen(p.id, p.aktoer);
    // Sent in the role of the first sending, which the actor must still hold.
    if (!p.aktoer.aktiv)
      throw new Tilgangsfeil({ kode: 'AKTOER_INAKTIV', melding: avvisningsmelding('AKTOER_INAKTIV') });
    if (!p.aktoer.roller.includes(f.rolleId)) {
      throw new Tilgangsfeil({ kode: 'ROLLE_MANGLER', melding: avvisningsmelding('ROLLE_MANGLER') });
    }
    if (f.status === 'JOURNALFOERT') throw new ForsendelseKonflikt('Forsendelsen er allerede journalført');
    const pakke = await this.k.lagring.arkivforsendelser.pakke(f.id);
    if (!pakke) throw new ForsendelseKonflikt('Pakken til forsendelsen er ikke lenger lagret');
    const omraade = TJENESTEOMRAADER.find((o) => o.beregningstyper.includes(f.beregningstype as never));
    try {
      await this.k.lagring.revisjonslogg.skriv({
        tidspunkt: this.k.klokke(),
        aktoer: p.aktoer,
        rolleId: f.rolleId,
        tjenesteomraade: omraade?.id ?? null,
        beregningstype: f.beregningstype,
        formaal: `ARKIVERING: sendt på nytt til arkivet gjennom Fiks Arkiv (forsøk ${f.antallSendinger + 1})`,
        saksreferanse: f.saksreferanse,
        // The same package as the first sending: the same persons.
        identifikatorer: await this.k.lagring.arkivforsendelser.identifikatorer(f.id),
        inntektsaar: f.inntektsaar,
        utfall: 'TILLATT',
        korrelasjonsid: f.id,
      });
    } catch (e) {
      throw new RevisjonFeilet(e);
    }
    return this.overfoer(kanal, f.id, pakke);
  }

  /** «Without an archive»: the message and the documents as a zip for manual import; audited. */
  async arkivpakke(p: {
    aktoer: Aktoer;
    rolleId: string;
    resultat: Oppslagsresultat;
    valg: unknown;
    dokumenter: Arkivdokument[];
  }): Promise<{ zip: Uint8Array; filnavn: string }> {
    const id = randomUUID();
    const { melding } = this.melding({ id, resultat: p.resultat, valg: p.valg, dokumenter: p.dokumenter });
    await this.revider(p, 'ARKIVPAKKE: lastet ned for manuell import i arkivet', id);
    const filnavn = `arkivpakke-${p.resultat.beregningstype.toLowerCase().replace(/_/g, '-')}-${p.resultat.inntektsaar}-${id.slice(0, 8)}.zip`;
    return { zip: lagArkivpakke(melding, this.k.klokke()), filnavn };
  }

  /**
   * Records an answer from the archive on its sending: found by the message it answers, or (a receipt
   * whose message we never recorded, e.g. the process stopped right after sending) by the external key
   * the receipt carries back. An answer that matches no sending is ignored.
   */
  async mottaSvar(svar: Arkivsvar): Promise<Arkivforsendelse | null> {
    let id = svar.svarPaaMelding
      ? await this.k.lagring.arkivforsendelser.forsendelseForMelding(svar.svarPaaMelding)
      : null;
    const svarPaa = id ? svar.svarPaaMelding : null;
    if (!id && svar.type === 'KVITTERING') {
      const n = svar.kvittering.journalpost.referanseEksternNoekkel;
      if (n && n.fagsystem === this.k.innstillinger.fagsystem) id = n.noekkel;
    }
    if (!id) return null;
    const naa = this.k.klokke();
    const lager = this.k.lagring.arkivforsendelser;
    switch (svar.type) {
      case 'MOTTATT':
        return lager.registrerSvar(id, { type: 'MOTTATT', svarPaa }, naa);
      case 'KVITTERING':
        return lager.registrerSvar(
          id,
          { type: 'KVITTERING', svarPaa, kvittering: svar.kvittering as unknown as Record<string, unknown> },
          naa,
        );
      case 'FEIL':
        return lager.registrerSvar(
          id,
          {
            type: 'FEIL',
            svarPaa,
            feil: {
              type: svar.feiltype,
              melding: svar.feil.melding,
              ...(svar.feil.feilId ? { feilId: svar.feil.feilId } : {}),
            },
          },
          naa,
        );
      default:
        return null;
    }
  }

  /** Listens for the archive's answers until stopped (a no-op without an archive). */
  lytt(): Promise<Abonnement> {
    if (!this.k.kanal) return Promise.resolve({ stopp: async () => undefined });
    return this.k.kanal.lytt(async (svar) => {
      await this.mottaSvar(svar);
    });
  }

  /** The sending as the API shows it, with «no receipt in time» worked out from the clock. */
  vis(f: Arkivforsendelse): Forsendelsesstatus {
    const fra = f.sistSendt ?? f.opprettet;
    const frist = new Date(new Date(fra).getTime() + this.kvitteringsfristMs);
    const venter = f.status === 'SENDES' || f.status === 'SENDT' || f.status === 'MOTTATT';
    const status = venter && this.k.klokke() > frist ? 'INGEN_KVITTERING' : f.status;
    const kv = f.kvittering as {
      journalpost?: Record<string, unknown>;
      mappe?: Record<string, unknown>;
    } | null;
    let journalpost: Forsendelsesstatus['journalpost'] = null;
    if (kv?.journalpost) {
      const j = kv.journalpost;
      const journalaar = num(j.journalaar);
      const sekvens = num(j.journalsekvensnummer);
      const nummer = num(j.journalpostnummer);
      const sak = kv.mappe ?? f.saksmappe;
      const saksaar = num(sak.saksaar);
      const sakssekvens = num(sak.sakssekvensnummer);
      const systemID = String(j.systemID ?? '');
      journalpost = {
        id: journalaar !== null && sekvens !== null ? `${journalaar}/${sekvens}` : systemID,
        journalaar,
        journalsekvensnummer: sekvens,
        journalpostnummer: nummer,
        saksnummer: saksaar !== null && sakssekvens !== null ? `${saksaar}/${sakssekvens}` : null,
        systemID,
      };
    }
    return {
      id: f.id,
      status,
      journalposttype: f.journalposttype,
      saksmappe: f.saksmappe,
      beregningstype: f.beregningstype,
      inntektsaar: f.inntektsaar,
      opprettet: f.opprettet,
      sistSendt: f.sistSendt,
      antallSendinger: f.antallSendinger,
      kvitteringsfrist: venter ? frist.toISOString() : null,
      journalpost,
      feil: f.feil ? { type: f.feil.type, melding: f.feil.melding } : null,
      kanSendesIgjen:
        this.k.kanal !== null && f.harPakke && (status === 'FEILET' || status === 'INGEN_KVITTERING'),
    };
  }
}
