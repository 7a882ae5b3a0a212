import { Beloep } from '@inntektsgrunnlag/money';
import { describe, expect, it } from 'vitest';
import {
  harKjernetidAlder,
  kjernetidFraDato,
  underKjernetidGrense,
  verdiAvGratistimer,
} from './kjernetid.js';

describe('§ 3c gratis kjernetid', () => {
  it('starts on 1 August of the year the child turns two, whatever the birthday', () => {
    expect(kjernetidFraDato('2022-12-31', 2)).toBe('2024-08-01');
    expect(kjernetidFraDato('2022-01-01', 2)).toBe('2024-08-01');
    expect(harKjernetidAlder('2022-01-01', '2024-07-31', 2)).toBe(false);
    expect(harKjernetidAlder('2022-12-31', '2024-08-01', 2)).toBe(true);
    // Before 1 August 2019 the scheme started at three.
    expect(harKjernetidAlder('2016-05-01', '2018-09-01', 3)).toBe(false);
  });

  it('needs an income strictly below the limit', () => {
    const grense = Beloep.kroner(615_590);
    expect(underKjernetidGrense(Beloep.kroner(615_589), grense)).toBe(true);
    expect(underKjernetidGrense(grense, grense)).toBe(false);
  });

  it('values the free hours as a share of the price, never more than the price', () => {
    const timer = (t: number) => ({ hundredeler: t * 100, tekst: String(t) });
    expect(verdiAvGratistimer(Beloep.kroner(2050), 20, timer(41)).toJSON()).toBe('1000');
    expect(verdiAvGratistimer(Beloep.kroner(2000), 20, timer(20)).toJSON()).toBe('2000');
    expect(verdiAvGratistimer(Beloep.kroner(2000), 20, timer(15)).toJSON()).toBe('2000');
    expect(verdiAvGratistimer(Beloep.kroner(1500), 20, { hundredeler: 3750, tekst: '37.5' }).toJSON()).toBe(
      '800',
    );
  });
});
