import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvPost, csvLinje, csvPoster, delCsv, gjettSkilletegn, SKILLETEGN } from './csv.js';
import { lesLinjer } from './linjeleser.js';

async function poster(tekst: string): Promise<CsvPost[]> {
  const ut: CsvPost[] = [];
  for await (const del of csvPoster(
    lesLinjer(
      (async function* () {
        yield Buffer.from(tekst);
      })(),
    ),
  )) {
    ut.push(...del);
  }
  return ut;
}

describe('CSV', () => {
  it('writes fields that read back the same, for any text and separator', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 10 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...SKILLETEGN),
        (felter, skille) => {
          const linje = csvLinje(felter, skille);
          expect(linje.endsWith('\n')).toBe(true);
          const lest = delCsv(linje.slice(0, -1), skille);
          // A field without quotes is read trimmed; a field with edge spaces is quoted on write.
          expect(lest).toEqual({ felter });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads quoted separators, doubled quotes and line breaks, and reports an unclosed quote', () => {
    expect(delCsv('a;"b;c";"d ""e"""', ';')).toEqual({ felter: ['a', 'b;c', 'd "e"'] });
    expect(delCsv(' a , b ,', ',')).toEqual({ felter: ['a', 'b', ''] });
    expect(delCsv('a,"b', ',')).toEqual({ feil: 'et felt i anførselstegn er ikke avsluttet' });
    expect(delCsv('a,"b"c', ',')).toMatchObject({ feil: expect.stringMatching(/etter avsluttende/) });
  });

  it('joins a record whose quoted field spans lines, and skips blank lines', async () => {
    const p = await poster('a,b\n\n1,"to\nlinjer"\n3,4\n');
    expect(p.map((x) => [x.linje, x.sisteLinje, x.tekst])).toEqual([
      [1, 1, 'a,b'],
      [3, 4, '1,"to\nlinjer"'],
      [5, 5, '3,4'],
    ]);
    expect(p[1]?.slutt).toBe('a,b\n\n1,"to\nlinjer"\n'.length);
  });

  it('guesses the separator from the header', () => {
    expect(gjettSkilletegn('beregningstype;inntektsaar;identifikator')).toBe(';');
    expect(gjettSkilletegn('beregningstype,inntektsaar,identifikator')).toBe(',');
    expect(gjettSkilletegn('beregningstype\tinntektsaar')).toBe('\t');
    expect(gjettSkilletegn('"a;b",c,d')).toBe(',');
  });
});
