import { describe, expect, it } from 'vitest';
import { beloepSkjema, foresporselSkjema, Valideringsfeil, valider } from './index.js';

const gyldig = {
  beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
  inntektsaar: 2023,
  personer: [{ identifikator: '04817299771', type: 'SOEKER', ekstraposter: [] }],
};

function feltfeil(data: unknown): string[] {
  try {
    valider(foresporselSkjema, data);
    return [];
  } catch (e) {
    if (!(e instanceof Valideringsfeil)) throw e;
    return e.feil.map((f) => `${f.felt}: ${f.melding}`);
  }
}

describe('request validation names every bad field in Norwegian', () => {
  it('accepts the KS example request', () => {
    expect(feltfeil(gyldig)).toEqual([]);
  });

  it('names the field and the reason', () => {
    expect(feltfeil({ ...gyldig, personer: [{ identifikator: '12345678901', type: 'SOEKER' }] })).toEqual([
      'personer.0.identifikator: ugyldig identifikator: måned 34 i fødselsdatoen finnes ikke',
    ]);
    expect(feltfeil({ ...gyldig, inntektsaar: '2023' })[0]).toMatch(/^inntektsaar: /);
    expect(feltfeil({ ...gyldig, beregningsdato: '2024-02-30' })[0]).toMatch(
      /^beregningsdato: må være en gyldig dato/,
    );
    expect(feltfeil({ ...gyldig, ukjent: 1 })[0]).toMatch(/ukjent/i);
    expect(feltfeil({ ...gyldig, personer: [] })[0]).toMatch(/^personer: minst én person/);
  });

  it('requires exactly one SOEKER and no person twice', () => {
    expect(feltfeil({ ...gyldig, personer: [{ identifikator: '04817299771', type: 'PARTNER' }] })).toEqual([
      'personer: må ha nøyaktig én person med type SOEKER (har 0)',
    ]);
    const dobbel = { identifikator: '04817299771', type: 'SOEKER' };
    expect(feltfeil({ ...gyldig, personer: [dobbel, { ...dobbel, type: 'PARTNER' }] })).toContain(
      'personer.1.identifikator: samme person står to ganger',
    );
  });
});

describe('amounts at the boundary', () => {
  it('take numbers and strings with at most two decimals', () => {
    expect(beloepSkjema.parse(1234.5).toJSON()).toBe('1234.5');
    expect(beloepSkjema.parse('1234.50').toJSON()).toBe('1234.5');
    expect(beloepSkjema.safeParse(0.001).success).toBe(false);
    expect(beloepSkjema.safeParse('1 234').success).toBe(false);
    expect(beloepSkjema.safeParse(1e21).success).toBe(false);
    expect(beloepSkjema.safeParse(Number.NaN).success).toBe(false);
  });
});
