import { Beloep, Sats } from '@inntektsgrunnlag/money';
import { describe, expect, it } from 'vitest';
import { soeskenmoderasjonSats, soeskennumre } from './soeskenmoderasjon.js';

const barn = [
  { indeks: 0, foedselsdato: '2021-03-01', prisForPlassen: Beloep.kroner(1500) },
  { indeks: 1, foedselsdato: '2019-06-01', prisForPlassen: Beloep.kroner(1000) },
  { indeks: 2, foedselsdato: '2022-01-01', prisForPlassen: Beloep.kroner(2000) },
];

describe('§ 3a sibling order', () => {
  it('numbers the oldest first by default', () => {
    expect([...soeskennumre(barn, 'ELDSTE_FOERST')]).toEqual([
      [1, 1],
      [0, 2],
      [2, 3],
    ]);
  });

  it('numbers the youngest first, or the dearest place first, when the municipality says so', () => {
    expect(soeskennumre(barn, 'YNGSTE_FOERST').get(2)).toBe(1);
    expect(soeskennumre(barn, 'HOEYESTE_PRIS_FOERST').get(2)).toBe(1);
    expect(soeskennumre(barn, 'HOEYESTE_PRIS_FOERST').get(1)).toBe(3);
  });

  it('keeps twins in request order', () => {
    const tvillinger = [
      { indeks: 0, foedselsdato: '2021-03-01', prisForPlassen: Beloep.kroner(1200) },
      { indeks: 1, foedselsdato: '2021-03-01', prisForPlassen: Beloep.kroner(1200) },
    ];
    for (const r of ['ELDSTE_FOERST', 'YNGSTE_FOERST', 'HOEYESTE_PRIS_FOERST'] as const) {
      expect(soeskennumre(tvillinger, r).get(0)).toBe(1);
    }
  });
});

describe('§ 3a sibling rates', () => {
  const minimum = { barn2: Sats.prosent(30), barn3Pluss: Sats.prosent(100) };
  const ingen = { soeskenmoderasjonBarn2Prosent: null, soeskenmoderasjonBarn3PlussProsent: null };

  it('gives nothing to child 1, the minimum to child 2 and to child 3 and later', () => {
    expect(soeskenmoderasjonSats(1, minimum, ingen)).toBeNull();
    expect(soeskenmoderasjonSats(2, minimum, ingen)?.sats.toString()).toBe('0.3');
    expect(soeskenmoderasjonSats(4, minimum, ingen)?.sats.toString()).toBe('1');
  });

  it('uses a higher municipal rate, never a lower one', () => {
    const kommune = { soeskenmoderasjonBarn2Prosent: 50, soeskenmoderasjonBarn3PlussProsent: 40 };
    expect(soeskenmoderasjonSats(2, minimum, kommune)).toEqual({ sats: Sats.prosent(50), kommunal: true });
    expect(soeskenmoderasjonSats(3, minimum, kommune)).toEqual({ sats: Sats.prosent(100), kommunal: false });
  });
});
