import { Valideringsfeil } from '@inntektsgrunnlag/beregning';
import {
  beregnEtteroppgjoer,
  etteroppgjoersinnstillingerSkjema,
  etteroppgjoerTilJson,
  fakturertSkjema,
  oppholdSkjema,
} from '@inntektsgrunnlag/etteroppgjoer';
import { beregner, innstillingerSkjema, vedtakSkjema } from '@inntektsgrunnlag/langtidsopphold';
import { Beloep } from '@inntektsgrunnlag/money';
import { GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT, Regelverk } from '@inntektsgrunnlag/regelverk';
import { beforeAll, describe, expect, it } from 'vitest';
import { ksLangtidsopphold2023 } from '../test/fikstur/ks-langtidsopphold-2023.js';
import { fontrader, poppler } from '../test/poppler.js';
import { renderEtteroppgjoer } from './etteroppgjoer.js';

/** The KS example's settlement for 2023 (N 567 127), settled for a resident who died 20 October 2023. */
function resultat() {
  const tabeller = [GRUNNBELOEP, GRUNNBELOEP_GJENNOMSNITT, ...beregner.tabeller];
  const e = beregnEtteroppgjoer({
    inntektsaar: 2023,
    beregningsgrunnlag: Beloep.kroner('567127'),
    vedtak: vedtakSkjema.parse({ innflyttingsdato: '2023-02-14', oppholdskostnadPerMaaned: 60_000 }),
    opphold: oppholdSkjema.parse({ opphoer: { dato: '2023-10-20', grunn: 'DOEDSFALL' } }),
    fakturert: fakturertSkjema.parse(
      Array.from({ length: 8 }, (_, i) => ({
        maaned: `2023-${String(i + 3).padStart(2, '0')}`,
        beloep: 36_000,
      })),
    ),
    innstillinger: innstillingerSkjema.parse({}),
    etteroppgjoersinnstillinger: etteroppgjoersinnstillingerSkjema.parse({}),
    oppslag: Regelverk.av([...new Map(tabeller.map((t) => [t.navn, t])).values()]).nyttOppslag(),
    skatteoppgjoer: { skatteoppgjoersdato: '2024-02-15', postkilde: 'HENTET' },
    foreloepigGrunnlag: { beskrivelse: 'skatteoppgjøret for 2022', inntektsaar: 2022 },
  });
  return {
    ...ksLangtidsopphold2023,
    beregningsdato: '2023-12-31',
    advarsler: e.advarsler,
    utfoert: {
      tidspunkt: '2024-10-01T08:00:00Z',
      aktoer: { type: 'BRUKER', id: 'u1', visningsnavn: 'Kari Nordmann' },
      rolleId: 'demo-langtidsopphold',
      saksreferanse: '2024/88',
    },
    etteroppgjoer: etteroppgjoerTilJson(e, { delmaaned: 'DAGER_I_MAANEDEN' }),
  };
}

const METADATA = { kommunenavn: 'Tønsberg kommune', opprettet: '2024-10-01T10:15:00+02:00' };

describe('the etteroppgjør as PDF/A-2b', () => {
  let r: ReturnType<typeof resultat>;
  let ut: ReturnType<typeof poppler>;
  beforeAll(async () => {
    r = resultat();
    ut = poppler(await renderEtteroppgjoer(r, METADATA, { deterministisk: true }));
  });

  it('identifies itself as PDF/A-2b (pdfinfo) with every font embedded', () => {
    expect(ut.meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(ut.meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(ut.meta).toContain('Etteroppgjør for vederlag for langtidsopphold, 2023');
    expect(ut.info).toMatch(/^PDF version:\s+1\.7$/m);
    const fonter = fontrader(ut.fonter);
    expect(fonter.length).toBeGreaterThanOrEqual(2);
    for (const f of fonter) expect(f.innebygd, f.linje).toBe(true);
  });

  it('carries the same result: every month, the total, the basis, the paragraphs', () => {
    const tekst = ut.tekst.replace(/\s+/g, ' ');
    const e = r.etteroppgjoer;
    expect(e.maaneder.map((m) => m.maaned)).toEqual([
      '2023-02',
      '2023-03',
      '2023-04',
      '2023-05',
      '2023-06',
      '2023-07',
      '2023-08',
      '2023-09',
      '2023-10',
    ]);
    const kr = (n: number) => new Intl.NumberFormat('nb-NO').format(n).replace(/\s/g, ' ');
    for (const m of e.maaneder) {
      expect(tekst).toContain(m.maaned);
      expect(tekst.replace(/\s/g, ' ')).toContain(kr(m.endelig));
    }
    expect(tekst).toContain(e.differanse < 0 ? 'Beboeren skal ha tilbake' : 'Beboeren skylder');
    expect(tekst.replace(/\s/g, ' ')).toContain(kr(Math.abs(e.differanse)));
    expect(tekst).toContain('egenandelsforskriften § 3 sjette ledd');
    expect(tekst).toContain('egenandelsforskriften § 6 første ledd');
    expect(tekst).toContain('egenandelsforskriften § 6 fjerde ledd');
    expect(tekst).toContain('skatteoppgjørsdato 2024-02-15');
    expect(tekst).toContain('Erstatter det foreløpige vederlaget, som bygde på skatteoppgjøret for 2022');
    expect(tekst).toContain('2024/88');
    expect(ut.tekst).not.toMatch(/(?<!\d)\d{11}(?!\d)/);
  });

  it('refuses a result without an etteroppgjør, naming the field', async () => {
    const { etteroppgjoer: _, ...uten } = resultat();
    await expect(renderEtteroppgjoer(uten, METADATA)).rejects.toBeInstanceOf(Valideringsfeil);
    await expect(renderEtteroppgjoer(uten, METADATA)).rejects.toThrow(/resultat\.etteroppgjoer/);
  });
});
