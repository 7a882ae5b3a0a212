import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dekningsfeil, Regelverk, UtenforDekning } from '@inntektsgrunnlag/regelverk';
import { describe, expect, it } from 'vitest';
import {
  DAG_ELLER_NATTOPPHOLD,
  FRIBELOEP,
  FRIBELOEP_DOBBELTROM,
  KORTTIDSOPPHOLD_PER_DOEGN,
  TABELLER,
} from './index.js';
import { ENDRINGSFORSKRIFTER } from './tabeller.js';

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

/** Each «### YYYY-MM-DD — forskrift/<id>» section of the history file, by heading (one heading, many sections). */
function seksjoner(): Map<string, string[]> {
  const ut = new Map<string, string[]>();
  for (const del of HISTORIKK.split(/^### /m).slice(1)) {
    const [overskrift = '', ...resten] = del.split('\n');
    const tekst = normaliser(resten.join('\n').split(/^## /m)[0] ?? '');
    ut.set(overskrift.trim(), [...(ut.get(overskrift.trim()) ?? []), tekst]);
  }
  return ut;
}
const SEKSJONER = seksjoner();

/** The amending regulation's wording in force `gyldigFra` has the quote. */
function iEndringsforskriften(gyldigFra: string, sitat: string): boolean {
  const id = ENDRINGSFORSKRIFTER[gyldigFra];
  if (!id) return false;
  const overskrift = `${gyldigFra} — forskrift/${id.slice(4)}`;
  return (SEKSJONER.get(overskrift) ?? []).some((s) => s.includes(normaliser(sitat)));
}

/** Where the amount stands in each table's sentence. */
const BELOEP_I_SITAT: ReadonlyArray<readonly [typeof FRIBELOEP, RegExp]> = [
  [FRIBELOEP, /fratrukket et fribeløp på kroner ([\d ]+) pr\. år/],
  [FRIBELOEP_DOBBELTROM, /dobbeltrom skal ved beregningen tilstås et fribeløp på kroner ([\d ]+) pr\. år/],
  [KORTTIDSOPPHOLD_PER_DOEGN, /inntil kroner (\d+) pr\. døgn for korttidsopphold/],
  [DAG_ELLER_NATTOPPHOLD, /inntil kroner (\d+) for det enkelte dag- eller nattopphold/],
];

/**
 * The law's figures, year by year, as `../shared/regelverk/satser-og-lovtekst-2026.md` section 1 lists
 * them from the amending regulations: [in force from, fribeløp, dobbeltrom (null: no such rule), korttid
 * per døgn, dag-/nattopphold].
 */
const LOVENS_TALL: ReadonlyArray<readonly [string, number, number | null, number, number]> = [
  ['2013-01-01', 7_000, null, 137, 72],
  ['2014-01-01', 7_250, null, 142, 74],
  ['2014-07-01', 7_250, 35_000, 142, 74],
  ['2015-01-01', 7_500, 36_200, 147, 77],
  ['2016-01-01', 7_800, 37_250, 150, 80],
  ['2017-01-01', 8_000, 38_300, 155, 80],
  ['2018-01-01', 8_200, 39_300, 160, 80],
  ['2019-01-01', 8_400, 40_400, 165, 85],
  ['2020-01-01', 8_700, 41_600, 170, 90],
  ['2021-01-01', 9_000, 42_900, 175, 95],
  ['2022-01-01', 9_100, 44_100, 180, 100],
  ['2023-01-01', 9_400, 45_400, 185, 105],
  ['2024-01-01', 10_000, 48_300, 193, 110],
  ['2025-01-01', 10_450, 50_500, 200, 115],
  ['2026-01-01', 10_950, 52_950, 205, 115],
];

describe('the yearly tables', () => {
  it.each(Regelverk.av(TABELLER).alleTabeller.map((t) => [t.navn, t] as const))(
    '%s has exactly one value every day it covers',
    (_, t) => {
      expect(dekningsfeil(t)).toEqual([]);
    },
  );

  it.each(TABELLER.flatMap((t) => t.verdier.map((v) => [`${t.navn}@${v.gyldigFra}`, t, v] as const)))(
    '%s is the amount of its amending regulation, quoted verbatim, confidence A',
    (_, t, v) => {
      const id = ENDRINGSFORSKRIFTER[v.gyldigFra] as string;
      expect(id).toMatch(/^FOR-\d{4}-\d{2}-\d{2}-\d+$/);
      expect(v.kilde.tittel).toContain(id);
      expect(v.kilde.tittel).toContain('Lovdatas åpne data');
      expect(v.kilde.url).toBe(`https://lovdata.no/dokument/LTI/forskrift/${id.slice(4)}`);
      expect(v.kilde.hjemmel).toMatch(/^egenandelsforskriften § (3 annet ledd|4)$/);
      expect(v.kilde.konfidens).toBe('A');
      expect(v.verifisert).toBe('2026-12-07');
      const sitat = v.kilde.sitat as string;
      expect(iEndringsforskriften(v.gyldigFra, sitat)).toBe(true);
      const regex = BELOEP_I_SITAT.find(([tabell]) => tabell === t)?.[1] as RegExp;
      const tall = regex.exec(sitat)?.[1]?.replace(/ /g, '');
      expect(tall).toBe(v.verdi.toJSON());
    },
  );

  it('each year of the law is in the tables, 2013 to 2026, and nothing else', () => {
    const oppslag = Regelverk.av(TABELLER).nyttOppslag();
    const kr = (t: typeof FRIBELOEP, dato: string) => Number(oppslag.verdi(t, dato).toJSON());
    for (const [fra, fribeloep, dobbeltrom, doegn, dagNatt] of LOVENS_TALL) {
      const sist = `${fra.slice(0, 4)}-12-31`;
      for (const dato of [fra, fra.endsWith('07-01') ? '2014-12-31' : sist]) {
        expect(kr(FRIBELOEP, dato), `fribeløp ${dato}`).toBe(fribeloep);
        if (dobbeltrom !== null)
          expect(kr(FRIBELOEP_DOBBELTROM, dato), `dobbeltrom ${dato}`).toBe(dobbeltrom);
        expect(kr(KORTTIDSOPPHOLD_PER_DOEGN, dato), `korttid ${dato}`).toBe(doegn);
        expect(kr(DAG_ELLER_NATTOPPHOLD, dato), `dag/natt ${dato}`).toBe(dagNatt);
      }
    }
    expect(TABELLER.map((t) => [t.navn, t.verdier[0]?.gyldigFra, t.dekketTil])).toEqual([
      ['langtidsopphold.fribeloep', '2013-01-01', '2026-12-31'],
      ['langtidsopphold.fribeloepDobbeltrom', '2014-07-01', '2026-12-31'],
      ['langtidsopphold.korttidsoppholdPerDoegn', '2013-01-01', '2026-12-31'],
      ['langtidsopphold.dagEllerNattopphold', '2013-01-01', '2026-12-31'],
    ]);
    expect(() => oppslag.verdi(FRIBELOEP, '2012-12-31')).toThrow(UtenforDekning);
    expect(() => oppslag.verdi(FRIBELOEP, '2027-01-01')).toThrow(/gjetter aldri/);
    expect(() => oppslag.verdi(FRIBELOEP_DOBBELTROM, '2014-06-30')).toThrow(UtenforDekning);
  });

  it('the 2026 values are also the consolidated text in force', () => {
    const tekst = normaliser(KONSOLIDERT);
    for (const t of TABELLER) {
      const v = t.verdier.at(-1);
      expect(v?.gyldigFra).toBe('2026-01-01');
      expect(tekst).toContain(normaliser(v?.kilde.sitat ?? '∅'));
    }
  });

  it('the check rejects an amount the regulation of that year does not have', () => {
    const feil = (
      FRIBELOEP_DOBBELTROM.verdier.find((v) => v.gyldigFra === '2019-01-01')?.kilde.sitat ?? ''
    ).replace('40 400', '41 600');
    expect(iEndringsforskriften('2019-01-01', feil)).toBe(false);
    // 40 400 is the 2019 amount, not 2020's (Stavanger's stale page of 2020).
    const riktig2019 =
      FRIBELOEP_DOBBELTROM.verdier.find((v) => v.gyldigFra === '2019-01-01')?.kilde.sitat ?? '';
    expect(iEndringsforskriften('2019-01-01', riktig2019)).toBe(true);
    expect(iEndringsforskriften('2020-01-01', riktig2019)).toBe(false);
    expect(iEndringsforskriften('2027-01-01', riktig2019)).toBe(false);
  });

  it('always gives the double-room fribeløp above the ordinary one', () => {
    const oppslag = Regelverk.av(TABELLER).nyttOppslag();
    for (const v of FRIBELOEP_DOBBELTROM.verdier) {
      expect(v.verdi.greaterThan(oppslag.verdi(FRIBELOEP, v.gyldigFra))).toBe(true);
    }
  });
});
