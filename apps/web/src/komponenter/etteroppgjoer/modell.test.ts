import { describe, expect, it } from 'vitest';
import { byggEtteroppgjoer, feilFraEtteroppgjoer, tolkBeloep, tomtEtteroppgjoersskjema } from './modell';

describe('the etteroppgjør form', () => {
  it('reads amounts as typed, and refuses what is not one', () => {
    expect(tolkBeloep('12 345,50')).toBe(12345.5);
    expect(tolkBeloep('kr 1 000')).toBe(1000);
    expect(tolkBeloep('12,345')).toBeNull();
    expect(tolkBeloep('-5')).toBeNull();
  });

  it('builds the body from the filled months only', () => {
    const d = {
      ...tomtEtteroppgjoersskjema(),
      inntektsaar: '2024',
      identifikator: '048172 99771',
      innflyttingsdato: '2024-03-10',
      opphoerDato: '2024-11-02',
      opphoerGrunn: 'DOEDSFALL' as const,
      fakturert: ['', '', '', '10 000', '15 500', '', '', '', '', '', '0', ''],
    };
    const { kropp, feil } = byggEtteroppgjoer(d);
    expect(feil).toEqual([]);
    expect(kropp).toEqual({
      foresporsel: {
        beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
        inntektsaar: 2024,
        personer: [{ identifikator: '04817299771', type: 'SOEKER' }],
        vedtak: { innflyttingsdato: '2024-03-10' },
      },
      fakturert: [
        { maaned: '2024-04', beloep: 10000 },
        { maaned: '2024-05', beloep: 15500 },
        { maaned: '2024-11', beloep: 0 },
      ],
      opphold: { opphoer: { dato: '2024-11-02', grunn: 'DOEDSFALL' } },
    });
  });

  it('names the month input of a bad amount, and a missing reason', () => {
    const d = {
      ...tomtEtteroppgjoersskjema(),
      inntektsaar: '2024',
      identifikator: '04817299771',
      opphoerDato: '2024-11-02',
    };
    d.fakturert[2] = 'mye';
    expect(byggEtteroppgjoer(d).feil.map((f) => f.feltId)).toEqual(['eo-fakturert-03', 'eo-opphoer-grunn']);
  });

  it('sends the API’s month errors to the month’s input', () => {
    expect(
      feilFraEtteroppgjoer([
        { felt: 'fakturert', melding: '2024-04 mangler: beboeren bodde på institusjonen …' },
        { felt: 'fakturert.2.maaned', melding: '2024-02: beboeren bodde ikke på institusjonen …' },
        { felt: 'foresporsel.vedtak.innflyttingsdato', melding: 'ligger etter inntektsåret' },
        { felt: 'opphold.opphoer.dato', melding: 'ligger før innflyttingsdatoen' },
      ]).map((f) => f.feltId),
    ).toEqual(['eo-fakturert-04', 'eo-fakturert-02', 'eo-innflyttingsdato', 'eo-opphoer-dato']);
  });
});
