import { Beloep } from '@inntektsgrunnlag/money';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  flatUt,
  formaterBeloep,
  formaterKroner,
  formaterSats,
  formaterTall,
  formaterTidspunkt,
  formaterVerdi,
  menneskeligNoekkel,
} from './format.js';

describe('Norwegian number forms', () => {
  it('groups thousands with an ordinary space, decimal comma, minus sign', () => {
    expect(formaterBeloep(567127)).toBe('567 127');
    expect(formaterBeloep(1234.5)).toBe('1 234,50');
    expect(formaterBeloep(-12000)).toBe('\u221212 000');
    expect(formaterBeloep(0)).toBe('0');
    expect(formaterBeloep(999)).toBe('999');
    expect(formaterBeloep(1000)).toBe('1 000');
    expect(formaterKroner(38512)).toBe('kr 38 512');
    expect(formaterBeloep(Beloep.kroner('376634.15'))).toBe('376 634,15');
  });

  it('refuses an amount with more than two decimals instead of rounding it silently', () => {
    expect(() => formaterBeloep(1.234)).toThrow();
  });

  it('reads back to the same amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (oere) => {
        const b = Beloep.oere(oere);
        const tekst = formaterBeloep(b.toJsonNumber());
        expect(tekst).not.toMatch(/\u00a0/);
        expect(tekst).toMatch(/^\u2212?\d{1,3}( \d{3})*(,\d{2})?$/);
        const tilbake = tekst.replace('\u2212', '-').replace(/ /g, '').replace(',', '.');
        expect(Beloep.kroner(tilbake).equals(b)).toBe(true);
      }),
    );
  });

  it('writes any decimal in full, years without groups', () => {
    expect(formaterTall('38512.916666666666666666666666666666667')).toBe(
      '38 512,916666666666666666666666666666667',
    );
    expect(formaterTall(2023, { grupper: false })).toBe('2023');
    expect(formaterTall(1e21)).toBe('1 000 000 000 000 000 000 000');
    expect(formaterVerdi(2023, 'inntektsaar')).toBe('2023');
    expect(formaterVerdi(462155, 'perAar')).toBe('462 155');
    expect(formaterVerdi(true)).toBe('ja');
    expect(formaterVerdi('2024-06-01')).toBe('01.06.2024');
    expect(formaterVerdi('130160')).toBe('130 160');
    expect(formaterSats('0.75')).toBe('75 %');
    expect(formaterSats('0.06')).toBe('6 %');
  });
});

describe('dates and times', () => {
  it('gives Norwegian local time, winter and summer', () => {
    expect(formaterTidspunkt('2026-11-27T10:15:00+01:00')).toBe('27. november 2026 kl. 10.15');
    expect(formaterTidspunkt('2026-11-27T09:15:00Z')).toBe('27. november 2026 kl. 10.15');
    expect(formaterTidspunkt('2026-06-30T22:30:00Z')).toBe('1. juli 2026 kl. 00.30');
  });
});

describe('labels for unknown shapes', () => {
  it('turns camelCase keys into Norwegian labels', () => {
    expect(menneskeligNoekkel('perMaaned')).toBe('Per måned');
    expect(menneskeligNoekkel('maksPerMaaned')).toBe('Maks per måned');
    expect(menneskeligNoekkel('soeskenmoderasjon')).toBe('Søskenmoderasjon');
    expect(menneskeligNoekkel('andelInntilG')).toBe('Andel inntil G');
    expect(menneskeligNoekkel('minstebeloepIBehold')).toBe('Minstebeløp i behold');
    expect(menneskeligNoekkel('sfoBetalingsmaaneder')).toBe('SFO betalingsmåneder');
    expect(menneskeligNoekkel('inntektInntilGEtterFribeloep')).toBe('Inntekt inntil G etter fribeløp');
    expect(menneskeligNoekkel('fradragForFormuesskatt')).toBe('Fradrag for formuesskatt');
  });

  it('flattens nested objects and lists of objects', () => {
    const rader = flatUt({
      sumPerMaaned: 3500,
      barn: [{ prisPerMaaned: 2000 }, { prisPerMaaned: 1500 }],
      sone: null,
    });
    expect(rader).toEqual([
      { etikett: 'Sum per måned', sti: 'sumPerMaaned', verdi: '3 500' },
      { etikett: 'Barn 1 › Pris per måned', sti: 'barn.0.prisPerMaaned', verdi: '2 000' },
      { etikett: 'Barn 2 › Pris per måned', sti: 'barn.1.prisPerMaaned', verdi: '1 500' },
      { etikett: 'Sone', sti: 'sone', verdi: '–' },
    ]);
  });
});
