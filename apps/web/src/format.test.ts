import { describe, expect, it } from 'vitest';
import { dato, kroner, lesDesimal, lesHeltall, lesKroner, sats, tall } from './format';

describe('Norwegian formatting', () => {
  it('groups kroner with a no-break space and puts "kr" after', () => {
    expect(kroner(567127)).toBe('567\u00a0127\u00a0kr');
    expect(kroner(1234.5)).toBe('1\u00a0234,5\u00a0kr');
    expect(tall(0)).toBe('0');
  });

  it('writes a negative amount with the minus sign nb-NO uses', () => {
    expect(kroner(-8211577)).toBe('\u22128\u00a0211\u00a0577\u00a0kr');
  });

  it('shows ISO dates as dd.mm.åååå, and leaves anything else as it is', () => {
    expect(dato('2024-06-01')).toBe('01.06.2024');
    expect(dato('1. juni')).toBe('1. juni');
  });

  it('shows decimal rates as percent and fractions as they are', () => {
    expect(sats('0.85')).toBe('85\u00a0%');
    expect(sats('0.075')).toBe('7,5\u00a0%');
    expect(sats('20/41')).toBe('20/41');
  });
});

describe('reading what a case worker types', () => {
  it('reads kroner in Norwegian and API form', () => {
    expect(lesKroner('12 345,50')).toBe('12345.50');
    expect(lesKroner('12\u00a0345')).toBe('12345');
    expect(lesKroner('kr 200')).toBe('200');
    expect(lesKroner('\u2212200')).toBe('-200');
    expect(lesKroner('007')).toBe('7');
  });

  it('refuses what is not an amount with at most two decimals', () => {
    for (const feil of ['', 'tolv', '1,234', '12.345,5', '1e3', '--2'])
      expect(lesKroner(feil), feil).toBeNull();
  });

  it('reads hours with the allowed decimals and whole numbers', () => {
    expect(lesDesimal('37,5', 2)).toBe('37.5');
    expect(lesDesimal('37,555', 2)).toBeNull();
    expect(lesDesimal('-1', 2)).toBeNull();
    expect(lesHeltall('12')).toBe(12);
    expect(lesHeltall('1,5')).toBeNull();
  });
});
