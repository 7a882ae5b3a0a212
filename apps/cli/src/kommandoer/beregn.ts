import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  BEREGNINGSTYPER,
  type Beregningsresultat,
  Valideringsfeil,
  valider,
} from '@inntektsgrunnlag/beregning';
import { brevdataSkjema } from '@inntektsgrunnlag/dokument';
import {
  KildeFeil,
  KildeoppsettFeil,
  type Kilder,
  lagKilder,
  lesKildeoppsett,
  STANDARD_FORSOEKSREGLER,
} from '@inntektsgrunnlag/kilder';
import { demooppsettFor, Kildeplasser, type Lagring } from '@inntektsgrunnlag/lagring';
import { Beloep, UgyldigBeloepError } from '@inntektsgrunnlag/money';
import {
  type Autentisering,
  GrunnlagIkkeHentet,
  type Kommuneinnstillinger,
  Oppslagstjeneste,
  RevisjonFeilet,
  resultatSomPdf,
  Satsforvaltning,
  type Utfoerelse,
  vedtaksbrevSomPdf,
} from '@inntektsgrunnlag/oppslag';
import { maskerIdentifikator } from '@inntektsgrunnlag/person';
import {
  type Beregningstabell,
  formaterDatoKort,
  type Regelverk,
  UgyldigDatoError,
  UtenforDekning,
} from '@inntektsgrunnlag/regelverk';
import { Tilgangsfeil } from '@inntektsgrunnlag/tilgang';
import { tolkArgumenter } from '../argumenter.js';
import type { Arbeiderdata } from '../batch/arbeider.js';
import { ArbeiderFeil, Arbeiderpool, BeskrevetRadfeil, standardArbeidere } from '../batch/arbeidere.js';
import { csvLinje, type Skilletegn } from '../batch/csv.js';
import {
  kjoerBatch,
  type Radbehandler,
  type Radfeil,
  UlesbarRad,
  valideringsfeilSomTekst,
} from '../batch/kjoering.js';
import { resultatSomCeller, UTDATAKOLONNER } from '../batch/kolonner.js';
import { batchmapper, medCtrlC, skrivOppsummering, somRader } from '../batch/kommandobatch.js';
import { PRIVAT_FIL } from '../batch/skriver.js';
import { type Inndata, type Innformat, undersoekInndata } from '../inndata.js';
import { BrukerFeil, type Kommando, type Kontekst, skriv } from '../kontekst.js';
import { lastKommuneinnstillinger, lastRegelverk } from '../regelverk.js';
import { aapneLagringFraMiljoe } from './revisjon.js';

const bruk = `Bruk: pnpm cli beregn <fil|-> [--rolle <rolleId>] [--bruker <brukerId>] [--saksreferanse <ref>]
                   [--format json|tabell|csv] [--kommuneinnstillinger <fil>] [--satser <fil>…]
                   [--ut <fil>] [--feilfil <fil>] [--resume] [--pdf-dir <mappe>]
                   [--vedtaksbrev-dir <mappe>]
                   [--innformat jsonl|csv] [--samtidighet <n>] [--arbeidere <n>]
                   [--skilletegn , | ; | tab]
                   [--oppsummering <fil>] [--aarlig-oppdatering <år>]

Leser én forespørsel (JSON), en gullfil (bruker «foresporsel»), eller mange: JSON Lines (én
forespørsel per linje) eller CSV (én per rad; kolonnene står i docs/batch.md), fra en fil eller fra
standard inn (-). Mange forespørsler leses som en strøm, så filen kan ha hundretusener av rader.
Personer kan ha postene sine i «poster»; for de andre hentes skatteopplysningene fra kilden: den
innebygde syntetiske populasjonen, eller med KILDE=http Skatteetaten (eller pnpm standin) gjennom
Maskinporten (se docs/kilder.md).
Skriver resultatet som JSON (én linje per forespørsel for mange), som en forklaring med
--format tabell, eller som CSV med nøkkeltallene med --format csv.
  --rolle <rolleId>             rollen oppslaget gjøres i; i innebygd modus er standard demorollen
                                for forespørselens tjenesteområde (demo-langtidsopphold, …)
  --bruker <brukerId>           saksbehandleren som gjør oppslaget; i innebygd modus demobrukeren
                                for rollen, ellers påkrevd
  --saksreferanse <ref>         saken oppslaget gjelder (føres i revisjonsloggen)
  --kommuneinnstillinger <fil>  kommunens innstillinger (JSON; se docs/kommuneinnstillinger/)
  --satser <fil>                operatørfil med nyere satser (kan gjentas; se docs/drift.md)
For mange forespørsler (se docs/batch.md):
  --ut <fil>                    skriv resultatene til filen (ellers standard ut)
  --feilfil <fil>               rader som feiler, med radnummer og grunn (CSV); standard
                                <ut>.feil.csv med --ut, ellers «Linje N: …» på standard feil
  --resume                      fortsett en avbrutt kjøring (Ctrl-C skriver et sjekkpunkt)
  --pdf-dir <mappe>             skriv ett PDF/A-dokument per beregning (rad-0000012-<sak>.pdf)
  --vedtaksbrev-dir <mappe>     skriv ett vedtaksbrev (PDF/A) per beregning
                                (rad-0000012-<sak>-vedtaksbrev.pdf); brevets felt står i
                                «vedtaksbrev» (JSON) eller brev_*-kolonnene (CSV)
  --innformat jsonl|csv         inndataformatet (standard: .csv-filer og tekst som ikke begynner
                                med { er CSV)
  --samtidighet <n>             forespørsler som behandles samtidig (oppslag; standard 64)
  --arbeidere <n>               arbeidstråder radene fordeles på (standard: antall kjerner for en
                                fil på minst 1 MiB eller standard inn, ellers 1; 1 gjør alt i én
                                tråd); utdata kommer i samme rekkefølge som inndata
  --skilletegn , | ; | tab      skilletegn i CSV-utdata og feilfilen (standard: inndataens, ellers ,)
  --oppsummering <fil>          skriv en maskinlesbar oppsummering (JSON) av kjøringen
  --aarlig-oppdatering <år>     den årlige oppdateringen av PRAKTISK_BISTAND (egenandelsforskriften
                                § 10 femte ledd): beregn hver sak i filen på nytt for året, med
                                beregningsdato 1. januar og inntektsåret § 10 første ledd foreslår
                                (år − 2), med nye skatteopplysninger; andre rader feiler
Hvert oppslag av skatteopplysninger føres i revisjonsloggen (pnpm cli revisjon liste).
Én forespørsel: ugyldig forespørsel gir feltet og grunnen på standard feil og avslutningskode 2; et
avvist oppslag og skatteopplysninger som ikke kunne hentes gir grunnen og avslutningskode 1.
Mange: 0 når alle rader ble beregnet, 1 når noen feilet (kjøringen fortsetter), 2 når inndata ikke
kan brukes (ulesbar fil, ukjente eller manglende CSV-kolonner), 130 når kjøringen ble avbrutt, 141
når mottakeren lukket utdata før alt var skrevet (som «| head»).`;

function kr(tall: number): string {
  return Beloep.kroner(String(tall)).format();
}

/** The explanation of one result, for a person to read. */
export function resultatSomTekst(resultat: Beregningsresultat, tabell: Beregningstabell): string {
  const linjer: string[] = [];
  linjer.push(tabell.tittel, '');
  linjer.push(
    `Beregningsdato: ${formaterDatoKort(resultat.beregningsdato)}${resultat.beregningsdatoKilde === 'DAGENS_DATO' ? ' (dagens dato)' : ''}`,
  );
  for (const p of resultat.personer) {
    const navn = p.navn ? ` ${p.navn.fornavn} ${p.navn.etternavn}` : '';
    linjer.push(`${p.type.padEnd(10)} ${maskerIdentifikator(p.identifikator)}${navn}`);
  }
  linjer.push('', `Beregningsgrunnlag: ${kr(resultat.beregningsbeloep)}`);
  for (const h of resultat.hovedtall)
    linjer.push(`${h.tekst}: ${kr(h.beloep)}${h.hjemmel ? `  [${h.hjemmel}]` : ''}`);
  linjer.push('', tabell.tilTekst());
  if (resultat.advarsler.length > 0) {
    linjer.push('', 'Advarsler:');
    for (const a of resultat.advarsler) linjer.push(`  - ${a.melding}`);
  }
  linjer.push('', 'Satser brukt:');
  for (const s of resultat.regelverk.satser) {
    linjer.push(
      `  - ${s.beskrivelse} fra ${formaterDatoKort(s.gyldigFra)}: ${JSON.stringify(s.verdi)} (${s.kilde.tittel}${s.fraFil ? `; fra operatørfilen ${s.fraFil}` : ''}${s.kommunesats ? `; lagt inn av kommunen (${s.kommunesats.innlagtAv.navn}), godkjent av ${s.kommunesats.godkjentAv.navn}` : ''})`,
    );
  }
  return linjer.join('\n');
}

/** The sources from the environment (KILDE, KILDE_*, MASKINPORTEN_*; docs/kilder.md). */
export function kilderFraMiljoe(
  { env, cwd }: Pick<Kontekst, 'env' | 'cwd'>,
  lagring?: Pick<Lagring, 'modus' | 'sql'>,
): Kilder {
  try {
    const oppsett = lesKildeoppsett(
      env,
      (fil) => readFileSync(resolve(cwd, fil), 'utf8'),
      (fil) => readFileSync(resolve(cwd, fil)),
    );
    // On PostgreSQL a batch shares the organisation's slots per API with the API's instances (issue
    // 19 item 5; the same rule as apps/api/src/miljoe.ts delteKildegrenser).
    if (oppsett.type === 'http' && lagring?.modus === 'POSTGRES') {
      const plasser = new Kildeplasser(lagring.sql, {
        maks: oppsett.innstillinger.maksSamtidigePerApi ?? 5,
        maksVentMs: oppsett.innstillinger.forsoek?.fristMs ?? STANDARD_FORSOEKSREGLER.fristMs,
        leieMs:
          (oppsett.innstillinger.forsoek?.tidsavbruddMs ?? STANDARD_FORSOEKSREGLER.tidsavbruddMs) + 5_000,
      });
      return lagKilder(oppsett, { plassbegrenser: (api) => plasser.for(api) });
    }
    return lagKilder(oppsett);
  } catch (e) {
    if (e instanceof KildeoppsettFeil) throw new BrukerFeil(e.message);
    throw e;
  }
}

/** A lookup refused or failed at the source: the reason is known and printed, but it is no user error. */
export function erKildefeil(e: unknown): e is Error {
  return (
    e instanceof KildeFeil ||
    e instanceof GrunnlagIkkeHentet ||
    e instanceof Tilgangsfeil ||
    e instanceof RevisjonFeilet
  );
}

export function feilmelding(e: Error): string {
  return e instanceof Tilgangsfeil ? `Avvist (${e.kode}): ${e.message}` : e.message;
}

/**
 * Who runs the CLI: the named user, or in embedded mode the demo user of the role (the request's
 * area's demo role when no role is named). Outside embedded mode a user must be named.
 */
export async function hvem(
  lagring: Lagring,
  valg: { rolle?: string | undefined; bruker?: string | undefined },
  beregningstype: unknown,
): Promise<{ autentisering: Autentisering; rolleId: string | null }> {
  const demo = typeof beregningstype === 'string' ? demooppsettFor(beregningstype) : undefined;
  const rolleId = valg.rolle ?? (lagring.innebygd ? (demo?.rolle.id ?? null) : null);
  let brukerId = valg.bruker;
  if (!brukerId) {
    if (!lagring.innebygd) {
      throw new BrukerFeil(
        'Oppgi --bruker (saksbehandleren som gjør oppslaget) når databasen ikke er den innebygde.',
      );
    }
    // In embedded mode the demo user of the named demo role, or of the request's area.
    const demoForRolle = rolleId ? demooppsettForRolle(rolleId) : undefined;
    brukerId = (demoForRolle ?? demo)?.bruker.id;
  }
  const aktoer = brukerId ? await lagring.brukere.aktoer(brukerId) : null;
  return {
    autentisering: aktoer
      ? { ok: true, aktoer }
      : { ok: false, kode: 'AKTOER_UKJENT', melding: `Brukeren «${brukerId ?? ''}» finnes ikke.` },
    rolleId,
  };
}

function demooppsettForRolle(rolleId: string) {
  for (const type of ['BARNEHAGE_SFO', 'PRAKTISK_BISTAND', 'LANGTIDSOPPHOLD_INSTITUSJON']) {
    const d = demooppsettFor(type);
    if (d?.rolle.id === rolleId) return d;
  }
  return undefined;
}

/** What a row of `beregn` needs to be calculated: the same in-process and in a worker thread. */
export interface Radkjoereroppsett {
  lagring: Lagring;
  kilder: Kilder;
  regelverk: Regelverk;
  innstillinger: Kommuneinnstillinger;
  klokke: () => Date;
  valg: { rolle?: string | undefined; bruker?: string | undefined; saksreferanse?: string | undefined };
  batch: boolean;
  /** The municipality's approved rates from the database (the API's path too), if any. */
  satser?: Satsforvaltning;
  /** `--aarlig-oppdatering`: each row as the case on 1 January of that year (tilAarligOppdatering). */
  aarligOppdatering: number | null;
}

/**
 * `latForklaring`: the caller reads only the key figures (`--format csv`), so the explanation's JSON
 * forms are built only if read (Oppslagstjeneste's `latForklaring`); the result is the same.
 */
export type Radkjoerer = (
  data: unknown,
  valg?: { latForklaring?: boolean },
) => Promise<{
  resultat: Beregningsresultat & { utfoert: Utfoerelse };
  tabell: Beregningstabell;
}>;

/**
 * The calculation of one row: who asks (decided once per beregningstype in a batch) and the lookup
 * service's `beregn`. A worker thread (batch/arbeider.ts) makes its own with the same inputs.
 */
export function lagRadkjoerer({
  lagring,
  kilder,
  regelverk,
  innstillinger,
  klokke,
  valg,
  batch,
  satser,
  aarligOppdatering,
}: Radkjoereroppsett): Radkjoerer {
  const tjeneste = new Oppslagstjeneste({
    lagring,
    kilder,
    regelverk,
    ...(satser ? { satser } : {}),
    innstillinger,
    klokke,
    // A batch reads the roles once and keeps them for the run (Oppslagstjeneste's rollebuffer).
    ...(batch ? { rollebuffer: Number.POSITIVE_INFINITY } : {}),
  });
  // Who asks is decided once per beregningstype and reused for the run: the same user in the same
  // role for every row of that type (each row is still authorised and, if it fetches, audited).
  const hvemBuffer = new Map<string, ReturnType<typeof hvem>>();
  const kjoer = async (rad: unknown, radvalg?: { latForklaring?: boolean }) => {
    // A row may carry its decision letter's fields; the beregning takes the rest.
    const lest = delVedtaksbrev(rad).foresporsel;
    const data = aarligOppdatering === null ? lest : tilAarligOppdatering(lest, aarligOppdatering);
    const type = (data as { beregningstype?: unknown } | null)?.beregningstype;
    let hvemSvar: ReturnType<typeof hvem>;
    if (batch && typeof type === 'string' && (BEREGNINGSTYPER as readonly string[]).includes(type)) {
      hvemSvar = hvemBuffer.get(type) ?? hvem(lagring, valg, type);
      hvemBuffer.set(type, hvemSvar);
    } else hvemSvar = hvem(lagring, valg, type);
    const { autentisering, rolleId } = await hvemSvar;
    return tjeneste.beregn({
      autentisering,
      rolleId,
      saksreferanse: valg.saksreferanse ?? null,
      foresporsel: data,
      ...(radvalg?.latForklaring === true ? { latForklaring: true } : {}),
    });
  };
  return kjoer;
}

/** A row's PDF could not be made: the row fails, the run goes on. */
export class PdfFeil extends Error {
  override readonly name = 'PdfFeil';
}

/** A row's decision letter could not be made or written (not for bad input): the row fails. */
export class VedtaksbrevFeil extends Error {
  override readonly name = 'VedtaksbrevFeil';
}

/**
 * Makes a row's decision letter with `lag` and writes it to `mappe` as `<rad>[-<sak>]-vedtaksbrev.pdf`,
 * named by the letter's own case reference when it gives one, else by the run's. Bad letter fields stay
 * a Valideringsfeil (the row fails as bad input, naming the field); any other failure to make or write
 * the letter is a VedtaksbrevFeil. Shared by `beregn` and `etteroppgjoer`.
 */
export async function skrivVedtaksbrev(
  mappe: string,
  rad: number,
  brevdata: unknown,
  saksreferanse: string | undefined,
  lag: () => Promise<{ pdf: Uint8Array }>,
): Promise<string> {
  const sak =
    typeof (brevdata as { saksreferanse?: unknown } | undefined)?.saksreferanse === 'string'
      ? (brevdata as { saksreferanse: string }).saksreferanse
      : saksreferanse;
  const navn = pdfFilnavn(rad, sak).replace(/\.pdf$/, '-vedtaksbrev.pdf');
  let pdf: Uint8Array;
  try {
    pdf = (await lag()).pdf;
  } catch (e) {
    if (e instanceof Valideringsfeil) throw e;
    throw new VedtaksbrevFeil(
      `Vedtaksbrevet kunne ikke lages: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  try {
    await writeFile(join(mappe, navn), pdf, { mode: PRIVAT_FIL });
  } catch (e) {
    throw new VedtaksbrevFeil(`Vedtaksbrevet kunne ikke skrives: ${(e as Error).message}`);
  }
  return navn;
}

/**
 * Splits the decision letter's fields (`vedtaksbrev`, not part of the request schema) from a row, so
 * the same row can carry a request and its letter.
 */
export function delVedtaksbrev(data: unknown): { foresporsel: unknown; brevdata: unknown } {
  if (!data || typeof data !== 'object' || Array.isArray(data) || !('vedtaksbrev' in data)) {
    return { foresporsel: data, brevdata: undefined };
  }
  const { vedtaksbrev, ...foresporsel } = data as Record<string, unknown>;
  return { foresporsel, brevdata: vedtaksbrev };
}

/** A failed row's code and message, for the error file (identifiers are masked by the run). */
export function beskrivFeil(e: unknown, csv: boolean): Radfeil {
  if (e instanceof UlesbarRad) return { kode: e.kode, melding: e.message };
  if (e instanceof Valideringsfeil) return { kode: 'UGYLDIG', melding: valideringsfeilSomTekst(e, csv) };
  if (e instanceof Tilgangsfeil) return { kode: 'AVVIST', melding: feilmelding(e) };
  if (e instanceof GrunnlagIkkeHentet || e instanceof KildeFeil) return { kode: 'KILDE', melding: e.message };
  if (e instanceof RevisjonFeilet) return { kode: 'REVISJON', melding: e.message };
  if (e instanceof UtenforDekning) return { kode: 'UTENFOR_DEKNING', melding: e.message };
  if (e instanceof UgyldigBeloepError || e instanceof UgyldigDatoError || e instanceof BrukerFeil) {
    return { kode: 'UGYLDIG', melding: e.message };
  }
  if (e instanceof PdfFeil) return { kode: 'PDF', melding: e.message };
  if (e instanceof VedtaksbrevFeil) return { kode: 'VEDTAKSBREV', melding: e.message };
  if (e instanceof IkkeIOppdateringen) return { kode: 'IKKE_PRAKTISK_BISTAND', melding: e.message };
  return { kode: 'UVENTET', melding: e instanceof Error ? e.message : String(e) };
}

/**
 * The PDF's file name: the row number and, when the row has a case reference, the reference made safe
 * for a file name. Never a fødselsnummer: a reference with 11 digits in a row is left out.
 */
export function pdfFilnavn(rad: number, saksreferanse: string | undefined): string {
  const ref = (saksreferanse ?? '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 60);
  // Digits split by separators ("123456_78901") count as a run: a false alarm only costs the name its reference.
  const trygg = ref && !/\d{11}/.test(ref.replace(/[_.-]/g, '')) ? ref : '';
  return `rad-${String(rad).padStart(7, '0')}${trygg ? `-${trygg}` : ''}.pdf`;
}

/**
 * What a batch does with a row: calculate it, make its PDF and decision letter when asked, and give
 * its output text. The same in-process and in a worker thread (batch/arbeider.ts).
 */
export function lagRadbehandler({
  kjoer,
  format,
  pdfDir,
  brevDir,
  innstillinger,
}: {
  kjoer: Radkjoerer;
  format: Utformat;
  pdfDir: string | null;
  brevDir: string | null;
  innstillinger: Kommuneinnstillinger;
}): Radbehandler {
  const lagPdf = async (
    rad: number,
    resultat: Beregningsresultat & { utfoert: Utfoerelse },
  ): Promise<string> => {
    const navn = pdfFilnavn(rad, resultat.utfoert.saksreferanse);
    let pdf: Uint8Array;
    try {
      pdf = await resultatSomPdf(resultat, innstillinger, { deterministisk: true });
    } catch (e) {
      throw new PdfFeil(`PDF-dokumentet kunne ikke lages: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      await writeFile(join(pdfDir as string, navn), pdf, { mode: PRIVAT_FIL });
    } catch (e) {
      throw new PdfFeil(`PDF-dokumentet kunne ikke skrives: ${(e as Error).message}`);
    }
    return navn;
  };

  /** The row's decision letter; bad letter fields and a missing fee fail the row as bad input. */
  const lagVedtaksbrev = async (
    rad: number,
    resultat: Beregningsresultat & { utfoert: Utfoerelse },
    brevdata: unknown,
  ): Promise<string> => {
    if (resultat[resultat.avgiftsnoekkel] === null || resultat[resultat.avgiftsnoekkel] === undefined) {
      throw new Valideringsfeil([
        {
          felt: 'beregningsdato',
          melding:
            'avgiften er ikke beregnet (se advarslene); oppgi beregningsdato (vedtaksdato) for vedtaksbrevet',
        },
      ]);
    }
    return skrivVedtaksbrev(brevDir as string, rad, brevdata, resultat.utfoert.saksreferanse, () =>
      vedtaksbrevSomPdf(resultat, brevdata ?? {}, innstillinger, { deterministisk: true }),
    );
  };

  const csv = format === 'csv' ? { latForklaring: true } : undefined;
  return async ({ rad, data, skilletegn }) => {
    const { foresporsel, brevdata } = delVedtaksbrev(data);
    // The letter's fields are checked before the lookup, so a bad one costs no lookup.
    if (brevDir) valider(brevdataSkjema, brevdata ?? {}, ['vedtaksbrev']);
    // CSV reads only the key figures; a PDF or a letter that reads the rest gets it built on read.
    const { resultat, tabell } = await kjoer(foresporsel, csv);
    const pdf = pdfDir ? await lagPdf(rad, resultat) : null;
    const brev = brevDir ? await lagVedtaksbrev(rad, resultat, brevdata) : null;
    if (format === 'csv') return csvLinje(resultatSomCeller(rad, resultat, pdf, brev), skilletegn);
    if (format === 'tabell') return `${resultatSomTekst(resultat, tabell)}\n\n`;
    return `${JSON.stringify(resultat)}\n`;
  };
}

export const SKILLETEGN_VALG: Record<string, Skilletegn> = { ',': ',', ';': ';', tab: '\t', '\t': '\t' };
const UTFORMATER = ['json', 'tabell', 'csv'] as const;
export type Utformat = (typeof UTFORMATER)[number];

/**
 * A row of the yearly update that is not a PRAKTISK_BISTAND case: it fails with its own code, so the
 * error file lists it, and the run goes on.
 */
class IkkeIOppdateringen extends Error {
  override readonly name = 'IkkeIOppdateringen';
}

/**
 * The yearly update (egenandelsforskriften § 10 femte ledd: «Kommunen skal minst årlig oppdatere
 * egenandelsvedtaket ut fra nye opplysninger i likning og ny G»): the case as it would be decided on
 * 1 January of `aar`, with the income year § 10 første ledd proposes (`aar` − 2) and G pr. 1. januar.
 * The persons' tax posts are fetched anew, unless the row already carries posts for that very income
 * year; the case worker's extra posts and the vedtak's facts are kept, except a reason for another
 * income year, which concerned the old year.
 */
export function tilAarligOppdatering(foresporsel: unknown, aar: number): unknown {
  if (!foresporsel || typeof foresporsel !== 'object' || Array.isArray(foresporsel)) return foresporsel;
  const f = foresporsel as Record<string, unknown>;
  if (f.beregningstype !== 'PRAKTISK_BISTAND') {
    throw new IkkeIOppdateringen(
      `--aarlig-oppdatering gjelder bare PRAKTISK_BISTAND; raden er ${typeof f.beregningstype === 'string' ? f.beregningstype : 'uten beregningstype'}`,
    );
  }
  const inntektsaar = aar - 2;
  const sammeAar = f.inntektsaar === inntektsaar;
  const personer = Array.isArray(f.personer)
    ? f.personer.map((p) => {
        if (sammeAar || !p || typeof p !== 'object' || !('poster' in p)) return p;
        const { poster: _gamle, ...resten } = p as Record<string, unknown>;
        return resten;
      })
    : f.personer;
  let vedtak = f.vedtak;
  if (vedtak && typeof vedtak === 'object' && !Array.isArray(vedtak) && 'inntektsaarBegrunnelse' in vedtak) {
    const { inntektsaarBegrunnelse: _gammel, ...resten } = vedtak as Record<string, unknown>;
    vedtak = resten;
  }
  return {
    ...f,
    inntektsaar,
    beregningsdato: `${aar}-01-01`,
    personer,
    ...(vedtak === undefined ? {} : { vedtak }),
  };
}

/** Options that only a batch has; any of them makes even a single document a batch of one row. */
const BATCHVALG = [
  'ut',
  'feilfil',
  'resume',
  'pdf-dir',
  'vedtaksbrev-dir',
  'innformat',
  'oppsummering',
  'skilletegn',
  'aarlig-oppdatering',
] as const;

/**
 * The command with an optional stop signal (tests pass their own; the command wires Ctrl-C to it).
 */
export async function kjoerBeregn(
  argumenter: string[],
  kontekst: Kontekst,
  { avbryt }: { avbryt?: AbortSignal } = {},
): Promise<number> {
  const { values, positionals } = tolkArgumenter(
    argumenter,
    {
      format: { type: 'string', default: 'json' },
      rolle: { type: 'string' },
      bruker: { type: 'string' },
      saksreferanse: { type: 'string' },
      kommuneinnstillinger: { type: 'string' },
      satser: { type: 'string', multiple: true, default: [] },
      ut: { type: 'string' },
      feilfil: { type: 'string' },
      resume: { type: 'boolean', default: false },
      'pdf-dir': { type: 'string' },
      'vedtaksbrev-dir': { type: 'string' },
      innformat: { type: 'string' },
      // 64, not 8: a lookup's audit entry is stored before its row is written, and the entries that
      // finish while one write is under way go in the next one (group commit). With 8 in flight the
      // groups alternated 1 and 7 entries and PGlite took about a quarter of a lookup's time; from 32
      // on the groups are 15–40 and its share is about a sixth (docs/benchmarks.md (c)). Each API
      // still bounds its own concurrent calls, so a real source sees no more load.
      samtidighet: { type: 'string', default: '64' },
      arbeidere: { type: 'string' },
      skilletegn: { type: 'string' },
      oppsummering: { type: 'string' },
      'aarlig-oppdatering': { type: 'string' },
    },
    bruk,
  );
  const [kilde, ...overskudd] = positionals;
  if (!kilde || overskudd.length > 0)
    throw new BrukerFeil(`Oppgi én fil, eller - for standard inn.\n\n${bruk}`);
  const format = values.format as Utformat;
  if (!UTFORMATER.includes(format)) {
    throw new BrukerFeil(`--format må være json, tabell eller csv (fikk ${values.format})`);
  }
  if (values.innformat !== undefined && values.innformat !== 'jsonl' && values.innformat !== 'csv') {
    throw new BrukerFeil(`--innformat må være jsonl eller csv (fikk ${values.innformat})`);
  }
  const samtidighet = Number(values.samtidighet);
  if (!Number.isInteger(samtidighet) || samtidighet < 1 || samtidighet > 256) {
    throw new BrukerFeil(`--samtidighet må være et helt tall fra 1 til 256 (fikk ${values.samtidighet})`);
  }
  const valgteArbeidere = values.arbeidere === undefined ? null : Number(values.arbeidere);
  if (
    valgteArbeidere !== null &&
    (!Number.isInteger(valgteArbeidere) || valgteArbeidere < 1 || valgteArbeidere > 64)
  ) {
    throw new BrukerFeil(`--arbeidere må være et helt tall fra 1 til 64 (fikk ${values.arbeidere})`);
  }
  const skilletegn = values.skilletegn === undefined ? null : SKILLETEGN_VALG[values.skilletegn];
  if (skilletegn === undefined) {
    throw new BrukerFeil(`--skilletegn må være , eller ; eller tab (fikk ${values.skilletegn})`);
  }
  const aarligOppdatering =
    values['aarlig-oppdatering'] === undefined ? null : Number(values['aarlig-oppdatering']);
  if (
    aarligOppdatering !== null &&
    (!/^\d{4}$/.test(values['aarlig-oppdatering'] ?? '') ||
      aarligOppdatering < 2000 ||
      aarligOppdatering > 2100)
  ) {
    throw new BrukerFeil(
      `--aarlig-oppdatering må være året oppdateringen gjelder, som 2027 (fikk ${values['aarlig-oppdatering']})`,
    );
  }
  const regelverk = lastRegelverk(values.satser, kontekst);
  const innstillinger = lastKommuneinnstillinger(values.kommuneinnstillinger, kontekst);
  const inndata = await undersoekInndata(kilde, kontekst, values.innformat as Innformat | undefined);
  const arbeidere =
    valgteArbeidere ?? standardArbeidere(inndata.type === 'rader' ? inndata.stoerrelse : null);
  const batch =
    inndata.type === 'rader' ||
    format === 'csv' ||
    BATCHVALG.some((v) => values[v] !== undefined && values[v] !== false);
  const lagring = await aapneLagringFraMiljoe(kontekst);
  try {
    // After the storage: on PostgreSQL the calls at once per API are shared with the instances.
    const kilder = kilderFraMiljoe(kontekst, lagring);
    if (!values.bruker && !lagring.innebygd) {
      throw new BrukerFeil(
        'Oppgi --bruker (saksbehandleren som gjør oppslaget) når databasen ikke er den innebygde.',
      );
    }
    const kjoer = lagRadkjoerer({
      lagring,
      kilder,
      regelverk,
      // The municipality's approved rates from the database continue the tables, as in the API; a
      // batch reads them once for the run.
      satser: new Satsforvaltning({
        lagring,
        regelverk,
        klokke: kontekst.naa,
        ...(batch ? { bufferMs: Number.POSITIVE_INFINITY } : {}),
      }),
      innstillinger,
      klokke: kontekst.naa,
      valg: values,
      batch,
      aarligOppdatering,
    });

    if (!batch && inndata.type === 'dokument') {
      let svar: Awaited<ReturnType<typeof kjoer>>;
      try {
        svar = await kjoer(inndata.data);
      } catch (e) {
        if (!erKildefeil(e)) throw e;
        skriv(kontekst.stderr, `Feil: ${feilmelding(e)}`);
        return 1;
      }
      const { resultat, tabell } = svar;
      skriv(
        kontekst.stdout,
        format === 'tabell' ? resultatSomTekst(resultat, tabell) : JSON.stringify(resultat, null, 2),
      );
      return 0;
    }
    return await kjoerSomBatch({
      inndata,
      values,
      format,
      samtidighet,
      arbeidere,
      skilletegn,
      innstillinger,
      kontekst,
      kjoer,
      lagring,
      avbryt,
      aarligOppdatering,
    });
  } finally {
    await lagring.lukk();
  }
}

async function kjoerSomBatch(p: {
  inndata: Inndata;
  values: {
    ut?: string | undefined;
    feilfil?: string | undefined;
    resume?: boolean | undefined;
    rolle?: string | undefined;
    bruker?: string | undefined;
    saksreferanse?: string | undefined;
    satser: string[];
    kommuneinnstillinger?: string | undefined;
    'pdf-dir'?: string | undefined;
    'vedtaksbrev-dir'?: string | undefined;
    oppsummering?: string | undefined;
  };
  format: Utformat;
  samtidighet: number;
  /** Worker threads (`--arbeidere`); 1 runs every row in this thread. */
  arbeidere: number;
  skilletegn: Skilletegn | null;
  innstillinger: Kommuneinnstillinger;
  lagring: Lagring;
  kontekst: Kontekst;
  kjoer: Radkjoerer;
  avbryt: AbortSignal | undefined;
  aarligOppdatering: number | null;
}): Promise<number> {
  const { values, format, kontekst } = p;
  const inndata = somRader(p.inndata);
  const { ut, feilfil, pdfDir, brevDir } = batchmapper(values, kontekst);
  const csvInn = inndata.format === 'csv';

  // With --arbeidere N > 1 the rows of a file run in N worker threads (batch/arbeidere.ts); a single
  // document stays here.
  const pool =
    p.arbeidere > 1 && p.inndata.type === 'rader'
      ? await Arbeiderpool.start({
          antall: p.arbeidere,
          data: {
            valg: {
              rolle: values.rolle,
              bruker: values.bruker,
              saksreferanse: values.saksreferanse,
              satser: values.satser,
              kommuneinnstillinger: values.kommuneinnstillinger,
            },
            cwd: kontekst.cwd,
            env: { ...kontekst.env },
            innebygd: p.lagring.innebygd,
            format,
            pdfDir,
            brevDir,
            csvInn,
            aarligOppdatering: p.aarligOppdatering,
          } satisfies Arbeiderdata,
          lagring: p.lagring,
          klokke: kontekst.naa,
        })
      : null;
  const behandle =
    pool?.behandle ??
    lagRadbehandler({ kjoer: p.kjoer, format, pdfDir, brevDir, innstillinger: p.innstillinger });

  try {
    const oppsummering = await medCtrlC(p.avbryt, (avbryt) =>
      kjoerBatch({
        inndata,
        ut,
        stdout: kontekst.stdout,
        stderr: kontekst.stderr,
        feilfil,
        // The year of a yearly update is part of the run's options: a resume must use the same one.
        utformat:
          p.aarligOppdatering === null ? format : `${format} aarlig-oppdatering ${p.aarligOppdatering}`,
        skilletegn: p.skilletegn,
        ...(format === 'csv'
          ? {
              utdataHeader: (s: Skilletegn) => csvLinje(UTDATAKOLONNER, s),
            }
          : {}),
        resume: values.resume === true,
        // Enough rows in flight to keep every worker busy with a group while the next one is read.
        samtidighet: pool ? Math.max(p.samtidighet, p.arbeidere * 64) : p.samtidighet,
        behandle,
        beskrivFeil: (e) => {
          // Described in the worker, with the same beskrivFeil; a failed worker stops the run.
          if (e instanceof BeskrevetRadfeil) return e.radfeil;
          if (e instanceof ArbeiderFeil) throw e;
          return beskrivFeil(e, csvInn);
        },
        fremdrift: kontekst.stderrErTerminal,
        visOppsummering: ut !== null || kontekst.stderrErTerminal,
        avbryt,
      }),
    );
    skrivOppsummering(values.oppsummering, oppsummering, kontekst);
    return oppsummering.avslutningskode;
  } finally {
    await pool?.lukk();
  }
}

export const beregn: Kommando = {
  navn: 'beregn',
  beskrivelse: 'beregn inntektsgrunnlag og avgift for én forespørsel eller en hel fil',
  bruk,
  kjoer: (argumenter, kontekst) => kjoerBeregn(argumenter, kontekst),
};
