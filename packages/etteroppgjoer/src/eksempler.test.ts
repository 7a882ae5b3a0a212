import { describe, expect, it } from 'vitest';
import { eksempler, kjoer } from './testhjelp.js';

/**
 * The worked examples (src/eksempler/*.json): each with the arithmetic written out per month and in
 * total, as a case worker would check it by hand.
 */
describe('worked examples', () => {
  const alle = eksempler();

  it('cover every case the issue lists', () => {
    expect(alle.map((e) => e.navn)).toEqual([
      'dobbeltrom-del-av-aaret',
      'doedsfall',
      'for-hoeyt',
      'helt-aar-g-endring-for-lavt',
      'innflytting-betalingsfri-maaned',
      'tak-oppholdskostnad',
    ]);
  });

  for (const e of alle) {
    it(`${e.navn}: ${e.beskrivelse}`, () => {
      const r = kjoer({
        inntektsaar: e.inntektsaar,
        beregningsgrunnlag: e.beregningsgrunnlag,
        vedtak: e.vedtak,
        opphold: e.opphold,
        fakturert: e.fakturert,
        etteroppgjoersinnstillinger: e.innstillinger,
      });
      expect(
        r.maaneder.map((m) => ({
          maaned: m.maaned,
          vederlagsdager: m.vederlagsdager,
          endelig: m.endelig.toJsonNumber(),
          fakturert: m.fakturert.toJsonNumber(),
          differanse: m.differanse.toJsonNumber(),
          overMaksimum: m.overMaksimum,
        })),
      ).toEqual(e.forventet.maaneder.map(({ regnestykke: _, ...m }) => m));
      expect(r.sumEndelig.toJsonNumber()).toBe(e.forventet.sumEndelig);
      expect(r.sumFakturert.toJsonNumber()).toBe(e.forventet.sumFakturert);
      expect(r.differanse.toJsonNumber()).toBe(e.forventet.differanse);
      expect(r.maanederOverMaksimum).toEqual(e.forventet.maanederOverMaksimum);
    });
  }
});
