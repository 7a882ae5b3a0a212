import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Valideringsfeil, valider } from '@inntektsgrunnlag/beregning';
import { brevdataSkjema } from '@inntektsgrunnlag/dokument';
import { Beloep } from '@inntektsgrunnlag/money';
import {
  type Etteroppgjoersresultat,
  etteroppgjoer,
  etteroppgjoerSomPdf,
  type Kommuneinnstillinger,
  Oppslagstjeneste,
  vedtaksbrevSomPdf,
} from '@inntektsgrunnlag/oppslag';
import { maskerIdentifikator } from '@inntektsgrunnlag/person';
import { tolkArgumenter } from '../argumenter.js';
import { csvLinje, type Skilletegn } from '../batch/csv.js';
import {
  ETTEROPPGJOER_CSV,
  ETTEROPPGJOER_UTDATAKOLONNER,
  etteroppgjoerKolonne,
  etteroppgjoerSomCeller,
} from '../batch/etteroppgjoer-kolonner.js';
import { kjoerBatch, type Radfeil } from '../batch/kjoering.js';
import { batchmapper, medCtrlC, skrivOppsummering, somRader } from '../batch/kommandobatch.js';
import { PRIVAT_FIL } from '../batch/skriver.js';
import { type Inndata, type Innformat, undersoekInndata } from '../inndata.js';
import { BrukerFeil, type Kommando, type Kontekst, skriv } from '../kontekst.js';
import { lastKommuneinnstillinger, lastRegelverk } from '../regelverk.js';
import {
  beskrivFeil,
  delVedtaksbrev,
  erKildefeil,
  feilmelding,
  hvem,
  kilderFraMiljoe,
  PdfFeil,
  pdfFilnavn,
  SKILLETEGN_VALG,
  skrivVedtaksbrev,
} from './beregn.js';
import { aapneLagringFraMiljoe } from './revisjon.js';

const bruk = `Bruk: pnpm cli etteroppgjoer <fil|-> [--rolle <rolleId>] [--bruker <brukerId>]
                   [--saksreferanse <ref>] [--format json|tabell|csv]
                   [--kommuneinnstillinger <fil>] [--satser <fil>…]
                   [--ut <fil>] [--feilfil <fil>] [--resume] [--innformat jsonl|csv]
                   [--samtidighet <n>] [--skilletegn , | ; | tab] [--oppsummering <fil>]
                   [--pdf-dir <mappe>] [--vedtaksbrev-dir <mappe>]

Etteroppgjør for langtidsopphold (egenandelsforskriften § 3 sjette ledd): når skatteoppgjøret for
året kommer, regnes vederlaget på nytt måned for måned på årets inntekt, og differansen mot det som
ble fakturert gjøres opp. Leser ett JSON-objekt
  { "foresporsel": <LANGTIDSOPPHOLD_INSTITUSJON-forespørsel, inntektsaar = året>,
    "fakturert": [{ "maaned": "ÅÅÅÅ-MM", "beloep": … }, …],
    "opphold": { "opphoer": { "dato", "grunn": UTFLYTTING|DOEDSFALL },
                 "dobbeltrom": [{ "fraOgMed", "tilOgMed" }] },          (valgfritt)
    "foreloepigGrunnlag": { "beskrivelse", "inntektsaar" } }           (valgfritt)
og skriver ett JSON-resultat med etteroppgjoer.sumEndelig, sumFakturert, differanse (positiv:
beboeren skylder; negativ: tilbakebetaling) og maaneder. --format tabell gir en tabell å lese.
Mange beboere: JSON Lines (ett objekt per linje) eller CSV (beregn-kolonnene og fakturert_01 …
fakturert_12, opphoer_dato, opphoer_grunn, dobbeltrom, foreloepig_beskrivelse,
foreloepig_inntektsaar; se docs/batch.md), med de samme valgene som beregn: --ut, --feilfil,
--resume, --samtidighet, --skilletegn, --oppsummering, og fremdrift på en terminal.
--pdf-dir <mappe> skriver etteroppgjøret som PDF/A-2b per beboer (rad-0000012-<sak>.pdf).
--vedtaksbrev-dir <mappe> skriver vedtaksbrevet om etteroppgjøret (PDF/A-2b, bokmål eller nynorsk)
per beboer (rad-0000012-<sak>-vedtaksbrev.pdf); brevets felt står i «vedtaksbrev» ved siden av
«foresporsel» (JSON: spraak, vurderinger, kopiTil, etteroppgjoer.betalingsfrist,
etteroppgjoer.betaling …) eller i brev_*-kolonnene (CSV).
Hvert oppslag av skatteopplysninger føres i revisjonsloggen med formålet ETTEROPPGJOER.
Avslutningskoder som beregn: 0 alt beregnet, 1 noen rader feilet eller oppslaget ble avvist, 2
ugyldige inndata, 130 avbrutt.`;

const UTFORMATER = ['json', 'tabell', 'csv'] as const;
type Utformat = (typeof UTFORMATER)[number];
const BATCHVALG = [
  'ut',
  'feilfil',
  'resume',
  'innformat',
  'oppsummering',
  'skilletegn',
  'pdf-dir',
  'vedtaksbrev-dir',
] as const;

/** A table cell: whole kroner, or with øre when the amount has them (a charge as typed). */
function kr(tall: number): string {
  const b = Beloep.kroner(String(tall));
  return b.format({ desimaler: b.isWhole('KRONE') ? 0 : 2, medValuta: false });
}

/** The etteroppgjør for a person to read: the months as a table, the total, the explanations. */
export function etteroppgjoerSomTekst(r: Etteroppgjoersresultat): string {
  const e = r.etteroppgjoer;
  const soeker = r.personer.find((p) => p.type === 'SOEKER');
  const linjer = [
    `Etteroppgjør for langtidsopphold ${e.inntektsaar} (${e.hjemmel})`,
    '',
    `Beboer: ${soeker ? maskerIdentifikator(soeker.identifikator) : '—'}${soeker?.navn ? ` ${soeker.navn.fornavn} ${soeker.navn.etternavn}` : ''}`,
    `Opphold i ${e.inntektsaar}: ${e.oppholdFraOgMed} – ${e.oppholdTilOgMed}`,
    `Grunnlag: ${e.grunnlag.forklaring}`,
    `${e.erstatter.forklaring}`,
    '',
  ];
  const kol = (t: string, b: number) => t.padStart(b);
  linjer.push(
    `${'Måned'.padEnd(8)} ${kol('Dager', 7)} ${kol('G', 10)} ${kol('Fribeløp', 10)} ${kol('Endelig', 12)} ${kol('Fakturert', 12)} ${kol('Differanse', 12)}`,
  );
  for (const m of e.maaneder) {
    const s = m.satser[0];
    linjer.push(
      `${m.maaned.padEnd(8)} ${kol(`${m.vederlagsdager}/${m.dagerIMaaneden}`, 7)} ${kol(s ? kr(s.grunnbeloep) : '—', 10)} ${kol(
        m.satser.map((x) => kr(x.fribeloep)).join('/') || '—',
        10,
      )} ${kol(kr(m.endelig), 12)} ${kol(kr(m.fakturert), 12)} ${kol(kr(m.differanse), 12)}${m.overMaksimum ? '  OVER MAKSIMUM' : ''}`,
    );
  }
  linjer.push(
    `${'Sum'.padEnd(8)} ${' '.repeat(7 + 1 + 10 + 1 + 10)} ${kol(kr(e.sumEndelig), 12)} ${kol(kr(e.sumFakturert), 12)} ${kol(kr(e.differanse), 12)}`,
    '',
    e.forklaring,
    '',
    'Måned for måned:',
    ...e.maaneder.map((m) => `  ${m.maaned}: ${m.forklaring} [${m.hjemler.join('; ')}]`),
  );
  if (r.advarsler.length > 0) {
    linjer.push('', 'Advarsler:');
    for (const a of r.advarsler) linjer.push(`  - ${a.melding}`);
  }
  return linjer.join('\n');
}

/** A failed row: a validation error names the CSV column (or the JSON field), the rest as `beregn`. */
function beskrivEtteroppgjoersfeil(e: unknown, csv: boolean): Radfeil {
  if (e instanceof Valideringsfeil) {
    return {
      kode: 'UGYLDIG',
      melding: e.feil
        .map((f) => `${(csv ? etteroppgjoerKolonne(f.felt) : f.felt) || '(forespørselen)'}: ${f.melding}`)
        .join('; '),
    };
  }
  return beskrivFeil(e, csv);
}

export async function kjoerEtteroppgjoer(
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
      innformat: { type: 'string' },
      samtidighet: { type: 'string', default: '8' },
      skilletegn: { type: 'string' },
      oppsummering: { type: 'string' },
      'pdf-dir': { type: 'string' },
      'vedtaksbrev-dir': { type: 'string' },
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
  const skilletegn = values.skilletegn === undefined ? null : SKILLETEGN_VALG[values.skilletegn];
  if (skilletegn === undefined) {
    throw new BrukerFeil(`--skilletegn må være , eller ; eller tab (fikk ${values.skilletegn})`);
  }
  const regelverk = lastRegelverk(values.satser, kontekst);
  const innstillinger = lastKommuneinnstillinger(values.kommuneinnstillinger, kontekst);
  const inndata = await undersoekInndata(kilde, kontekst, values.innformat as Innformat | undefined);
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
    const tjeneste = new Oppslagstjeneste({
      lagring,
      kilder,
      regelverk,
      innstillinger,
      klokke: kontekst.naa,
      ...(batch ? { rollebuffer: Number.POSITIVE_INFINITY } : {}),
    });
    // Every etteroppgjør is LANGTIDSOPPHOLD_INSTITUSJON: who asks is decided once for the run.
    // Asked on the first row (not before: a rejection nobody awaits yet would be unhandled).
    let hvemSvar: ReturnType<typeof hvem> | undefined;
    const kjoer = async (data: unknown) => {
      hvemSvar ??= hvem(lagring, values, 'LANGTIDSOPPHOLD_INSTITUSJON');
      const { autentisering, rolleId } = await hvemSvar;
      return etteroppgjoer(tjeneste, {
        autentisering,
        rolleId,
        saksreferanse: values.saksreferanse ?? null,
        etteroppgjoer: data,
      });
    };

    if (!batch && inndata.type === 'dokument') {
      let resultat: Etteroppgjoersresultat;
      try {
        resultat = (await kjoer(delVedtaksbrev(inndata.data).foresporsel)).resultat;
      } catch (e) {
        if (!erKildefeil(e)) throw e;
        skriv(kontekst.stderr, `Feil: ${feilmelding(e)}`);
        return 1;
      }
      skriv(
        kontekst.stdout,
        format === 'tabell' ? etteroppgjoerSomTekst(resultat) : JSON.stringify(resultat, null, 2),
      );
      return 0;
    }
    return await somBatch({
      inndata,
      values,
      format,
      samtidighet,
      skilletegn,
      innstillinger,
      kontekst,
      kjoer,
      avbryt,
    });
  } finally {
    await lagring.lukk();
  }
}

async function somBatch(p: {
  inndata: Inndata;
  values: {
    ut?: string | undefined;
    feilfil?: string | undefined;
    resume?: boolean;
    oppsummering?: string | undefined;
    'pdf-dir'?: string | undefined;
    'vedtaksbrev-dir'?: string | undefined;
  };
  format: Utformat;
  samtidighet: number;
  skilletegn: Skilletegn | null;
  innstillinger: Kommuneinnstillinger;
  kontekst: Kontekst;
  kjoer: (data: unknown) => Promise<{ resultat: Etteroppgjoersresultat }>;
  avbryt: AbortSignal | undefined;
}): Promise<number> {
  const { values, format, kontekst } = p;
  const inndata = somRader(p.inndata);
  const { ut, feilfil, pdfDir, brevDir } = batchmapper(values, kontekst);
  const csvInn = inndata.format === 'csv';
  /**
   * The row's decision letter on the etteroppgjør (packages/dokument picks the etteroppgjør's letter
   * for a result that carries one); bad letter fields fail the row as bad input, naming the field.
   */
  const lagVedtaksbrev = async (
    rad: number,
    resultat: Etteroppgjoersresultat,
    brevdata: unknown,
  ): Promise<string> => {
    return skrivVedtaksbrev(brevDir as string, rad, brevdata, resultat.utfoert.saksreferanse, () =>
      vedtaksbrevSomPdf(resultat, brevdata ?? {}, p.innstillinger, { deterministisk: true }),
    );
  };
  /** The row's document; a failure fails the row (code PDF), the run goes on. */
  const lagPdf = async (rad: number, resultat: Etteroppgjoersresultat): Promise<string> => {
    const navn = pdfFilnavn(rad, resultat.utfoert.saksreferanse);
    try {
      const pdf = await etteroppgjoerSomPdf(resultat, p.innstillinger, { deterministisk: true });
      await writeFile(join(pdfDir as string, navn), pdf, { mode: PRIVAT_FIL });
    } catch (e) {
      throw new PdfFeil(`PDF-dokumentet kunne ikke lages: ${e instanceof Error ? e.message : String(e)}`);
    }
    return navn;
  };
  const oppsummering = await medCtrlC(p.avbryt, (avbryt) =>
    kjoerBatch({
      inndata,
      ut,
      stdout: kontekst.stdout,
      stderr: kontekst.stderr,
      feilfil,
      utformat: `etteroppgjoer-${format}`,
      skilletegn: p.skilletegn,
      ...(format === 'csv'
        ? { utdataHeader: (s: Skilletegn) => csvLinje(ETTEROPPGJOER_UTDATAKOLONNER, s) }
        : {}),
      resume: values.resume === true,
      samtidighet: p.samtidighet,
      csv: ETTEROPPGJOER_CSV,
      behandle: async ({ rad, data, skilletegn }) => {
        const { foresporsel, brevdata } = delVedtaksbrev(data);
        // The letter's fields are checked before the lookup, so a bad one costs no lookup.
        if (brevDir) valider(brevdataSkjema, brevdata ?? {}, ['vedtaksbrev']);
        const { resultat } = await p.kjoer(foresporsel);
        const pdf = pdfDir ? await lagPdf(rad, resultat) : null;
        const brev = brevDir ? await lagVedtaksbrev(rad, resultat, brevdata) : null;
        if (format === 'csv') return csvLinje(etteroppgjoerSomCeller(rad, resultat, pdf, brev), skilletegn);
        if (format === 'tabell') return `${etteroppgjoerSomTekst(resultat)}\n\n`;
        return `${JSON.stringify(resultat)}\n`;
      },
      beskrivFeil: (e) => beskrivEtteroppgjoersfeil(e, csvInn),
      fremdrift: kontekst.stderrErTerminal,
      visOppsummering: ut !== null || kontekst.stderrErTerminal,
      avbryt,
    }),
  );
  skrivOppsummering(values.oppsummering, oppsummering, kontekst);
  return oppsummering.avslutningskode;
}

export const etteroppgjoerKommando: Kommando = {
  navn: 'etteroppgjoer',
  beskrivelse: 'etteroppgjør for langtidsopphold: endelig vederlag måned for måned mot det som ble fakturert',
  bruk,
  kjoer: (argumenter, kontekst) => kjoerEtteroppgjoer(argumenter, kontekst),
};
