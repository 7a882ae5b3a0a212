import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { describe, expect, it } from 'vitest';
import {
  beregnEtteroppgjoer,
  HJEMMEL_ETTEROPPGJOER,
  HJEMMEL_FRI_MAANED,
  HJEMMEL_OPPHOER,
  HJEMMEL_VEDERLAG,
} from './etteroppgjoer.js';
import { etteroppgjoerTilJson } from './json.js';
import { input, kjoer } from './testhjelp.js';

const aaret = (aar: number, beloep: number, fra = 1, til = 12) =>
  Array.from({ length: til - fra + 1 }, (_, i) => ({
    maaned: `${aar}-${String(fra + i).padStart(2, '0')}`,
    beloep,
  }));

function feilene(f: () => unknown): Array<{ felt: string; melding: string }> {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(Valideringsfeil);
    return [...(e as Valideringsfeil).feil];
  }
  throw new Error('ingen feil');
}

describe('input checks name the month', () => {
  const grunn = {
    inntektsaar: 2024,
    beregningsgrunnlag: 300_000,
    vedtak: { innflyttingsdato: '2024-03-10' },
  };

  it('a month charged before moving in', () => {
    const feil = feilene(() =>
      kjoer({ ...grunn, fakturert: [{ maaned: '2024-02', beloep: 100 }, ...aaret(2024, 0, 4)] }),
    );
    expect(feil).toHaveLength(1);
    expect(feil[0]?.felt).toBe('fakturert.0.maaned');
    expect(feil[0]?.melding).toMatch(/^2024-02: beboeren bodde ikke på institusjonen/);
  });

  it('a month charged after the stay ended', () => {
    const feil = feilene(() =>
      kjoer({
        ...grunn,
        opphold: { opphoer: { dato: '2024-06-03', grunn: 'DOEDSFALL' } },
        fakturert: [...aaret(2024, 0, 4, 6), { maaned: '2024-07', beloep: 100 }],
      }),
    );
    expect(feil.map((f) => f.melding)).toEqual([expect.stringMatching(/^2024-07: beboeren bodde ikke/)]);
  });

  it('a month twice', () => {
    const feil = feilene(() =>
      kjoer({ ...grunn, fakturert: [...aaret(2024, 0, 4), { maaned: '2024-05', beloep: 1 }] }),
    );
    expect(feil).toEqual([
      { felt: 'fakturert.9.maaned', melding: '2024-05 er oppgitt to ganger (også fakturert.1)' },
    ]);
  });

  it('a month outside the year', () => {
    const feil = feilene(() =>
      kjoer({ ...grunn, fakturert: [...aaret(2024, 0, 4), { maaned: '2025-01', beloep: 1 }] }),
    );
    expect(feil[0]?.melding).toBe('2025-01 ligger utenfor inntektsåret 2024');
  });

  it('a month with days to charge that is missing', () => {
    const feil = feilene(() => kjoer({ ...grunn, fakturert: aaret(2024, 0, 5) }));
    expect(feil).toEqual([
      {
        felt: 'fakturert',
        melding: expect.stringMatching(/^2024-04 mangler: .*0 om ingenting ble fakturert/),
      },
    ]);
  });

  it('a month wholly in the free month may be left out; charging it is over the maximum', () => {
    const uten = kjoer({ ...grunn, fakturert: aaret(2024, 0, 4) });
    expect(uten.maaneder[0]).toMatchObject({ maaned: '2024-03', vederlagsdager: 0, frieDager: 22 });
    expect(uten.maaneder[0]?.endelig.isZero()).toBe(true);
    const med = kjoer({
      ...grunn,
      fakturert: aaret(2024, 0, 3, 3)
        .map((m) => ({ ...m, beloep: 500 }))
        .concat(aaret(2024, 0, 4)),
    });
    expect(med.maanederOverMaksimum).toEqual(['2024-03']);
  });

  it('contradictory stay dates', () => {
    expect(
      feilene(() => kjoer({ ...grunn, vedtak: { innflyttingsdato: '2025-01-02' } })).map((f) => f.felt),
    ).toEqual(['foresporsel.vedtak.innflyttingsdato']);
    expect(
      feilene(() => kjoer({ ...grunn, opphold: { opphoer: { dato: '2024-03-01', grunn: 'UTFLYTTING' } } })),
    ).toEqual([
      { felt: 'opphold.opphoer.dato', melding: '2024-03-01 ligger før innflyttingsdatoen 2024-03-10' },
    ]);
    expect(
      feilene(() =>
        kjoer({
          ...grunn,
          opphold: {
            dobbeltrom: [
              { fraOgMed: '2024-05-01', tilOgMed: '2024-06-30' },
              { fraOgMed: '2024-06-01' },
              { fraOgMed: '2024-01-01', tilOgMed: '2024-02-01' },
            ],
          },
        }),
      ).map((f) => f.felt),
    ).toEqual(['opphold.dobbeltrom.1', 'opphold.dobbeltrom.2']);
  });
});

describe('the month', () => {
  it('uses the G in force that month: the change on 1 May', () => {
    const r = kjoer({
      inntektsaar: 2024,
      beregningsgrunnlag: 300_000,
      vedtak: { innflyttingsdato: '2020-01-01' },
      fakturert: aaret(2024, 0),
    });
    expect(r.maaneder.map((m) => m.satser[0]?.vederlag.grunnbeloep.beloep.toJsonNumber())).toEqual([
      118_620, 118_620, 118_620, 118_620, 124_028, 124_028, 124_028, 124_028, 124_028, 124_028, 124_028,
      124_028,
    ]);
  });

  it('follows the municipality when it uses the yearly average G', () => {
    const r = kjoer({
      inntektsaar: 2024,
      beregningsgrunnlag: 300_000,
      vedtak: { innflyttingsdato: '2020-01-01' },
      innstillinger: { grunnbeloep: 'GJENNOMSNITT_FOR_AARET' },
      fakturert: aaret(2024, 0),
    });
    expect(new Set(r.maaneder.map((m) => m.satser[0]?.vederlag.grunnbeloep.beloep.toJsonNumber()))).toEqual(
      new Set([122_225]),
    );
  });

  it('cites § 3 annet ledd on every month, § 6 on the free month and on the last day', () => {
    const r = kjoer({
      inntektsaar: 2024,
      beregningsgrunnlag: 300_000,
      vedtak: { innflyttingsdato: '2024-03-10' },
      opphold: { opphoer: { dato: '2024-09-14', grunn: 'UTFLYTTING' } },
      fakturert: aaret(2024, 0, 4, 9),
    });
    for (const m of r.maaneder) expect(m.hjemler).toContain(HJEMMEL_VEDERLAG);
    expect(r.maaneder.filter((m) => m.hjemler.includes(HJEMMEL_FRI_MAANED)).map((m) => m.maaned)).toEqual([
      '2024-03',
      '2024-04',
    ]);
    expect(r.maaneder.filter((m) => m.hjemler.includes(HJEMMEL_OPPHOER)).map((m) => m.maaned)).toEqual([
      '2024-09',
    ]);
    expect(r.maaneder.at(-1)?.forklaring).toMatch(/Oppholdet opphørte 2024-09-14 \(utflytting\)/);
    expect(r.hjemmel).toBe(HJEMMEL_ETTEROPPGJOER);
  });

  it('the total names the settlement it rests on and the provisional basis it replaces', () => {
    const inn = input({
      inntektsaar: 2024,
      beregningsgrunnlag: 300_000,
      vedtak: { innflyttingsdato: '2020-01-01' },
      fakturert: aaret(2024, 18_000),
    });
    const r = beregnEtteroppgjoer({
      ...inn,
      skatteoppgjoer: { skatteoppgjoersdato: '2025-06-20', postkilde: 'HENTET' },
      foreloepigGrunnlag: { beskrivelse: 'skatteoppgjøret for 2023 og Nav-pensjon 2024', inntektsaar: 2023 },
    });
    expect(r.grunnlag.forklaring).toMatch(
      /^Skatteoppgjøret for 2024 \(skatteoppgjørsdato 2025-06-20\), hentet fra Skatteetaten: beregningsgrunnlag kr\s300\s000\.$/u,
    );
    expect(r.erstatter).toEqual({
      forklaring:
        'Erstatter det foreløpige vederlaget, som bygde på skatteoppgjøret for 2023 og Nav-pensjon 2024 (skatteoppgjøret for 2023).',
      inntektsaar: 2023,
    });
    const json = etteroppgjoerTilJson(r, { delmaaned: 'DAGER_I_MAANEDEN' });
    expect(json).toMatchObject({
      sumEndelig: 235_272,
      sumFakturert: 216_000,
      differanse: 19_272,
      resultat: 'BEBOEREN_SKYLDER',
    });
  });

  it('charges a part month by the day under each day count, never above a whole month', () => {
    const felles = {
      inntektsaar: 2024,
      beregningsgrunnlag: 300_000,
      vedtak: { innflyttingsdato: '2020-01-01' },
      opphold: { opphoer: { dato: '2024-01-30', grunn: 'DOEDSFALL' } },
      fakturert: aaret(2024, 0, 1, 1),
    };
    const jan = (delmaaned: string) =>
      kjoer({ ...felles, etteroppgjoersinnstillinger: { delmaaned } }).maaneder[0]?.endelig.toJsonNumber();
    // Per år 235 638, per måned 19 636 (G 118 620, F 10 000).
    expect(jan('DAGER_I_MAANEDEN')).toBe(19_002); // 19 636 × 30 ÷ 31 = 19 002.58 → 19 002
    expect(jan('DAGER_I_AARET')).toBe(19_314); // 235 638 × 30 ÷ 366 = 19 314.59 → 19 314
    // A whole month is the monthly vederlag whatever the day count: 235 638 × 31 ÷ 366 would be 19 958.
    expect(
      kjoer({
        ...felles,
        opphold: {},
        fakturert: aaret(2024, 0),
        etteroppgjoersinnstillinger: { delmaaned: 'DAGER_I_AARET' },
      }).maaneder[0]?.endelig.toJsonNumber(),
    ).toBe(19_636);
  });
});
