import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formaterBeloep } from './format.js';
import { brytLinjer, ord } from './tekst.js';

/** A monospace measure: every character 5 points wide. */
const maal = (t: string) => t.length * 5;

describe('line breaking', () => {
  it('keeps a number, "kr" with its amount, and "§" with its number together', () => {
    expect(ord('Grunnlaget er kr 567 127 etter § 3 fjerde ledd, 75 % av G')).toEqual([
      'Grunnlaget',
      'er',
      'kr 567 127',
      'etter',
      '§ 3',
      'fjerde',
      'ledd,',
      '75 %',
      'av',
      'G',
    ]);
  });

  it('never breaks inside an amount and loses no word (property)', () => {
    const beloep = fc.integer({ min: -9_999_999_999, max: 9_999_999_999 }).map((n) => formaterBeloep(n));
    // Two amounts side by side would read as one number ("1 000 100 000"), in print as here; real
    // text has a word between them, and so does the generator.
    const ord_ = fc.constantFrom('inntekt', 'fradrag', 'kr', 'og', '§', 'skatt,', 'G');
    const del = fc.tuple(fc.option(beloep), ord_).map(([b, o]) => (b === null ? [o] : [b, o]));
    fc.assert(
      fc.property(
        fc.array(del, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 75, max: 400 }),
        (par, bredde) => {
          const deler = par.flat();
          const tekst = deler.join(' ');
          const linjer = brytLinjer(tekst, bredde, maal);
          expect(linjer.join(' ')).toBe(tekst);
          for (const l of linjer) expect(maal(l)).toBeLessThanOrEqual(bredde);
          // Every amount is found whole on one line.
          for (const d of deler) if (/\d/.test(d)) expect(linjer.some((l) => l.includes(d))).toBe(true);
        },
      ),
    );
  });

  it('splits a word wider than the line, preferably after "/"', () => {
    const linjer = brytLinjer('/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt', 150, maal);
    expect(linjer.join('')).toBe('/beregnetSkattFastland/informasjonTilSkattelister/beregnetSkatt');
    expect(linjer[0]).toBe('/beregnetSkattFastland/');
    for (const l of linjer) expect(maal(l)).toBeLessThanOrEqual(150);
  });

  it('starts a new line at "\\n"', () => {
    expect(brytLinjer('a\nb', 100, maal)).toEqual(['a', 'b']);
  });
});
