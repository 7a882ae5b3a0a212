import { type Beregningsresultat, beregnForesporsel, type EnhverBeregner } from '@inntektsgrunnlag/beregning';
import { beregner as foreldrebetaling } from '@inntektsgrunnlag/foreldrebetaling';
import { beregner as langtidsopphold } from '@inntektsgrunnlag/langtidsopphold';
import { beregner as praktiskBistand } from '@inntektsgrunnlag/praktisk-bistand';
import { lesGullfiler, lesTestdata } from '@inntektsgrunnlag/vitest-config/testdata';
import { describe, expect, it } from 'vitest';
import { fontrader, poppler } from '../test/poppler.js';
import { formaterBeloep } from './format.js';
import { renderPdf } from './render.js';

const BEREGNERE: Record<string, EnhverBeregner> = {
  LANGTIDSOPPHOLD_INSTITUSJON: langtidsopphold,
  PRAKTISK_BISTAND: praktiskBistand,
  BARNEHAGE_SFO: foreldrebetaling,
};

const METADATA = {
  kommunenavn: 'Testkommune',
  laget: { rolle: 'saksbehandler' },
  saksreferanse: '2026/1',
  opprettet: '2026-11-27T12:00:00+01:00',
};

/** Every legal reference the result's Beregningstabell names. */
function hjemler(r: Beregningsresultat): string[] {
  const ut = new Set<string>();
  const gaa = (linjer: Beregningsresultat['tabell']['linjer']) => {
    for (const l of linjer) {
      if (l.hjemmel) ut.add(l.hjemmel);
      if (l.linjer) gaa(l.linjer);
    }
  };
  gaa(r.tabell.linjer);
  return [...ut];
}

/** What every journaled document of a real result must satisfy. */
async function kontroller(r: Beregningsresultat) {
  const ut = poppler(await renderPdf(r, METADATA, { deterministisk: true }));
  expect(ut.meta).toContain('<pdfaid:part>2</pdfaid:part>');
  expect(ut.meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
  for (const f of fontrader(ut.fonter)) expect(f.innebygd, f.linje).toBe(true);
  const tekst = ut.tekst.replace(/\s+/g, ' ');
  expect(tekst).toContain(formaterBeloep(r.beregningsbeloep));
  for (const h of r.hovedtall) expect(tekst).toContain(`kr ${formaterBeloep(h.beloep)}`);
  for (const h of hjemler(r)) expect(tekst).toContain(h);
  expect(ut.tekst).not.toContain('\u00a0');
  return { ...ut, tekst };
}

describe('a PDF for each golden case', () => {
  for (const gull of lesGullfiler('')) {
    it(gull.id, async () => {
      const type = (gull.foresporsel as { beregningstype: string }).beregningstype;
      const beregner = BEREGNERE[type];
      if (!beregner) throw new Error(`Ingen beregner for ${type}`);
      const r = beregnForesporsel(beregner, gull.foresporsel, { idag: '2026-11-27' });
      await kontroller(r);
    });
  }
});

interface KsEksempel {
  foresporsel: {
    personer: Array<{ identifikator: string; type: string; ekstraposter: unknown[] }>;
    [k: string]: unknown;
  };
  personer: Record<
    string,
    {
      summertSkattegrunnlag: Array<{ tekniskNavn: string; beloep: number }>;
      beregnetSkatt?: Record<string, number>;
      avregning?: Record<string, number>;
    }
  >;
  svar: { beregningsbeloep: number };
}

describe('the KS example through the langtidsopphold area', () => {
  it('renders 567 127 and the paragraph references', async () => {
    const ks = lesTestdata('ks-fiks/eksempel-langtidsopphold-2023.json') as KsEksempel;
    // The published posts, given inline as the CLI and the golden cases take them.
    const foresporsel = {
      ...ks.foresporsel,
      beregningsdato: '2024-06-01',
      personer: ks.foresporsel.personer.map((p) => {
        const k = ks.personer[p.identifikator];
        const poster = [
          ...(k?.summertSkattegrunnlag ?? []).map(({ tekniskNavn, beloep }) => ({ tekniskNavn, beloep })),
          ...Object.entries({ ...k?.beregnetSkatt, ...k?.avregning }).map(([tekniskNavn, beloep]) => ({
            tekniskNavn,
            beloep,
          })),
        ];
        return { ...p, poster };
      }),
    };
    const r = beregnForesporsel(langtidsopphold, foresporsel, { idag: '2026-11-27' });
    expect(r.beregningsbeloep).toBe(ks.svar.beregningsbeloep);
    const ut = await kontroller(r);
    expect(ut.tekst).toContain('567 127');
    expect(ut.tekst).toContain('egenandelsforskriften § 3');
  });
});
