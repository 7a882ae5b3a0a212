import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { kjoerEtteroppgjoer } from './kommandoer/etteroppgjoer.js';
import { testkontekst } from './testkontekst.js';

const EKSEMPLER = fileURLToPath(new URL('../../../packages/etteroppgjoer/src/eksempler/', import.meta.url));
const mappe = mkdtempSync(join(tmpdir(), 'etteroppgjoer-'));
const fil = (navn: string) => join(mappe, navn);
const SOEKER = '05873810086';
const TID = { idag: () => '2026-10-01' };

interface Eksempel {
  navn: string;
  inntektsaar: number;
  beregningsgrunnlag: number;
  vedtak: Record<string, unknown>;
  opphold: Record<string, unknown>;
  innstillinger: Record<string, unknown>;
  fakturert: Array<{ maaned: string; beloep: number }>;
  forventet: {
    sumEndelig: number;
    sumFakturert: number;
    differanse: number;
    maanederOverMaksimum: string[];
    maaneder: Array<{ maaned: string; endelig: number; fakturert: number; differanse: number }>;
  };
}
const eksempler = readdirSync(EKSEMPLER)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(EKSEMPLER, f), 'utf8')) as Eksempel);

/** The request an example's income comes from: one post (old-age pension) giving N, no tax. */
function foresporsel(aar: number, n: number, vedtak: Record<string, unknown> = {}, saksreferanse?: string) {
  return {
    beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
    inntektsaar: aar,
    ...(saksreferanse ? { saksreferanse } : {}),
    personer: [
      {
        identifikator: SOEKER,
        type: 'SOEKER',
        poster: [{ tekniskNavn: 'alderspensjonFraFolketrygden', beloep: n }],
      },
    ],
    vedtak,
  };
}

async function cli(argv: string[], ekstra: Parameters<typeof testkontekst>[0] = {}) {
  const t = testkontekst({ cwd: mappe, ...TID, ...ekstra });
  const kode = await runCli(argv, t.kontekst);
  return { kode, ut: t.ut(), feil: t.feil() };
}

describe('pnpm cli etteroppgjoer', () => {
  it.each(eksempler.map((e) => [e.navn, e] as const))('reproduces the worked example %s', async (navn, e) => {
    writeFileSync(
      fil(`${navn}.json`),
      JSON.stringify({
        foresporsel: foresporsel(e.inntektsaar, e.beregningsgrunnlag, e.vedtak),
        fakturert: e.fakturert,
        opphold: e.opphold,
      }),
    );
    writeFileSync(fil(`${navn}-innst.json`), JSON.stringify({ etteroppgjoer: e.innstillinger }));
    const r = await cli(['etteroppgjoer', `${navn}.json`, '--kommuneinnstillinger', `${navn}-innst.json`]);
    expect(r.feil).toBe('');
    expect(r.kode).toBe(0);
    const resultat = JSON.parse(r.ut);
    expect(resultat.beregningsbeloep).toBe(e.beregningsgrunnlag);
    const eo = resultat.etteroppgjoer;
    expect({ sumEndelig: eo.sumEndelig, sumFakturert: eo.sumFakturert, differanse: eo.differanse }).toEqual({
      sumEndelig: e.forventet.sumEndelig,
      sumFakturert: e.forventet.sumFakturert,
      differanse: e.forventet.differanse,
    });
    expect(eo.maanederOverMaksimum).toEqual(e.forventet.maanederOverMaksimum);
    expect(
      eo.maaneder.map((m: { maaned: string; endelig: number; fakturert: number; differanse: number }) => ({
        maaned: m.maaned,
        endelig: m.endelig,
        fakturert: m.fakturert,
        differanse: m.differanse,
      })),
    ).toEqual(
      e.forventet.maaneder.map(({ maaned, endelig, fakturert, differanse }) => ({
        maaned,
        endelig,
        fakturert,
        differanse,
      })),
    );
    for (const m of eo.maaneder) expect(m.hjemler).toContain('egenandelsforskriften § 3 annet ledd');
    expect(eo.hjemmel).toBe('egenandelsforskriften § 3 sjette ledd');
  });

  it('--vedtaksbrev-dir: the decision letter on the etteroppgjør per resident, in the letter’s language', async () => {
    const e = eksempler.find((x) => x.navn === 'doedsfall') as Eksempel;
    writeFileSync(
      fil('brev.jsonl'),
      [
        {
          foresporsel: foresporsel(e.inntektsaar, e.beregningsgrunnlag, e.vedtak, 'EO-1'),
          fakturert: e.fakturert,
          opphold: e.opphold,
          foreloepigGrunnlag: { beskrivelse: 'skatteoppgjøret for 2024', inntektsaar: 2024 },
          vedtaksbrev: {
            spraak: 'nn',
            vurderinger: 'Ingen skjønn.',
            etteroppgjoer: { betalingsfrist: '2026-11-30' },
          },
        },
        {
          foresporsel: foresporsel(e.inntektsaar, e.beregningsgrunnlag, e.vedtak, 'EO-2'),
          fakturert: e.fakturert,
          opphold: e.opphold,
          vedtaksbrev: { etteroppgjoer: { betalingsfrist: '30.11.2026' } },
        },
      ]
        .map((x) => JSON.stringify(x))
        .join('\n'),
    );
    writeFileSync(fil('brev-innst.json'), JSON.stringify({ etteroppgjoer: e.innstillinger }));
    const r = await cli([
      'etteroppgjoer',
      'brev.jsonl',
      '--kommuneinnstillinger',
      'brev-innst.json',
      '--ut',
      'brev.ut.csv',
      '--format',
      'csv',
      '--vedtaksbrev-dir',
      'brev',
    ]);
    expect(r.kode).toBe(1);
    expect(readdirSync(fil('brev'))).toEqual(['rad-0000001-EO-1-vedtaksbrev.pdf']);
    const tekst = execFileSync(
      'pdftotext',
      ['-enc', 'UTF-8', fil('brev/rad-0000001-EO-1-vedtaksbrev.pdf'), '-'],
      {
        encoding: 'utf8',
      },
    ).replace(/\s+/g, ' ');
    const d = -e.forventet.differanse;
    expect(e.forventet.differanse).toBeLessThan(0);
    expect(tekst).toContain('Vedtak om etteroppgjer for vederlag for langtidsopphald i institusjon for 2025');
    expect(tekst).toContain(
      `Du har betalt kr ${String(d).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} for mykje for 2025`,
    );
    expect(tekst).toContain('Vi betaler beløpet tilbake innan 30. november 2026.');
    expect(tekst).toContain('eigendelsforskrifta § 3 sjette ledd');
    expect(tekst).toContain('fire veker');
    const ut = readFileSync(fil('brev.ut.csv'), 'utf8').trim().split('\n');
    expect(ut[0]).toMatch(/pdf.vedtaksbrev$/);
    expect(ut[1]).toMatch(/^1.EO-1.2025.*rad-0000001-EO-1-vedtaksbrev\.pdf$/);
    expect(readFileSync(fil('brev.ut.csv.feil.csv'), 'utf8')).toMatch(
      /2,EO-2,UGYLDIG,vedtaksbrev\.etteroppgjoer\.betalingsfrist: må være en gyldig dato/,
    );
  }, 120_000);

  it('--format tabell: the months as a table, the total and the explanation', async () => {
    const e = eksempler.find((x) => x.navn === 'helt-aar-g-endring-for-lavt') as Eksempel;
    writeFileSync(
      fil('tabell.json'),
      JSON.stringify({
        foresporsel: foresporsel(e.inntektsaar, e.beregningsgrunnlag, e.vedtak),
        fakturert: e.fakturert,
        foreloepigGrunnlag: { beskrivelse: 'skatteoppgjøret for 2023', inntektsaar: 2023 },
      }),
    );
    const r = await cli(['etteroppgjoer', 'tabell.json', '--format', 'tabell']);
    expect(r.kode).toBe(0);
    expect(r.ut).toContain('Etteroppgjør for langtidsopphold 2024 (egenandelsforskriften § 3 sjette ledd)');
    expect(r.ut).toMatch(/2024-05 +31\/31 +124\s028 +10\s000 +19\s591 +18\s000 +1\s591/);
    expect(r.ut).toMatch(/Sum +235\s272 +216\s000 +19\s272/);
    expect(r.ut).toMatch(/Beboeren skylder kr\s19\s272\./);
    expect(r.ut).toContain('Erstatter det foreløpige vederlaget, som bygde på skatteoppgjøret for 2023');
    expect(r.ut).not.toContain(SOEKER);
  });

  it('bad months: exit code 2 and the month named, no stack trace', async () => {
    writeFileSync(
      fil('feil.json'),
      JSON.stringify({
        foresporsel: foresporsel(2024, 300_000, { innflyttingsdato: '2024-06-01' }),
        fakturert: [
          { maaned: '2024-05', beloep: 1000 },
          { maaned: '2024-07', beloep: 1000 },
          { maaned: '2024-07', beloep: 1000 },
        ],
      }),
    );
    const r = await cli(['etteroppgjoer', 'feil.json']);
    expect(r.kode).toBe(2);
    expect(r.feil).toContain('2024-05: beboeren bodde ikke på institusjonen denne måneden');
    expect(r.feil).toContain('2024-07 er oppgitt to ganger');
    expect(r.feil).not.toMatch(/\n\s+at /);
    expect(r.ut).toBe('');
  });

  it('a batch of JSON Lines and of CSV with an error file; CSV out', async () => {
    const full = (i: number) => ({
      foresporsel: foresporsel(2024, 200_000 + i * 1000, { innflyttingsdato: '2020-01-01' }, `S${i}`),
      fakturert: Array.from({ length: 12 }, (_, m) => ({
        maaned: `2024-${String(m + 1).padStart(2, '0')}`,
        beloep: 12_000,
      })),
    });
    const rader = [full(1), { ...full(2), fakturert: full(2).fakturert.slice(1) }, full(3)];
    writeFileSync(fil('mange.jsonl'), `${rader.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const r = await cli(['etteroppgjoer', 'mange.jsonl', '--ut', 'mange.ut.jsonl']);
    expect(r.kode).toBe(1);
    const ut = readFileSync(fil('mange.ut.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(ut.map((x) => x.utfoert.saksreferanse)).toEqual(['S1', 'S3']);
    expect(readFileSync(fil('mange.ut.jsonl.feil.csv'), 'utf8')).toMatch(
      /2,S2,UGYLDIG,.*fakturert: 2024-01 mangler/,
    );

    const header = [
      'beregningstype',
      'inntektsaar',
      'identifikator',
      'saksreferanse',
      'soeker_poster',
      'innflyttingsdato',
      'opphoer_dato',
      'opphoer_grunn',
      ...Array.from({ length: 12 }, (_, m) => `fakturert_${String(m + 1).padStart(2, '0')}`),
    ];
    const csv = [
      header.join(';'),
      [
        'LANGTIDSOPPHOLD_INSTITUSJON',
        '2024',
        SOEKER,
        'C1',
        'alderspensjonFraFolketrygden=300000',
        '2022-09-15',
        '',
        '',
        ...Array(12).fill('18000'),
      ].join(';'),
      [
        'LANGTIDSOPPHOLD_INSTITUSJON',
        '2024',
        SOEKER,
        'C2',
        'alderspensjonFraFolketrygden=300000',
        '2022-09-15',
        '2024-03-15',
        'DOEDSFALL',
        '18000',
        '18000',
        '18000',
        ...Array(9).fill(''),
      ].join(';'),
      [
        'LANGTIDSOPPHOLD_INSTITUSJON',
        '2024',
        SOEKER,
        'C3',
        'alderspensjonFraFolketrygden=300000',
        '2022-09-15',
        '',
        '',
        '-5',
        ...Array(11).fill('1'),
      ].join(';'),
    ];
    writeFileSync(fil('mange.csv'), `${csv.join('\n')}\n`);
    const c = await cli([
      'etteroppgjoer',
      'mange.csv',
      '--ut',
      'mange.ut.csv',
      '--format',
      'csv',
      '--pdf-dir',
      'pdf',
    ]);
    expect(c.kode).toBe(1);
    const linjer = readFileSync(fil('mange.ut.csv'), 'utf8').trim().split('\n');
    expect(linjer[0]).toMatch(
      /^rad;saksreferanse;inntektsaar;identifikator;beregningsbeloep;skatteoppgjoersdato;sumEndelig;sumFakturert;differanse;resultat;/,
    );
    expect(linjer[1]).toMatch(/^2;C1;2024;05873810086;300000;;235272;216000;19272;BEBOEREN_SKYLDER;;19636;/);
    // Died 15 March: March is 15 of 31 days, 19 636 × 15 ÷ 31 = 9 501.29 → 9 501; charged in full.
    expect(linjer[2]).toMatch(
      /^3;C2;2024;05873810086;300000;;48773;54000;-5227;TILBAKEBETALING;2024-03;19636;19636;9501;/,
    );
    expect(linjer[0]).toMatch(/;pdf;vedtaksbrev$/);
    expect(linjer[1]).toMatch(/;rad-0000002-C1\.pdf;$/);
    expect(readdirSync(fil('pdf')).sort()).toEqual(['rad-0000002-C1.pdf', 'rad-0000003-C2.pdf']);
    expect(readFileSync(fil('pdf/rad-0000003-C2.pdf')).toString('latin1')).toContain(
      '<pdfaid:part>2</pdfaid:part>',
    );
    expect(readFileSync(fil('mange.ut.csv.feil.csv'), 'utf8')).toMatch(
      /4;C3;UGYLDIG;fakturert_01: kan ikke være negativt/,
    );
  });

  it('runs 10 000 residents with progress, stopped and resumed to the end', {
    timeout: 900_000,
  }, async () => {
    const N = 10_000;
    const linjer: string[] = [];
    for (let i = 0; i < N; i++) {
      const n = 150_000 + ((i * 7919) % 600_000);
      const inn = `20${String(10 + (i % 14)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`;
      linjer.push(
        JSON.stringify({
          foresporsel: foresporsel(
            2024,
            n,
            { innflyttingsdato: inn, oppholdskostnadPerMaaned: 40_000 },
            `R${i + 1}`,
          ),
          fakturert: Array.from({ length: 12 }, (_, m) => ({
            maaned: `2024-${String(m + 1).padStart(2, '0')}`,
            beloep: 10_000 + (i % 50) * 100,
          })),
        }),
      );
    }
    writeFileSync(fil('institusjon.jsonl'), `${linjer.join('\n')}\n`);
    let startet = 0;
    const stopp = {
      get aborted() {
        startet++;
        return startet > 4_000;
      },
    } as AbortSignal;
    const t1 = testkontekst({ cwd: mappe, ...TID });
    const kode1 = await kjoerEtteroppgjoer(
      ['institusjon.jsonl', '--ut', 'institusjon.ut.jsonl'],
      t1.kontekst,
      { avbryt: stopp },
    );
    expect(kode1).toBe(130);
    expect(t1.feil()).toMatch(/Fortsett med samme kommando og --resume/);
    const t2 = testkontekst({ cwd: mappe, ...TID, stderrErTerminal: true });
    const kode2 = await kjoerEtteroppgjoer(
      ['institusjon.jsonl', '--ut', 'institusjon.ut.jsonl', '--resume'],
      t2.kontekst,
    );
    expect(kode2).toBe(0);
    expect(t2.feil()).toMatch(/10\s000 rader: 10\s000 beregnet/);
    expect(t2.feil()).toMatch(/\r.*rader/);
    const ut = readFileSync(fil('institusjon.ut.jsonl'), 'utf8').trim().split('\n');
    expect(ut).toHaveLength(N);
    ut.forEach((l, i) => {
      const r = JSON.parse(l);
      expect(r.utfoert.saksreferanse).toBe(`R${i + 1}`);
      expect(r.etteroppgjoer.sumFakturert).toBe(12 * (10_000 + (i % 50) * 100));
      expect(r.etteroppgjoer.differanse).toBe(r.etteroppgjoer.sumEndelig - r.etteroppgjoer.sumFakturert);
    });
  });
});
