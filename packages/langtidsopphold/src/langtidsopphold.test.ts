import { readFileSync } from 'node:fs';
import { avvikFraGullfil, beregnForesporsel, Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { UtenforDekning } from '@inntektsgrunnlag/regelverk';
import { lesGullfiler } from '@inntektsgrunnlag/vitest-config/testdata';
import { describe, expect, it } from 'vitest';
import { beregner, innstillingerSkjema, type VederlagJson, vedtakSkjema } from './index.js';
import { beregn, gruppe } from './testhjelp.js';

const gullfiler = lesGullfiler('langtidsopphold-');
const KS_EKSEMPEL = JSON.parse(
  readFileSync(new URL('../../../examples/langtidsopphold-ks-2023.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('golden cases', () => {
  it('has the cases', () => {
    expect(gullfiler.map((g) => g.id)).toEqual([
      'langtidsopphold-handelsbanken-2024',
      'langtidsopphold-lhl-2025-1',
    ]);
  });

  it.each(gullfiler.map((g) => [g.id, g] as const))('%s', (_, g) => {
    const resultat = beregnForesporsel(beregner, g.foresporsel, { idag: '2026-11-27' });
    expect(avvikFraGullfil(resultat, g.forventet)).toEqual([]);
  });
});

describe('the KS Fiks example with today’s date (2026-12-07)', () => {
  // Issue 17: the published example with today's date as beregningsdato answered «Avgiften er ikke
  // beregnet». With the 2026 amounts of FOR-2025-12-17-2619 it gives a vederlag. Worked out:
  //   beregningsgrunnlag 567 127 (as on 2024-06-01; the income year is still 2023)
  //   G on 2026-12-07 = 136 549 (from 1.5.2026), fribeløp 2026 = 10 950
  //   75 % × (136 549 − 10 950)  = 75 % × 125 599 =  94 199.25
  //   85 % × (567 127 − 136 549) = 85 % × 430 578 = 365 991.30
  //   sum 460 190.55; the resident keeps at least 25 % × 136 549 + 75 % × 10 950 = 42 349.75, and
  //   567 127 − 42 349.75 = 524 777.25 does not limit it; the resident has no pension (§ 5 tredje ledd: 0)
  //   per år 460 190 (down to whole kroner), per måned 460 190 ÷ 12 = 38 349.17 → 38 349.
  const medDato = { ...KS_EKSEMPEL, beregningsdato: '2026-12-07' };
  const utenDato = Object.fromEntries(Object.entries(KS_EKSEMPEL).filter(([k]) => k !== 'beregningsdato'));

  it.each([
    ['as beregningsdato', medDato],
    ['as today, without a date in the request', utenDato],
  ])('gives a vederlag with the date %s', (_, foresporsel) => {
    const r = beregnForesporsel(beregner, foresporsel, { idag: '2026-12-07' });
    const v = r.vederlag as VederlagJson;
    expect(r.beregningsbeloep).toBe(567_127);
    expect(v).toMatchObject({
      grunnbeloep: { beloep: 136_549 },
      fribeloep: { beloep: 10_950 },
      delInntilG: 94_199.25,
      delOverG: 365_991.3,
      etterSatsene: 460_190.55,
      perAar: 460_190,
      perMaaned: 38_349,
    });
    expect(r.advarsler.map((a) => a.kode)).not.toContain('AVGIFT_IKKE_BEREGNET');
  });
});

describe('the KS Fiks example (income year 2023, posts inline)', () => {
  const { resultat, vederlag } = beregn(KS_EKSEMPEL);

  it('gives beregningsbeloep 567 127 with the groups KS shows', () => {
    expect(resultat.beregningsbeloep).toBe(567_127);
    expect(resultat.inntekt.beloep).toBe(801_718);
    expect(gruppe(resultat.inntekt, 'arbeidsinntekt')).toBe(772_062);
    expect(gruppe(resultat.inntekt, 'renteinntekt')).toBe(2_163);
    expect(gruppe(resultat.inntekt, 'avkastningFormue')).toBe(27_493);
    expect(resultat.fradrag.beloep).toBe(234_591);
    expect(gruppe(resultat.fradrag, 'skatt')).toBe(234_591);
    expect(gruppe(resultat.fradrag, 'forsorgerfradrag')).toBe(0);
    expect(resultat.mellomregninger.find((g) => g.tekniskNavn === 'mellomregningPaarorende')?.beloep).toBe(
      146_222,
    );
  });

  it('shows all five display groups, the oppjustering under INNTEKT but not counted', () => {
    expect(resultat.visningsposter.map((g) => g.kategori)).toEqual([
      'INNTEKT',
      'FRADRAG',
      'FORMUE',
      'GJELD',
      'ANNET',
    ]);
    const inntekt = resultat.visningsposter.find((g) => g.kategori === 'INNTEKT');
    expect(inntekt?.poster.map((p) => p.tekniskNavn)).toContain('oppjustertTilleggTilUtbytteFraAksje');
  });

  it('keeps a post unknown to the year’s catalogue: shown under ANNET as unknown, warned, not counted', () => {
    const personer = KS_EKSEMPEL.personer as Array<{ poster: unknown[] }>;
    const medUkjent = {
      ...KS_EKSEMPEL,
      personer: personer.map((p, i) =>
        i === 0
          ? { ...p, poster: [...p.poster, { tekniskNavn: 'nyPostFraAarsrevisjonen', beloep: 12_345 }] }
          : p,
      ),
    };
    const { resultat: r } = beregn(medUkjent);
    expect(r.beregningsbeloep).toBe(567_127);
    const advarsel = r.advarsler.find((a) => a.kode === 'UKJENT_POST');
    expect(advarsel?.melding).toMatch(
      /«nyPostFraAarsrevisjonen» finnes ikke i Skatteetatens postliste for 2023/,
    );
    const annet = r.visningsposter.find((g) => g.kategori === 'ANNET');
    expect(annet?.poster.find((p) => p.tekniskNavn === 'nyPostFraAarsrevisjonen')).toMatchObject({
      ukjent: true,
    });
  });

  it('computes the vederlag with G and fribeløp on 1 June 2024', () => {
    // 0.75 × (124 028 − 10 000) + 0.85 × (567 127 − 124 028) = 85 521 + 376 634.15 = 462 155.15
    expect(vederlag.grunnbeloep.beloep).toBe(124_028);
    expect(vederlag.fribeloep.beloep).toBe(10_000);
    expect(vederlag.etterSatsene).toBe(462_155.15);
    expect(vederlag.perAar).toBe(462_155);
    expect(vederlag.perMaaned).toBe(38_512);
    expect(resultat.regelverk.satser.map((s) => s.tabell)).toEqual([
      'folketrygden.grunnbeloep',
      'langtidsopphold.fribeloep',
    ]);
  });
});

describe('the area’s schemas', () => {
  it('gives every setting a default and a description', () => {
    expect(innstillingerSkjema.parse({})).toEqual({
      grunnbeloep: 'PAA_BEREGNINGSDATO',
      fordelAvFribeloepet: 'TRE_FJERDEDELER',
      formuesskattTrekkesFra: false,
      skattBetaltIUtlandetTrekkesFra: false,
      boutgifterMaksAntallMaaneder: 3,
      boutgifterAndelProsent: 100,
      partnerensKapitalinntekt: 'HOLDES_UTENFOR',
    });
    for (const [navn, felt] of Object.entries(innstillingerSkjema.shape)) {
      expect(felt.description, navn).toBeTruthy();
    }
  });

  it('describes every vedtak field', () => {
    for (const [navn, felt] of Object.entries(vedtakSkjema.shape)) {
      expect((felt as { description?: string }).description, navn).toBeTruthy();
    }
  });

  it('refuses a bad vedtak with every field and the reason, in Norwegian', () => {
    const feil = (() => {
      try {
        beregn({
          vedtak: {
            innflyttingsdato: '2024-02-30',
            oppholdskostnadPerMaaned: 0,
            korttidsdoegnSammeAar: 1.5,
            ukjent: true,
          },
        });
      } catch (e) {
        return e;
      }
    })();
    expect(feil).toBeInstanceOf(Valideringsfeil);
    const felter = (feil as Valideringsfeil).feil.map((f) => f.felt);
    expect(felter).toEqual(
      expect.arrayContaining([
        'vedtak.innflyttingsdato',
        'vedtak.oppholdskostnadPerMaaned',
        'vedtak.korttidsdoegnSammeAar',
        'vedtak',
      ]),
    );
    expect((feil as Valideringsfeil).message).toMatch(/ÅÅÅÅ-MM-DD/);
    expect((feil as Valideringsfeil).message).toMatch(/må være mer enn 0/);
  });

  it('refuses a bad setting, naming it', () => {
    expect(() => beregn({}, { fordelAvFribeloepet: 'HALVE' })).toThrow(
      /kommuneinnstillinger\.LANGTIDSOPPHOLD_INSTITUSJON\.fordelAvFribeloepet: må være TRE_FJERDEDELER eller HELE/,
    );
  });

  it('refuses person types the area does not use', () => {
    const raa = beregnerForesporselMedBarn();
    expect(() => beregn(raa)).toThrow(/personer\.1\.type: BARN brukes ikke/);
  });

  it('never guesses a rate: a 2027 date is outside coverage (no amending regulation for 2027 read)', () => {
    expect(() => beregn({ beregningsdato: '2027-02-01', inntektsaar: 2025 })).toThrow(UtenforDekning);
    expect(() => beregn({ beregningsdato: '2027-02-01', inntektsaar: 2025 })).toThrow(
      /Fribeløp .* gjetter aldri/,
    );
  });
});

function beregnerForesporselMedBarn() {
  return {
    beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
    inntektsaar: 2024,
    beregningsdato: '2024-06-01',
    personer: [
      { identifikator: '05873810086', type: 'SOEKER', poster: [] },
      { identifikator: '12834010060', type: 'BARN', poster: [] },
    ],
  };
}
