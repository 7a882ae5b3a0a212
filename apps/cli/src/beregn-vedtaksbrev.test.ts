import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KS_SOEKER } from '@inntektsgrunnlag/kilder';
import { lesGullfiler, lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { afterAll, describe, expect, it } from 'vitest';
import { kolonneForFelt } from './batch/kolonner.js';
import { runCli } from './cli.js';
import { delVedtaksbrev } from './kommandoer/beregn.js';
import { testkontekst } from './testkontekst.js';

const mappe = mkdtempSync(join(tmpdir(), 'ig-cli-vedtaksbrev-'));
afterAll(() => rmSync(mappe, { recursive: true, force: true }));
const fil = (navn: string) => join(mappe, navn);

async function kjoer(argv: string[], idag?: string) {
  const t = testkontekst({ cwd: mappe, ...(idag ? { idag: () => idag } : {}) });
  const kode = await runCli(['beregn', ...argv], t.kontekst);
  return { kode, ut: t.ut(), feil: t.feil() };
}

const jsonl = (rader: unknown[]) => `${rader.map((r) => JSON.stringify(r)).join('\n')}\n`;
const tekstI = (sti: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', sti, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

const gull = lesGullfiler('') as Array<{ id: string; foresporsel: Record<string, unknown> }>;
const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: Record<string, unknown>;
};
const GRUNN = 'Postene kommunen har lagt inn, er dokumentert.';

describe('beregn --vedtaksbrev-dir', () => {
  it('writes one letter per successful row, in the language each row asks for, files for the runner alone', async () => {
    const rader = [
      ...gull.map((g, i) => ({
        ...g.foresporsel,
        saksreferanse: `G${i + 1}`,
        vedtaksbrev: { spraak: i % 2 === 0 ? 'nb' : 'nn', vurderinger: GRUNN },
      })),
      // A lookup in the embedded population: the letter is addressed to the name Folkeregisteret gives.
      {
        ...ks.foresporsel,
        beregningsdato: '2024-06-01',
        saksreferanse: 'KS',
        vedtaksbrev: { vurderinger: GRUNN },
      },
    ];
    writeFileSync(fil('brev.jsonl'), jsonl(rader));
    const r = await kjoer(['brev.jsonl', '--vedtaksbrev-dir', 'brev', '--format', 'csv', '--ut', 'brev.csv']);
    expect(r.feil).toMatch(/6 beregnet, 0 feilet/);
    expect(r.kode).toBe(0);
    const filer = readdirSync(fil('brev')).sort();
    expect(filer).toEqual([
      ...gull.map((_g, i) => `rad-000000${i + 1}-G${i + 1}-vedtaksbrev.pdf`),
      `rad-000000${gull.length + 1}-KS-vedtaksbrev.pdf`,
    ]);
    filer.forEach((navn, i) => {
      const sti = join(fil('brev'), navn);
      expect(statSync(sti).mode & 0o777, navn).toBe(0o600);
      expect(readFileSync(sti).toString('latin1')).toContain('<pdfaid:part>2</pdfaid:part>');
      const tekst = tekstI(sti);
      expect(tekst).toContain(i < gull.length && i % 2 === 1 ? 'Med venleg helsing' : 'Med vennlig hilsen');
      expect(tekst).not.toMatch(/(?<!\d)\d{11}(?!\d)/);
    });
    expect(tekstI(join(fil('brev'), `rad-000000${gull.length + 1}-KS-vedtaksbrev.pdf`))).toContain(
      'UPERSONLIG PÅFUNN',
    );
    // The output CSV names each letter.
    const [header, ...linjer] = readFileSync(fil('brev.csv'), 'utf8').trimEnd().split('\n');
    const kolonne = (header ?? '').split(',').indexOf('vedtaksbrev');
    expect(linjer.map((l) => l.split(',')[kolonne])).toEqual(filer);
  });

  it('reads the letter fields from brev_* columns of a CSV', async () => {
    const lhl = gull.find((g) => g.id.startsWith('langtidsopphold-lhl'))?.foresporsel as {
      inntektsaar: number;
      beregningsdato: string;
      personer: Array<{ identifikator: string; poster: Array<{ tekniskNavn: string; beloep: number }> }>;
    };
    const p = lhl.personer[0];
    const poster = (p?.poster ?? []).map((x) => `${x.tekniskNavn}=${x.beloep}`).join('|');
    writeFileSync(
      fil('brev.csv'),
      [
        'beregningstype;inntektsaar;beregningsdato;identifikator;saksreferanse;soeker_poster;brev_spraak;brev_vurderinger;brev_mottaker_navn;brev_mottaker_adresse',
        `LANGTIDSOPPHOLD_INSTITUSJON;${lhl.inntektsaar};${lhl.beregningsdato};${p?.identifikator};C1;${poster};nn;Vi har sett på saka.;Kari Beboar;Storgata 1|3110 Tønsberg`,
        `LANGTIDSOPPHOLD_INSTITUSJON;${lhl.inntektsaar};${lhl.beregningsdato};${p?.identifikator};C2;${poster};se;;;`,
      ].join('\n'),
    );
    const r = await kjoer(['brev.csv', '--vedtaksbrev-dir', 'brev-csv', '--ut', 'brev-csv.jsonl']);
    expect(r.kode).toBe(1);
    expect(readdirSync(fil('brev-csv'))).toEqual(['rad-0000002-C1-vedtaksbrev.pdf']);
    const tekst = tekstI(join(fil('brev-csv'), 'rad-0000002-C1-vedtaksbrev.pdf'));
    expect(tekst).toContain('Vi har sett på saka.');
    expect(tekst).toContain('Kari Beboar Storgata 1 3110 Tønsberg');
    expect(tekst).toContain('langtidsopphald');
    // The bad row is reported by its column, and the run went on.
    const feil = readFileSync(fil('brev-csv.jsonl.feil.csv'), 'utf8');
    expect(feil).toMatch(/UGYLDIG/);
    expect(feil).toMatch(/brev_spraak/);
    expect(readFileSync(fil('brev-csv.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(1);
  });

  it("fails a row whose letter needs the case worker's reasons, or a vedtak date, and goes on", async () => {
    writeFileSync(
      fil('mangler.jsonl'),
      jsonl([
        { ...ks.foresporsel, beregningsdato: '2024-06-01', saksreferanse: 'M1' },
        { ...ks.foresporsel, saksreferanse: 'M2', vedtaksbrev: { vurderinger: GRUNN } },
        {
          ...ks.foresporsel,
          beregningsdato: '2024-06-01',
          saksreferanse: 'M3',
          vedtaksbrev: { vurderinger: GRUNN },
        },
      ]),
    );
    // "Today" past every rate: the row without a beregningsdato gets the basis but no fee.
    const r = await kjoer(
      ['mangler.jsonl', '--vedtaksbrev-dir', 'brev-m', '--ut', 'mangler.out.jsonl'],
      '2099-01-01',
    );
    expect(r.kode).toBe(1);
    expect(readdirSync(fil('brev-m'))).toEqual(['rad-0000003-M3-vedtaksbrev.pdf']);
    const feil = readFileSync(fil('mangler.out.jsonl.feil.csv'), 'utf8');
    expect(feil).toMatch(/vedtaksbrev\.vurderinger/);
    expect(feil).toMatch(/beregningsdato: avgiften er ikke beregnet/);
    expect(feil).not.toContain(KS_SOEKER);
  });

  it('ignores the letter fields without --vedtaksbrev-dir, and maps letter fields to their CSV columns', async () => {
    writeFileSync(fil('uten.jsonl'), jsonl([{ ...gull[0]?.foresporsel, vedtaksbrev: { spraak: 'nn' } }]));
    const r = await kjoer(['uten.jsonl', '--ut', 'uten.out.jsonl']);
    expect(r.kode).toBe(0);
    expect(delVedtaksbrev({ a: 1, vedtaksbrev: { spraak: 'nn' } })).toEqual({
      foresporsel: { a: 1 },
      brevdata: { spraak: 'nn' },
    });
    expect(kolonneForFelt('vedtaksbrev.spraak')).toBe('brev_spraak');
    expect(kolonneForFelt('vedtaksbrev.mottaker.adresselinjer.1')).toBe('brev_mottaker_adresse');
    expect(kolonneForFelt('vedtaksbrev.kopiTil.0.navn')).toBe('vedtaksbrev.kopiTil.0.navn');
  });
});
