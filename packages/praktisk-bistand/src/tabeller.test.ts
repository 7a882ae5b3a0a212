import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dekningsfeil, Regelverk, UtenforDekning } from '@inntektsgrunnlag/regelverk';
import { describe, expect, it } from 'vitest';
import { ENDRINGSFORSKRIFTER_PARAGRAF10, MAKS_EGENANDEL_UNDER_2G } from './tabeller.js';

const LOVTEKST = fileURLToPath(new URL('../../../lovtekst/', import.meta.url));
const HISTORIKK = readFileSync(`${LOVTEKST}egenandelsforskriften-historikk.md`, 'utf8');
const KONSOLIDERT = readFileSync(`${LOVTEKST}egenandelsforskriften.md`, 'utf8');

const normaliser = (t: string) =>
  t
    .split('\n')
    .map((l) => l.replace(/^>\s?/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The wording of every section of the history file headed «### <dato> — forskrift/<id>». */
function iEndringsforskriften(gyldigFra: string, sitat: string): boolean {
  const id = ENDRINGSFORSKRIFTER_PARAGRAF10[gyldigFra];
  if (!id) return false;
  const overskrift = `${gyldigFra} — forskrift/${id.slice(4)}`;
  return HISTORIKK.split(/^### /m)
    .slice(1)
    .filter((d) => d.split('\n')[0]?.trim() === overskrift)
    .map((d) => normaliser(d.split('\n').slice(1).join('\n').split(/^## /m)[0] ?? ''))
    .some((d) => (d.includes('§ 10') || d.includes('utgiftstak') ? d.includes(normaliser(sitat)) : false));
}

/** § 10 andre ledd's amount by year, as satser-og-lovtekst-2026.md section 1 lists it. */
const LOVENS_TALL: ReadonlyArray<readonly [number, number]> = [
  [2013, 175],
  [2014, 180],
  [2015, 186],
  [2016, 190],
  [2017, 200],
  [2018, 205],
  [2019, 210],
  [2020, 210],
  [2021, 210],
  [2022, 215],
  [2023, 220],
  [2024, 230],
  [2025, 240],
  [2026, 245],
];

describe('the utgiftstak under 2 G (egenandelsforskriften § 10 andre ledd)', () => {
  it('has exactly one value every day it covers, 2013 to 2026', () => {
    expect(dekningsfeil(Regelverk.av([MAKS_EGENANDEL_UNDER_2G]).alleTabeller[0] as never)).toEqual([]);
    expect(MAKS_EGENANDEL_UNDER_2G.verdier[0]?.gyldigFra).toBe('2013-01-01');
    expect(MAKS_EGENANDEL_UNDER_2G.dekketTil).toBe('2026-12-31');
  });

  it.each(MAKS_EGENANDEL_UNDER_2G.verdier.map((v) => [v.gyldigFra, v] as const))(
    '%s: the amount of its amending regulation, quoted verbatim, confidence A',
    (fra, v) => {
      const id = ENDRINGSFORSKRIFTER_PARAGRAF10[fra] as string;
      expect(v.kilde.tittel).toContain(id);
      expect(v.kilde.url).toBe(`https://lovdata.no/dokument/LTI/forskrift/${id.slice(4)}`);
      expect(v.kilde.hjemmel).toBe('egenandelsforskriften § 10 andre ledd');
      expect(v.kilde.konfidens).toBe('A');
      expect(iEndringsforskriften(fra, v.kilde.sitat ?? '∅')).toBe(true);
      expect(/utgiftstak på kroner (\d+) pr\. måned/.exec(v.kilde.sitat ?? '')?.[1]).toBe(v.verdi.toJSON());
    },
  );

  it('gives the law’s amount on the first and last day of each year', () => {
    const oppslag = Regelverk.av([MAKS_EGENANDEL_UNDER_2G]).nyttOppslag();
    for (const [aar, kroner] of LOVENS_TALL) {
      for (const dato of [`${aar}-01-01`, `${aar}-12-31`]) {
        expect(Number(oppslag.verdi(MAKS_EGENANDEL_UNDER_2G, dato).toJSON()), dato).toBe(kroner);
      }
    }
    expect(() => oppslag.verdi(MAKS_EGENANDEL_UNDER_2G, '2027-01-01')).toThrow(/gjetter aldri/);
    expect(() => oppslag.verdi(MAKS_EGENANDEL_UNDER_2G, '2012-12-31')).toThrow(UtenforDekning);
  });

  it('the 2026 amount is the consolidated text in force; a wrong year is rejected', () => {
    const v2026 = MAKS_EGENANDEL_UNDER_2G.verdier.at(-1);
    expect(normaliser(KONSOLIDERT)).toContain(v2026?.kilde.sitat);
    expect(iEndringsforskriften('2025-01-01', v2026?.kilde.sitat ?? '')).toBe(false);
    // 215 for 2023 (a stale municipal page) is not the regulation's.
    expect(iEndringsforskriften('2023-01-01', (v2026?.kilde.sitat ?? '').replace('245', '215'))).toBe(false);
  });
});
