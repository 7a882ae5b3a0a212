import { execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { avvikFraGullfil } from '@inntektsgrunnlag/beregning';
import { KS_PARTNER, KS_SOEKER } from '@inntektsgrunnlag/kilder';
import { lesGullfiler, lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { afterAll, describe, expect, it } from 'vitest';
import { fremdriftslinje } from './batch/fremdrift.js';
import { maskerTekst } from './batch/kjoering.js';
import { UTDATAKOLONNER } from './batch/kolonner.js';
import { runCli } from './cli.js';
import { kjoerBeregn, pdfFilnavn } from './kommandoer/beregn.js';
import { testkontekst } from './testkontekst.js';

const mappe = mkdtempSync(join(tmpdir(), 'ig-cli-batch-'));
afterAll(() => rmSync(mappe, { recursive: true, force: true }));
const fil = (navn: string) => join(mappe, navn);
const ROT = fileURLToPath(new URL('../../../', import.meta.url));

interface Gullfil {
  id: string;
  foresporsel: Record<string, unknown> & {
    beregningstype: string;
    personer: Array<{
      identifikator: string;
      type: string;
      poster?: Array<{ tekniskNavn: string; beloep: number }>;
      ekstraposter?: Array<{ tekniskNavn: string; beloep: number }>;
    }>;
    vedtak?: Record<string, unknown>;
  };
  forventet: Record<string, number>;
}
const gull = lesGullfiler('') as Gullfil[];

async function kjoer(
  argv: string[],
  valg: { stdinTekst?: string; env?: Record<string, string>; terminal?: boolean } = {},
) {
  const t = testkontekst({
    cwd: mappe,
    ...(valg.stdinTekst ? { stdinTekst: valg.stdinTekst } : {}),
    ...(valg.env ? { env: valg.env } : {}),
    ...(valg.terminal ? { stderrErTerminal: true } : {}),
  });
  const kode = await runCli(['beregn', ...argv], t.kontekst);
  return { kode, ut: t.ut(), feil: t.feil() };
}

const jsonl = (rader: unknown[]) => `${rader.map((r) => JSON.stringify(r)).join('\n')}\n`;
const linjer = (tekst: string) => tekst.trimEnd().split('\n');
/** A CSV output as one record per row, keyed by column. */
function csvTabell(tekst: string): Array<Record<string, string>> {
  const [header, ...rader] = linjer(tekst);
  const kolonner = (header ?? '').split(',');
  return rader.map((r) => Object.fromEntries(r.split(',').map((v, i) => [kolonner[i], v])));
}

/** The KS example without inline posts: a lookup in the embedded population. */
const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: Record<string, unknown>;
};
const oppslag = (ref: string) => ({ ...ks.foresporsel, beregningsdato: '2024-06-01', saksreferanse: ref });

/** A golden case's request as a CSV row (inline posts as «navn=beløp|…»). */
const CSV_KOLONNER = [
  'beregningstype',
  'inntektsaar',
  'beregningsdato',
  'identifikator',
  'partner',
  'partnertype',
  'saksreferanse',
  'soeker_poster',
  'partner_poster',
  'soeker_ekstraposter',
  'partner_ekstraposter',
  'sone',
  'barn1_tilbud',
  'barn1_foedselsdato',
  'barn1_prisPerMaaned',
  'barn1_oppholdstimerPerUke',
  'barn2_tilbud',
  'barn2_foedselsdato',
  'barn2_prisPerMaaned',
  'barn2_oppholdstimerPerUke',
  'barn3_tilbud',
  'barn3_foedselsdato',
  'barn3_prisPerMaaned',
  'barn3_oppholdstimerPerUke',
  'oppholdskostnadPerMaaned',
  'timerPerMaaned',
  'kostnadPerTime',
];
function somCsvRad(f: Gullfil['foresporsel'], saksreferanse: string, skille = ';'): string {
  const [soeker, partner] = f.personer;
  const poster = (p?: Array<{ tekniskNavn: string; beloep: number }>) =>
    (p ?? []).map((x) => `${x.tekniskNavn}=${x.beloep}`).join('|');
  const celler: Record<string, unknown> = {
    beregningstype: f.beregningstype,
    inntektsaar: f.inntektsaar,
    beregningsdato: f.beregningsdato,
    identifikator: soeker?.identifikator,
    partner: partner?.identifikator,
    partnertype: partner?.type,
    saksreferanse,
    soeker_poster: poster(soeker?.poster),
    partner_poster: poster(partner?.poster),
    soeker_ekstraposter: poster(soeker?.ekstraposter),
    partner_ekstraposter: poster(partner?.ekstraposter),
  };
  const vedtak = f.vedtak ?? {};
  for (const [k, v] of Object.entries(vedtak)) if (k !== 'barn') celler[k] = v;
  ((vedtak.barn as Array<Record<string, unknown>>) ?? []).forEach((b, i) => {
    for (const [k, v] of Object.entries(b)) celler[`barn${i + 1}_${k}`] = v;
  });
  return CSV_KOLONNER.map((k) => (celler[k] === undefined ? '' : String(celler[k]))).join(skille);
}

describe('beregn on JSON Lines and CSV files', () => {
  it('streams JSON Lines from a file to a file in input order, lookups and inline rows mixed, each correct', async () => {
    const env = { INNTEKTSGRUNNLAG_DATA: join(mappe, 'pglite-rekkefoelge') };
    const rader = [
      oppslag('R1'),
      ...gull.map((g, i) => ({ ...g.foresporsel, saksreferanse: `R${i + 2}` })),
      oppslag(`R${gull.length + 2}`),
    ];
    writeFileSync(fil('blandet.jsonl'), jsonl(rader));
    const r = await kjoer(
      ['blandet.jsonl', '--ut', 'blandet.ut.jsonl', '--samtidighet', '4', '--oppsummering', 'blandet.json'],
      { env },
    );
    expect(r.kode).toBe(0);
    expect(r.ut).toBe('');
    expect(r.feil).toMatch(/Ferdig: 7 rader: 7 beregnet, 0 feilet\./);
    const ut = linjer(readFileSync(fil('blandet.ut.jsonl'), 'utf8')).map((l) => JSON.parse(l));
    expect(ut.map((x) => x.utfoert.saksreferanse)).toEqual(rader.map((x) => x.saksreferanse));
    expect(ut[0].beregningsbeloep).toBe(567127);
    for (const [i, g] of gull.entries()) expect(avvikFraGullfil(ut[i + 1], g.forventet), g.id).toEqual([]);
    // Lookups are audited as usual; rows with inline posts are not lookups.
    expect(ut.map((x) => x.utfoert.revidert)).toEqual([true, ...gull.map(() => false), true]);
    const t = testkontekst({ env });
    await runCli(['revisjon', 'liste', '--format', 'json'], t.kontekst);
    const logg = JSON.parse(t.ut()) as Array<{ utfall: string; saksreferanse: string }>;
    expect(
      logg
        .filter((p) => p.utfall === 'TILLATT')
        .map((p) => p.saksreferanse)
        .sort(),
    ).toEqual(['R1', 'R7']);
    const oppsummering = JSON.parse(readFileSync(fil('blandet.json'), 'utf8'));
    expect(oppsummering).toMatchObject({
      rader: 7,
      beregnet: 7,
      feilet: 0,
      avbrutt: false,
      avslutningskode: 0,
    });
    expect(oppsummering.varighetMs).toBeGreaterThan(0);
    expect(oppsummering.maksRssBytes).toBeGreaterThan(0);
    // No error file content beyond its header, and no checkpoint left behind.
    expect(readFileSync(fil('blandet.ut.jsonl.feil.csv'), 'utf8')).toBe('rad,saksreferanse,kode,melding\n');
    expect(existsSync(fil('blandet.ut.jsonl.sjekkpunkt.json'))).toBe(false);
  });

  it('reads CSV (semicolon, BOM, the three areas) and writes the documented key columns', async () => {
    const csv = `\ufeff${CSV_KOLONNER.join(';')}\n${gull.map((g, i) => somCsvRad(g.foresporsel, `SAK-${i + 1}`)).join('\n')}\n`;
    writeFileSync(fil('gull.csv'), csv);
    const r = await kjoer(['gull.csv', '--format', 'csv']);
    expect(r.feil).toBe('');
    expect(r.kode).toBe(0);
    // The output follows the input's separator.
    const [header, ...rader] = linjer(r.ut);
    expect(header).toBe(UTDATAKOLONNER.join(';'));
    const tabell = rader.map((l) => Object.fromEntries(l.split(';').map((v, i) => [UTDATAKOLONNER[i], v])));
    expect(tabell.map((t) => t.rad)).toEqual(gull.map((_, i) => String(i + 2)));
    gull.forEach((g, i) => {
      const t = tabell[i] as Record<string, string>;
      expect(t.saksreferanse).toBe(`SAK-${i + 1}`);
      expect(t.beregningstype).toBe(g.foresporsel.beregningstype);
      expect(t.identifikator).toBe(g.foresporsel.personer[0]?.identifikator);
      if (g.forventet.beregningsbeloep !== undefined) {
        expect(Number(t.beregningsbeloep)).toBe(g.forventet.beregningsbeloep);
      }
      if (g.forventet['vederlag.perAar'] !== undefined) {
        expect(Number(t.vederlagPerAar)).toBe(g.forventet['vederlag.perAar']);
      }
      if (g.forventet['foreldrebetaling.sumPerMaaned'] !== undefined) {
        expect(Number(t.foreldrebetalingPerMaaned)).toBe(g.forventet['foreldrebetaling.sumPerMaaned']);
      }
    });
    const tonsberg = tabell[gull.findIndex((g) => g.id === 'barnehage-tonsberg-2023')];
    expect(tonsberg?.barnPrisPerMaaned).toBe('2618');
    expect(tonsberg?.vederlagPerAar).toBe('');

    // The same CSV rows with JSON output give the same results as the JSON requests themselves.
    const somJson = await kjoer(['gull.csv', '--format', 'json']);
    const fraJson = await kjoer(['-', '--format', 'json'], {
      stdinTekst: jsonl(gull.map((g) => g.foresporsel)),
    });
    const a = linjer(somJson.ut).map((l) => JSON.parse(l));
    const b = linjer(fraJson.ut).map((l) => JSON.parse(l));
    a.forEach((x, i) => {
      expect(x.beregningsbeloep).toBe(b[i].beregningsbeloep);
      expect(x[x.avgiftsnoekkel]).toEqual(b[i][b[i].avgiftsnoekkel]);
    });
  });

  it('reads CSV from standard input, which can be read only once: the header and the rows from one stream', async () => {
    const csv = `\ufeff${CSV_KOLONNER.join(';')}\n${gull.map((g, i) => somCsvRad(g.foresporsel, `SAK-${i + 1}`)).join('\n')}\n`;
    writeFileSync(fil('stdin.csv'), csv);
    const fraFil = await kjoer(['stdin.csv', '--format', 'csv']);
    expect(fraFil.kode).toBe(0);
    const iEtt = await kjoer(['-', '--format', 'csv'], { stdinTekst: csv });
    expect(iEtt.feil).toBe('');
    expect(iEtt.kode).toBe(0);
    expect(iEtt.ut).toBe(fraFil.ut);
    // A pipe delivers the text in pieces: the header and the rows across chunk boundaries, the BOM split.
    const bytes = Buffer.from(csv, 'utf8');
    const biter = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) =>
      bytes.subarray(i * 7, i * 7 + 7),
    );
    const t = testkontekst({ cwd: mappe, stdin: Readable.from(biter) });
    expect(await runCli(['beregn', '-', '--format', 'csv', '--innformat', 'csv'], t.kontekst)).toBe(0);
    expect(t.feil()).toBe('');
    expect(t.ut()).toBe(fraFil.ut);
  });

  it('sends each failing row to the error file with its row number and reason, goes on, and exits 1', async () => {
    const [tonsberg] = gull.filter((g) => g.id === 'barnehage-tonsberg-2023');
    const f = tonsberg?.foresporsel as Gullfil['foresporsel'];
    const utenforDekning = { ...f, beregningsdato: '2031-01-01', saksreferanse: 'FEIL-3' };
    const rader = [
      JSON.stringify({ ...f, saksreferanse: 'OK-1' }),
      '{"beregningstype": "BARNEHAGE_SFO", ',
      JSON.stringify(utenforDekning),
      '',
      JSON.stringify({ ...f, personer: [{ ...f.personer[0], identifikator: '12345678901' }] }),
      JSON.stringify({ ...f, saksreferanse: 'OK-6' }),
    ];
    writeFileSync(fil('feil.jsonl'), `${rader.join('\n')}\n`);
    const r = await kjoer(['feil.jsonl', '--ut', 'feil.ut.jsonl', '--feilfil', 'feil.csv']);
    expect(r.kode).toBe(1);
    expect(r.feil).toMatch(/Ferdig: 5 rader: 2 beregnet, 3 feilet \(se .*feil\.csv\)/);
    expect(
      linjer(readFileSync(fil('feil.ut.jsonl'), 'utf8')).map((l) => JSON.parse(l).utfoert.saksreferanse),
    ).toEqual(['OK-1', 'OK-6']);
    const feil = csvTabell(readFileSync(fil('feil.csv'), 'utf8'));
    expect(feil.map((x) => [x.rad, x.kode])).toEqual([
      ['2', 'UGYLDIG_JSON'],
      ['3', 'UTENFOR_DEKNING'],
      ['5', 'UGYLDIG'],
    ]);
    expect(feil[1]?.saksreferanse).toBe('FEIL-3');
    expect(readFileSync(fil('feil.csv'), 'utf8')).toMatch(
      /personer\.0\.identifikator: ugyldig identifikator/,
    );
    // No fødselsnummer in the error file, whatever the row had.
    expect(readFileSync(fil('feil.csv'), 'utf8')).not.toMatch(/\d{11}/);
  });

  it('names the CSV column of a bad cell in the error file', async () => {
    const [tonsberg] = gull.filter((g) => g.id === 'barnehage-tonsberg-2023');
    const god = somCsvRad(tonsberg?.foresporsel as Gullfil['foresporsel'], 'A', ',');
    const celler = god.split(',');
    celler[CSV_KOLONNER.indexOf('barn1_prisPerMaaned')] = '-5';
    celler[CSV_KOLONNER.indexOf('oppholdskostnadPerMaaned')] = '1000';
    writeFileSync(fil('kolonnefeil.csv'), `${CSV_KOLONNER.join(',')}\n${god}\n${celler.join(',')}\n`);
    const r = await kjoer(['kolonnefeil.csv', '--format', 'csv', '--ut', 'kolonnefeil.ut.csv']);
    expect(r.kode).toBe(1);
    const feil = readFileSync(fil('kolonnefeil.ut.csv.feil.csv'), 'utf8');
    expect(feil).toMatch(/^3,A,UGYLDIG,.*oppholdskostnadPerMaaned: gjelder LANGTIDSOPPHOLD_INSTITUSJON/m);
    expect(csvTabell(readFileSync(fil('kolonnefeil.ut.csv'), 'utf8'))).toHaveLength(1);
  });

  it('refuses unusable input with exit code 2: unknown or missing columns, a file that cannot be read', async () => {
    writeFileSync(fil('ukjent.csv'), 'beregningstype,inntektsaar,identifikator,barn1_pris\nX,2024,1\n');
    const ukjent = await kjoer(['ukjent.csv']);
    expect(ukjent.kode).toBe(2);
    expect(ukjent.feil).toMatch(/ukjent kolonne «barn1_pris»/);
    writeFileSync(fil('mangler.csv'), 'beregningstype;identifikator\nX;1\n');
    const mangler = await kjoer(['mangler.csv', '--ut', 'mangler.ut.csv']);
    expect(mangler.kode).toBe(2);
    expect(mangler.feil).toMatch(/kolonnen «inntektsaar» mangler/);
    const borte = await kjoer(['finnes-ikke.jsonl']);
    expect(borte.kode).toBe(2);
    expect(borte.feil).toMatch(/Kunne ikke lese finnes-ikke\.jsonl/);
    const tom = await kjoer(['-'], { stdinTekst: '\n\n' });
    expect(tom.kode).toBe(2);
    const resume = await kjoer(['-', '--resume', '--ut', 'x.jsonl'], {
      stdinTekst: jsonl([oppslag('A'), oppslag('B')]),
    });
    expect(resume.kode).toBe(2);
    expect(resume.feil).toMatch(/--resume krever/);
    writeFileSync(fil('selv.jsonl'), jsonl([oppslag('A'), oppslag('B')]));
    const selv = await kjoer(['selv.jsonl', '--ut', 'selv.jsonl']);
    expect(selv.kode).toBe(2);
    expect(selv.feil).toMatch(/--ut kan ikke være inndatafilen/);
    expect(linjer(readFileSync(fil('selv.jsonl'), 'utf8'))).toHaveLength(2);
    for (const r of [ukjent, mangler, borte, tom, resume, selv]) expect(r.feil).not.toMatch(/\n\s+at /);
  });

  it('writes one PDF/A per case, named by row number and case reference, never by fødselsnummer', async () => {
    const [lhl] = gull.filter((g) => g.id.startsWith('langtidsopphold-lhl'));
    const f = lhl?.foresporsel as Gullfil['foresporsel'];
    writeFileSync(
      fil('pdf.jsonl'),
      jsonl([{ ...f, saksreferanse: '2026/1234' }, f, { ...f, saksreferanse: `sak ${KS_SOEKER}` }]),
    );
    const r = await kjoer(['pdf.jsonl', '--format', 'csv', '--pdf-dir', 'pdf', '--ut', 'pdf.csv']);
    expect(r.kode).toBe(0);
    const filer = readdirSync(fil('pdf')).sort();
    expect(filer).toEqual(['rad-0000001-2026_1234.pdf', 'rad-0000002.pdf', 'rad-0000003.pdf']);
    for (const navn of filer) {
      const pdf = readFileSync(join(fil('pdf'), navn));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1')).toMatch(/pdfaid:part/);
    }
    expect(csvTabell(readFileSync(fil('pdf.csv'), 'utf8')).map((t) => t.pdf)).toEqual([
      'rad-0000001-2026_1234.pdf',
      'rad-0000002.pdf',
      'rad-0000003.pdf',
    ]);
    expect(pdfFilnavn(12, `${KS_PARTNER}`)).toBe('rad-0000012.pdf');
    expect(pdfFilnavn(12, '123456 78901')).toBe('rad-0000012.pdf');
    expect(pdfFilnavn(3, '../../etc')).toBe('rad-0000003-etc.pdf');
  });

  it('puts avregning in the PDF of a lookup whose role has it, as the API does', async () => {
    writeFileSync(fil('avregning.jsonl'), jsonl([oppslag('AVR-1')]));
    const r = await kjoer(['avregning.jsonl', '--pdf-dir', 'pdf-avregning', '--ut', 'avregning.out.jsonl']);
    expect(r.kode).toBe(0);
    const tekst = execFileSync('pdftotext', [join(fil('pdf-avregning'), 'rad-0000001-AVR-1.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(tekst).toContain('567 127');
    expect(tekst).toContain('Avregning (skatt til gode og restskatt)');
    expect(tekst).toContain('Skatteetatens Avregning API');
    // Files with fødselsnumre and income are the runner's alone.
    for (const f of [join('pdf-avregning', 'rad-0000001-AVR-1.pdf'), 'avregning.out.jsonl']) {
      expect(statSync(fil(f)).mode & 0o777, f).toBe(0o600);
    }
  });

  it('draws progress on stderr when it is a terminal', async () => {
    const r = await kjoer(['-', '--innformat', 'jsonl'], {
      stdinTekst: jsonl(gull.map((g) => g.foresporsel)),
      terminal: true,
    });
    expect(r.kode).toBe(0);
    expect(r.feil).toContain('\r5 rader  ');
    expect(r.feil).toMatch(/\r5 rader {2}\d[\d\s]*\/s {2}ETA –/);
    expect(r.feil).toContain('\u001b[K');
    expect(r.feil).toMatch(/Ferdig: 5 rader/);
    expect(fremdriftslinje({ ferdige: 500, feilet: 2, lestBytes: 50, totalBytes: 100, sekunder: 10 })).toBe(
      `[############............] 50 %  500 rader  2 feilet  50/s  ETA 0:10`,
    );
  });

  it('masks every 11-digit number in a message', () => {
    expect(maskerTekst(`Ingen data for ${KS_SOEKER} og ${KS_PARTNER}; sak 2026/12345678`)).toBe(
      `Ingen data for ${KS_SOEKER.slice(0, 6)}***** og ${KS_PARTNER.slice(0, 6)}*****; sak 2026/12345678`,
    );
  });
});

/** Stops after `n` rows have been started: what Ctrl-C does at a row boundary. */
function stoppEtter(n: number): AbortSignal {
  let sett = 0;
  return {
    get aborted() {
      sett++;
      return sett > n;
    },
  } as AbortSignal;
}

describe('--resume', () => {
  // Rows with failures among them, so the error file is resumed too. (Inline rows only: a lookup's
  // result carries the source's random correlation ids, so two runs of it never give the same bytes.)
  const rad = (i: number) => ({
    ...(gull[i % gull.length] as Gullfil).foresporsel,
    saksreferanse: `S${i + 1}`,
  });
  const rader = [
    ...Array.from({ length: 30 }, (_, i) => JSON.stringify(rad(i))),
    JSON.stringify({ ...rad(30), beregningsdato: '2031-01-01' }),
    '{ikke json',
    JSON.stringify(rad(32)),
  ];
  writeFileSync(fil('resume.jsonl'), `${rader.join('\n')}\n`);

  async function beregnMed(argv: string[], avbryt?: AbortSignal) {
    const t = testkontekst({ cwd: mappe });
    const kode = await kjoerBeregn(['resume.jsonl', ...argv], t.kontekst, avbryt ? { avbryt } : {});
    return { kode, feil: t.feil() };
  }

  it('continues an interrupted run to exactly the output and error file of a clean run', async () => {
    const ren = await beregnMed(['--ut', 'ren.jsonl', '--samtidighet', '3']);
    expect(ren.kode).toBe(1);
    const avbrutt = await beregnMed(['--ut', 'del.jsonl', '--samtidighet', '3'], stoppEtter(11));
    expect(avbrutt.kode).toBe(130);
    expect(avbrutt.feil).toMatch(
      /Avbrutt: 11 rader.*\n.*\n.*neste rad er linje 12\. Fortsett med samme kommando og --resume/,
    );
    const sjekkpunkt = JSON.parse(readFileSync(fil('del.jsonl.sjekkpunkt.json'), 'utf8'));
    expect(sjekkpunkt.neste.linje).toBe(12);
    expect(statSync(fil('del.jsonl')).size).toBe(sjekkpunkt.utdataBytes);
    // Without --resume the interrupted run is not overwritten.
    const nektet = await runCli(
      ['beregn', 'resume.jsonl', '--ut', 'del.jsonl'],
      testkontekst({ cwd: mappe }).kontekst,
    );
    expect(nektet).toBe(2);

    // Stopped again, then resumed to the end.
    expect(
      (await beregnMed(['--ut', 'del.jsonl', '--samtidighet', '3', '--resume'], stoppEtter(7))).kode,
    ).toBe(130);
    const videre = await beregnMed(['--ut', 'del.jsonl', '--samtidighet', '3', '--resume']);
    expect(videre.kode).toBe(1);
    expect(videre.feil).toMatch(/33 rader: 31 beregnet, 2 feilet/);
    expect(videre.feil).toMatch(/18 av radene var gjort i en tidligere kjøring/);
    expect(readFileSync(fil('del.jsonl'), 'utf8')).toBe(readFileSync(fil('ren.jsonl'), 'utf8'));
    expect(readFileSync(fil('del.jsonl.feil.csv'), 'utf8')).toBe(
      readFileSync(fil('ren.jsonl.feil.csv'), 'utf8'),
    );
    expect(existsSync(fil('del.jsonl.sjekkpunkt.json'))).toBe(false);
    // A finished run has nothing to resume.
    const igjen = await runCli(
      ['beregn', 'resume.jsonl', '--ut', 'del.jsonl', '--resume'],
      testkontekst({ cwd: mappe }).kontekst,
    );
    expect(igjen).toBe(2);
  });

  it('after a crash, cuts what was written past the checkpoint instead of duplicating it', async () => {
    expect((await beregnMed(['--ut', 'krasj.jsonl', '--format', 'csv'], stoppEtter(20))).kode).toBe(130);
    // As if the process died after writing more rows than its last checkpoint covers.
    appendFileSync(fil('krasj.jsonl'), '21,S21,halvskrevet rad');
    appendFileSync(fil('krasj.jsonl.feil.csv'), '99,X,UGYLDIG,halv');
    const videre = await beregnMed(['--ut', 'krasj.jsonl', '--format', 'csv', '--resume']);
    expect(videre.kode).toBe(1);
    const ren = await beregnMed(['--ut', 'krasj-ren.jsonl', '--format', 'csv']);
    expect(readFileSync(fil('krasj.jsonl'), 'utf8')).toBe(readFileSync(fil('krasj-ren.jsonl'), 'utf8'));
    expect(readFileSync(fil('krasj.jsonl.feil.csv'), 'utf8')).toBe(
      readFileSync(fil('krasj-ren.jsonl.feil.csv'), 'utf8'),
    );
    expect(ren.kode).toBe(1);
  });

  it('resumes CSV in and out with the input’s separator', async () => {
    const csvRader = Array.from({ length: 12 }, (_, i) =>
      somCsvRad((gull[i % gull.length] as Gullfil).foresporsel, `K${i + 1}`),
    );
    writeFileSync(fil('semikolon.csv'), `${CSV_KOLONNER.join(';')}\n${csvRader.join('\n')}\n`);
    const kjoerCsv = async (ut: string, ekstra: string[], avbryt?: AbortSignal) => {
      const t = testkontekst({ cwd: mappe });
      return kjoerBeregn(
        ['semikolon.csv', '--format', 'csv', '--ut', ut, ...ekstra],
        t.kontekst,
        avbryt ? { avbryt } : {},
      );
    };
    expect(await kjoerCsv('semikolon.ren.csv', [])).toBe(0);
    expect(await kjoerCsv('semikolon.del.csv', [], stoppEtter(5))).toBe(130);
    expect(await kjoerCsv('semikolon.del.csv', ['--resume'])).toBe(0);
    const ren = readFileSync(fil('semikolon.ren.csv'), 'utf8');
    expect(readFileSync(fil('semikolon.del.csv'), 'utf8')).toBe(ren);
    expect(linjer(ren).every((l) => l.includes(';') && !l.startsWith('rad,'))).toBe(true);
  });

  it('refuses to resume on a changed input or with another output format', async () => {
    writeFileSync(fil('endres.jsonl'), `${rader.join('\n')}\n`);
    const t = testkontekst({ cwd: mappe });
    expect(
      await kjoerBeregn(['endres.jsonl', '--ut', 'endres.ut'], t.kontekst, { avbryt: stoppEtter(5) }),
    ).toBe(130);
    const annetFormat = testkontekst({ cwd: mappe });
    expect(
      await runCli(
        ['beregn', 'endres.jsonl', '--ut', 'endres.ut', '--resume', '--format', 'csv'],
        annetFormat.kontekst,
      ),
    ).toBe(2);
    expect(annetFormat.feil()).toMatch(/samme valgene/);
    appendFileSync(fil('endres.jsonl'), `${rader[0]}\n`);
    const endret = testkontekst({ cwd: mappe });
    expect(await runCli(['beregn', 'endres.jsonl', '--ut', 'endres.ut', '--resume'], endret.kontekst)).toBe(
      2,
    );
    expect(endret.feil()).toMatch(/Inndata er endret/);
  });

  it('Ctrl-C (SIGINT) on the real process writes a checkpoint; --resume then gives the clean run’s output', async () => {
    // Enough rows that the run is still going when the signal comes (it is sent once output appears).
    const g = gull.filter((x) => !x.foresporsel.personer.some((p) => (p.ekstraposter ?? []).length > 0));
    const csvRader = Array.from({ length: 24_000 }, (_, i) =>
      somCsvRad((g[i % g.length] as Gullfil).foresporsel, `C${i + 1}`, ','),
    );
    writeFileSync(fil('sigint.csv'), `${CSV_KOLONNER.join(',')}\n${csvRader.join('\n')}\n`);
    const cli = (ekstra: string[]) =>
      spawn(
        process.execPath,
        [
          '--conditions=@inntektsgrunnlag/source',
          '--import',
          'tsx',
          join(ROT, 'apps/cli/src/main.ts'),
          'beregn',
          fil('sigint.csv'),
          '--format',
          'csv',
          '--ut',
          fil('sigint.ut.csv'),
          ...ekstra,
        ],
        {
          cwd: ROT,
          env: { ...process.env, INNTEKTSGRUNNLAG_DATA: ':minne:' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    const barn = cli([]);
    let stderr = '';
    barn.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    const slutt = new Promise<number | null>((ok) => barn.on('exit', (kode) => ok(kode)));
    for (let i = 0; i < 1200; i++) {
      if (existsSync(fil('sigint.ut.csv')) && statSync(fil('sigint.ut.csv')).size > 4096) break;
      await new Promise((ok) => setTimeout(ok, 25));
    }
    barn.kill('SIGINT');
    expect(await slutt).toBe(130);
    expect(stderr).toMatch(/Avbrutt: .* Fortsett med samme kommando og --resume/s);
    const sjekkpunkt = JSON.parse(readFileSync(fil('sigint.ut.csv.sjekkpunkt.json'), 'utf8'));
    expect(sjekkpunkt.neste.linje).toBeGreaterThan(2);
    expect(sjekkpunkt.neste.linje).toBeLessThan(24_002);

    const videre = cli(['--resume']);
    expect(await new Promise((ok) => videre.on('exit', ok))).toBe(0);
    const ren = await kjoer(['sigint.csv', '--format', 'csv', '--ut', 'sigint.ren.csv']);
    expect(ren.kode).toBe(0);
    const a = readFileSync(fil('sigint.ut.csv'), 'utf8');
    expect(linjer(a)).toHaveLength(24_001);
    expect(a).toBe(readFileSync(fil('sigint.ren.csv'), 'utf8'));
  }, 240_000);
});
