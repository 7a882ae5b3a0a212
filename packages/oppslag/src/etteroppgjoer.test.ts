import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import { innebygdeKilder } from '@inntektsgrunnlag/kilder';
import { aapneLagring, DEMODATA, type Lagring } from '@inntektsgrunnlag/lagring';
import { lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Autentisering,
  ETTEROPPGJOER_FORMAAL,
  etteroppgjoer,
  etteroppgjoerSomPdf,
  Oppslagstjeneste,
  standardRegelverk,
  validerKommuneinnstillinger,
} from './index.js';

const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as {
  foresporsel: Record<string, unknown>;
};

let lagring: Lagring;
beforeAll(async () => {
  lagring = await aapneLagring({ iMinne: true, demodata: true });
});
afterAll(async () => {
  await lagring.lukk();
});

const tjeneste = (innstillinger: unknown = {}) =>
  new Oppslagstjeneste({
    lagring,
    kilder: innebygdeKilder(),
    regelverk: standardRegelverk(),
    innstillinger: validerKommuneinnstillinger(innstillinger),
    klokke: () => new Date('2024-10-01T10:00:00Z'),
  });

async function demo(): Promise<Autentisering> {
  const d = DEMODATA.find((x) => x.rolle.id === 'demo-langtidsopphold');
  const aktoer = d ? await lagring.brukere.aktoer(d.bruker.id) : null;
  if (!aktoer) throw new Error('ingen demobruker');
  return { ok: true, aktoer };
}

const maaneder = (beloep: number) =>
  Array.from({ length: 12 }, (_, i) => ({ maaned: `2023-${String(i + 1).padStart(2, '0')}`, beloep }));

// The KS Fiks example: income year 2023, beregningsgrunnlag 567 127 once fetched.
const foresporsel = {
  ...ks.foresporsel,
  vedtak: { innflyttingsdato: '2021-08-01', oppholdskostnadPerMaaned: 60_000 },
};

describe('etteroppgjoer (use case)', () => {
  it('looks the settlement up as any lookup (authorised, audited with its purpose) and settles month by month', async () => {
    const foer = (await lagring.revisjonslogg.liste({ siste: 1000 })).length;
    const { resultat } = await etteroppgjoer(tjeneste(), {
      autentisering: await demo(),
      rolleId: 'demo-langtidsopphold',
      etteroppgjoer: {
        foresporsel,
        fakturert: maaneder(36_000),
        foreloepigGrunnlag: { beskrivelse: 'skatteoppgjøret for 2022', inntektsaar: 2022 },
      },
    });
    const poster = await lagring.revisjonslogg.liste({ siste: 1000 });
    expect(poster.length).toBe(foer + 1);
    expect(poster.at(-1)).toMatchObject({
      utfall: 'TILLATT',
      formaal: ETTEROPPGJOER_FORMAAL,
      inntektsaar: 2023,
    });

    expect(resultat.beregningsbeloep).toBe(567_127);
    expect(resultat.beregningsdato).toBe('2023-12-31');
    const e = resultat.etteroppgjoer;
    expect(e.maaneder).toHaveLength(12);
    // G 111 477 to April, 118 620 from May 2023 (F 9 400).
    expect(e.maaneder[3]?.satser[0]?.grunnbeloep).toBe(111_477);
    expect(e.maaneder[4]?.satser[0]?.grunnbeloep).toBe(118_620);
    expect(e.sumEndelig).toBe(e.maaneder.reduce((s, m) => s + m.endelig, 0));
    expect(e.sumFakturert).toBe(432_000);
    expect(e.differanse).toBe(e.sumEndelig - 432_000);
    expect(e.grunnlag.postkilde).toBe('HENTET');
    expect(e.erstatter.inntektsaar).toBe(2022);
    const pdf = Buffer.from(await etteroppgjoerSomPdf(resultat, { kommunenavn: 'Testkommune' })).toString(
      'latin1',
    );
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    expect(pdf).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(resultat.regelverk.satser.map((s) => `${s.tabell}@${s.gyldigFra}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/@2022-05-01$/), expect.stringMatching(/@2023-05-01$/)]),
    );
  });

  it('refuses contradictory months before anything is fetched (nothing audited)', async () => {
    const foer = (await lagring.revisjonslogg.liste({ siste: 1000 })).length;
    const kjoer = etteroppgjoer(tjeneste(), {
      autentisering: await demo(),
      rolleId: 'demo-langtidsopphold',
      etteroppgjoer: { foresporsel, fakturert: [...maaneder(1), { maaned: '2023-03', beloep: 5 }] },
    });
    await expect(kjoer).rejects.toBeInstanceOf(Valideringsfeil);
    await expect(kjoer).rejects.toThrow(/2023-03 er oppgitt to ganger/);
    expect((await lagring.revisjonslogg.liste({ siste: 1000 })).length).toBe(foer);
  });

  it('refuses another area, a date outside the year, and a request without a year', async () => {
    const t = tjeneste();
    const a = await demo();
    const feltet = async (inn: unknown) => {
      try {
        await etteroppgjoer(t, { autentisering: a, etteroppgjoer: inn });
      } catch (e) {
        return (e as Valideringsfeil).feil.map((f) => f.felt);
      }
      return [];
    };
    expect(
      await feltet({ foresporsel: { ...foresporsel, beregningstype: 'PRAKTISK_BISTAND' }, fakturert: [] }),
    ).toEqual(['foresporsel.beregningstype']);
    expect(
      await feltet({ foresporsel: { ...foresporsel, beregningsdato: '2024-06-01' }, fakturert: maaneder(0) }),
    ).toEqual(['foresporsel.beregningsdato']);
    expect(
      await feltet({ foresporsel: { ...foresporsel, inntektsaar: undefined }, fakturert: [] }),
    ).toContain('foresporsel.inntektsaar');
    expect(await feltet({ foresporsel, fakturert: [{ maaned: '2023-13', beloep: 1 }] })).toEqual([
      'fakturert.0.maaned',
    ]);
  });

  it('takes the day count from the municipality’s settings', async () => {
    const { resultat } = await etteroppgjoer(tjeneste({ etteroppgjoer: { delmaaned: 'DAGER_I_AARET' } }), {
      autentisering: await demo(),
      rolleId: 'demo-langtidsopphold',
      etteroppgjoer: {
        foresporsel,
        fakturert: maaneder(0).slice(0, 3),
        opphold: { opphoer: { dato: '2023-03-10', grunn: 'UTFLYTTING' } },
      },
    });
    expect(resultat.etteroppgjoer.innstillinger).toEqual({ delmaaned: 'DAGER_I_AARET' });
    const mars = resultat.etteroppgjoer.maaneder[2];
    const perAar = mars?.satser[0]?.vederlagPerAar ?? 0;
    expect(mars?.vederlagsdager).toBe(10);
    expect(mars?.endelig).toBe(Math.floor((perAar * 10) / 365));
  });
});
