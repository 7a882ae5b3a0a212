import { beregnForesporsel, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { Beloep, Sats } from '@inntektsgrunnlag/money';
import { describe, expect, it } from 'vitest';
import { beregner } from '../beregner.js';
import { rundTilHalvtime, timekostnad } from './paragraf9.js';

const SOEKER = '23914510023';
const DATO = '2024-06-01';

function beregn(inntekt: number, vedtak: unknown, innstillinger?: unknown) {
  return beregnForesporsel(
    beregner,
    {
      beregningstype: 'PRAKTISK_BISTAND',
      inntektsaar: 2022,
      beregningsdato: DATO,
      personer: [
        {
          identifikator: SOEKER,
          type: 'SOEKER',
          poster: [{ tekniskNavn: 'alminneligInntektFoerSaerfradrag', beloep: inntekt }],
        },
      ],
      vedtak,
    },
    { idag: '2026-12-07', innstillinger },
  );
}

// biome-ignore lint/suspicious/noExplicitAny: reading the untyped JSON form of a result
const egenandel = (r: Record<string, unknown>): any => r.egenandel;

describe('§ 9 andre ledd: how selvkost is computed', () => {
  it('an hour: average wage plus social costs, plus 10 % administration of both', () => {
    // (312.50 + 87.50) × 1.10 = 440.
    expect(timekostnad(Beloep.kroner('312.50'), Beloep.kroner('87.50')).toJSON()).toBe('440');
    // (333.33 + 66.66) × 1.10 = 439.989 (exact; only the final limit is rounded, down).
    expect(timekostnad(Beloep.kroner('333.33'), Beloep.kroner('66.66')).toJSON()).toBe('439.989');
  });

  it.each([
    ['0', '0'],
    ['3', '3'],
    ['3.2', '3'],
    ['3.25', '3'],
    ['3.2501', '3.5'],
    ['3.5', '3.5'],
    ['3.75', '3.5'],
    ['3.7501', '4'],
    ['0.1', '0'],
  ])('the time, %s hours, is rounded to the nearest half hour: %s', (inn, ut) => {
    expect(rundTilHalvtime(Sats.av(inn)).toString()).toBe(ut);
  });

  it('uses the municipality’s wage and social costs when neither the vedtak nor the settings give a cost per hour', () => {
    // 10.2 hours → 10 hours; (300 + 100) × 1.1 = 440 per hour; selvkost 4 400 per month.
    const r = beregn(
      600000,
      { timerPerMaaned: '10.2' },
      { selvkostgrunnlag: { gjennomsnittligTimeloenn: 300, sosialeUtgifter: 100 } },
    );
    expect(egenandel(r)).toMatchObject({
      maksPerMaaned: 4400,
      begrensetAv: 'SELVKOST',
      selvkost: {
        timerOppgitt: 10.2,
        timerPerMaaned: 10,
        kostnadPerTime: 440,
        kostnadFra: 'SELVKOSTGRUNNLAG',
      },
    });
    const tekst = JSON.stringify(r.tabell);
    expect(tekst).toMatch(/\(kr.300 timelønn \+ kr.100 sosiale utgifter\) \+ 10 % administrasjon/);
    expect(tekst).toContain('rundet av til nærmeste halvtime');
    expect(tekst).toContain('egenandelsforskriften § 9 andre ledd');
  });

  it('refuses both a cost per hour and the basis it is computed from, naming the field', () => {
    expect(() =>
      beregn(
        100000,
        {},
        { selvkostPerTime: 400, selvkostgrunnlag: { gjennomsnittligTimeloenn: 300, sosialeUtgifter: 100 } },
      ),
    ).toThrow(Valideringsfeil);
    try {
      beregn(
        100000,
        {},
        { selvkostPerTime: 400, selvkostgrunnlag: { gjennomsnittligTimeloenn: 300, sosialeUtgifter: 100 } },
      );
    } catch (e) {
      expect((e as Valideringsfeil).feil[0]).toMatchObject({
        felt: 'kommuneinnstillinger.PRAKTISK_BISTAND.selvkostgrunnlag',
      });
    }
  });
});

describe('§ 9 første ledd: the municipality’s price against selvkost (also a subscription’s month)', () => {
  it('a price above the limit is set down to it, and the result says so', () => {
    // Above 2 G, no brackets: selvkost 8 × 400 = 3 200 is the limit; a subscription of 3 500 is too high.
    const r = beregn(600000, { timerPerMaaned: 8, kostnadPerTime: 400, prisPerMaaned: 3500 });
    expect(egenandel(r)).toMatchObject({
      maksPerMaaned: 3200,
      pris: { prisPerMaaned: 3500, egenandelPerMaaned: 3200, nedsatt: true },
    });
    expect(r.hovedtall[0]).toMatchObject({ tekst: 'Egenandel per måned', beloep: 3200 });
  });

  it('a price below the limit stands; below 2 G the utgiftstak is the limit', () => {
    const innenfor = beregn(600000, { timerPerMaaned: 8, kostnadPerTime: 400, prisPerMaaned: 1800 });
    expect(egenandel(innenfor).pris).toMatchObject({ egenandelPerMaaned: 1800, nedsatt: false });
    const under2G = beregn(100000, { prisPerMaaned: 1800 });
    expect(egenandel(under2G)).toMatchObject({
      maksPerMaaned: 230,
      pris: { egenandelPerMaaned: 230, nedsatt: true },
    });
  });

  it('without any computed limit the price cannot be checked, and the result says what is missing', () => {
    const r = beregn(600000, { prisPerMaaned: 1800 });
    expect(egenandel(r).pris).toMatchObject({ egenandelPerMaaned: 1800, nedsatt: false });
    expect(egenandel(r).pris.forklaring).toMatch(/oppgi selvkost/);
  });
});

describe('§ 9 tredje ledd: the person keeps enough for personal needs and the duty to support others', () => {
  it('the case worker’s amount is one more ceiling, and binds when it is the lowest', () => {
    const r = beregn(100000, { beholderTilstrekkeligMaks: 120 });
    expect(egenandel(r)).toMatchObject({
      maksPerMaaned: 120,
      begrensetAv: 'BEHOLDE_TILSTREKKELIG',
      beholderTilstrekkeligMaks: 120,
    });
    expect(r.hovedtall[0]).toMatchObject({ hjemmel: 'egenandelsforskriften § 9 tredje ledd' });
    const hoey = beregn(100000, { beholderTilstrekkeligMaks: 500 });
    expect(egenandel(hoey)).toMatchObject({ maksPerMaaned: 230, begrensetAv: 'NASJONALT_TAK' });
  });
});
