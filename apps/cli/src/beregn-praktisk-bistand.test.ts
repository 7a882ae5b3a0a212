import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { testkontekst } from './testkontekst.js';

const GULLFIL = fileURLToPath(
  new URL('../../../testdata/golden/praktisk-bistand-ks-2021.json', import.meta.url),
);

async function kjoer(argv: string[], stdinTekst?: string) {
  const t = testkontekst(stdinTekst ? { stdinTekst } : {});
  const kode = await runCli(argv, t.kontekst);
  return { kode, ut: t.ut(), feil: t.feil() };
}

describe('beregn PRAKTISK_BISTAND', () => {
  it('reproduces the KS example: 6 474 431 for the household, 93 431 and 6 381 000 per person', async () => {
    const r = await kjoer(['beregn', GULLFIL]);
    expect(r.feil).toBe('');
    expect(r.kode).toBe(0);
    const resultat = JSON.parse(r.ut);
    expect(resultat.beregningstype).toBe('PRAKTISK_BISTAND');
    expect(resultat.beregningsbeloep).toBe(6474431);
    expect(resultat.inntekt.perPerson).toEqual([
      { identifikator: '23914510023', beloep: 93431 },
      { identifikator: '09825010081', beloep: 6381000 },
    ]);
    expect(resultat.egenandel).toMatchObject({ under2G: false, toG: 222954, maksPerMaaned: null });
    expect(resultat.egenandel.ingenMaksGrunn).toMatch(/trinnOver2G/);
  });

  it('explains the household and the fee as text', async () => {
    const r = await kjoer(['beregn', GULLFIL, '--format', 'tabell']);
    expect(r.kode).toBe(0);
    expect(r.ut).toMatch(/Beregningsgrunnlag: kr\u00a06\u00a0474\u00a0431/);
    expect(r.ut).toMatch(/Husstandens samlede inntekt/);
    expect(r.ut).toMatch(/egenandelsforskriften § 10 tredje ledd/);
    expect(r.ut).not.toContain('23914510023');
  });

  it('gives a household below 2 G the national maximum of the year', async () => {
    const foresporsel = {
      beregningstype: 'PRAKTISK_BISTAND',
      inntektsaar: 2023,
      beregningsdato: '2024-03-01',
      personer: [
        {
          identifikator: '23914510023',
          type: 'SOEKER',
          poster: [{ tekniskNavn: 'alminneligInntektFoerSaerfradrag', beloep: 120000 }],
        },
        {
          identifikator: '09825010081',
          type: 'EKTEFELLE',
          poster: [{ tekniskNavn: 'alminneligInntektFoerSaerfradrag', beloep: 80000 }],
        },
      ],
    };
    const r = await kjoer(['beregn', '-'], JSON.stringify(foresporsel));
    expect(r.kode).toBe(0);
    const resultat = JSON.parse(r.ut);
    expect(resultat.beregningsbeloep).toBe(200000);
    expect(resultat.egenandel).toMatchObject({ under2G: true, maksPerMaaned: 230, toG: 237240 });
    expect(resultat.hovedtall[0]).toMatchObject({ tekst: 'Høyeste egenandel per måned', beloep: 230 });
  });

  it('refuses a child the vedtak does not count, naming the field, with exit code 2', async () => {
    const foresporsel = {
      beregningstype: 'PRAKTISK_BISTAND',
      inntektsaar: 2023,
      beregningsdato: '2024-03-01',
      personer: [
        { identifikator: '23914510023', type: 'SOEKER', poster: [] },
        { identifikator: '04817299771', type: 'BARN', poster: [] },
      ],
    };
    const r = await kjoer(['beregn', '-'], JSON.stringify(foresporsel));
    expect(r.kode).toBe(2);
    expect(r.ut).toBe('');
    expect(r.feil).toMatch(/personer\.1\.type: .*hjelpGrunnetBarnsBehov/);
    expect(r.feil).not.toMatch(/\n\s+at /);
  });

  it('refuses a date after the last known national rate instead of guessing it', async () => {
    const foresporsel = {
      beregningstype: 'PRAKTISK_BISTAND',
      inntektsaar: 2025,
      beregningsdato: '2027-03-01',
      personer: [
        {
          identifikator: '23914510023',
          type: 'SOEKER',
          poster: [{ tekniskNavn: 'alminneligInntektFoerSaerfradrag', beloep: 100000 }],
        },
      ],
    };
    const r = await kjoer(['beregn', '-'], JSON.stringify(foresporsel));
    expect(r.kode).toBe(2);
    expect(r.feil).toMatch(/praktiskBistand\.maksEgenandelUnder2G/);
  });
});
