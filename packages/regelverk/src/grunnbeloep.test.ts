import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GRUNNBELOEP } from './grunnbeloep.js';

const LOV = readFileSync(
  fileURLToPath(new URL('../../../lovtekst/folketrygdloven-1-4.md', import.meta.url)),
  'utf8',
);

describe('G from folketrygdloven § 1-4 (the footnote of every 1 May)', () => {
  it.each(GRUNNBELOEP.verdier.map((v) => [v.gyldigFra, v] as const))(
    '%s: the footnote has the line, and its amount is the value',
    (fra, v) => {
      expect(v.kilde.hjemmel).toBe('folketrygdloven § 1-4');
      expect(v.kilde.konfidens).toBe('A');
      expect(v.kilde.tittel).toContain('LOV-1997-02-28-19');
      const sitat = v.kilde.sitat as string;
      expect(LOV).toContain(`${sitat},`.replace(/,$/, ''));
      const m = /^pr 1 mai (\d{4}) kr\. ([\d. ]+)$/.exec(sitat);
      expect(m?.[1]).toBe(fra.slice(0, 4));
      expect(m?.[2]?.replace(/[. ]/g, '')).toBe(v.verdi.toJSON());
      // The footnote's line ends at the comma or the full stop: «… kr. 136 549.» is not «… kr. 136 54».
      expect(new RegExp(`${sitat.replace(/\./g, '\\.')}[,.]`).test(LOV)).toBe(true);
    },
  );

  it('covers every 1 May from 2015 to 2026, the last the law lists', () => {
    expect(GRUNNBELOEP.verdier.map((v) => v.gyldigFra)).toEqual(
      Array.from({ length: 12 }, (_, i) => `${2015 + i}-05-01`),
    );
    expect(LOV).toMatch(/pr 1 mai 2026 kr\. 136 549\.\*/);
    expect(LOV).not.toMatch(/pr 1 mai 2027/);
  });
});
