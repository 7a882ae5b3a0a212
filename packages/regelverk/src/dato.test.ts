import { format, isValid, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erIsoDato, formaterDatoKort, type IsoDato } from './dato.js';

/** The earlier definition: a round trip through date-fns (kept here as the reference). */
function rundtur(tekst: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(tekst)) return false;
  const d = parseISO(tekst);
  return isValid(d) && format(d, 'yyyy-MM-dd') === tekst;
}

const dato = (aar: number, mnd: number, dag: number) =>
  `${String(aar).padStart(4, '0')}-${String(mnd).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;

describe('erIsoDato', () => {
  it('agrees with the date round trip for every month 00–13 and day 00–32 of 1890–2110', () => {
    const avvik: string[] = [];
    for (let aar = 1890; aar <= 2110; aar++) {
      for (let mnd = 0; mnd <= 13; mnd++) {
        for (let dag = 0; dag <= 32; dag++) {
          const t = dato(aar, mnd, dag);
          if (erIsoDato(t) !== rundtur(t)) avvik.push(t);
        }
      }
    }
    expect(avvik).toEqual([]);
  });

  it('agrees with the date round trip for any year 0000–9999 (leap days included)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (aar, mnd, dag) => erIsoDato(dato(aar, mnd, dag)) === rundtur(dato(aar, mnd, dag)),
      ),
      { numRuns: 20_000 },
    );
    for (const t of ['2000-02-29', '1900-02-29', '2024-02-29', '2023-02-29', '0000-01-01', '0400-02-29']) {
      expect(erIsoDato(t), t).toBe(rundtur(t));
    }
  });

  it('refuses what is not a YYYY-MM-DD string', () => {
    for (const v of ['2024-1-01', '2024-01-01T00:00', ' 2024-01-01', '20240101', 20240101, null, undefined]) {
      expect(erIsoDato(v)).toBe(false);
    }
  });
});

describe('formaterDatoKort', () => {
  /** The earlier definition, kept as the reference. */
  const delt = (dato: string) => {
    const [aar, mnd, dag] = dato.split('-');
    return `${dag}.${mnd}.${aar}`;
  };

  it('writes an ISO date as dd.mm.åååå', () => {
    expect(formaterDatoKort('2024-05-01' as IsoDato)).toBe('01.05.2024');
  });

  it('gives the split form for any date and any other text', () => {
    const isoDato = fc
      .date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.oneof(isoDato, fc.string(), fc.stringMatching(/^[\d-]{8,12}$/)), (tekst) => {
        expect(formaterDatoKort(tekst as IsoDato)).toBe(delt(tekst));
      }),
      { numRuns: 2000 },
    );
  });
});
