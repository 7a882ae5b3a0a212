import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { avvikFraGullfil } from '@inntektsgrunnlag/beregning';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { testkontekst } from './testkontekst.js';

const gullfil = (navn: string) => fileURLToPath(new URL(`../../../testdata/golden/${navn}`, import.meta.url));
const TONSBERG = gullfil('barnehage-tonsberg-2023.json');
const TUSENBEIN = gullfil('barnehage-tusenbein-2025.json');

async function kjoer(argv: string[], stdinTekst?: string) {
  const t = testkontekst(stdinTekst ? { stdinTekst } : {});
  const kode = await runCli(argv, t.kontekst);
  return { kode, ut: t.ut(), feil: t.feil() };
}

function forventet(fil: string): Record<string, number> {
  return (JSON.parse(readFileSync(fil, 'utf8')) as { forventet: Record<string, number> }).forventet;
}

describe('beregn BARNEHAGE_SFO (golden cases through the CLI)', () => {
  it('Tønsberg 2023: 300 000 + 175 000 + 5 000 interest = 480 000 → 2 618 per month', async () => {
    const r = await kjoer(['beregn', TONSBERG]);
    expect(r.feil).toBe('');
    expect(r.kode).toBe(0);
    const resultat = JSON.parse(r.ut);
    expect(avvikFraGullfil(resultat, forventet(TONSBERG))).toEqual([]);
    expect(resultat.beregningsbeloep).toBe(480000);
    expect(resultat.foreldrebetaling.barn[0].prisPerMaaned).toBe(2618);
    expect(resultat.foreldrebetaling.inntektsgrenser).toEqual({
      seksProsentBarnehage: 550000,
      gratisKjernetid: null,
    });
    expect(resultat.foreldrebetaling.maksimalprisPerMaaned).toBe(3000);
  });

  it('Tusenbein 2025: 1 200 + 840 + 0 = 2 040 per month', async () => {
    const r = await kjoer(['beregn', TUSENBEIN]);
    expect(r.kode).toBe(0);
    const resultat = JSON.parse(r.ut);
    expect(avvikFraGullfil(resultat, forventet(TUSENBEIN))).toEqual([]);
    expect(resultat.foreldrebetaling.barn.map((b: { prisPerMaaned: number }) => b.prisPerMaaned)).toEqual([
      1200, 840, 0,
    ]);
    expect(resultat.foreldrebetaling.sumPerMaaned).toBe(2040);
  });

  it('explains every reduction with its paragraph, and masks the identifiers', async () => {
    const r = await kjoer(['beregn', TONSBERG, '--format', 'tabell']);
    expect(r.kode).toBe(0);
    expect(r.ut).toMatch(/Husholdningens samlede inntekt/);
    expect(r.ut).toMatch(/6 % av husholdningens inntekt fordelt på 11 betalingsmåneder/);
    expect(r.ut).toContain('[forskrift om foreldrebetaling i barnehager § 3b første ledd]');
    expect(r.ut).toContain('[forskrift om foreldrebetaling i barnehager § 3d tredje ledd]');
    expect(r.ut).toContain('2\u00a0618,18');
    expect(r.ut).not.toContain('17868510013');
  });

  it('reads a bare request from standard input, and refuses a bad vedtak with the field, exit code 2', async () => {
    const foresporsel = JSON.parse(readFileSync(TONSBERG, 'utf8')).foresporsel;
    const ok = await kjoer(['beregn', '-'], JSON.stringify(foresporsel));
    expect(ok.kode).toBe(0);
    expect(JSON.parse(ok.ut).foreldrebetaling.sumPerMaaned).toBe(2618);

    foresporsel.vedtak.barn[0].tilbud = 'SFO';
    const feil = await kjoer(['beregn', '-'], JSON.stringify(foresporsel));
    expect(feil.kode).toBe(2);
    expect(feil.ut).toBe('');
    expect(feil.feil).toMatch(/vedtak\.barn\.0\.trinn: mangler: SFO-plass må ha årstrinn/);
    expect(feil.feil).not.toMatch(/\n\s+at /);
  });

  it('refuses a child in the gratis kjernetid age range after 31 July 2026, with the reason and exit code 2', async () => {
    const foresporsel = JSON.parse(readFileSync(TUSENBEIN, 'utf8')).foresporsel;
    foresporsel.vedtak.barn[0].foedselsdato = '2022-05-01';
    // The limit from 1 August 2026 is not known (the table ends 31 July 2026).
    foresporsel.beregningsdato = '2026-09-01';
    const r = await kjoer(['beregn', '-'], JSON.stringify(foresporsel));
    expect(r.kode).toBe(2);
    expect(r.feil).toMatch(/Inntektsgrense for gratis kjernetid.*31\. juli 2026/);
    expect(r.feil).toContain('foreldrebetaling.kjernetidInntektsgrense');
    expect(r.feil).toContain('docs/drift.md, «Nye satser»');

    // A household that has not applied for gratis kjernetid (§ 3d første ledd) does not need the limit.
    foresporsel.vedtak.soektGratisKjernetid = false;
    const uten = await kjoer(['beregn', '-'], JSON.stringify(foresporsel));
    expect(uten.kode).toBe(0);
    expect(JSON.parse(uten.ut).foreldrebetaling.sumPerMaaned).toBe(2040);
  });
});
