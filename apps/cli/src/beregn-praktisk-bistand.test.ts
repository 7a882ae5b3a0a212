import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { tilAarligOppdatering } from './kommandoer/beregn.js';
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
    // G pr. 1. januar 2022 (egenandelsforskriften § 10 andre ledd) is 106 399: 2 G = 212 798.
    expect(resultat.egenandel).toMatchObject({ under2G: false, toG: 212798, maksPerMaaned: null });
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

describe('beregn --aarlig-oppdatering (egenandelsforskriften § 10 femte ledd)', () => {
  // A couple of the embedded synthetic population, with tax settlements for 2019–2025.
  const SOEKER = '28874511228';
  const EKTEFELLE = '20823628561';
  const sak = {
    beregningstype: 'PRAKTISK_BISTAND',
    inntektsaar: 2021,
    beregningsdato: '2022-09-01',
    personer: [
      {
        identifikator: SOEKER,
        type: 'SOEKER',
        poster: [{ tekniskNavn: 'alminneligInntektFoerSaerfradrag', beloep: 1 }],
        ekstraposter: [{ tekniskNavn: 'nav.hjelpestoenadFraFolketrygden', beloep: 2000 }],
      },
      { identifikator: EKTEFELLE, type: 'EKTEFELLE', poster: [] },
    ],
    vedtak: {
      timerPerMaaned: '4.2',
      kostnadPerTime: 500,
      inntektsaarBegrunnelse: { aarsak: 'VESENTLIG_ENDRET_INNTEKT', forklaring: 'gjaldt 2022' },
    },
  };

  it('moves a case to 1 January of the year and the proposed income year, dropping posts of the old year', () => {
    expect(tilAarligOppdatering(sak, 2024)).toEqual({
      ...sak,
      inntektsaar: 2022,
      beregningsdato: '2024-01-01',
      personer: [
        {
          identifikator: SOEKER,
          type: 'SOEKER',
          ekstraposter: [{ tekniskNavn: 'nav.hjelpestoenadFraFolketrygden', beloep: 2000 }],
        },
        { identifikator: EKTEFELLE, type: 'EKTEFELLE' },
      ],
      vedtak: { timerPerMaaned: '4.2', kostnadPerTime: 500 },
    });
    // Posts already of the new income year are kept.
    const ny = { ...sak, inntektsaar: 2022 };
    expect((tilAarligOppdatering(ny, 2024) as typeof sak).personer).toEqual(sak.personer);
    expect(() => tilAarligOppdatering({ beregningstype: 'BARNEHAGE_SFO' }, 2024)).toThrow(
      /gjelder bare PRAKTISK_BISTAND; raden er BARNEHAGE_SFO/,
    );
  });

  it('recomputes every PRAKTISK_BISTAND case of a file with new tax data and G pr. 1. januar; other rows fail', async () => {
    const mappe = mkdtempSync(join(tmpdir(), 'ig-cli-aarlig-'));
    const fil = join(mappe, 'saker.jsonl');
    const langtid = { beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON', inntektsaar: 2023, personer: [] };
    writeFileSync(fil, `${JSON.stringify(sak)}\n${JSON.stringify(langtid)}\n${JSON.stringify(sak)}\n`);
    const ut = join(mappe, 'oppdatert.jsonl');
    const r = await kjoer(['beregn', '--aarlig-oppdatering', '2024', fil, '--ut', ut]);
    expect(r.kode).toBe(1);
    const resultater = readFileSync(ut, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(resultater).toHaveLength(2);
    const [a] = resultater;
    expect(a).toMatchObject({ inntektsaar: 2022, beregningsdato: '2024-01-01' });
    expect(a.egenandel.grunnbeloep).toMatchObject({ beloep: 118620, dato: '2024-01-01' });
    expect(a.egenandel.inntektsaar).toMatchObject({ brukt: 2022, foreslaatt: 2022, kontrollert: true });
    // 4.2 hours → 4 hours (§ 9 andre ledd) × 500.
    expect(a.egenandel.selvkost).toMatchObject({ timerPerMaaned: 4, perMaaned: 2000 });

    // The same as a case decided on 1 January 2024 with the 2022 settlement fetched, and the extra post.
    const direkte = await kjoer(['beregn', '-'], JSON.stringify(tilAarligOppdatering(sak, 2024)));
    expect(direkte.kode).toBe(0);
    expect(a.beregningsbeloep).toBe(JSON.parse(direkte.ut).beregningsbeloep);
    expect(a.beregningsbeloep).not.toBe(2001);

    const feil = readFileSync(`${ut}.feil.csv`, 'utf8');
    expect(feil).toMatch(/IKKE_PRAKTISK_BISTAND/);
    expect(feil).toMatch(/gjelder bare PRAKTISK_BISTAND; raden er LANGTIDSOPPHOLD_INSTITUSJON/);
  }, 120_000);

  it('refuses a year that is not a year, with exit code 2', async () => {
    const r = await kjoer(['beregn', '--aarlig-oppdatering', 'neste', GULLFIL]);
    expect(r.kode).toBe(2);
    expect(r.feil).toMatch(
      /--aarlig-oppdatering må være året oppdateringen gjelder, som 2027 \(fikk neste\)/,
    );
  });
});
