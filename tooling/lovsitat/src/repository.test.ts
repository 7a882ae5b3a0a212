import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kildefiler, lesLovtekster, sitaterUnder, sjekkSitater } from './index.js';

/**
 * The repository-wide check (issue 17, «the law beside the code»): every `@lovtekst` quote in the
 * product's source (packages/ and apps/, tests and fixtures left out) stands verbatim in the law texts
 * kept in `lovtekst/`, where its tag says; and no hjemmel the product prints admits it is unverified.
 */

const ROT = fileURLToPath(new URL('../../../', import.meta.url));
const LOVER = lesLovtekster(join(ROT, 'lovtekst'));
const FILER = kildefiler(ROT, ['packages', 'apps']);
const SITATER = sitaterUnder(ROT, ['packages', 'apps']);

describe('every @lovtekst quote in packages/ and apps/', () => {
  it('is found: the scan reaches the areas that quote the law', () => {
    // A walk that found nothing would pass every check below; these packages are known to quote.
    for (const pakke of ['packages/foreldrebetaling/', 'packages/dokument/']) {
      expect(
        SITATER.some((s) => s.fil.startsWith(pakke)),
        pakke,
      ).toBe(true);
    }
    expect(SITATER.length).toBeGreaterThan(50);
    expect(FILER.some((f) => /\.test\.tsx?$/.test(f))).toBe(false);
  });

  it('stands verbatim in lovtekst/ in the paragraph and ledd its tag names', () => {
    const feil = sjekkSitater(LOVER, SITATER);
    expect(feil).toEqual([]);
  });
});

describe('the hjemler the product prints', () => {
  /**
   * NOTE for the coordinator: on branch w17q this fails for packages/langtidsopphold and
   * packages/praktisk-bistand, whose hjemmel strings other helpers (w17a, w17p) are rewriting in the same
   * round. It is meant to pass once their branches are merged; a hit left then is a real defect.
   */
  it('contain no «ikke verifisert» anywhere in product source (issue 17: every hjemmel verified)', () => {
    const treff = FILER.flatMap((f) =>
      readFileSync(join(ROT, f), 'utf8')
        .split('\n')
        .flatMap((l, i) => (/ikke verifisert/i.test(l) ? [`${f}:${i + 1}: ${l.trim().slice(0, 120)}`] : [])),
    );
    expect(
      treff,
      'Hjemmel som ikke er verifisert mot lovtekst/ (angi paragraf og ledd, og siter med @lovtekst)',
    ).toEqual([]);
  });
});
