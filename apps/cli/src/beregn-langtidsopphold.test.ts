import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { avvikFraGullfil } from '@inntektsgrunnlag/beregning';
import { lesGullfiler, TESTDATA } from '@inntektsgrunnlag/vitest-config/testdata';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { testkontekst } from './testkontekst.js';

const KS_EKSEMPEL = fileURLToPath(new URL('../../../examples/langtidsopphold-ks-2023.json', import.meta.url));
const gullfiler = lesGullfiler('langtidsopphold-');

async function kjoer(argv: string[], stdinTekst?: string) {
  const t = testkontekst(stdinTekst !== undefined ? { stdinTekst } : {});
  const kode = await runCli(argv, t.kontekst);
  return { kode, ut: t.ut(), feil: t.feil() };
}

function midlertidigFil(navn: string, innhold: unknown): string {
  const fil = join(mkdtempSync(join(tmpdir(), 'langtidsopphold-')), navn);
  writeFileSync(fil, typeof innhold === 'string' ? innhold : JSON.stringify(innhold));
  return fil;
}

describe('pnpm cli beregn, LANGTIDSOPPHOLD_INSTITUSJON', () => {
  it.each(gullfiler.map((g) => [g.id, g] as const))('reproduces the golden case %s', async (_, g) => {
    const r = await kjoer(['beregn', join(TESTDATA, 'golden', g.fil)]);
    expect(r.feil).toBe('');
    expect(r.kode).toBe(0);
    const resultat = JSON.parse(r.ut);
    expect(avvikFraGullfil(resultat, g.forventet)).toEqual([]);
    expect(resultat).toMatchObject({
      beregningstype: 'LANGTIDSOPPHOLD_INSTITUSJON',
      inntektsaar: g.foresporsel && (g.foresporsel as { inntektsaar: number }).inntektsaar,
      avgiftsnoekkel: 'vederlag',
    });
  });

  it('gives beregningsbeloep 567 127 for the KS example with its posts inline', async () => {
    const r = await kjoer(['beregn', KS_EKSEMPEL]);
    expect(r.kode).toBe(0);
    const resultat = JSON.parse(r.ut);
    expect(resultat.beregningsbeloep).toBe(567_127);
    expect(resultat.inntekt.beloep).toBe(801_718);
    expect(resultat.fradrag.beloep).toBe(234_591);
    expect(resultat.vederlag).toMatchObject({ perAar: 462_155, perMaaned: 38_512 });
    // The result carries the explanation, the rule versions and the amounts as numbers in kroner.
    expect(resultat.tabell.linjer.map((l: { tekst: string }) => l.tekst)).toContain('Beregningsgrunnlag');
    expect(resultat.regelverk.pakke.navn).toBe('@inntektsgrunnlag/langtidsopphold');
    expect(resultat.regelverk.satser.map((s: { tabell: string }) => s.tabell)).toContain(
      'langtidsopphold.fribeloep',
    );
    expect(resultat.inntekt.grupper[1]).toMatchObject({
      tekniskNavn: 'arbeidsinntekt',
      operasjon: 'ADDERE',
      poster: [
        {
          tekniskNavn: 'samletLoennsinntektMedTrygdeavgiftspliktOgMedTrekkplikt',
          kilde: 'SKATTEETATEN',
          beloep: 767_670,
        },
        { tekniskNavn: 'avkortetFordelVedElektroniskKommunikasjon', kilde: 'SKATTEETATEN', beloep: 4_392 },
      ],
    });
  });

  it('explains the result for a person to read with --format tabell', async () => {
    const r = await kjoer(['beregn', KS_EKSEMPEL, '--format', 'tabell']);
    expect(r.kode).toBe(0);
    expect(r.ut).toMatch(/Beregningsgrunnlag: kr\u00a0567\u00a0127,00/);
    expect(r.ut).toMatch(/Vederlag per måned: kr\u00a038\u00a0512,00/);
    expect(r.ut).toContain('[egenandelsforskriften § 3 annet ledd]');
    expect(r.ut).not.toContain('04817299771');
  });

  it('applies the municipality’s settings from --kommuneinnstillinger', async () => {
    const fil = midlertidigFil('innstillinger.json', {
      kommunenavn: 'Testkommune',
      LANGTIDSOPPHOLD_INSTITUSJON: { grunnbeloep: 'GJENNOMSNITT_FOR_AARET' },
    });
    const r = await kjoer(['beregn', KS_EKSEMPEL, '--kommuneinnstillinger', fil]);
    expect(r.kode).toBe(0);
    const resultat = JSON.parse(r.ut);
    expect(resultat.vederlag.grunnbeloep.beloep).toBe(122_225);
    expect(resultat.regelverk.kommuneinnstillinger.grunnbeloep).toBe('GJENNOMSNITT_FOR_AARET');
    // 0.75 × (122 225 − 10 000) + 0.85 × (567 127 − 122 225) = 84 168.75 + 378 166.70
    expect(resultat.vederlag.perAar).toBe(462_335);
  });

  it('refuses a bad setting with the field and exit code 2', async () => {
    const fil = midlertidigFil('innstillinger.json', {
      LANGTIDSOPPHOLD_INSTITUSJON: { boutgifterMaksAntallMaaneder: 13 },
    });
    const r = await kjoer(['beregn', KS_EKSEMPEL, '--kommuneinnstillinger', fil]);
    expect(r.kode).toBe(2);
    expect(r.feil).toMatch(/kommuneinnstillinger\.LANGTIDSOPPHOLD_INSTITUSJON\.boutgifterMaksAntallMaaneder/);
  });

  it('refuses a bad vedtak with the field and the reason, exit code 2, no stack trace', async () => {
    const foresporsel = JSON.parse(readFileSync(KS_EKSEMPEL, 'utf8'));
    foresporsel.vedtak = { innflyttingsdato: '2024-13-01', korttidsopphold: { doegn: -1 } };
    const r = await kjoer(['beregn', '-'], JSON.stringify(foresporsel));
    expect(r.kode).toBe(2);
    expect(r.feil).toMatch(/vedtak\.innflyttingsdato: må være en gyldig dato/);
    expect(r.feil).toMatch(/vedtak\.korttidsopphold\.doegn: kan ikke være negativt/);
    expect(r.feil).not.toMatch(/\bat \w+ \(/);
  });

  it('refuses a date with no known rates, exit code 2', async () => {
    const foresporsel = JSON.parse(readFileSync(KS_EKSEMPEL, 'utf8'));
    foresporsel.beregningsdato = '2027-03-01';
    const r = await kjoer(['beregn', '-'], JSON.stringify(foresporsel));
    expect(r.kode).toBe(2);
    expect(r.feil).toMatch(/Fribeløp .* gjetter aldri/);
  });

  it('reads JSON Lines: one result line per request, and reports a bad line by number', async () => {
    const linjer = gullfiler.map((g) => JSON.stringify(g.foresporsel));
    const ok = await kjoer(['beregn', '-'], `${linjer.join('\n')}\n`);
    expect(ok.kode).toBe(0);
    const ut = ok.ut
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(ut.map((r) => r.vederlag.perAar)).toEqual(gullfiler.map((g) => g.forventet['vederlag.perAar']));

    const feil = await kjoer(
      ['beregn', '-'],
      `${linjer[0]}\n{"beregningstype":"LANGTIDSOPPHOLD_INSTITUSJON"}\n`,
    );
    expect(feil.kode).toBe(1);
    expect(feil.ut.trim().split('\n')).toHaveLength(1);
    expect(feil.feil).toMatch(/Linje 2: inntektsaar/);
  });
});
