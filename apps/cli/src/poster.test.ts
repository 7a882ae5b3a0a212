import { BEREGNINGSTYPER } from '@inntektsgrunnlag/beregning';
import { endringerMellom, katalogFor } from '@inntektsgrunnlag/skattegrunnlag';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { testkontekst } from './testkontekst.js';

async function kjoer(argv: string[]) {
  const t = testkontekst();
  const kode = await runCli(argv, t.kontekst);
  return { kode, ut: t.ut(), feil: t.feil() };
}

type Rad = Record<string, unknown>;

describe('poster --aar', () => {
  it('lists the whole catalogue of the year as JSON, SSG, pointer and extra posts alike', async () => {
    const r = await kjoer(['poster', '--aar', '2024', '--format', 'json']);
    expect(r).toMatchObject({ kode: 0, feil: '' });
    const rader = JSON.parse(r.ut) as Rad[];
    expect(rader).toHaveLength(katalogFor(2024).alle().length);
    for (const rad of rader) {
      expect(Object.keys(rad)).toEqual(expect.arrayContaining(['tekniskNavn', 'visningstekst', 'kategori']));
    }
    expect(rader).toContainEqual({
      tekniskNavn: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt',
      kategori: 'inntekt',
      visningstekst: 'Lønn og naturalytelser med mer',
      visningsgruppe: 'INNTEKT',
      kilde: 'SKATTEETATEN',
      art: 'SUMMERT_SKATTEGRUNNLAG',
    });
    expect(rader.find((x) => x.tekniskNavn === '/fastland/restskatt')).toMatchObject({ art: 'AVREGNING' });
    expect(rader.find((x) => x.tekniskNavn === 'nav.hjelpestoenadFraFolketrygden')).toMatchObject({
      kilde: 'NAV',
    });
  });

  it('gives TSV by default: a source line, a header and one line per post', async () => {
    const r = await kjoer(['poster', '--aar', '2019']);
    expect(r.kode).toBe(0);
    const linjer = r.ut.trimEnd().split('\n');
    expect(linjer[0]).toMatch(/^# Postkatalog for inntektsår 2019: Skatteetaten\/api-dokumentasjon/);
    expect(linjer[1]).toBe('tekniskNavn\tkategori\tvisningstekst\tvisningsgruppe\tkilde\tart');
    expect(linjer).toHaveLength(2 + katalogFor(2019).alle().length);
    expect(linjer.every((l) => l.startsWith('#') || l.split('\t').length === 6)).toBe(true);
  });

  it('refuses a year without a catalogue, a malformed year and an unknown format, with exit code 2', async () => {
    const utenfor = await kjoer(['poster', '--aar', '2016']);
    expect(utenfor).toMatchObject({ kode: 2, ut: '' });
    expect(utenfor.feil).toMatch(/2016 er ikke dekket.*2017–2025/);
    expect((await kjoer(['poster', '--aar', '24'])).feil).toMatch(/årstall/);
    expect((await kjoer(['poster', '--aar', '2024', '--format', 'xml'])).feil).toMatch(/tsv eller json/);
    expect((await kjoer(['poster'])).kode).toBe(2);
  });
});

describe('poster --beregningstype', () => {
  // The areas are built concurrently: only the structure of the output is tested here; the posts
  // themselves are each area's test.
  for (const type of BEREGNINGSTYPER) {
    it(`${type} 2024: one row per post of the definition, each with its group and sign`, async () => {
      const r = await kjoer(['poster', '--aar', '2024', '--beregningstype', type, '--format', 'json']);
      expect(r).toMatchObject({ kode: 0, feil: '' });
      const rader = JSON.parse(r.ut) as Rad[];
      expect(Array.isArray(rader)).toBe(true);
      for (const rad of rader) {
        expect(rad).toEqual(
          expect.objectContaining({
            tekniskNavn: expect.any(String),
            visningstekst: expect.any(String),
            kategori: expect.toBeOneOf([expect.any(String), null]),
            blokk: expect.toBeOneOf(['inntekt', 'fradrag', 'mellomregning', 'visning']),
            iKatalog: expect.any(Boolean),
          }),
        );
        if (rad.blokk !== 'visning') {
          expect(rad.operasjon).toBeOneOf(['ADDERE', 'SUBTRAHERE']);
          expect(rad.gruppe).toEqual(expect.any(String));
        }
      }
    });
  }

  it('TSV starts with the definition’s source and the shown groups', async () => {
    const r = await kjoer(['poster', '--aar', '2023', '--beregningstype', 'LANGTIDSOPPHOLD_INSTITUSJON']);
    expect(r.kode).toBe(0);
    const [kilde, visning, hode] = r.ut.split('\n');
    expect(kilde).toMatch(/^# LANGTIDSOPPHOLD_INSTITUSJON, inntektsår 2023: /);
    expect(visning).toMatch(/^# Viser dessuten postene i gruppene: /);
    expect(hode?.split('\t').slice(0, 4)).toEqual(['tekniskNavn', 'kategori', 'visningstekst', 'blokk']);
  });

  it('refuses an unknown beregningstype', async () => {
    const r = await kjoer(['poster', '--aar', '2024', '--beregningstype', 'SFO']);
    expect(r.kode).toBe(2);
    expect(r.feil).toMatch(/BARNEHAGE_SFO, PRAKTISK_BISTAND, LANGTIDSOPPHOLD_INSTITUSJON/);
  });
});

describe('poster --endringer', () => {
  it('lists the added, removed and changed posts between two years (2023 → 2024)', async () => {
    const r = await kjoer(['poster', '--endringer', '2023', '2024', '--format', 'json']);
    expect(r).toMatchObject({ kode: 0, feil: '' });
    const rader = JSON.parse(r.ut) as Rad[];
    const e = endringerMellom(2023, 2024);
    const navn = (endring: string) => rader.filter((x) => x.endring === endring).map((x) => x.tekniskNavn);
    expect(navn('LAGT_TIL')).toEqual(e.lagtTil.map((p) => p.tekniskNavn));
    expect(navn('FJERNET')).toEqual(e.fjernet.map((p) => p.tekniskNavn));
    // data/poster-changes.md: 23 added, 8 removed, 5 re-categorised, 4 new texts.
    expect(
      [navn('LAGT_TIL'), navn('FJERNET'), navn('ENDRET_KATEGORI'), navn('ENDRET_VISNINGSTEKST')].map(
        (x) => x.length,
      ),
    ).toEqual([23, 8, 5, 4]);
    expect(rader).toContainEqual({
      endring: 'LAGT_TIL',
      tekniskNavn: 'gjeldFraInkassoselskap',
      kategori: 'formuesfradrag',
      visningstekst: 'Gjeld til inkassoselskap',
      fra: null,
      til: null,
    });
    expect(rader.find((x) => x.tekniskNavn === 'utgiftVedRefinansieringAvLaan')).toMatchObject({
      endring: 'ENDRET_KATEGORI',
      fra: null,
      til: 'inntektsfradrag',
    });
    for (const rad of rader)
      expect(Object.keys(rad)).toEqual(expect.arrayContaining(['tekniskNavn', 'visningstekst', 'kategori']));
  });

  it('gives TSV by default and refuses anything but two years', async () => {
    const r = await kjoer(['poster', '--endringer', '2024', '2025']);
    expect(r.kode).toBe(0);
    expect(r.ut.split('\n')[1]).toBe('endring\ttekniskNavn\tkategori\tvisningstekst\tfra\ttil');
    expect(r.ut).toMatch(/^LAGT_TIL\tungdomsprogramytelse\tinntekt\tUngdomsprogramytelse\t\t$/m);
    expect((await kjoer(['poster', '--endringer', '2024'])).kode).toBe(2);
    expect((await kjoer(['poster', '--endringer', '2024', '2025', '--aar', '2024'])).kode).toBe(2);
    expect((await kjoer(['poster', '--endringer', '2016', '2024'])).feil).toMatch(/2016 er ikke dekket/);
  });
});
