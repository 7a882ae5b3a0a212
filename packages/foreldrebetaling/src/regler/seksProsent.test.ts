import { Beloep } from '@inntektsgrunnlag/money';
import { describe, expect, it } from 'vitest';
import { inntektsgrenseSeksProsent, seksProsentPerMaaned } from './seksProsent.js';

describe('the 6 % rule', () => {
  it('is 6 % of the yearly income over the payment months, exact until the price is rounded', () => {
    const tak = seksProsentPerMaaned(Beloep.kroner(480_000), 11);
    expect(tak.round('OERE', 'HALF_EVEN').toJSON()).toBe('2618.18');
    expect(tak.round('KRONE', 'DOWN').toJSON()).toBe('2618');
    expect(seksProsentPerMaaned(Beloep.kroner(400_000), 10).toJSON()).toBe('2400');
  });

  it('never gives a negative cap', () => {
    expect(seksProsentPerMaaned(Beloep.kroner(-5), 11).isZero()).toBe(true);
  });

  it('has its limit exactly where 6 % of income meets the price', () => {
    const pris = Beloep.kroner(3000);
    const grense = inntektsgrenseSeksProsent(pris, 11);
    expect(grense.toJSON()).toBe('550000');
    expect(seksProsentPerMaaned(grense, 11).equals(pris)).toBe(true);
  });
});
